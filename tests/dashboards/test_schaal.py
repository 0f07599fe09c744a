"""Issue 18, national scale: the start page counts its scope with capped counts (exact up to GRENS, then
"meer dan 1.000"); the dashboard counts on every visit up to LIVE_TOT dossiers and above it shows the
stand counted by the scheduled task, saying when. The caps are lowered here to keep the data small."""

from datetime import timedelta
from itertools import cycle

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from cases.selectors import Bereik
from cases.termijnen.selectors import werkcoach_home
from dashboards import selectors
from dashboards.models import DashboardStand
from dashboards.tasks import stand_bijwerken_task
from pip_plans.termijnen import PipTermijn
from tests.factories import DossierFactory, HandhavingszaakFactory, PipFactory, TeamFactory, WerkcoachFactory
from tests.werkvoorraad.maak import aandachtspunt, nadert, termijn, vandaag, verlopen

pytestmark = pytest.mark.django_db


# --- unit: a capped count -----------------------------------------------------------------------------
def test_a_count_up_to_the_cap_is_exact_and_above_it_says_more_than_the_cap():
    assert (selectors.Aantal(1000).begrensd, str(selectors.Aantal(1000))) == (False, "1000")
    assert selectors.Aantal(1001).begrensd
    assert str(selectors.Aantal(1001)) == "meer dan 1.000"
    assert str(selectors.Aantal(0)) == "0"


def test_a_count_with_its_own_cap_says_more_than_that_cap():
    assert (selectors.Aantal(100, 100).begrensd, str(selectors.Aantal(100, 100))) == (False, "100")
    assert selectors.Aantal(101, 100).begrensd
    assert str(selectors.Aantal(101, 100)) == "meer dan 100"
    assert not selectors.Aantal(101).begrensd  # the default cap is GRENS
    assert selectors.DEZE_WEEK_GRENS < selectors.GRENS


def test_the_stand_is_stale_after_twice_its_schedule():
    d = selectors.dashboard(peildatum=vandaag())
    nu = timezone.now()
    assert not d.verouderd  # counted now: never stale
    assert not _met_stand(d, nu - timedelta(minutes=2 * selectors.STAND_MINUTEN - 1)).verouderd
    assert _met_stand(d, nu - timedelta(minutes=2 * selectors.STAND_MINUTEN + 1)).verouderd


def _met_stand(d, geteld_op):
    from dataclasses import replace

    return replace(d, geteld_op=geteld_op)


# --- service: the start page's counts ------------------------------------------------------------------
def _gevarieerd(werkcoach, collega):
    intake = DossierFactory(werkcoach=werkcoach, fase="intake")
    DossierFactory(werkcoach=werkcoach, fase="intake")
    DossierFactory(werkcoach=werkcoach, beeindigd=True)
    DossierFactory(werkcoach=collega, fase="pip_in_opstelling")
    verlopen(intake)
    aandachtspunt(intake)
    nadert(DossierFactory(werkcoach=collega))
    termijn(intake, dagen=6, soort=PipTermijn.BEZWAAR)
    termijn(intake, dagen=8, soort=PipTermijn.SCHAKELEN)


@pytest.mark.parametrize("bereik", [Bereik.MIJN, Bereik.TEAM])
def test_below_the_cap_the_start_page_counts_exactly_what_the_uncapped_counts_give(werkcoach, collega, bereik):
    _gevarieerd(werkcoach, collega)

    nu = selectors.startpagina(user=werkcoach, bereik=bereik, peildatum=vandaag())
    exact = werkcoach_home(user=werkcoach, bereik=bereik, peildatum=vandaag())

    assert {t.fase: t.aantal.aantal for t in nu.per_fase} == {t.fase: t.aantal for t in exact.per_fase}
    assert (nu.lopend.aantal, nu.open_signalen.aantal, nu.verlopen_signalen.aantal, nu.deze_week_aantal.aantal) == (
        exact.lopend, exact.open_signalen, exact.verlopen_signalen, exact.deze_week_aantal)
    assert nu.deze_week == exact.deze_week
    assert not nu.iets_begrensd


def test_above_the_cap_a_count_stops_at_the_cap_plus_one(werkcoach, monkeypatch):
    monkeypatch.setattr(selectors, "GRENS", 3)
    for _ in range(5):
        verlopen(DossierFactory(werkcoach=werkcoach, fase="intake"))
    DossierFactory(werkcoach=werkcoach, fase="aangemeld")

    nu = selectors.startpagina(user=werkcoach, bereik=Bereik.MIJN, peildatum=vandaag())

    per_fase = {t.fase: t.aantal for t in nu.per_fase}
    assert per_fase["intake"].aantal == 4 and per_fase["intake"].begrensd
    assert str(per_fase["intake"]) == "meer dan 3"
    assert per_fase["aangemeld"].aantal == 1 and not per_fase["aangemeld"].begrensd
    assert nu.lopend.begrensd and nu.open_signalen.begrensd and nu.verlopen_signalen.begrensd
    assert nu.iets_begrensd


