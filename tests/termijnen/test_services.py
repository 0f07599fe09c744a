"""The termijnen engine against the real database: recomputation whenever a fact changes,
suspension and resumption, and the worklist actions with their permissions."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from cases import services as dossier_services
from cases.models import Dossier, Signaal, SignaalSoort, Termijn, TermijnStatus
from cases.rules import Doelgroep
from cases.termijnen import services
from inburgering.accounts.systeem import Systeembron, systeemgebruiker
from inburgering.kalender import datums
from pip_plans.termijnen import PipTermijn
from tests import klok
from tests.factories import (
    BredeIntakeFactory,
    ConsulentFactory,
    DossierFactory,
    PipFactory,
    SignaalFactory,
    TermijnFactory,
)
from tests.pip_plans.test_services import ingediend, vaststellen

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today()


ZATERDAG = date(2025, 3, 1)  # + 10 weeks = Saturday 10 May 2025 → Algemene termijnenwet: Monday 12 May


def persoon(**extra) -> dict:
    return {"bsn": "999993653", "voornamen": "Yusuf", "geslachtsnaam": "Haddad", "geboortedatum": date(1990, 3, 4),
            **extra}


def dossiergegevens(**extra) -> dict:
    return {"doelgroep": Doelgroep.GEZINSVORMER, "datum_kennisgeving": ZATERDAG, "datum_koppeling": None,
            "datum_huisvesting": None, **extra}


def registreer(by, **dossier) -> Dossier:
    return dossier_services.inburgeraar_met_dossier_aanmaken(persoon=persoon(), dossier=dossiergegevens(**dossier),
                                                              by=by)


def bijwerken(dossier: Dossier, by, **wijzig) -> Dossier:
    dossier.refresh_from_db()
    return dossier_services.dossier_bijwerken(
        dossier_id=dossier.pk, versie=dossier.versie, persoon=persoon(), dossier=dossiergegevens(**wijzig), by=by,
    )


def pip_termijn(dossier) -> Termijn:
    return Termijn.objects.get(dossier=dossier, soort=PipTermijn.PIP_VASTSTELLEN)


# --- recomputation on fact changes ---------------------------------------------------------------


def test_a_new_dossier_gets_its_pip_termijn_with_the_algemene_termijnenwet(werkcoach):
    dossier = registreer(werkcoach)

    termijn = pip_termijn(dossier)
    assert termijn.bron == "pip_plans"
    assert termijn.basisdatum == ZATERDAG
    assert termijn.berekende_fatale_datum == termijn.fatale_datum == date(2025, 5, 12)
    assert termijn.streefdatum == date(2025, 4, 28)  # 14 days ahead (GemeenteInstellingen)
    assert termijn.status == TermijnStatus.OPEN  # overdue, but marking it verlopen is the sweep's job
    assert "10 weken na kennisgeving van DUO" in termijn.toelichting
    assert termijn.history.get().history_change_reason == "Berekend (pip_plans)"


def test_changing_the_kennisgeving_recomputes_the_pip_termijn(werkcoach):
    dossier = registreer(werkcoach)

    bijwerken(dossier, werkcoach, datum_kennisgeving=date(2025, 3, 10))

    termijn = pip_termijn(dossier)
    assert (termijn.basisdatum, termijn.fatale_datum, termijn.streefdatum) == (
        date(2025, 3, 10), date(2025, 5, 19), date(2025, 5, 5))
    assert termijn.history.count() == 2


def test_an_edit_that_changes_no_fact_writes_no_termijn_history(werkcoach):
    dossier = registreer(werkcoach)

    bijwerken(dossier, werkcoach)

    assert pip_termijn(dossier).history.count() == 1


def test_asiel_without_brp_registration_has_no_pip_termijn_until_it_is_registered(werkcoach):
    dossier = registreer(werkcoach, doelgroep=Doelgroep.ASIELSTATUSHOUDER, datum_kennisgeving=VANDAAG - timedelta(30))
    assert not Termijn.objects.filter(dossier=dossier).exists()

    vestiging = VANDAAG - timedelta(days=2)
    bijwerken(dossier, werkcoach, doelgroep=Doelgroep.ASIELSTATUSHOUDER, datum_kennisgeving=VANDAAG - timedelta(30),
              datum_huisvesting=vestiging, datum_brp_vestiging=vestiging)

    termijn = pip_termijn(dossier)
    assert termijn.basisdatum == vestiging
    assert termijn.berekende_fatale_datum >= datums.weken_na(vestiging, 10)


def test_a_verlopen_pip_termijn_reopens_when_a_corrected_date_puts_it_in_the_future(werkcoach):
    dossier = registreer(werkcoach)
    services.termijnen_sweep()
    assert pip_termijn(dossier).status == TermijnStatus.VERLOPEN

    bijwerken(dossier, werkcoach, datum_kennisgeving=VANDAAG - timedelta(days=7))

    termijn = pip_termijn(dossier)
    assert termijn.status == TermijnStatus.OPEN
    assert termijn.fatale_datum >= VANDAAG + timedelta(weeks=9)
    assert not termijn.nadert_gesignaleerd


def test_ending_a_dossier_lets_its_open_termijnen_lapse(werkcoach):
    dossier = registreer(werkcoach, datum_kennisgeving=VANDAAG - timedelta(days=7))
    dossier.refresh_from_db()

    dossier_services.dossier_beeindigen(dossier_id=dossier.pk, versie=dossier.versie, reden="verhuisd",
                                        datum=VANDAAG, toelichting="", by=werkcoach)

    assert pip_termijn(dossier).status == TermijnStatus.VERVALLEN
    services.termijnen_sweep(peildatum=VANDAAG + timedelta(days=365))
    assert not Signaal.objects.filter(dossier=dossier).exists()


def test_a_recomputation_a_person_caused_names_that_person_in_the_history(werkcoach, collega):
    dossier = registreer(werkcoach)
    assert pip_termijn(dossier).history.latest().history_user == werkcoach

    bijwerken(dossier, collega, datum_kennisgeving=ZATERDAG + timedelta(days=1))

    laatste = pip_termijn(dossier).history.latest()
    assert (laatste.history_user, laatste.history_change_reason) == (collega, "Berekend (pip_plans)")


def test_a_recomputation_no_person_caused_names_the_system_user_fetched_once(werkcoach):
    dossier = registreer(werkcoach)
    Dossier.objects.filter(pk=dossier.pk).update(datum_kennisgeving=ZATERDAG + timedelta(days=2))  # e.g. DUO's message
    systeem = systeemgebruiker(Systeembron.TERMIJNEN)

    with CaptureQueriesContext(connection) as queries:
        services.termijnen_herberekenen(dossier_id=dossier.pk)

    assert pip_termijn(dossier).history.latest().history_user == systeem
    assert sum("systeem-termijnen" in q["sql"] for q in queries) == 1


def test_vaststellen_the_pip_makes_its_termijn_gehaald_and_starts_the_others(werkcoach, consulent):
    dossier = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach, dossier__doelgroep=Doelgroep.GEZINSVORMER,
                                 dossier__datum_kennisgeving=VANDAAG - timedelta(days=40)).dossier
    services.termijnen_herberekenen(dossier_id=dossier.pk)
    assert pip_termijn(dossier).status == TermijnStatus.OPEN

    pip = vaststellen(ingediend(dossier, werkcoach), consulent, dagtekening=VANDAAG - timedelta(days=1))

    pip.refresh_from_db()
    termijnen = {(t.soort, t.sleutel): t for t in Termijn.objects.filter(dossier=dossier)}
    assert termijnen[(PipTermijn.PIP_VASTSTELLEN, "")].status == TermijnStatus.GEHAALD
    assert termijnen[(PipTermijn.PIP_VASTSTELLEN, "")].gehaald_op == pip.dagtekening
    inburgering = termijnen[(PipTermijn.INBURGERINGSTERMIJN, "")]
    assert (inburgering.basisdatum, inburgering.fatale_datum) == (VANDAAG, datums.plus_jaren(VANDAAG, 3) - timedelta(1))
    bezwaar = termijnen[(PipTermijn.BEZWAAR, f"pip-{pip.pk}")]
    assert (bezwaar.basisdatum, bezwaar.fatale_datum, bezwaar.streefdatum) == (
        pip.bekendmaking, pip.bezwaar_einde, pip.bezwaar_einde)
    assert termijnen[(PipTermijn.SCHAKELEN, "")].fatale_datum == datums.periode_maanden_einde(VANDAAG, 18)
    gesprek = termijnen[(PipTermijn.VOORTGANGSGESPREK, f"{VANDAAG:%Y-%m-%d}")]
    assert gesprek.status == TermijnStatus.OPEN
    assert gesprek.fatale_datum > VANDAAG + timedelta(weeks=20)  # 6 gesprekken over 3 years: every ~26 weeks


# --- suspension --------------------------------------------------------------------------------


@pytest.fixture
def termijn(werkcoach):
    """A gemeente's own working term (the next voortgangsgesprek): the kind that may be suspended freely."""
    pip = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach, dagtekening=VANDAAG - timedelta(days=8),
                     termijn_start=VANDAAG - timedelta(days=7))
    services.termijnen_herberekenen(dossier_id=pip.dossier_id)
    return Termijn.objects.get(dossier=pip.dossier, soort=PipTermijn.VOORTGANGSGESPREK)


