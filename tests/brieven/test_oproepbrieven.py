"""The letters of the cases app (issue 15): the oproepen for the brede intake (the second one with the written
warning of Wet 14 lid 1, the third with completion without the person) and the invitation to a
voortgangsgesprek. Each is rendered in the transaction that records it and goes out aangemaakt → verzonden:
by post through the print batch (the confirmed posting day is its verzonden_op), or handed over that day.
Pure rules first, then service tests on the real database, then the PDF text of each letter kind."""

import re
from datetime import date, time, timedelta

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from cases.contact import rules as contact_rules
from cases.contact import services as contact_services
from cases.intake import rules, services
from cases.models import Fase, Uitnodiging, UitnodigingVoortgangsgesprek
from inburgering.accounts.roles import Rol
from inburgering.documenten import verzending
from inburgering.documenten.models import VerzendStatus, VerzendWijze
from tests import klok
from tests.brieven.test_briefkop import assert_kop, pdf_a, tekst, uit_brp
from tests.factories import DossierFactory, InburgeraarFactory, UserFactory

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global VANDAAG, GESPREK
    VANDAAG = date.today()
    GESPREK = VANDAAG + timedelta(days=14)


WAARSCHUWING = "boete geven van € 250"


@pytest.fixture
def postkamer(db):
    return UserFactory(username="post", team=None, rol=Rol.POSTKAMER)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def intake_dossier(werkcoach, *, adres=True):
    persoon = uit_brp() if adres else InburgeraarFactory(voornamen="Amina", geslachtsnaam="Haddad")
    return DossierFactory(werkcoach=werkcoach, fase=Fase.INTAKE, inburgeraar=persoon)


def oproep(dossier, by, **extra):
    args = {"dossier_id": dossier.pk, "gesprek_op": GESPREK, "tijd": time(9, 30), "plaats": "Gemeentehuis Delfzijl",
            "reactie_uiterlijk": GESPREK - timedelta(days=3), "by": by, **extra}
    return services.uitnodiging_vastleggen(**args)


def niet_verschenen(uitnodiging, by):
    """The talk took place (yesterday) and the person did not come; a letter still waiting counts as posted."""
    Uitnodiging.objects.filter(pk=uitnodiging.pk).update(gesprek_op=VANDAAG - timedelta(days=1))
    Uitnodiging.objects.filter(pk=uitnodiging.pk, verzonden_op__isnull=True).update(
        verzonden_op=VANDAAG - timedelta(days=5))
    services.uitnodiging_uitkomst(dossier_id=uitnodiging.dossier_id, uitnodiging_id=uitnodiging.pk, verschenen=False,
                                  by=by)


# --- pure rules -------------------------------------------------------------------------------------------

def test_verzendwijze_fouten():
    assert verzending.verzendwijze_fouten(per_post=True, uitgereikt_op=None, heeft_adres=True, vandaag=VANDAAG) == {}
    assert verzending.verzendwijze_fouten(per_post=True, uitgereikt_op=None, heeft_adres=False, vandaag=VANDAAG) == {
        "verzendwijze": str(verzending.GEEN_ADRES)}
    assert "uitgereikt_op" in verzending.verzendwijze_fouten(per_post=False, uitgereikt_op=None, heeft_adres=False,
                                                          vandaag=VANDAAG)
    assert verzending.verzendwijze_fouten(per_post=False, uitgereikt_op=VANDAAG + timedelta(days=1), heeft_adres=True,
                                       vandaag=VANDAAG) == {"uitgereikt_op": str(verzending.UITREIKING_TOEKOMST)}
    assert verzending.verzendwijze_fouten(per_post=False, uitgereikt_op=VANDAAG, heeft_adres=False, vandaag=VANDAAG) == {}


def test_oproepbrief_fouten():
    assert rules.oproepbrief_fouten(gesprek_op=GESPREK, tijd=time(9), plaats="Delfzijl", reactie_uiterlijk=None,
                                    vandaag=VANDAAG) == {}
    assert rules.oproepbrief_fouten(gesprek_op=VANDAAG - timedelta(days=1), tijd=None, plaats=" ",
                                    reactie_uiterlijk=VANDAAG, vandaag=VANDAAG) == {
        "gesprek_op": str(rules.UITNODIGING_GESPREK_VERLEDEN), "tijd": str(rules.UITNODIGING_TIJD),
        "plaats": str(rules.UITNODIGING_PLAATS), "reactie_uiterlijk": str(rules.UITNODIGING_REACTIE_NA_GESPREK)}


def test_the_second_oproep_letter_is_the_warning_itself():
    eerdere = [rules.EerdereUitnodiging(1, False)]
    args = {"eerdere": eerdere, "verzonden_op": VANDAAG, "gesprek_op": GESPREK, "reactie_uiterlijk": None,
            "waarschuwing_op": None}
    assert "waarschuwing_op" in rules.nieuwe_uitnodiging_fouten(**args)
    assert rules.nieuwe_uitnodiging_fouten(**args, waarschuwing_in_brief=True) == {}


