"""Contactmomenten: registering a contact, the voortgangsgesprek termijn it resets (computed by
pip_plans from the number in the PIP), no-shows kept for handhaving, and the pages."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

import pytest

from cases.contact import services
from cases.models import Contactmoment, Dossier, Signaal, SignaalSoort, Termijn, TermijnStatus
from cases.termijnen.services import termijnen_herberekenen, termijnen_sweep
from pip_plans.termijnen import PipTermijn
from tests import klok
from tests.factories import ContactmomentFactory, DossierFactory, PipFactory

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global VANDAAG, GESPREK
    VANDAAG = date.today()
    GESPREK = {"datum": VANDAAG - timedelta(days=1), "soort": "voortgangsgesprek", "deelnemers": "inburgeraar, werkcoach",
               "tolk_gebruikt": True, "tolk_taal": "Arabisch", "onderwerpen": "Voortgang taalles", "leerroute_past": "ja",
               "afspraken": "Volgende maand examen LZ", "volgende_afspraak": VANDAAG + timedelta(days=30)}


def vastleggen(dossier, by, **wijzig) -> Contactmoment:
    return services.contactmoment_vastleggen(dossier_id=dossier.pk, gegevens={**GESPREK, **wijzig}, by=by)


@pytest.fixture
def met_pip(werkcoach):
    """A dossier in uitvoering whose PIP (6 gesprekken) started the termijn 100 days ago."""
    pip = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach, aantal_voortgangsgesprekken=6,
                     dagtekening=VANDAAG - timedelta(days=101), termijn_start=VANDAAG - timedelta(days=100))
    termijnen_herberekenen(dossier_id=pip.dossier_id)
    return pip.dossier


def gesprekstermijnen(dossier) -> list[tuple]:
    return list(Termijn.objects.filter(dossier=dossier, soort=PipTermijn.VOORTGANGSGESPREK)
                .order_by("basisdatum").values_list("basisdatum", "fatale_datum", "status", "gehaald_op"))


# --- service --------------------------------------------------------------------------------------


def test_a_contact_is_recorded_with_its_author_and_a_history_reason(dossier, werkcoach):
    contact = vastleggen(dossier, werkcoach)

    contact.refresh_from_db()
    assert (contact.dossier, contact.vastgelegd_door, contact.soort, contact.leerroute_past) == (
        dossier, werkcoach, "voortgangsgesprek", "ja")
    assert (contact.tolk_gebruikt, contact.tolk_taal, contact.volgende_afspraak) == (
        True, "Arabisch", VANDAAG + timedelta(days=30))
    historie = contact.history.get()
    assert (historie.history_change_reason, historie.history_user) == ("Voortgangsgesprek vastgelegd", werkcoach)


@pytest.mark.parametrize(("wijzig", "veld"), [
    ({"datum": lambda: VANDAAG + timedelta(days=1)}, "datum"),
    ({"leerroute_past": ""}, "leerroute_past"),
    ({"volgende_afspraak": lambda: VANDAAG - timedelta(days=1)}, "volgende_afspraak"),
    ({"tolk_taal": ""}, "tolk_taal"),
    ({"soort": "brief"}, "soort"),
])
def test_an_invalid_contact_is_refused_with_a_dutch_error_on_the_field(dossier, werkcoach, wijzig, veld):
    with pytest.raises(ValidationError) as fout:
        vastleggen(dossier, werkcoach, **klok.invullen(wijzig))
    assert veld in fout.value.message_dict
    assert not Contactmoment.objects.exists()


@pytest.mark.parametrize(("wie", "fout"), [("werkcoach_ander_team", Dossier.DoesNotExist), ("manager", PermissionDenied)])
def test_only_the_werkcoach_in_scope_or_a_consulent_records_a_contact(dossier, request, wie, fout):
    with pytest.raises(fout):
        vastleggen(dossier, request.getfixturevalue(wie))


@pytest.mark.parametrize("wie", ["collega", "consulent"])
def test_a_team_colleague_or_consulent_may_record_a_contact(dossier, request, wie):
    vastleggen(dossier, request.getfixturevalue(wie))
    assert Contactmoment.objects.count() == 1


def test_no_contact_on_an_ended_dossier(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, beeindigd=True)
    with pytest.raises(ValidationError, match="afgesloten"):
        vastleggen(dossier, werkcoach)


# --- the voortgangsgesprek termijn -------------------------------------------------------------------


def test_a_vastgesteld_pip_starts_the_first_voortgangsgesprek_termijn_from_its_number(met_pip):
    start = VANDAAG - timedelta(days=100)
    [(basis, fataal, status, gehaald)] = gesprekstermijnen(met_pip)
    assert (basis, status, gehaald) == (start, TermijnStatus.OPEN, None)
    assert 181 <= (fataal - start).days <= 182  # three years / 6 gesprekken


def test_a_voortgangsgesprek_meets_the_current_termijn_and_starts_the_next(met_pip, werkcoach):
    gisteren = VANDAAG - timedelta(days=1)

    vastleggen(met_pip, werkcoach, datum=gisteren)

    eerste, volgende = gesprekstermijnen(met_pip)
    assert (eerste[2], eerste[3]) == (TermijnStatus.GEHAALD, gisteren)
    assert volgende[0] == gisteren
    assert volgende[1] == gisteren + (eerste[1] - eerste[0])  # the same interval, from the gesprek
    assert volgende[2] == TermijnStatus.OPEN


@pytest.mark.parametrize("soort", ["no_show", "huisbezoek", "telefonisch"])
def test_other_contacts_do_not_reset_the_termijn_but_are_kept(met_pip, werkcoach, soort):
    voor = gesprekstermijnen(met_pip)

    vastleggen(met_pip, werkcoach, soort=soort, leerroute_past="")

    assert gesprekstermijnen(met_pip) == voor
    assert Contactmoment.objects.get(dossier=met_pip).soort == soort  # handhaving reads the no-shows later


def test_a_missed_gesprek_is_signalled_again_in_the_next_cycle(met_pip, werkcoach):
    """One termijn per cycle, so the unique (termijn, soort) signal does not swallow a second miss."""
    termijnen_sweep(peildatum=VANDAAG + timedelta(days=200))  # the first gesprek is overdue
    vastleggen(met_pip, werkcoach, datum=VANDAAG)  # held late

    termijnen_sweep(peildatum=VANDAAG + timedelta(days=400))  # and the next one is missed too

    verlopen = Signaal.objects.filter(dossier=met_pip, soort=SignaalSoort.VERLOPEN)
    assert verlopen.count() == 2
    assert [s for _b, _f, s, _g in gesprekstermijnen(met_pip)] == [TermijnStatus.GEHAALD, TermijnStatus.VERLOPEN]


def test_gesprekken_before_the_termijn_start_do_not_count(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase="in_uitvoering")
    ContactmomentFactory(dossier=dossier, datum=VANDAAG - timedelta(days=200))
    PipFactory(vastgesteld=True, dossier=dossier, termijn_start=VANDAAG - timedelta(days=10))

    termijnen_herberekenen(dossier_id=dossier.pk)

    assert [b for b, *_ in gesprekstermijnen(dossier)] == [VANDAAG - timedelta(days=10)]


def test_no_voortgangsgesprek_termijn_without_a_vastgesteld_pip(dossier, werkcoach):
    vastleggen(dossier, werkcoach)
    assert gesprekstermijnen(dossier) == []


# --- pages -----------------------------------------------------------------------------------------


def formulier(**wijzig) -> dict:
    data = {**GESPREK, **wijzig}
    return {k: ("on" if v is True else v.isoformat() if isinstance(v, date) else v) for k, v in data.items()
            if v is not False}


def test_the_werkcoach_registers_a_contact_on_the_dossier(client, dossier, werkcoach):
    client.force_login(werkcoach)
    assert client.get(reverse("contact:contact_nieuw", args=[dossier.pk])).status_code == 200

    antwoord = client.post(reverse("contact:contact_nieuw", args=[dossier.pk]), formulier())

    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("contact:contacten", args=[dossier.pk])
    lijst = client.get(antwoord["Location"])
    assert "Voortgang taalles" in lijst.text
    assert "met tolk (Arabisch)" in lijst.text


def test_an_error_is_shown_in_dutch_next_to_the_field(client, dossier, werkcoach):
    client.force_login(werkcoach)

    antwoord = client.post(reverse("contact:contact_nieuw", args=[dossier.pk]),
                           formulier(datum=VANDAAG + timedelta(days=2)))

    assert antwoord.status_code == 200
    assert "Deze datum ligt in de toekomst." in antwoord.text
    assert "utrecht-form-field--invalid" in antwoord.text
    assert not Contactmoment.objects.exists()


def test_a_missing_kind_is_a_dutch_required_error(client, dossier, werkcoach):
    client.force_login(werkcoach)
    antwoord = client.post(reverse("contact:contact_nieuw", args=[dossier.pk]), formulier(soort=""))
    assert antwoord.status_code == 200
    assert "Dit veld is verplicht." in antwoord.text


@pytest.mark.parametrize(("wie", "lijst", "nieuw"), [
    ("werkcoach", 200, 200), ("collega", 200, 200), ("consulent", 200, 200),
    ("manager", 200, 403), ("werkcoach_ander_team", 404, 404), ("beheerder", 404, 404),
])
def test_who_may_see_and_register_contacts(client, dossier, request, wie, lijst, nieuw):
    client.force_login(request.getfixturevalue(wie))
    assert client.get(reverse("contact:contacten", args=[dossier.pk])).status_code == lijst
    assert client.get(reverse("contact:contact_nieuw", args=[dossier.pk])).status_code == nieuw


def test_the_dossier_page_links_to_the_contacts(client, dossier, werkcoach):
    client.force_login(werkcoach)
    pagina = client.get(reverse("cases:dossier_detail", args=[dossier.pk]))
    assert reverse("contact:contacten", args=[dossier.pk]) in pagina.text


def test_the_contact_list_hides_the_register_button_for_a_manager(client, dossier, manager):
    ContactmomentFactory(dossier=dossier, no_show=True)
    client.force_login(manager)
    pagina = client.get(reverse("contact:contacten", args=[dossier.pk]))
    assert "Niet verschenen (no-show)" in pagina.text
    assert reverse("contact:contact_nieuw", args=[dossier.pk]) not in pagina.text