def test_suspending_and_resuming_moves_the_dates_by_the_suspended_days(termijn, werkcoach):
    fataal, streef = termijn.fatale_datum, termijn.streefdatum

    services.termijn_opschorten(termijn_id=termijn.pk, van=VANDAAG - timedelta(days=5), reden="Wacht op COA",
                                by=werkcoach)
    termijn.refresh_from_db()
    assert termijn.status == TermijnStatus.OPGESCHORT
    services.termijn_hervatten(termijn_id=termijn.pk, tot=VANDAAG - timedelta(days=1), by=werkcoach)

    termijn.refresh_from_db()
    assert termijn.status == TermijnStatus.OPEN
    assert termijn.opgeschorte_dagen == 5
    assert termijn.fatale_datum == fataal + timedelta(days=5)
    assert termijn.streefdatum == streef + timedelta(days=5)
    assert termijn.berekende_fatale_datum == fataal
    opschorting = termijn.opschortingen.get()
    assert (opschorting.reden, opschorting.door, opschorting.hervat_door) == ("Wacht op COA", werkcoach, werkcoach)


def test_resuming_keeps_the_distance_between_streefdatum_and_fatale_datum_the_owner_chose(werkcoach):
    # A bezwaartermijn warns on its last day (streefdatum == fatale datum), not 14 days ahead.
    termijn = TermijnFactory(dossier__werkcoach=werkcoach, soort=PipTermijn.VOORTGANGSGESPREK)
    termijn.streefdatum = termijn.fatale_datum
    termijn.save()

    services.termijn_opschorten(termijn_id=termijn.pk, van=VANDAAG - timedelta(days=2), reden="Ziek", by=werkcoach)
    services.termijn_hervatten(termijn_id=termijn.pk, tot=VANDAAG, by=werkcoach)

    termijn.refresh_from_db()
    assert termijn.streefdatum == termijn.fatale_datum