def test_uitnodiging_fouten():
    assert contact_rules.uitnodiging_fouten(datum=VANDAAG, plaats="Delfzijl", vandaag=VANDAAG) == {}
    assert contact_rules.uitnodiging_fouten(datum=VANDAAG - timedelta(days=1), plaats="", vandaag=VANDAAG) == {
        "datum": str(contact_rules.GESPREK_VERLEDEN), "plaats": str(contact_rules.PLAATS_VERPLICHT)}


# --- oproepen brede intake -----------------------------------------------------------------------------------

def test_an_oproep_by_post_waits_for_the_batch_and_the_confirmation_sends_it(werkcoach, postkamer):
    dossier = intake_dossier(werkcoach)

    eerste = oproep(dossier, werkcoach)

    assert eerste.verzonden_op is None
    assert eerste.document.dossier_id == dossier.pk
    v = eerste.document.verzending
    assert (v.soort, v.kenmerk, v.wijze, v.status) == ("intake_oproep", f"INT-{dossier.pk}-1", VerzendWijze.POST,
                                                        VerzendStatus.AANGEMAAKT)
    batch = verzending.batch_samenstellen(door=postkamer)
    verzending.batch_bevestigen(batch_id=batch.pk, gepost_op=VANDAAG, versie=batch.versie, door=postkamer)

    eerste.refresh_from_db()
    assert eerste.verzonden_op == VANDAAG
    assert eerste.waarschuwing_op is None


def test_an_oproep_handed_over_is_sent_that_day(werkcoach):
    dossier = intake_dossier(werkcoach, adres=False)
    gisteren = VANDAAG - timedelta(days=1)

    eerste = oproep(dossier, werkcoach, per_post=False, uitgereikt_op=gisteren)

    assert eerste.verzonden_op == gisteren
    assert eerste.document.verzending.status == VerzendStatus.VERZONDEN
    assert eerste.document.verzending.verzonden_op == gisteren


def test_no_oproep_by_post_without_an_address_and_nothing_is_saved(werkcoach):
    dossier = intake_dossier(werkcoach, adres=False)

    with pytest.raises(ValidationError) as fout:
        oproep(dossier, werkcoach)

    assert fout.value.message_dict["verzendwijze"] == [str(verzending.GEEN_ADRES)]
    assert not Uitnodiging.objects.filter(dossier=dossier).exists()


def test_an_oproep_letter_needs_a_time_and_a_place(werkcoach):
    dossier = intake_dossier(werkcoach)
    with pytest.raises(ValidationError) as fout:
        oproep(dossier, werkcoach, tijd=None, plaats="")
    assert set(fout.value.message_dict) == {"tijd", "plaats"}


def test_the_second_oproep_carries_the_warning_dated_by_its_posting(werkcoach, postkamer):
    dossier = intake_dossier(werkcoach)
    niet_verschenen(oproep(dossier, werkcoach, per_post=False, uitgereikt_op=VANDAAG), werkcoach)

    tweede = oproep(dossier, werkcoach)

    assert tweede.waarschuwing_op is None  # not given until the letter is sent
    batch = verzending.batch_samenstellen(door=postkamer)
    verzending.batch_bevestigen(batch_id=batch.pk, gepost_op=VANDAAG, versie=batch.versie, door=postkamer)
    tweede.refresh_from_db()
    assert (tweede.verzonden_op, tweede.waarschuwing_op) == (VANDAAG, VANDAAG)


def test_the_old_path_without_a_letter_still_records_a_sent_oproep(werkcoach):
    dossier = intake_dossier(werkcoach)
    eerste = services.uitnodiging_vastleggen(dossier_id=dossier.pk, verzonden_op=VANDAAG, gesprek_op=GESPREK,
                                             reactie_uiterlijk=None, waarschuwing_op=None, by=werkcoach)
    assert (eerste.verzonden_op, eerste.document) == (VANDAAG, None)


def test_the_letters_of_the_three_oproepen(werkcoach):
    dossier = intake_dossier(werkcoach)
    eerste = oproep(dossier, werkcoach, meenemen="Uw paspoort")
    niet_verschenen(eerste, werkcoach)
    tweede = oproep(dossier, werkcoach)
    niet_verschenen(tweede, werkcoach)
    derde = oproep(dossier, werkcoach)

    een, twee, drie = tekst(eerste.document), tekst(tweede.document), tekst(derde.document)

    assert_kop(een, kenmerk=f"INT-{dossier.pk}-1", werkcoach=werkcoach)
    assert_kop(twee, kenmerk=f"INT-{dossier.pk}-2", werkcoach=werkcoach)
    assert_kop(drie, kenmerk=f"INT-{dossier.pk}-3", werkcoach=werkcoach)
    assert pdf_a(eerste.document)
    assert "09:30" in een and "Gemeentehuis Delfzijl" in een and "Uw paspoort" in een
    assert f"uiterlijk op {GESPREK - timedelta(days=3):%-d}" in een
    assert WAARSCHUWING not in een and "Schriftelijke waarschuwing" not in een
    assert "Schriftelijke waarschuwing" in twee and WAARSCHUWING in twee and "artikel 22" in twee
    assert "geen besluit" in twee and "geen bezwaar" in twee
    assert "zonder u" in drie and "artikel 14 lid 2" in drie
    assert "zonder u" not in twee