def test_the_start_page_counts_in_two_queries_however_large_the_scope(werkcoach):
    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            selectors.startpagina(user=werkcoach, bereik=Bereik.MIJN, peildatum=vandaag())
        return len(ctx)

    for _ in range(3):
        verlopen(DossierFactory(werkcoach=werkcoach))
    queries()  # the user's groups, once, as a request has them
    bij_3 = queries()
    for _ in range(30):
        nadert(DossierFactory(werkcoach=werkcoach), dagen=3)
    assert bij_3 == queries() == 2


def test_the_home_page_says_more_than_the_cap_and_which_numbers_are_exact(client, werkcoach, monkeypatch):
    monkeypatch.setattr(selectors, "GRENS", 3)
    for _ in range(4):
        DossierFactory(werkcoach=werkcoach, fase="intake")
    client.force_login(werkcoach)

    html = client.get("/").content.decode()

    assert 'aria-label="meer dan 3 dossiers in fase Brede intake">meer dan 3</a>' in html
    assert "Aantallen boven 3 telt deze pagina niet verder" in html


def test_the_home_page_without_capped_numbers_has_no_note(client, werkcoach):
    DossierFactory(werkcoach=werkcoach, fase="intake")
    client.force_login(werkcoach)

    assert "telt deze pagina niet verder" not in client.get("/").content.decode()


# --- service: the dashboard's stand --------------------------------------------------------------------
def _data(werkcoach, collega):
    eerste = DossierFactory(werkcoach=werkcoach, fase="intake")
    verlopen(eerste)
    aandachtspunt(eerste)
    tweede = DossierFactory(werkcoach=collega, fase="pip_in_opstelling")
    nadert(tweede)
    termijn(tweede, dagen=-40, soort=PipTermijn.BEZWAAR, status="verlopen")
    termijn(DossierFactory(werkcoach=werkcoach), dagen=-30, gehaald_na=4)
    PipFactory(vastgesteld=True, leerroute="B", dossier__werkcoach=werkcoach)
    HandhavingszaakFactory(dossier=eerste, boete=True, boetebedrag=250, dagtekening=vandaag())
    HandhavingszaakFactory(dossier=tweede, status="afgesloten", afsluit_reden="naleving_hersteld")


def test_the_stand_gives_back_the_numbers_it_counted(werkcoach, collega):
    _data(werkcoach, collega)
    geteld = selectors.dashboard(peildatum=vandaag())

    stand = selectors.stand_bijwerken(peildatum=vandaag())
    terug = selectors._uit_stand(DashboardStand.objects.get(pk=stand.pk).gegevens, geteld_op=stand.berekend_op)

    assert stand.dossiers == geteld.dossiers == 4
    assert _met_stand(geteld, stand.berekend_op) == terug


def test_up_to_live_tot_the_dashboard_counts_now_and_stores_nothing(client, manager, werkcoach, collega):
    _data(werkcoach, collega)
    client.force_login(manager)

    html = client.get(reverse("dashboards:dashboard")).content.decode()

    assert "Alle aantallen zijn bij het openen van deze pagina geteld en exact." in html
    assert not DashboardStand.objects.exists()


def test_above_live_tot_the_dashboard_shows_the_stand_until_the_task_counts_again(
    client, manager, werkcoach, collega, monkeypatch
):
    monkeypatch.setattr(selectors, "LIVE_TOT", 3)
    _data(werkcoach, collega)
    client.force_login(manager)
    url = reverse("dashboards:dashboard")

    eerste = client.get(url)  # no stand yet: counted now, and stored because there are more than 3
    assert eerste.context["d"].geteld_op is None
    assert DashboardStand.objects.get().dossiers == 4
    DossierFactory(werkcoach=werkcoach, fase="intake")

    tweede = client.get(url)
    assert tweede.context["d"].dossiers == 4  # the stand, not yet the new dossier
    html = tweede.content.decode()
    assert "Stand van" in html and "worden deze aantallen elke 15 minuten opnieuw geteld" in html
    assert "de geplande telling is niet gelopen" not in html

    assert stand_bijwerken_task() == 5
    assert client.get(url).context["d"].dossiers == 5