def test_two_suspensions_add_up_and_survive_a_recomputation(termijn, werkcoach):
    fataal = termijn.fatale_datum
    for van, tot in ((VANDAAG - timedelta(days=6), VANDAAG - timedelta(days=5)), (VANDAAG, VANDAAG)):
        services.termijn_opschorten(termijn_id=termijn.pk, van=van, reden="Ziek", by=werkcoach)
        services.termijn_hervatten(termijn_id=termijn.pk, tot=tot, by=werkcoach)

    services.termijnen_herberekenen(dossier_id=termijn.dossier_id)

    termijn.refresh_from_db()
    assert termijn.opgeschorte_dagen == 3
    assert termijn.fatale_datum == fataal + timedelta(days=3)
    assert termijn.status == TermijnStatus.OPEN


def test_a_suspended_termijn_stays_suspended_when_recomputed_and_is_not_swept(termijn, werkcoach):
    services.termijn_opschorten(termijn_id=termijn.pk, van=VANDAAG, reden="Wacht op informatie", by=werkcoach)

    services.termijnen_herberekenen(dossier_id=termijn.dossier_id)
    services.termijnen_sweep(peildatum=termijn.fatale_datum + timedelta(days=30))

    termijn.refresh_from_db()
    assert termijn.status == TermijnStatus.OPGESCHORT
    assert not Signaal.objects.filter(termijn=termijn).exists()