# --- uitnodiging voortgangsgesprek ---------------------------------------------------------------------------

def uitnodigen(dossier, by, **extra):
    return contact_services.voortgangsgesprek_uitnodigen(**{
        "dossier_id": dossier.pk, "datum": GESPREK, "tijd": time(14, 0), "plaats": "Werkplein Appingedam",
        "toelichting": "Wij bespreken uw lessen.", "by": by, **extra})


def test_an_invitation_makes_its_letter_and_verzending(werkcoach, postkamer):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING, inburgeraar=uit_brp())

    uitnodiging = uitnodigen(dossier, werkcoach)

    v = uitnodiging.document.verzending
    assert (v.soort, v.kenmerk, v.status) == ("uitnodiging_voortgangsgesprek", f"VG-{dossier.pk}-{uitnodiging.pk}",
                                              VerzendStatus.AANGEMAAKT)
    inhoud = tekst(uitnodiging.document)
    assert_kop(inhoud, kenmerk=uitnodiging.kenmerk, werkcoach=werkcoach)
    assert "voortgangsgesprek" in inhoud and "14:00" in inhoud and "Werkplein Appingedam" in inhoud
    assert "Wij bespreken uw lessen." in inhoud
    assert WAARSCHUWING not in inhoud
    batch = verzending.batch_samenstellen(door=postkamer)
    verzending.batch_bevestigen(batch_id=batch.pk, gepost_op=VANDAAG, versie=batch.versie, door=postkamer)
    uitnodiging.refresh_from_db()
    assert uitnodiging.verzonden_op == VANDAAG


def test_an_invitation_without_an_address_is_handed_over_or_refused(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING)
    with pytest.raises(ValidationError) as fout:
        uitnodigen(dossier, werkcoach)
    assert "verzendwijze" in fout.value.message_dict
    assert not UitnodigingVoortgangsgesprek.objects.exists()

    uitnodiging = uitnodigen(dossier, werkcoach, per_post=False, uitgereikt_op=VANDAAG)
    assert uitnodiging.verzonden_op == VANDAAG


def test_the_invitation_form_shows_the_error_next_to_the_field_and_the_tab_lists_it(client, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING)
    url = reverse("contact:voortgangsgesprek_uitnodigen", args=[dossier.pk])
    client.force_login(werkcoach)
    formulier = {"datum": GESPREK.strftime("%d-%m-%Y"), "tijd": "10:15", "plaats": "Werkplein",
                 "verzendwijze": "post"}
    pagina = client.get(url).content.decode()
    assert str(verzending.GEEN_ADRES)[:40] in pagina

    antwoord = client.post(url, formulier)

    assert antwoord.status_code == 200
    assert not UitnodigingVoortgangsgesprek.objects.exists()
    antwoord = client.post(url, {**formulier, "verzendwijze": "uitreiking", "uitgereikt_op": VANDAAG.strftime("%d-%m-%Y")})
    assert antwoord.status_code == 302
    tab = client.get(reverse("contact:contacten", args=[dossier.pk])).content.decode()
    assert f"VG-{dossier.pk}-" in tab and "uitgereikt op" in tab


def test_no_show_cannot_be_recorded_on_an_oproep_that_was_never_sent(werkcoach):
    dossier = intake_dossier(werkcoach)
    eerste = oproep(dossier, werkcoach)
    Uitnodiging.objects.filter(pk=eerste.pk).update(gesprek_op=VANDAAG - timedelta(days=1))

    with pytest.raises(ValidationError, match="wacht nog op verzending"):
        services.uitnodiging_uitkomst(dossier_id=dossier.pk, uitnodiging_id=eerste.pk, verschenen=False, by=werkcoach)

    services.uitnodiging_uitkomst(dossier_id=dossier.pk, uitnodiging_id=eerste.pk, verschenen=True, by=werkcoach)


def test_the_oproep_form_without_an_address_offers_handover_and_says_why(client, werkcoach):
    dossier = intake_dossier(werkcoach, adres=False)
    client.force_login(werkcoach)
    url = reverse("intake:uitnodiging_nieuw", args=[dossier.pk])
    pagina = client.get(url).content.decode()
    assert str(verzending.GEEN_ADRES)[:40] in pagina
    assert re.search(r'<input type="radio" name="verzendwijze" value="uitreiking"[^>]* checked>', pagina)

    antwoord = client.post(url, {"gesprek_op": GESPREK.strftime("%d-%m-%Y"), "tijd": "09:30", "plaats": "Delfzijl",
                                 "verzendwijze": "post"})
    assert antwoord.status_code == 200
    assert str(verzending.GEEN_ADRES)[:40] in antwoord.content.decode()
    assert not Uitnodiging.objects.filter(dossier=dossier).exists()
