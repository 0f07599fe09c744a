"""Leerroute services against the real database: the enrolment FSM and its guards, schakelen via a
PIP wijziging, hours, exams, PVT, MAP, ontzorging, begeleiding, afronden; permissions and history."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from cases.models import Dossier, Fase
from cases.rules import Doelgroep
from inburgering.schrijven import VERSIE_VEROUDERD
from leerroutes import rules, selectors, services
from leerroutes.models import Afsluiting, Inschrijving, LeerroutesInstellingen, Map, Ontzorging, Pvt, Uren
from leerroutes.rules import InschrijvingStatus, StopReden
from leerroutes.rules import UrenCategorie as C
from pip_plans.models import Pip
from tests import klok
from tests.factories import AanbiederFactory, DossierFactory, ExamenFactory, PipFactory, UrenFactory
from tests.versies import nu

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global VANDAAG, DAGTEKENING, TERMIJN_START
    VANDAAG = date.today()
    DAGTEKENING = VANDAAG - timedelta(days=200)
    TERMIJN_START = DAGTEKENING + timedelta(days=1)


KERN = ["vrijheid", "gelijkwaardigheid", "solidariteit", "participatie"]
ACHT = [code for code, _l in rules.MAP_THEMAS]


def pip_voor(werkcoach, leerroute="B", niveau="B1", **dossier):
    return PipFactory(
        vastgesteld=True, leerroute=leerroute, niveau=niveau, dagtekening=DAGTEKENING, termijn_start=TERMIJN_START,
        dossier__werkcoach=werkcoach, **{f"dossier__{k}": v for k, v in dossier.items()},
    )


@pytest.fixture
def pip_b(werkcoach):
    return pip_voor(werkcoach)


@pytest.fixture
def taalschool(db):
    return AanbiederFactory(naam="Taalschool Noord")


def redenen(obj) -> list[str]:
    return [h.history_change_reason for h in obj.history.order_by("history_id")]


def inschrijven(pip, aanbieder, by, **kwargs) -> Inschrijving:
    return services.inschrijving_aanmaken(
        dossier_id=pip.dossier_id, aanbieder_id=aanbieder.pk, startdatum=DAGTEKENING + timedelta(days=10),
        geplande_einddatum=DAGTEKENING + timedelta(days=400), by=by, **kwargs,
    )


# --- enrolment ---------------------------------------------------------------------------------------
def test_an_enrolment_runs_from_gepland_to_afgerond_with_history(pip_b, taalschool, werkcoach):
    inschrijving = inschrijven(pip_b, taalschool, werkcoach)
    assert (inschrijving.leerroute, inschrijving.pip, inschrijving.status) == ("B", pip_b, InschrijvingStatus.GEPLAND)
    services.inschrijving_aanmelden(inschrijving_id=inschrijving.pk, datum=VANDAAG - timedelta(days=150), versie=nu(Inschrijving, pk=inschrijving.pk), by=werkcoach)
    services.inschrijving_starten(inschrijving_id=inschrijving.pk, datum=VANDAAG - timedelta(days=140), versie=nu(Inschrijving, pk=inschrijving.pk), by=werkcoach)
    services.inschrijving_afronden(inschrijving_id=inschrijving.pk, datum=VANDAAG, versie=nu(Inschrijving, pk=inschrijving.pk), by=werkcoach)

    inschrijving.refresh_from_db()
    assert inschrijving.status == InschrijvingStatus.AFGEROND
    assert redenen(inschrijving) == [
        "Ingeschreven bij Taalschool Noord", "Aangemeld bij de aanbieder", "Gestart", "Afgerond"]


def test_a_transition_from_the_wrong_status_is_a_user_error(pip_b, taalschool, werkcoach):
    inschrijving = inschrijven(pip_b, taalschool, werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.inschrijving_starten(inschrijving_id=inschrijving.pk, datum=VANDAAG, versie=nu(Inschrijving, pk=inschrijving.pk), by=werkcoach)
    assert fout.value.messages == [str(services.STATUS_ONJUIST)]


@pytest.mark.parametrize(
    ("aanbieder", "veld"),
    [
        pytest.param({"zonder_keurmerk": True}, "aanbieder", id="no-keurmerk"),
        pytest.param({"keurmerk_geldig_tot": lambda: DAGTEKENING}, "aanbieder", id="keurmerk-expired-before-start"),
        pytest.param({"taalschakeltraject": True}, "aanbieder", id="taalschakeltraject-for-B-route"),
    ],
)
def test_b_route_needs_a_keurmerk_valid_on_the_start_date(pip_b, werkcoach, aanbieder, veld):
    with pytest.raises(ValidationError) as fout:
        inschrijven(pip_b, AanbiederFactory(**klok.invullen(aanbieder)), werkcoach)
    assert veld in fout.value.message_dict


def test_onderwijsroute_needs_a_taalschakeltraject_institution(werkcoach):
    pip = pip_voor(werkcoach, leerroute="O", niveau="")
    with pytest.raises(ValidationError):
        inschrijven(pip, AanbiederFactory(), werkcoach)
    assert inschrijven(pip, AanbiederFactory(taalschakeltraject=True), werkcoach).leerroute == "O"


def test_a_route_other_than_the_geldend_pips_is_refused(pip_b, taalschool, werkcoach):
    with pytest.raises(ValidationError) as fout:
        inschrijven(pip_b, taalschool, werkcoach, leerroute="Z")
    assert "leerroute" in fout.value.message_dict


def test_dates_before_the_dagtekening_or_after_the_termijn_are_refused(pip_b, taalschool, werkcoach):
    with pytest.raises(ValidationError) as fout:
        services.inschrijving_aanmaken(
            dossier_id=pip_b.dossier_id, aanbieder_id=taalschool.pk, startdatum=DAGTEKENING - timedelta(days=1),
            geplande_einddatum=TERMIJN_START + timedelta(days=3 * 366), by=werkcoach,
        )
    assert set(fout.value.message_dict) == {"startdatum", "geplande_einddatum"}


def test_only_one_active_enrolment_per_dossier(pip_b, taalschool, werkcoach):
    inschrijven(pip_b, taalschool, werkcoach)
    with pytest.raises(ValidationError) as fout:
        inschrijven(pip_b, taalschool, werkcoach)
    assert fout.value.messages == [str(services.AL_ACTIEF)]


def test_without_a_vastgesteld_pip_there_is_no_enrolment(werkcoach, taalschool):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING)
    with pytest.raises(ValidationError):
        services.inschrijving_aanmaken(dossier_id=dossier.pk, aanbieder_id=taalschool.pk, startdatum=VANDAAG,
                                       geplande_einddatum=VANDAAG, by=werkcoach)


def test_a_pip_wijziging_to_another_route_stops_the_enrolment_and_keeps_its_hours(pip_b, taalschool, werkcoach):
    oud = inschrijven(pip_b, taalschool, werkcoach)
    uren = services.uren_vastleggen(dossier_id=pip_b.dossier_id, categorie=C.TAAL_KNM, van=VANDAAG - timedelta(days=30),
                                    tot=VANDAAG - timedelta(days=1), aantal=Decimal(60), aanbieder_id=taalschool.pk,
                                    by=werkcoach)
    assert services.inschrijving_na_pipwijziging(dossier_id=pip_b.dossier_id, by=werkcoach) is None  # same route

    Pip.objects.filter(pk=pip_b.pk).update(status="vervangen")
    PipFactory(vastgesteld=True, dossier=pip_b.dossier, versie=2, vorige=pip_b, leerroute="Z", niveau="",
               dagtekening=VANDAAG, termijn_start=TERMIJN_START)
    gestopt = services.inschrijving_na_pipwijziging(dossier_id=pip_b.dossier_id, by=werkcoach)

    assert gestopt.pk == oud.pk
    assert (gestopt.status, gestopt.stop_reden) == (InschrijvingStatus.GESTOPT, StopReden.SCHAKELEN)
    assert redenen(gestopt)[-1] == "Gestopt (schakelen): PIP versie 2: Z-route"
    assert Uren.objects.filter(pk=uren.pk).exists()
    assert services.inschrijving_na_pipwijziging(dossier_id=pip_b.dossier_id, by=werkcoach) is None  # twice is safe
    nieuw = services.inschrijving_aanmaken(
        dossier_id=pip_b.dossier_id, aanbieder_id=taalschool.pk, startdatum=VANDAAG,
        geplande_einddatum=VANDAAG + timedelta(days=300), by=werkcoach,
    )
    assert nieuw.leerroute == "Z"


def test_stopping_needs_a_known_reason(pip_b, taalschool, werkcoach):
    inschrijving = inschrijven(pip_b, taalschool, werkcoach)
    with pytest.raises(ValidationError):
        services.inschrijving_stoppen(inschrijving_id=inschrijving.pk, reden=StopReden.OVERIG, toelichting=" ",
                                      datum=VANDAAG, versie=nu(Inschrijving, pk=inschrijving.pk), by=werkcoach)
    services.inschrijving_stoppen(inschrijving_id=inschrijving.pk, reden=StopReden.UITVAL, toelichting="ziek",
                                  datum=VANDAAG, versie=nu(Inschrijving, pk=inschrijving.pk), by=werkcoach)
    assert redenen(inschrijving)[-1] == "Gestopt (Uitval (ziekte, werk, persoonlijke omstandigheden)): ziek"


def test_z_route_eindgesprek_needs_the_hours(werkcoach, taalschool):
    pip = pip_voor(werkcoach, leerroute="Z", niveau="")
    inschrijving = inschrijven(pip, taalschool, werkcoach)
    services.inschrijving_aanmelden(inschrijving_id=inschrijving.pk, datum=VANDAAG, versie=nu(Inschrijving, pk=inschrijving.pk), by=werkcoach)
    services.inschrijving_starten(inschrijving_id=inschrijving.pk, datum=VANDAAG, versie=nu(Inschrijving, pk=inschrijving.pk), by=werkcoach)
    UrenFactory(dossier=pip.dossier, categorie=C.TAAL_KNM, aantal=800, aanbieder=taalschool)
    with pytest.raises(ValidationError) as fout:
        services.inschrijving_afronden(inschrijving_id=inschrijving.pk, datum=VANDAAG, versie=nu(Inschrijving, pk=inschrijving.pk), by=werkcoach)
    assert "nog 800 uur participatie" in fout.value.messages[0]

    UrenFactory(dossier=pip.dossier, categorie=C.PARTICIPATIE, aantal=800)
    assert services.inschrijving_afronden(inschrijving_id=inschrijving.pk, datum=VANDAAG, versie=nu(Inschrijving, pk=inschrijving.pk), by=werkcoach).afgerond_op == VANDAAG


# --- permissions ----------------------------------------------------------------------------------------
def uren(dossier, by):
    return services.uren_vastleggen(dossier_id=dossier.pk, categorie=C.PARTICIPATIE, van=VANDAAG - timedelta(days=7),
                                    tot=VANDAAG - timedelta(days=1), aantal=Decimal("4.5"), by=by)


def test_the_werkcoach_a_team_colleague_and_a_consulent_may_record(dossier, werkcoach, collega, consulent):
    for wie in (werkcoach, collega, consulent):
        uren(dossier, wie)
    assert Uren.objects.filter(dossier=dossier).count() == 3


def test_a_werkcoach_of_another_team_does_not_see_the_dossier(dossier, werkcoach_ander_team):
    with pytest.raises(Dossier.DoesNotExist):
        uren(dossier, werkcoach_ander_team)


def test_a_manager_reads_but_does_not_write(dossier, manager):
    with pytest.raises(PermissionDenied):
        uren(dossier, manager)


def test_nothing_is_recorded_on_a_closed_dossier(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, beeindigd=True)
    with pytest.raises(ValidationError):
        uren(dossier, werkcoach)


# --- hours and afschalen -----------------------------------------------------------------------------
def test_hours_are_recorded_with_history_and_deleted_with_a_reason(dossier, werkcoach):
    regel = uren(dossier, werkcoach)
    assert redenen(regel) == ["4,5 uur Participatie-activiteiten vastgelegd"]
    services.uren_verwijderen(uren_id=regel.pk, reden="dubbel ingevoerd", by=werkcoach)
    assert not Uren.objects.filter(pk=regel.pk).exists()
    assert Uren.history.filter(id=regel.pk).latest("history_id").history_change_reason == "Verwijderd: dubbel ingevoerd"


def test_nt2_hours_for_afschalen_count_only_at_keurmerk_or_taalschakeltraject_institutions(dossier):
    keurmerk = AanbiederFactory()
    tst = AanbiederFactory(taalschakeltraject=True)
    verlopen = AanbiederFactory(keurmerk_geldig_tot=VANDAAG - timedelta(days=400))
    UrenFactory(dossier=dossier, aanbieder=keurmerk, aantal=300)
    UrenFactory(dossier=dossier, aanbieder=keurmerk, aantal=50, tijdens_intake=True)
    UrenFactory(dossier=dossier, aanbieder=tst, aantal=200)
    UrenFactory(dossier=dossier, aanbieder=verlopen, aantal=100)
    UrenFactory(dossier=dossier, aanbieder=None, aantal=100)
    UrenFactory(dossier=dossier, aanbieder=keurmerk, categorie=C.PARTICIPATIE, aantal=100)
    assert selectors.nt2_uren_voor_afschalen(dossier) == Decimal(550)


# --- exams -----------------------------------------------------------------------------------------------
def test_exam_results_get_attempt_numbers_and_free_attempts(dossier, werkcoach):
    for dagen, resultaat, reden in ((30, "Gezakt", ""), (20, "Geen", "Afgemeld"), (10, "Geslaagd", "")):
        services.examen_vastleggen(dossier_id=dossier.pk, onderdeel="SP", niveau="B1",
                                   datum=VANDAAG - timedelta(days=dagen), resultaat=resultaat,
                                   reden_geen_resultaat=reden, by=werkcoach)
    overzicht = selectors.traject_overzicht(dossier)
    assert [r.poging for r in overzicht.examens] == [1, None, 2]
    assert overzicht.gratis_pogingen["SP"] == 0
    assert overzicht.gratis_pogingen["LE"] == 2
    assert redenen(overzicht.examens[0].examen) == ["Examen SP B1: Gezakt"]


def test_the_same_part_on_the_same_day_is_refused(dossier, werkcoach):
    kwargs = {"dossier_id": dossier.pk, "onderdeel": "KNM", "niveau": "", "datum": VANDAAG, "resultaat": "Geslaagd",
              "by": werkcoach}
    services.examen_vastleggen(**kwargs)
    with pytest.raises(ValidationError):
        services.examen_vastleggen(**kwargs)


# --- PVT ---------------------------------------------------------------------------------------------
def test_pvt_for_asiel_starts_12_months_after_huisvesting_unless_a_reason_is_given(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, datum_huisvesting=VANDAAG - timedelta(days=100))
    with pytest.raises(ValidationError) as fout:
        services.pvt_vastleggen(dossier_id=dossier.pk, aanbieder_id=None, geplande_start=VANDAAG, versie=nu(Pvt, dossier_id=dossier.pk), by=werkcoach)
    assert "geplande_start" in fout.value.message_dict
    pvt = services.pvt_vastleggen(dossier_id=dossier.pk, aanbieder_id=None, geplande_start=VANDAAG,
                                  vroege_start_reden="Spreekt al goed Nederlands", versie=nu(Pvt, dossier_id=dossier.pk), by=werkcoach)
    assert redenen(pvt) == ["PVT vastgelegd"]


def test_pvt_sessions_feed_the_hours_and_signing_waits_until_complete(pip_b, werkcoach):
    dossier = pip_b.dossier
    cadanz = AanbiederFactory(welzijn=True, naam="Cadanz Welzijn")
    services.pvt_vastleggen(dossier_id=dossier.pk, aanbieder_id=cadanz.pk, geplande_start=None, themas=KERN[:3],
                            vroege_start_reden="test", versie=nu(Pvt, dossier_id=dossier.pk), by=werkcoach)
    services.pvt_sessie_vastleggen(dossier_id=dossier.pk, datum=VANDAAG - timedelta(days=20), uren=Decimal(8),
                                   onderwerp="Vrijheid en gelijkwaardigheid", by=werkcoach)
    services.pvt_sessie_vastleggen(dossier_id=dossier.pk, datum=VANDAAG - timedelta(days=10), uren=Decimal(3),
                                   onderwerp="Excursie gemeentehuis", activiteit=True, aanwezig=False, by=werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.pvt_ondertekening_vastleggen(dossier_id=dossier.pk, datum=VANDAAG, versie=nu(Pvt, dossier_id=dossier.pk), by=werkcoach)
    assert "nog 4 uur PVT" in fout.value.message_dict["pvt"][0]

    services.pvt_sessie_vastleggen(dossier_id=dossier.pk, datum=VANDAAG - timedelta(days=5), uren=Decimal(4),
                                   onderwerp="Excursie Tweede Kamer", activiteit=True, by=werkcoach)
    pvt = Pvt.objects.get(dossier=dossier)
    services.pvt_vastleggen(dossier_id=dossier.pk, aanbieder_id=cadanz.pk, geplande_start=None, themas=KERN,
                            vroege_start_reden="test", versie=pvt.versie, by=werkcoach)
    pvt = services.pvt_ondertekening_vastleggen(dossier_id=dossier.pk, datum=VANDAAG, versie=nu(Pvt, dossier_id=dossier.pk), by=werkcoach)

    assert pvt.ondertekend_op == VANDAAG
    assert Uren.objects.filter(dossier=dossier, categorie=C.PVT).count() == 2  # the absence has no hours
    assert redenen(pvt)[-1] == "Participatieverklaring ondertekend"
    with pytest.raises(ValidationError):
        services.pvt_vastleggen(dossier_id=dossier.pk, aanbieder_id=None, geplande_start=None, versie=nu(Pvt, dossier_id=dossier.pk), by=werkcoach)


def test_pvt_edit_with_an_old_version_is_refused(dossier, werkcoach):
    services.pvt_vastleggen(dossier_id=dossier.pk, aanbieder_id=None, geplande_start=None, versie=nu(Pvt, dossier_id=dossier.pk), by=werkcoach)
    services.pvt_vastleggen(dossier_id=dossier.pk, aanbieder_id=None, geplande_start=None, versie=1, by=werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.pvt_vastleggen(dossier_id=dossier.pk, aanbieder_id=None, geplande_start=None, versie=1, by=werkcoach)
    assert fout.value.code == "versie"


# --- MAP ---------------------------------------------------------------------------------------------
def test_map_is_refused_for_the_onderwijsroute(werkcoach):
    pip = pip_voor(werkcoach, leerroute="O", niveau="")
    with pytest.raises(ValidationError) as fout:
        services.map_vastleggen(dossier_id=pip.dossier_id, aanbieder_id=None, versie=nu(Map, dossier_id=pip.dossier_id), by=werkcoach)
    assert fout.value.messages == [str(rules.MAP_VRIJGESTELD)]


def test_map_eindgesprek_voldoende_needs_the_norm_hours_and_the_eight_themes(pip_b, werkcoach):
    dossier = pip_b.dossier
    services.map_vastleggen(dossier_id=dossier.pk, aanbieder_id=None, themas=ACHT, versie=nu(Map, dossier_id=dossier.pk), by=werkcoach)
    UrenFactory(dossier=dossier, categorie=C.MAP_PRAKTIJK, aantal=30)
    with pytest.raises(ValidationError) as fout:
        services.map_eindgesprek_vastleggen(dossier_id=dossier.pk, datum=VANDAAG, uitkomst="voldoende", versie=nu(Map, dossier_id=dossier.pk), by=werkcoach)
    assert "nog 10 uur MAP-praktijk (norm 40)" in fout.value.message_dict["uitkomst"][0]

    UrenFactory(dossier=dossier, categorie=C.MAP_PRAKTIJK, aantal=10)
    map_ = services.map_eindgesprek_vastleggen(dossier_id=dossier.pk, datum=VANDAAG, uitkomst="voldoende",
                                               versie=nu(Map, dossier_id=dossier.pk), by=werkcoach)
    assert (map_.eindgesprek_op, map_.eindgesprek_door) == (VANDAAG, werkcoach)
    assert redenen(map_) == ["MAP vastgelegd", "MAP-eindgesprek: voldoende"]


def test_map_norm_is_a_setting(pip_b, werkcoach):
    instellingen = LeerroutesInstellingen.huidig()
    instellingen.map_norm_uren = 0
    instellingen.save()
    services.map_vastleggen(dossier_id=pip_b.dossier_id, aanbieder_id=None, themas=ACHT, versie=nu(Map, dossier_id=pip_b.dossier_id), by=werkcoach)
    services.map_eindgesprek_vastleggen(dossier_id=pip_b.dossier_id, datum=VANDAAG, uitkomst="voldoende", versie=nu(Map, dossier_id=pip_b.dossier_id), by=werkcoach)


# --- ontzorging ----------------------------------------------------------------------------------------
def test_ontzorging_is_refused_for_a_gezinsmigrant(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, doelgroep=Doelgroep.GEZINSVORMER)
    with pytest.raises(ValidationError):
        services.ontzorging_starten(dossier_id=dossier.pk, uitvoerder_id=AanbiederFactory(naam="VKB").pk,
                                    bijstand_start=VANDAAG, asielvergunning_bepaalde_tijd=True, by=werkcoach)


def test_ontzorging_lifecycle(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, doelgroep=Doelgroep.GEZINSHERENIGER_ASIEL)
    vkb = AanbiederFactory(naam="VKB", soort="schuldhulp_budgetbeheer")
    start = date(VANDAAG.year - 1, 8, 31)
    with pytest.raises(ValidationError):  # a family member with a regulier permit
        services.ontzorging_starten(dossier_id=dossier.pk, uitvoerder_id=vkb.pk, bijstand_start=start,
                                    asielvergunning_bepaalde_tijd=False, by=werkcoach)
    ontzorging = services.ontzorging_starten(dossier_id=dossier.pk, uitvoerder_id=vkb.pk, bijstand_start=start,
                                             asielvergunning_bepaalde_tijd=True, by=werkcoach)
    assert ontzorging.einde == date(VANDAAG.year, 2, 28 if VANDAAG.year % 4 else 29)  # HR 2017:2225

    services.vaste_last_toevoegen(dossier_id=dossier.pk, soort="huur", begunstigde="Acantus", bedrag=Decimal("612.40"),
                                  van=start, by=werkcoach)
    with pytest.raises(ValidationError):
        services.vaste_last_toevoegen(dossier_id=dossier.pk, soort="internet", begunstigde="KPN", bedrag=Decimal(40),
                                      van=start, by=werkcoach)
    nieuw_einde = ontzorging.einde + timedelta(days=90)
    services.ontzorging_verlengen(dossier_id=dossier.pk, nieuw_einde=nieuw_einde, reden="budgetbeheer", versie=nu(Ontzorging, dossier_id=dossier.pk), by=werkcoach)
    services.ontzorging_beeindigen(dossier_id=dossier.pk, datum=ontzorging.einde + timedelta(days=10),
                                   reden="bijstand beëindigd (werk)", versie=nu(Ontzorging, dossier_id=dossier.pk), by=werkcoach)
    services.ontzorging_notitie_toevoegen(dossier_id=dossier.pk, datum=VANDAAG, tekst="Betaalt zelf de huur.",
                                          by=werkcoach)

    ontzorging = Ontzorging.objects.get(pk=ontzorging.pk)
    assert ontzorging.laatste_dag == ontzorging.einde + timedelta(days=10)
    assert len(redenen(ontzorging)) == 3
    with pytest.raises(ValidationError):
        services.ontzorging_verlengen(dossier_id=dossier.pk, nieuw_einde=nieuw_einde, reden="x", versie=nu(Ontzorging, dossier_id=dossier.pk), by=werkcoach)


# --- maatschappelijke begeleiding -------------------------------------------------------------------------
def test_begeleiding_starts_on_brp_registration_and_its_hours_count_as_activity(werkcoach):
    brp = VANDAAG - timedelta(days=60)
    dossier = DossierFactory(werkcoach=werkcoach, datum_brp_vestiging=brp)
    begeleiding = services.begeleiding_starten(dossier_id=dossier.pk, aanbieder_id=None, by=werkcoach)
    assert begeleiding.startdatum == brp
    services.mb_activiteit_vastleggen(dossier_id=dossier.pk, soort="huisarts", datum=brp + timedelta(days=3),
                                      uren=Decimal(2), notitie="Ingeschreven bij huisarts", by=werkcoach)
    regel = Uren.objects.get(dossier=dossier)
    assert (regel.categorie, regel.aantal, regel.tijdens_intake) == (C.MB, 2, True)
    with pytest.raises(ValidationError):
        services.mb_activiteit_vastleggen(dossier_id=dossier.pk, soort="huisarts", datum=brp - timedelta(days=1),
                                          by=werkcoach)


# --- afronden ------------------------------------------------------------------------------------------
def maak_b1_compleet(pip, werkcoach):
    dossier = pip.dossier
    for onderdeel in ("LE", "LU", "SC", "SP", "KNM"):
        ExamenFactory(dossier=dossier, onderdeel=onderdeel, niveau="" if onderdeel == "KNM" else "B1")
    Pvt.objects.create(dossier=dossier, themas=KERN, ondertekend_op=VANDAAG)
    UrenFactory(dossier=dossier, categorie=C.MAP_PRAKTIJK, aantal=40)
    services.map_vastleggen(dossier_id=dossier.pk, aanbieder_id=None, themas=ACHT, versie=nu(Map, dossier_id=dossier.pk), by=werkcoach)
    services.map_eindgesprek_vastleggen(dossier_id=dossier.pk, datum=VANDAAG, uitkomst="voldoende", versie=nu(Map, dossier_id=dossier.pk), by=werkcoach)


def test_only_a_consulent_closes_a_dossier(pip_b, werkcoach):
    with pytest.raises(PermissionDenied):
        services.dossier_afronden(dossier_id=pip_b.dossier_id, reden="voldaan", datum=VANDAAG, versie=nu(Dossier, pk=pip_b.dossier_id), by=werkcoach)


def test_voldaan_is_refused_with_the_list_of_what_is_missing(pip_b, consulent):
    with pytest.raises(ValidationError) as fout:
        services.dossier_afronden(dossier_id=pip_b.dossier_id, reden="voldaan", datum=VANDAAG, versie=nu(Dossier, pk=pip_b.dossier_id), by=consulent)
    assert "KNM-examen nog niet behaald" in fout.value.messages[0]
    assert "MAP-eindgesprek ontbreekt" in fout.value.messages[0]


def test_a_complete_b1_route_is_closed_as_voldaan(pip_b, taalschool, werkcoach, consulent):
    inschrijving = inschrijven(pip_b, taalschool, werkcoach)
    maak_b1_compleet(pip_b, werkcoach)
    assert selectors.traject_overzicht(pip_b.dossier).voldaan.voldaan

    dossier = services.dossier_afronden(dossier_id=pip_b.dossier_id, reden="voldaan", datum=VANDAAG, versie=nu(Dossier, pk=pip_b.dossier_id), by=consulent)

    dossier.refresh_from_db()
    assert (dossier.fase, dossier.eind_reden, dossier.eind_datum) == (Fase.AFGEROND, "voldaan", VANDAAG)
    assert redenen(dossier)[-1] == "Afgerond (Plicht voldaan)"
    assert Afsluiting.objects.get(dossier=dossier).checklist == {"voldaan": True, "ontbreekt": []}
    inschrijving.refresh_from_db()
    assert (inschrijving.status, inschrijving.stop_reden) == (InschrijvingStatus.GESTOPT, StopReden.PLICHT_GEEINDIGD)


def test_afgeschaalde_parts_need_only_a2(werkcoach, consulent):
    pip = pip_voor(werkcoach, niveau="A2")
    Pip.objects.filter(pk=pip.pk).update(afschalen_onderdelen=["SP"])
    maak_b1_compleet(pip, werkcoach)
    assert selectors.traject_overzicht(pip.dossier).voldaan.voldaan
    pip_b1 = pip_voor(werkcoach, niveau="B1")
    Pip.objects.filter(pk=pip_b1.pk).update(afschalen_onderdelen=["SP"])
    ExamenFactory(dossier=pip_b1.dossier, onderdeel="SP", niveau="A2")
    assert "Spreek" not in " ".join(selectors.traject_overzicht(pip_b1.dossier).voldaan.ontbreekt)
    assert "Lees-examen nog niet behaald" in selectors.traject_overzicht(pip_b1.dossier).voldaan.ontbreekt


def test_ontheffing_is_recorded_as_decided_by_duo(pip_b, consulent):
    with pytest.raises(ValidationError) as fout:
        services.dossier_afronden(dossier_id=pip_b.dossier_id, reden="ontheffing", datum=VANDAAG, versie=nu(Dossier, pk=pip_b.dossier_id), by=consulent)
    assert set(fout.value.message_dict) == {"grond", "duo_besluit_datum"}
    with pytest.raises(ValidationError):
        services.dossier_afronden(dossier_id=pip_b.dossier_id, reden="ontheffing", grond="diploma",
                                  duo_besluit_datum=VANDAAG, datum=VANDAAG, versie=nu(Dossier, pk=pip_b.dossier_id), by=consulent)
    services.dossier_afronden(dossier_id=pip_b.dossier_id, reden="ontheffing", grond="medisch",
                              duo_besluit_datum=VANDAAG - timedelta(days=3), datum=VANDAAG, versie=nu(Dossier, pk=pip_b.dossier_id), by=consulent)
    afsluiting = Afsluiting.objects.get(dossier_id=pip_b.dossier_id)
    assert (afsluiting.reden, afsluiting.grond) == ("ontheffing", "medisch")
    assert afsluiting.checklist["voldaan"] is False


def test_a_dossier_not_in_uitvoering_cannot_be_afgerond(werkcoach, consulent):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.INTAKE)
    with pytest.raises(ValidationError):
        services.dossier_afronden(dossier_id=dossier.pk, reden="vrijstelling", grond="diploma",
                                  duo_besluit_datum=VANDAAG, datum=VANDAAG, versie=nu(Dossier, pk=dossier.pk), by=consulent)


def test_ending_a_dossier_stops_its_running_enrolment_and_keeps_the_history_user():
    from cases.services import dossier_beeindigen
    from tests.factories import InschrijvingFactory

    inschrijving = InschrijvingFactory()
    dossier = inschrijving.dossier
    werkcoach = dossier.werkcoach

    dossier_beeindigen(dossier_id=dossier.pk, versie=dossier.versie, reden="verhuisd", datum=date.today(),
                       toelichting="Naar Groningen", by=werkcoach)

    inschrijving.refresh_from_db()
    assert inschrijving.status == "gestopt"
    laatste = inschrijving.history.first()
    assert (laatste.history_change_reason, laatste.history_user) == ("Gestopt: dossier beëindigd", werkcoach)


def test_every_leerroute_change_records_the_acting_user_also_outside_a_web_request(pip_b, taalschool, werkcoach):
    inschrijving = services.inschrijving_aanmaken(
        dossier_id=pip_b.dossier_id, aanbieder_id=taalschool.pk, startdatum=pip_b.dagtekening,
        geplande_einddatum=pip_b.dagtekening + timedelta(days=300), by=werkcoach,
    )
    services.inschrijving_aanmelden(inschrijving_id=inschrijving.pk, datum=pip_b.dagtekening, versie=nu(Inschrijving, pk=inschrijving.pk), by=werkcoach)

    assert {h.history_user for h in inschrijving.history.all()} == {werkcoach}


# --- strict versions (issue 9 §1) ------------------------------------------------------------------------
def _versie_geweigerd(service, **kwargs) -> None:
    with pytest.raises(ValidationError) as fout:
        service(**kwargs)
    assert fout.value.code == "versie"
    assert fout.value.messages == [str(VERSIE_VEROUDERD)]


@pytest.mark.parametrize("versie", [None, 0, 2], ids=["missing", "as-if-new", "future"])
def test_an_enrolment_step_needs_the_current_version(pip_b, taalschool, werkcoach, versie):
    inschrijving = inschrijven(pip_b, taalschool, werkcoach)
    _versie_geweigerd(services.inschrijving_aanmelden, inschrijving_id=inschrijving.pk, datum=VANDAAG,
                      versie=versie, by=werkcoach)
    inschrijving.refresh_from_db()
    assert inschrijving.status == InschrijvingStatus.GEPLAND


@pytest.mark.parametrize("service", [services.pvt_vastleggen, services.map_vastleggen], ids=["pvt", "map"])
def test_a_singleton_opened_empty_cannot_overwrite_one_made_meanwhile(pip_b, werkcoach, collega, service):
    extra = {"geplande_start": None} if service is services.pvt_vastleggen else {}
    service(dossier_id=pip_b.dossier_id, aanbieder_id=None, themas=[], versie=0, by=collega, **extra)
    _versie_geweigerd(service, dossier_id=pip_b.dossier_id, aanbieder_id=None, versie=0, by=werkcoach, **extra)
    _versie_geweigerd(service, dossier_id=pip_b.dossier_id, aanbieder_id=None, versie=None, by=werkcoach, **extra)


def test_ontzorging_and_begeleiding_start_once(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, doelgroep=Doelgroep.ASIELSTATUSHOUDER,
                             datum_brp_vestiging=VANDAAG - timedelta(days=30))
    vkb = AanbiederFactory(naam="VKB", soort="schuldhulp_budgetbeheer")
    starten = {"dossier_id": dossier.pk, "uitvoerder_id": vkb.pk, "bijstand_start": VANDAAG,
               "asielvergunning_bepaalde_tijd": True, "by": werkcoach}
    services.ontzorging_starten(**starten)
    _versie_geweigerd(services.ontzorging_starten, **starten)
    services.begeleiding_starten(dossier_id=dossier.pk, aanbieder_id=None, by=werkcoach)
    _versie_geweigerd(services.begeleiding_starten, dossier_id=dossier.pk, aanbieder_id=None, versie=None, by=werkcoach)
    _versie_geweigerd(services.ontzorging_verlengen, dossier_id=dossier.pk, nieuw_einde=VANDAAG + timedelta(days=400),
                      reden="budgetbeheer", versie=None, by=werkcoach)


def test_closing_a_dossier_needs_its_current_version(pip_b, consulent):
    _versie_geweigerd(services.dossier_afronden, dossier_id=pip_b.dossier_id, reden="vrijstelling", grond="diploma",
                      duo_besluit_datum=VANDAAG, datum=VANDAAG, versie=None, by=consulent)
    _versie_geweigerd(services.dossier_afronden, dossier_id=pip_b.dossier_id, reden="vrijstelling", grond="diploma",
                      duo_besluit_datum=VANDAAG, datum=VANDAAG, versie=pip_b.dossier.versie - 1, by=consulent)
    assert Dossier.objects.get(pk=pip_b.dossier_id).fase == Fase.IN_UITVOERING


# --- the Z-route hour norm and keurmerk hours (Besluit 3.14) -----------------------------------------
def _z_norm(dossier_id, by, versie=0, **wijzig):
    args = {"cursus_uren": 600, "cursus_grond": rules.CursusNormGrond.BEPERKING, "activiteit_uren": None,
            "activiteit_grond": "", "toelichting": "Verklaring audioloog 10-01-2026", **wijzig}
    return services.z_route_norm_vastleggen(dossier_id=dossier_id, versie=versie, by=by, **args)


def test_a_lowered_z_route_norm_lets_the_eindgesprek_happen_at_600_hours_besluit_3_14_lid_8(werkcoach, taalschool):
    pip = pip_voor(werkcoach, leerroute="Z", niveau="")
    inschrijving = inschrijven(pip, taalschool, werkcoach)
    for stap in (services.inschrijving_aanmelden, services.inschrijving_starten):
        stap(inschrijving_id=inschrijving.pk, datum=VANDAAG, versie=nu(Inschrijving, pk=inschrijving.pk), by=werkcoach)
    UrenFactory(dossier=pip.dossier, categorie=C.TAAL_KNM, aantal=600, aanbieder=taalschool)
    UrenFactory(dossier=pip.dossier, categorie=C.PARTICIPATIE, aantal=800)
    with pytest.raises(ValidationError, match="nog 200 uur taalles en KNM"):
        services.inschrijving_afronden(inschrijving_id=inschrijving.pk, datum=VANDAAG,
                                       versie=nu(Inschrijving, pk=inschrijving.pk), by=werkcoach)

    norm = _z_norm(pip.dossier_id, werkcoach)
    assert norm.history.first().history_change_reason == "Urennorm Z-route vastgelegd"
    assert services.inschrijving_afronden(inschrijving_id=inschrijving.pk, datum=VANDAAG,
                                          versie=nu(Inschrijving, pk=inschrijving.pk), by=werkcoach).afgerond_op


def test_course_hours_at_an_aanbieder_without_a_valid_keurmerk_do_not_count_besluit_3_14_lid_2_a(werkcoach, taalschool):
    pip = pip_voor(werkcoach, leerroute="Z", niveau="")
    zonder = AanbiederFactory(naam="Taalhuis zonder keurmerk", keurmerk_nummer="", keurmerk_geldig_tot=None)
    UrenFactory(dossier=pip.dossier, categorie=C.TAAL_KNM, aantal=500, aanbieder=taalschool)
    niet = UrenFactory(dossier=pip.dossier, categorie=C.TAAL_KNM, aantal=300, aanbieder=zonder)
    overzicht = selectors.traject_overzicht(pip.dossier)
    assert overzicht.z_route.cursus.uren == 500
    assert "Taalhuis zonder keurmerk" in overzicht.uren_telt_niet[niet.pk]
    assert "nog 300 uur taalles en KNM" in overzicht.voldaan.ontbreekt


def test_a_z_route_norm_is_refused_without_its_ground_or_outside_the_z_route(werkcoach, pip_b):
    z = pip_voor(werkcoach, leerroute="Z", niveau="")
    with pytest.raises(ValidationError) as fout:
        _z_norm(z.dossier_id, werkcoach, cursus_grond="")
    assert fout.value.message_dict == {"cursus_grond": [str(rules.z_route.NORM_GROND_NODIG)]}
    with pytest.raises(ValidationError, match="Z-route"):
        _z_norm(pip_b.dossier_id, werkcoach)


def test_a_z_route_norm_edit_needs_the_version_it_was_opened_on(werkcoach):
    z = pip_voor(werkcoach, leerroute="Z", niveau="")
    _z_norm(z.dossier_id, werkcoach)
    with pytest.raises(ValidationError) as fout:
        _z_norm(z.dossier_id, werkcoach, versie=0, cursus_uren=500)
    assert str(VERSIE_VEROUDERD) in fout.value.messages
