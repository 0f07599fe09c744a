"""The handhaving letters through the print batch (issue 15): a waarschuwing, voornemen or boetebeschikking
by post is made now and sent when the postkamer confirms the batch. That day is the waarschuwing's date, the
start of the zienswijze period, and the bekendmaking of the fine (the bezwaartermijn runs from it); the
rapport copy goes with the boetebeschikking. What needs the letter sent waits for it. Service tests on the
real database, and the PDF text of each letter kind."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError

import pytest

from handhaving import rules, services
from handhaving.models import Handhavingszaak
from handhaving.termijnen import HandhavingTermijn
from inburgering.accounts.roles import Rol
from inburgering.documenten import verzending
from inburgering.documenten.models import Verzending, VerzendStatus, VerzendWijze
from inburgering.kalender.selectors import bezwaar_einde
from pip_plans.termijnen import PipTermijn
from tests import klok, versies
from tests.brieven.test_briefkop import assert_kop, pdf_a, tekst, uit_brp
from tests.factories import DossierFactory, InburgeraarFactory, UitnodigingFactory, UserFactory
from tests.handhaving.test_services import invoer, openen, rapport, versie

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global VANDAAG, GISTEREN
    VANDAAG = date.today()
    GISTEREN = VANDAAG - timedelta(days=1)


@pytest.fixture
def postkamer(db):
    return UserFactory(username="post", team=None, rol=Rol.POSTKAMER)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _dossier(werkcoach, *, adres=True):
    persoon = uit_brp() if adres else InburgeraarFactory()
    dossier = DossierFactory(werkcoach=werkcoach, fase="intake", doelgroep="Gezinsvormer", inburgeraar=persoon)
    UitnodigingFactory(dossier=dossier, volgnummer=1, verschenen=False)
    UitnodigingFactory(dossier=dossier, volgnummer=2, verschenen=False, waarschuwing_op=VANDAAG - timedelta(days=25),
                       verzonden_op=VANDAAG - timedelta(days=25), gesprek_op=VANDAAG - timedelta(days=20))
    return dossier


def _gesprek(zaak, werkcoach):
    services.gesprek_vastleggen(zaak_id=zaak.pk, datum=GISTEREN, uitkomst="gevoerd", cautie="gegeven",
                                verslag="Besproken.", by=werkcoach)


def _posten(postkamer):
    batch = verzending.batch_samenstellen(door=postkamer)
    verzending.batch_bevestigen(batch_id=batch.pk, gepost_op=VANDAAG, versie=versies.van(batch), door=postkamer)
    return batch


def _verse(zaak) -> Handhavingszaak:
    return Handhavingszaak.objects.get(pk=zaak.pk)


def test_a_warning_by_post_is_sent_when_the_batch_is_posted(werkcoach, consulent, postkamer, media):
    zaak = openen(_dossier(werkcoach), werkcoach)
    _gesprek(zaak, werkcoach)
    zaak = services.waarschuwing_versturen(zaak_id=zaak.pk, versie=versie(zaak), toelichting="", per_post=True,
                                           by=werkcoach)
    assert zaak.waarschuwing_op is None
    brief = zaak.waarschuwing_document.verzending
    assert (brief.wijze, brief.status, brief.kenmerk) == (VerzendWijze.POST, VerzendStatus.AANGEMAAKT,
                                                          f"{zaak.kenmerk}-W")
    # The voornemen waits for the warning to be sent.
    with pytest.raises(ValidationError) as fout:
        services.voornemen_versturen(zaak_id=zaak.pk, versie=versie(zaak), verwijtbaarheid="", verwijtbaarheid_reden="",
                                     toelichting="", uitgereikt_op=VANDAAG, by=consulent)
    assert str(rules.WAARSCHUWING_NIET_VERZONDEN) in fout.value.messages

    _posten(postkamer)
    assert _verse(zaak).waarschuwing_op == VANDAAG
    inhoud = tekst(zaak.waarschuwing_document)
    assert_kop(inhoud, kenmerk=f"{zaak.kenmerk}-W", werkcoach=werkcoach)
    assert f"Datum {VANDAAG.day}" in inhoud  # dated the day it was made (its dagtekening)
    assert pdf_a(zaak.waarschuwing_document)


def test_a_voornemen_by_post_starts_the_zienswijze_period_when_posted(werkcoach, consulent, postkamer, media):
    zaak = openen(_dossier(werkcoach), werkcoach)
    _gesprek(zaak, werkcoach)
    services.waarschuwing_versturen(zaak_id=zaak.pk, versie=versie(zaak), toelichting="", uitgereikt_op=GISTEREN,
                                    by=werkcoach)
    zaak = services.voornemen_versturen(zaak_id=zaak.pk, versie=versie(zaak), verwijtbaarheid="",
                                        verwijtbaarheid_reden="", toelichting="", per_post=True, by=consulent)
    assert (zaak.voornemen_op, zaak.zienswijze_einde) == (None, None)
    assert not zaak.dossier.termijnen.filter(soort=HandhavingTermijn.ZIENSWIJZE).exists()
    inhoud = tekst(zaak.voornemen_document)
    assert_kop(inhoud, kenmerk=f"{zaak.kenmerk}-V", werkcoach=werkcoach)
    assert "binnen 2 weken na de dag waarop wij deze brief hebben verstuurd" in inhoud
    # Neither a zienswijze nor a decision before the voornemen went out.
    with pytest.raises(ValidationError) as fout:
        services.zienswijze_vastleggen(zaak_id=zaak.pk, ontvangen_op=VANDAAG, wijze="mondeling", inhoud="Ziek.",
                                       versie=versie(zaak), by=werkcoach)
    assert str(rules.VOORNEMEN_NIET_VERZONDEN) in fout.value.messages
    with pytest.raises(ValidationError) as fout:
        services.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), invoer=invoer(), by=UserFactory(
            username="c2", team=werkcoach.team, rol=Rol.CONSULENT))
    assert str(rules.VOORNEMEN_NIET_VERZONDEN) in fout.value.message_dict["__all__"]

    _posten(postkamer)
    zaak = _verse(zaak)
    assert zaak.voornemen_op == VANDAAG
    assert zaak.zienswijze_einde == services.zienswijze_einde(VANDAAG)
    termijn = zaak.dossier.termijnen.get(soort=HandhavingTermijn.ZIENSWIJZE)
    assert termijn.fatale_datum == zaak.zienswijze_einde


def test_a_fine_by_post_is_bekendgemaakt_when_posted_with_the_rapport_copy(werkcoach, consulent, postkamer, media):
    dossier = _dossier(werkcoach)
    zaak = openen(dossier, werkcoach, verplichting=rules.Verplichting.PVT)
    _gesprek(zaak, werkcoach)
    services.waarschuwing_versturen(zaak_id=zaak.pk, versie=versie(zaak), toelichting="", uitgereikt_op=GISTEREN,
                                    by=werkcoach)
    rapport(zaak, werkcoach)
    services.voornemen_versturen(zaak_id=zaak.pk, versie=versie(zaak), verwijtbaarheid="grove_schuld",
                                 verwijtbaarheid_reden="Wist het.", toelichting="",
                                 uitgereikt_op=VANDAAG - timedelta(days=30), by=consulent)
    Handhavingszaak.objects.filter(pk=zaak.pk).update(zienswijze_einde=VANDAAG - timedelta(days=10))
    beslisser = UserFactory(username="c2", team=werkcoach.team, rol=Rol.CONSULENT)
    zaak = services.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), by=beslisser, invoer=invoer(
        bekendmaking=None, per_post=True, boete=services.selectors.BoeteInvoer(
            verwijtbaarheid="grove_schuld", verwijtbaarheid_reden="Wist het.")))
    assert (zaak.bekendmaking, zaak.bezwaar_einde) == (None, None)
    assert not dossier.termijnen.filter(soort=PipTermijn.BEZWAAR).exists()
    wachtend = Verzending.objects.filter(dossier_id=dossier.pk, status=VerzendStatus.AANGEMAAKT)
    assert sorted(wachtend.values_list("soort", "kenmerk")) == [
        ("handhaving_boetebeschikking", f"{zaak.kenmerk}-B"), ("handhaving_rapport", f"{zaak.kenmerk}-R")]
    beschikking = tekst(zaak.besluit_document)
    assert_kop(beschikking, kenmerk=f"{zaak.kenmerk}-B", werkcoach=werkcoach)
    assert "dat is de dag waarop wij het naar u hebben verstuurd" in beschikking
    assert_kop(tekst(zaak.rapport_document), kenmerk=f"{zaak.kenmerk}-R", werkcoach=werkcoach)

    batch = _posten(postkamer)
    assert batch.verzendingen.count() == 2  # the rapport copy goes with the decision
    zaak = _verse(zaak)
    assert zaak.bekendmaking == VANDAAG
    assert zaak.bezwaar_einde == bezwaar_einde(VANDAAG)
    assert dossier.termijnen.get(soort=PipTermijn.BEZWAAR, sleutel=f"handhaving-{zaak.pk}").fatale_datum == \
        zaak.bezwaar_einde


def test_handed_over_the_day_is_required_and_counts_at_once(werkcoach, consulent):
    zaak = openen(_dossier(werkcoach), werkcoach)
    _gesprek(zaak, werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.waarschuwing_versturen(zaak_id=zaak.pk, versie=versie(zaak), toelichting="", by=werkcoach)
    assert fout.value.message_dict == {"uitgereikt_op": [str(verzending.UITREIKING_INVULLEN)]}
    with pytest.raises(ValidationError) as fout:
        services.waarschuwing_versturen(zaak_id=zaak.pk, versie=versie(zaak), toelichting="",
                                        uitgereikt_op=VANDAAG + timedelta(days=1), by=werkcoach)
    assert "uitgereikt_op" in fout.value.message_dict
    zaak = services.waarschuwing_versturen(zaak_id=zaak.pk, versie=versie(zaak), toelichting="",
                                           uitgereikt_op=GISTEREN, by=werkcoach)
    brief = zaak.waarschuwing_document.verzending
    assert (zaak.waarschuwing_op, brief.wijze, brief.status, brief.verzonden_op) == (
        GISTEREN, VerzendWijze.UITREIKING, VerzendStatus.VERZONDEN, GISTEREN)


def test_no_letter_by_post_without_an_address(werkcoach):
    zaak = openen(_dossier(werkcoach, adres=False), werkcoach)
    _gesprek(zaak, werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.waarschuwing_versturen(zaak_id=zaak.pk, versie=versie(zaak), toelichting="", per_post=True,
                                        by=werkcoach)
    assert fout.value.message_dict == {"verzendwijze": [str(verzending.GEEN_ADRES)]}
    assert _verse(zaak).waarschuwing_document_id is None  # nothing half-saved
    assert not Verzending.objects.exists()