def test_a_stale_stand_is_said_to_be_stale(client, manager, werkcoach, collega, monkeypatch):
    monkeypatch.setattr(selectors, "LIVE_TOT", 3)
    _data(werkcoach, collega)
    selectors.stand_bijwerken()
    DashboardStand.objects.update(berekend_op=timezone.now() - timedelta(hours=1))
    client.force_login(manager)

    assert "de geplande telling is niet gelopen" in client.get(reverse("dashboards:dashboard")).content.decode()


def test_the_dashboard_from_its_stand_costs_the_same_queries_for_5_and_60_dossiers(
    client, manager, monkeypatch, settings
):
    monkeypatch.setattr(selectors, "LIVE_TOT", 3)
    settings.SESSIE_AANRAKEN_SECONDEN = 3600  # a slow machine must not make the second request renew the session
    teams = [TeamFactory(naam=f"Team S{i}") for i in range(2)]
    coaches = cycle([WerkcoachFactory(team=teams[i % 2]) for i in range(4)])

    def maak(aantal):
        for i in range(aantal):
            pip = PipFactory(vastgesteld=True, leerroute="BOZ"[i % 3], niveau="" if i % 3 else "B1",
                             dossier__werkcoach=next(coaches))
            verlopen(pip.dossier, soort=PipTermijn.BEZWAAR)
            HandhavingszaakFactory(dossier=pip.dossier)

    client.force_login(manager)
    url = reverse("dashboards:dashboard")
    maak(5)
    stand_bijwerken_task()
    with CaptureQueriesContext(connection) as bij_5:
        assert client.get(url).status_code == 200
    maak(55)
    stand_bijwerken_task()
    with CaptureQueriesContext(connection) as bij_60:
        response = client.get(url)

    # every request's 3, the stand, the werkcoaches, the beleidsinstellingen
    assert len(bij_5) == len(bij_60) == 6
    assert response.context["d"].geldende_pips == 60
    assert len(response.context["d"].caseload) == 4


def test_the_stand_is_counted_every_quarter_in_the_beat_schedule(settings):
    regel = settings.CELERY_BEAT_SCHEDULE["dashboard-stand"]
    assert regel["task"] == stand_bijwerken_task.name == "dashboards.stand_bijwerken"
    assert regel["schedule"].minute == set(range(0, 60, selectors.STAND_MINUTEN))


def test_this_weeks_termijnen_are_counted_to_their_own_lower_cap(werkcoach, monkeypatch):
    monkeypatch.setattr(selectors, "DEZE_WEEK_GRENS", 2)
    monkeypatch.setattr(selectors, "DEZE_WEEK_MAX", 1)
    for dagen in (1, 2, 3, 4):
        termijn(DossierFactory(werkcoach=werkcoach), dagen=dagen)

    nu = selectors.startpagina(user=werkcoach, bereik=Bereik.MIJN, peildatum=vandaag())

    assert nu.deze_week_aantal.aantal == 3 and nu.deze_week_aantal.begrensd
    assert str(nu.deze_week_aantal) == "meer dan 2"
    assert [t.fatale_datum for t in nu.deze_week] == [vandaag() + timedelta(days=1)]  # the first, in date order
    assert not nu.iets_begrensd  # the note on the 1 000 cap is not about this count


def test_the_home_page_says_it_counted_this_weeks_termijnen_no_further(client, werkcoach, monkeypatch):
    monkeypatch.setattr(selectors, "DEZE_WEEK_GRENS", 2)
    for dagen in (1, 2, 3):
        termijn(DossierFactory(werkcoach=werkcoach), dagen=dagen)
    client.force_login(werkcoach)

    html = client.get("/").content.decode()

    assert "3 van meer dan 2 getoond: verder telt deze pagina ze niet" in html
    assert "telt deze pagina niet verder" not in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN of PostgreSQL")
def test_this_weeks_first_termijnen_come_from_the_index_in_their_order_without_a_sort(werkcoach):
    # The week list's ORDER BY fatale datum, id is the index's order: a Limit over an index scan, no Sort
    # over every termijn of the week (at 1M dossiers 40 ms → 0.6 ms). Sequential scans off: the plan shows
    # what the planner can use, not what it picks for a few test rows.
    termijn(DossierFactory(werkcoach=werkcoach), dagen=2)
    with CaptureQueriesContext(connection) as ctx:
        selectors.startpagina(user=werkcoach, bereik=Bereik.MIJN, peildatum=vandaag())
    week = next(q["sql"] for q in ctx.captured_queries if q["sql"].startswith('SELECT "cases_termijn"'))
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute(f"EXPLAIN {week}")
        plan = "\n".join(r[0] for r in cursor.fetchall())
    assert "termijn_open_fataal" in plan
    assert "Sort" not in plan
