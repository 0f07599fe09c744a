"""The trends per month against the database: which rows count in which month, and the rows behind a number
are the ones counted."""

from datetime import date
from decimal import Decimal

import pytest

from cases.models import Dossier
from dashboards import trends_selectors as selectors
from inburgering.instellingen.models import GemeenteInstellingen
from tests.factories import BredeIntakeFactory, DossierFactory, HandhavingszaakFactory, PipFactory, TermijnFactory

PEILDATUM = date(2026, 6, 15)  # months July 2025 .. June 2026


def maand(trends, jaar, m):
    return next(r for r in trends.maanden if r.maand == date(jaar, m, 1))


def ids(maat, jaar, m) -> set[int]:
    return set(Dossier.objects.filter(pk__in=selectors.dossier_ids(maat, date(jaar, m, 1))).values_list("pk", flat=True))


@pytest.mark.django_db
def test_inflow_counts_dossiers_by_the_month_of_their_kennisgeving():
    mei = [DossierFactory(datum_kennisgeving=date(2026, 5, d)) for d in (1, 31)]
    DossierFactory(datum_kennisgeving=date(2026, 6, 1))
    DossierFactory(datum_kennisgeving=date(2025, 6, 30))  # before the twelve months

    trends = selectors.trends(peildatum=PEILDATUM)

    assert trends.maanden[0].maand == date(2025, 7, 1)
    assert maand(trends, 2026, 5).instroom == 2 and maand(trends, 2026, 6).instroom == 1
    assert sum(r.instroom for r in trends.maanden) == 3
    assert ids(selectors.INSTROOM, 2026, 5) == {d.pk for d in mei}


@pytest.mark.django_db
def test_the_median_days_to_the_brede_intake_by_the_month_it_was_afgerond():
    for kennisgeving, afgerond in ((date(2026, 3, 1), date(2026, 4, 10)), (date(2026, 3, 20), date(2026, 4, 9)),
                                   (date(2026, 1, 1), date(2026, 4, 30)), (date(2026, 2, 1), date(2026, 4, 1))):
        BredeIntakeFactory(afgerond=True, afgerond_op=afgerond, dossier__datum_kennisgeving=kennisgeving)
    BredeIntakeFactory(dossier__datum_kennisgeving=date(2026, 3, 1))  # a draft: not afgerond

    april = maand(selectors.trends(peildatum=PEILDATUM), 2026, 4)

    # days 40, 20, 119, 59 → sorted 20, 40, 59, 119 → (40 + 59) / 2
    assert april.intakes == 4 and april.mediaan_intake == 49.5
    assert len(ids(selectors.INTAKE, 2026, 4)) == 4


@pytest.mark.django_db
def test_first_pips_by_the_month_their_termijn_was_gehaald_within_or_after_the_fatale_datum():
    tijdig = TermijnFactory(gehaald=True, gehaald_op=date(2026, 3, 10), fatale_datum=date(2026, 3, 10),
                            dossier__datum_kennisgeving=date(2026, 1, 1))
    te_laat = TermijnFactory(gehaald=True, gehaald_op=date(2026, 3, 20), fatale_datum=date(2026, 3, 19),
                             dossier__datum_kennisgeving=date(2026, 1, 10))
    TermijnFactory(verlopen_gisteren=True, status="verlopen")  # no PIP: not in this measure
    TermijnFactory(soort="bezwaar", gehaald=True, gehaald_op=date(2026, 3, 5))  # another kind of termijn

    maart = maand(selectors.trends(peildatum=PEILDATUM), 2026, 3)

    assert (maart.pips, maart.pips_tijdig, maart.pips_te_laat, maart.percentage_tijdig) == (2, 1, 1, 50.0)
    assert maart.mediaan_pip == (68 + 69) / 2  # 1 Jan → 10 Mar = 68 days, 10 Jan → 20 Mar = 69
    assert ids(selectors.PIP_TIJDIG, 2026, 3) == {tijdig.dossier_id}
    assert ids(selectors.PIP_TE_LAAT, 2026, 3) == {te_laat.dossier_id}
    assert ids(selectors.PIP, 2026, 3) == {tijdig.dossier_id, te_laat.dossier_id}


@pytest.mark.django_db
def test_the_route_mix_counts_first_pips_only_against_the_policy():
    b1 = PipFactory(vastgesteld=True, dagtekening=date(2026, 2, 3), leerroute="B")
    PipFactory(vastgesteld=True, dagtekening=date(2026, 2, 4), leerroute="Z")
    eerste = PipFactory(vervangen=True, dagtekening=date(2026, 2, 5), leerroute="O")
    PipFactory(vastgesteld=True, dossier=eerste.dossier, versie=2, vorige=eerste, dagtekening=date(2026, 2, 20),
               leerroute="B")  # a change: not a first PIP
    PipFactory(ter_beoordeling=True)
    instellingen = GemeenteInstellingen.huidig()

    trends = selectors.trends(peildatum=PEILDATUM)
    februari = maand(trends, 2026, 2)

    assert februari.routes == {"B": 1, "Z": 1, "O": 1}
    assert [(r, n) for r, n, _pct in februari.route_regels()] == [("B", 1), ("O", 1), ("Z", 1)]
    assert trends.route_aandeel("B") == 33.3
    assert trends.verwachting["B"] == instellingen.verwachting_b1_route
    assert ids(selectors.ROUTE_VOORVOEGSEL + "B", 2026, 2) == {b1.dossier_id}


@pytest.mark.django_db
def test_fines_count_and_total_per_month_without_the_herroepen():
    HandhavingszaakFactory(boete=True, dagtekening=date(2026, 5, 2), boetebedrag=Decimal("50.00"))
    HandhavingszaakFactory(boete=True, dagtekening=date(2026, 5, 28), boetebedrag=Decimal("250.00"))
    HandhavingszaakFactory(boete=True, dagtekening=date(2026, 5, 10), bezwaar_uitkomst="gegrond")  # herroepen
    HandhavingszaakFactory(voornemen=True)

    mei = maand(selectors.trends(peildatum=PEILDATUM), 2026, 5)

    assert (mei.boetes, mei.boetes_bedrag) == (2, Decimal("300.00"))
    assert len(ids(selectors.BOETES, 2026, 5)) == 2


@pytest.mark.django_db
def test_an_empty_month_shows_no_median_rather_than_zero():
    juni = maand(selectors.trends(peildatum=PEILDATUM), 2026, 6)
    assert (juni.instroom, juni.mediaan_intake, juni.mediaan_pip, juni.percentage_tijdig) == (0, None, None, None)


def test_an_unknown_measure_has_no_rows():
    with pytest.raises(ValueError):
        selectors.dossier_ids("iets", date(2026, 1, 1))