@pytest.mark.parametrize(("van", "reden", "melding"), [
    pytest.param(lambda: VANDAAG + timedelta(days=1), "Ziek", "Deze datum ligt in de toekomst.", id="morgen"),
    pytest.param(lambda: VANDAAG, "  ", "Geef een reden op.", id="zonder-reden"),
])
def test_a_suspension_needs_a_reason_and_a_start_that_is_not_in_the_future(termijn, werkcoach, van, reden, melding):
    with pytest.raises(ValidationError) as fout:
        services.termijn_opschorten(termijn_id=termijn.pk, van=klok.invullen(van), reden=reden, by=werkcoach)
    assert melding in str(fout.value)


def test_suspending_twice_or_resuming_before_the_start_is_refused(termijn, werkcoach):
    services.termijn_opschorten(termijn_id=termijn.pk, van=VANDAAG, reden="Ziek", by=werkcoach)
    with pytest.raises(ValidationError, match="al opgeschort"):
        services.termijn_opschorten(termijn_id=termijn.pk, van=VANDAAG, reden="Ziek", by=werkcoach)
    with pytest.raises(ValidationError, match="niet vóór de start"):
        services.termijn_hervatten(termijn_id=termijn.pk, tot=VANDAAG - timedelta(days=1), by=werkcoach)


def test_resuming_a_termijn_that_is_not_suspended_is_refused(termijn, werkcoach):
    with pytest.raises(ValidationError, match="niet opgeschort"):
        services.termijn_hervatten(termijn_id=termijn.pk, tot=VANDAAG, by=werkcoach)


def test_a_verlopen_termijn_cannot_be_suspended(werkcoach):
    termijn = TermijnFactory(dossier__werkcoach=werkcoach, verlopen_gisteren=True, status=TermijnStatus.VERLOPEN,
                             soort=PipTermijn.VOORTGANGSGESPREK)
    with pytest.raises(ValidationError, match="Alleen een open termijn"):
        services.termijn_opschorten(termijn_id=termijn.pk, van=VANDAAG, reden="Ziek", by=werkcoach)


@pytest.mark.parametrize(("wie", "fout"), [
    ("werkcoach_ander_team", Termijn.DoesNotExist),  # outside their reach: not even found
    ("manager", PermissionDenied),  # sees it, read-only
])
def test_only_those_who_may_edit_the_dossier_can_suspend(termijn, request, wie, fout):
    with pytest.raises(fout):
        services.termijn_opschorten(termijn_id=termijn.pk, van=VANDAAG, reden="Ziek", by=request.getfixturevalue(wie))


@pytest.mark.parametrize("wie", ["collega", "consulent"])
def test_a_team_colleague_or_consulent_may_suspend(termijn, request, wie):
    services.termijn_opschorten(termijn_id=termijn.pk, van=VANDAAG, reden="Ziek", by=request.getfixturevalue(wie))
    assert Termijn.objects.get(pk=termijn.pk).status == TermijnStatus.OPGESCHORT


# --- worklist actions ------------------------------------------------------------------------------


@pytest.fixture
def signaal(werkcoach):
    return SignaalFactory(termijn__dossier__werkcoach=werkcoach)


def test_handling_a_signal_records_who_when_and_the_note(signaal, werkcoach):
    services.signaal_afhandelen(signaal_id=signaal.pk, notitie="PIP gepland op 3 juni", by=werkcoach)

    signaal.refresh_from_db()
    assert not signaal.is_open
    assert (signaal.afgehandeld_door, signaal.notitie) == (werkcoach, "PIP gepland op 3 juni")
    assert signaal.history.latest().history_change_reason == "Afgehandeld"
    assert signaal.history.latest().history_user == werkcoach


def test_a_signal_cannot_be_handled_twice(signaal, werkcoach, collega):
    services.signaal_afhandelen(signaal_id=signaal.pk, notitie="", by=werkcoach)
    with pytest.raises(ValidationError, match="al afgehandeld"):
        services.signaal_afhandelen(signaal_id=signaal.pk, notitie="ook", by=collega)
    with pytest.raises(ValidationError, match="al afgehandeld"):
        services.signaal_wegzetten(signaal_id=signaal.pk, tot=VANDAAG + timedelta(days=3), by=collega)


def test_snoozing_a_signal_needs_a_date_in_the_future(signaal, werkcoach):
    with pytest.raises(ValidationError, match="toekomst"):
        services.signaal_wegzetten(signaal_id=signaal.pk, tot=VANDAAG, by=werkcoach)

    services.signaal_wegzetten(signaal_id=signaal.pk, tot=VANDAAG + timedelta(days=7), by=werkcoach)

    signaal.refresh_from_db()
    assert signaal.gesnoozed_tot == VANDAAG + timedelta(days=7)
    assert signaal.is_open


