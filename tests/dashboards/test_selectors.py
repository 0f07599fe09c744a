"""The dashboard's aggregates on a small known data set, against the real database."""

from datetime import timedelta

from django.utils import timezone

import pytest

from cases.models import TermijnStatus
from dashboards.selectors import dashboard
from inburgering.instellingen.models import GemeenteInstellingen
from pip_plans.termijnen import PipTermijn
from tests.factories import DossierFactory, PipFactory
from tests.werkvoorraad.maak import aandachtspunt, nadert, termijn, vandaag, verlopen

pytestmark = pytest.mark.django_db


def _dashboard():
    return dashboard(peildatum=vandaag())


def test_caseload_per_werkcoach_counts_lopende_dossiers_and_open_and_overdue_signals(werkcoach, werkcoach_ander_team):
    intake = DossierFactory(werkcoach=werkcoach, fase="intake")
    DossierFactory(werkcoach=werkcoach, fase="in_uitvoering")
    gestopt = DossierFactory(werkcoach=werkcoach, beeindigd=True)
    zuid = DossierFactory(werkcoach=werkcoach_ander_team)
    verlopen(intake)
    nadert(intake, soort=PipTermijn.BEZWAAR)
    klaar = aandachtspunt(intake, "afgehandeld")
    klaar.afgehandeld_op = timezone.now()
    klaar.save()
    weg = aandachtspunt(gestopt, "weggezet")
    weg.gesnoozed_tot = vandaag() + timedelta(days=2)
    weg.save()
    aandachtspunt(zuid)

    d = _dashboard()

    rijen = {r.werkcoach: (r.dossiers, r.open_signalen, r.verlopen_signalen) for r in d.caseload}
    assert rijen == {werkcoach: (2, 2, 1), werkcoach_ander_team: (1, 1, 0)}
    assert (d.totaal_lopend, d.totaal_open_signalen, d.totaal_verlopen_signalen) == (3, 3, 1)


def test_a_werkcoach_without_dossiers_is_listed_with_zeros(werkcoach):
    assert [(r.werkcoach, r.dossiers, r.open_signalen) for r in _dashboard().caseload] == [(werkcoach, 0, 0)]


def test_dossiers_per_fase_include_every_fase(werkcoach):
    DossierFactory.create_batch(2, werkcoach=werkcoach, fase="intake")
    DossierFactory(werkcoach=werkcoach, beeindigd=True)

    per_fase = {t.sleutel: t.aantal for t in _dashboard().per_fase}

    assert per_fase == {"aangemeld": 0, "overdracht": 0, "intake": 2, "pip_in_opstelling": 0,
                        "in_uitvoering": 0, "afgerond": 0, "beeindigd": 1}


def test_route_distribution_counts_geldende_pips_against_the_policy_expectation(db):
    PipFactory.create_batch(3, vastgesteld=True, leerroute="B")
    PipFactory(vastgesteld=True, leerroute="O", niveau="")
    PipFactory(vervangen=True, leerroute="Z", niveau="")  # replaced: no longer geldend
    PipFactory(leerroute="Z", niveau="")  # concept

    d = _dashboard()

    routes = {r.leerroute: (r.aantal, r.aandeel, r.verwachting, r.verschil) for r in d.routes}
    assert routes == {"B": (3, 75.0, 60, 15.0), "O": (1, 25.0, 20, 5.0), "Z": (0, 0.0, 20, -20.0)}
    assert d.geldende_pips == 4


def test_route_expectation_follows_the_beleidsinstellingen(db):
    instellingen = GemeenteInstellingen.huidig()
    instellingen.verwachting_onderwijsroute, instellingen.verwachting_b1_route = 25, 55
    instellingen.save()

    assert [r.verwachting for r in _dashboard().routes] == [55, 25, 20]  # B1, onderwijs, Z (Leerroute.CHOICES)


def test_no_pips_means_zero_shares_not_a_division_error(db):
    assert [r.aandeel for r in _dashboard().routes] == [0.0, 0.0, 0.0]


def test_pip_kpi_is_gehaald_on_time_out_of_gehaald_or_verlopen(werkcoach):
    for gehaald_na in (-5, 0, 3):  # on time, on the fatale datum itself, 3 days late
        termijn(DossierFactory(werkcoach=werkcoach), dagen=-20, gehaald_na=gehaald_na)
    termijn(DossierFactory(werkcoach=werkcoach), dagen=-2, status=TermijnStatus.VERLOPEN)
    termijn(DossierFactory(werkcoach=werkcoach), dagen=30)  # still open: not counted
    termijn(DossierFactory(werkcoach=werkcoach), dagen=-20, soort=PipTermijn.BEZWAAR, gehaald_na=9)  # other kind

    kpi = _dashboard().pip_kpi

    assert (kpi.tijdig, kpi.te_laat, kpi.verlopen, kpi.beslist) == (2, 1, 1, 4)
    assert kpi.percentage_tijdig == 50.0


def test_pip_kpi_without_decided_termijnen_has_no_percentage(db):
    assert _dashboard().pip_kpi.percentage_tijdig is None


def test_overdue_termijnen_per_kind_count_dossiers_once(werkcoach):
    d = DossierFactory(werkcoach=werkcoach)
    termijn(d, dagen=-3, soort=PipTermijn.VOORTGANGSGESPREK, sleutel="2026-01-01", status=TermijnStatus.VERLOPEN)
    termijn(d, dagen=-1, soort=PipTermijn.VOORTGANGSGESPREK, sleutel="2026-03-01", status=TermijnStatus.VERLOPEN)
    termijn(d, dagen=-1, status=TermijnStatus.VERLOPEN)
    termijn(DossierFactory(werkcoach=werkcoach), dagen=-1, status=TermijnStatus.VERLOPEN)
    termijn(DossierFactory(werkcoach=werkcoach), dagen=-1, soort=PipTermijn.SCHAKELEN)  # open

    assert {t.sleutel: t.aantal for t in _dashboard().verlopen_termijnen} == {
        "pip_vaststellen": 2, "voortgangsgesprek": 1}


def test_the_citizens_bezwaartermijn_is_never_a_dashboard_failure_awb_6_7(werkcoach):
    """DOMAIN §8: the bezwaartermijn is the citizen's term; its passing (even a legacy "verlopen" row)
    is no failure of the gemeente."""
    termijn(DossierFactory(werkcoach=werkcoach), dagen=-3, soort=PipTermijn.BEZWAAR, sleutel="pip-1",
            status=TermijnStatus.VERLOPEN)
    termijn(DossierFactory(werkcoach=werkcoach), dagen=-3, soort=PipTermijn.BEZWAAR, sleutel="pip-2",
            status=TermijnStatus.VERSTREKEN)

    assert _dashboard().verlopen_termijnen == []