@pytest.mark.parametrize(("wie", "fout"), [
    ("werkcoach_ander_team", Signaal.DoesNotExist),
    ("manager", PermissionDenied),
])
def test_only_those_who_may_edit_the_dossier_can_handle_or_snooze(signaal, request, wie, fout):
    by = request.getfixturevalue(wie)
    with pytest.raises(fout):
        services.signaal_afhandelen(signaal_id=signaal.pk, notitie="", by=by)
    with pytest.raises(fout):
        services.signaal_wegzetten(signaal_id=signaal.pk, tot=VANDAAG + timedelta(days=1), by=by)
    assert Signaal.objects.get(pk=signaal.pk).is_open


def test_a_consulent_may_handle_any_signal(signaal):
    consulent = ConsulentFactory(team=None)
    services.signaal_afhandelen(signaal_id=signaal.pk, notitie="Overgenomen", by=consulent)
    assert not Signaal.objects.get(pk=signaal.pk).is_open


def test_an_aandachtspunt_is_a_manual_signal_without_termijn(dossier, werkcoach):
    signaal = services.aandachtspunt_aanmaken(dossier_id=dossier.pk, omschrijving="Tolk regelen", by=werkcoach)

    assert (signaal.soort, signaal.termijn, signaal.dossier, signaal.aangemaakt_door) == (
        SignaalSoort.AANDACHTSPUNT, None, dossier, werkcoach)
    assert signaal.history.get().history_change_reason == "Aandachtspunt"


def test_an_aandachtspunt_needs_a_description(dossier, werkcoach):
    with pytest.raises(ValidationError) as fout:
        services.aandachtspunt_aanmaken(dossier_id=dossier.pk, omschrijving=" ", by=werkcoach)
    assert fout.value.message_dict == {"omschrijving": ["Beschrijf het aandachtspunt."]}


@pytest.mark.parametrize(("wie", "fout"), [
    ("werkcoach_ander_team", Dossier.DoesNotExist),
    ("manager", PermissionDenied),
])
def test_only_those_who_may_edit_the_dossier_add_an_aandachtspunt(dossier, request, wie, fout):
    with pytest.raises(fout):
        services.aandachtspunt_aanmaken(dossier_id=dossier.pk, omschrijving="x", by=request.getfixturevalue(wie))
    assert not Signaal.objects.exists()


def test_an_ended_dossier_gets_no_aandachtspunt(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, beeindigd=True)
    with pytest.raises(ValidationError):
        services.aandachtspunt_aanmaken(dossier_id=dossier.pk, omschrijving="x", by=werkcoach)
    assert not Signaal.objects.exists()


def test_several_aandachtspunten_on_one_dossier_are_allowed(dossier, werkcoach):
    for tekst in ("Tolk regelen", "Kinderopvang"):
        services.aandachtspunt_aanmaken(dossier_id=dossier.pk, omschrijving=tekst, by=werkcoach)
    assert Signaal.objects.filter(dossier=dossier, soort=SignaalSoort.AANDACHTSPUNT).count() == 2



def test_a_resumed_termijn_moves_its_signals_in_the_werkvoorraad_sort(termijn, werkcoach):
    signaal = SignaalFactory(termijn=termijn, soort="nadert")
    assert (signaal.urgentie, signaal.sorteer_fatale_datum) == (1, termijn.fatale_datum)

    services.termijn_opschorten(termijn_id=termijn.pk, van=VANDAAG - timedelta(days=5), reden="Ziek", by=werkcoach)
    services.termijn_hervatten(termijn_id=termijn.pk, tot=VANDAAG - timedelta(days=1), by=werkcoach)

    signaal.refresh_from_db()
    assert signaal.sorteer_fatale_datum == termijn.fatale_datum + timedelta(days=5)


def test_the_sweep_stores_the_werkvoorraad_sort_key_on_its_signals(werkcoach):
    termijn = TermijnFactory(dossier__werkcoach=werkcoach, verlopen_gisteren=True)

    services.termijnen_sweep(peildatum=VANDAAG)

    signaal = Signaal.objects.get(termijn=termijn, soort="verlopen")
    assert (signaal.urgentie, signaal.sorteer_fatale_datum) == (0, termijn.fatale_datum)
