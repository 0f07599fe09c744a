"""Dashboard and home pages: access per role, and every number links to a list with that many rows."""

import re
from html import unescape
from itertools import cycle

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from cases.models import TermijnStatus
from cases.selectors import Bereik, DossierFilter, dossier_lijst
from pip_plans.termijnen import PipTermijn
from tests.factories import DossierFactory, HandhavingszaakFactory, PipFactory, TeamFactory, WerkcoachFactory
from tests.werkvoorraad.maak import aandachtspunt, nadert, termijn, vandaag, verlopen

pytestmark = pytest.mark.django_db

# Every request (3, see tests/cases/test_querycount.py) plus the stand (none below LIVE_TOT dossiers:
# counted now, dashboards.selectors.dashboard_voor_pagina), the dashboard's 7 aggregates and handhaving's 3
# (handhaving.selectors.handhaving_kpis) = 14.
QUERIES_DASHBOARD = 14


@pytest.mark.parametrize("actor,verwacht", [
    ("werkcoach", 403), ("consulent", 200), ("manager", 200), ("beheerder", 403), (None, "login"),
])
@pytest.mark.parametrize("url", ["/dashboard/", "/dashboard/routes/B/", "/dashboard/routes/alle/"])
def test_dashboard_access(request, client, actor, verwacht, url):
    if actor:
        client.force_login(request.getfixturevalue(actor))
    response = client.get(url)
    if verwacht == "login":
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    else:
        assert response.status_code == verwacht


def test_an_unknown_route_is_404(client, manager):
    client.force_login(manager)
    assert client.get("/dashboard/routes/X/").status_code == 404


@pytest.mark.parametrize("actor,verwacht", [
    ("werkcoach", 200), ("consulent", 200), ("manager", 200), ("beheerder", 302), (None, 302),
])
def test_home_access(request, client, actor, verwacht):
    if actor:
        client.force_login(request.getfixturevalue(actor))
    response = client.get("/")
    assert response.status_code == verwacht
    if actor == "beheerder":
        assert response.url == reverse("admin:index")


def test_nav_shows_werkvoorraad_to_all_caseload_roles_and_dashboard_and_handhaving_to_manager_and_consulent(
    client, werkcoach, consulent, manager
):
    for user, dashboard in ((werkcoach, False), (consulent, True), (manager, True)):
        client.force_login(user)
        html = client.get("/").content.decode()
        assert 'href="/werkvoorraad/"' in html
        assert ('href="/dashboard/"' in html) is dashboard
        assert ('href="/handhaving/zaken/"' in html) is dashboard


def _data(werkcoach, collega, werkcoach_ander_team):
    """A small, varied data set: each number on the dashboard is non-zero somewhere."""
    eerste = DossierFactory(werkcoach=werkcoach, fase="intake")
    verlopen(eerste)
    aandachtspunt(eerste)
    tweede = DossierFactory(werkcoach=collega, fase="pip_in_opstelling")
    nadert(tweede)
    termijn(tweede, dagen=-40, soort=PipTermijn.BEZWAAR, status=TermijnStatus.VERLOPEN)
    DossierFactory(werkcoach=werkcoach_ander_team, beeindigd=True)
    termijn(DossierFactory(werkcoach=werkcoach_ander_team), dagen=-30, gehaald_na=-3)
    termijn(DossierFactory(werkcoach=werkcoach), dagen=-30, gehaald_na=4)
    PipFactory(vastgesteld=True, leerroute="B", dossier__werkcoach=werkcoach)
    PipFactory(vastgesteld=True, leerroute="Z", niveau="", dossier__werkcoach=collega)
    _handhaving(eerste, tweede)


def _handhaving(eerste, tweede):
    """Zaken in every kind of state the handhaving numbers count, and some they must leave out."""
    HandhavingszaakFactory(dossier=eerste)  # signaal
    HandhavingszaakFactory(dossier=tweede, voornemen=True)
    HandhavingszaakFactory(dossier=eerste, boete=True, boetebedrag=250, dagtekening=vandaag())
    HandhavingszaakFactory(dossier=tweede, boete=True, dagtekening=vandaag())
    HandhavingszaakFactory(dossier=tweede, boete=True, dagtekening=vandaag(), bezwaar_uitkomst="gegrond")  # herroepen
    HandhavingszaakFactory(dossier=eerste, boete=True, dagtekening=vandaag().replace(year=vandaag().year - 1, day=1),
                           status="afgesloten", afsluit_reden="afgehandeld")  # last year
    HandhavingszaakFactory(dossier=eerste, status="afgesloten", afsluit_reden="naleving_hersteld")
    HandhavingszaakFactory(dossier=tweede, status="afgesloten", afsluit_reden="naleving_hersteld")
    HandhavingszaakFactory(dossier=tweede, status="afgesloten", afsluit_reden="onterecht")


GETAL_LINK = re.compile(r'<a class="utrecht-link" href="([^"]+)" aria-label="([^"]+)">(\d+)</a>')


@pytest.mark.parametrize("actor", ["manager", "consulent"])
def test_every_number_on_the_dashboard_links_to_a_list_with_that_many_rows(
    request, client, actor, werkcoach, collega, werkcoach_ander_team
):
    _data(werkcoach, collega, werkcoach_ander_team)
    client.force_login(request.getfixturevalue(actor))

    html = client.get(reverse("dashboards:dashboard")).content.decode()

    links = GETAL_LINK.findall(html)
    assert len(links) >= 34
    handhaving = {label: int(getal) for href, label, getal in links if href.startswith("/handhaving/")}
    assert len(handhaving) == 9  # five stappen, open in total, fines this year, naleving hersteld, afgesloten
    jaar = vandaag().year
    assert handhaving[f"2 boetes beslist in {jaar}"] == 2  # the gegrond bezwaar and last year's fine left out
    assert handhaving["2 zaken afgesloten doordat de naleving is hersteld"] == 2
    assert handhaving["4 afgesloten handhavingszaken in totaal"] == 4
    assert handhaving["5 open handhavingszaken in totaal"] == 5
    assert "€ 300,00" in html
    assert "50,0%" in html
    for href, label, getal in links:
        lijst = client.get(unescape(href))
        assert lijst.status_code == 200, href
        assert lijst.context["pagina"].paginator.count == int(getal), f"{label}: {href}"


def test_every_number_on_the_home_page_links_to_a_list_with_that_many_rows(
    client, werkcoach, collega, werkcoach_ander_team
):
    _data(werkcoach, collega, werkcoach_ander_team)
    client.force_login(werkcoach)

    for bereik in ("mijn", "team"):
        html = client.get("/", {"bereik": bereik}).content.decode()
        links = GETAL_LINK.findall(html) + re.findall(
            r'<a class="utrecht-link kengetal" href="([^"]+)">()<span class="kengetal__getal">(\d+)</span>', html
        )
        assert len(links) == 10
        for href, _label, getal in links:
            assert client.get(unescape(href)).context["pagina"].paginator.count == int(getal), href


def test_the_charts_are_svg_images_with_a_title_and_a_data_table(client, manager, werkcoach):
    DossierFactory(werkcoach=werkcoach, fase="intake")
    client.force_login(manager)

    html = client.get(reverse("dashboards:dashboard")).content.decode()

    for diagram in ("diagram-fasen", "diagram-routes"):
        assert f'role="img" aria-labelledby="{diagram}-titel"' in html
        assert f'<title id="{diagram}-titel">' in html
    assert "Verwachting (beleid)" in html
    assert "<script" not in html.split("</head>")[1]  # no scripts in the page body


def test_the_route_list_shows_the_dossiers_of_that_route(client, manager):
    b1 = PipFactory(vastgesteld=True, leerroute="B")
    z = PipFactory(vastgesteld=True, leerroute="Z", niveau="")
    client.force_login(manager)

    response = client.get(reverse("dashboards:route_dossiers", args=["Z"]))

    assert [d.pk for d in response.context["pagina"].object_list] == [z.dossier_id]
    assert b1.dossier.inburgeraar.geslachtsnaam not in response.content.decode()


def test_the_dossier_list_filters_on_termijn_kind_and_stand(manager, werkcoach):
    op_tijd = DossierFactory(werkcoach=werkcoach)
    termijn(op_tijd, dagen=-20, gehaald_na=0)
    te_laat = DossierFactory(werkcoach=werkcoach)
    termijn(te_laat, dagen=-20, gehaald_na=1)
    over = DossierFactory(werkcoach=werkcoach)
    termijn(over, dagen=-1, status=TermijnStatus.VERLOPEN)
    termijn(over, dagen=-1, soort=PipTermijn.BEZWAAR, sleutel="a", status=TermijnStatus.VERLOPEN)
    termijn(over, dagen=-2, soort=PipTermijn.BEZWAAR, sleutel="b", status=TermijnStatus.VERLOPEN)
    DossierFactory(werkcoach=werkcoach)

    def lijst(**f):
        return set(dossier_lijst(user=manager, filter=DossierFilter(bereik=Bereik.ALLE, **f)))

    assert lijst(termijn="pip_vaststellen", termijnstatus="tijdig") == {op_tijd}
    assert lijst(termijn="pip_vaststellen", termijnstatus="te_laat") == {te_laat}
    assert lijst(termijn="pip_vaststellen", termijnstatus="beslist") == {op_tijd, te_laat, over}
    assert list(dossier_lijst(user=manager, filter=DossierFilter(bereik=Bereik.ALLE, termijn="bezwaar",
                                                                  termijnstatus="verlopen"))) == [over]
    assert lijst(termijnstatus="verlopen") == {over}


def test_the_dossier_list_fase_lopend_leaves_out_closed_dossiers(client, werkcoach):
    lopend = DossierFactory(werkcoach=werkcoach, fase="intake")
    DossierFactory(werkcoach=werkcoach, beeindigd=True)
    client.force_login(werkcoach)

    response = client.get(reverse("cases:dossier_lijst"), {"fase": "lopend"})

    assert list(response.context["pagina"].object_list) == [lopend]


def test_the_dashboard_costs_the_same_queries_for_5_and_200_dossiers(client, manager, settings):
    settings.SESSIE_AANRAKEN_SECONDEN = 3600  # making 195 dossiers on a loaded machine must not renew the session
    teams = [TeamFactory(naam=f"Team D{i}") for i in range(3)]
    coaches = cycle([WerkcoachFactory(team=teams[i % 3]) for i in range(6)])

    def maak(aantal):
        for i in range(aantal):
            pip = PipFactory(vastgesteld=True, leerroute="BOZ"[i % 3], niveau="" if i % 3 else "B1",
                             dossier__werkcoach=next(coaches))
            verlopen(pip.dossier, soort=PipTermijn.BEZWAAR)
            termijn(pip.dossier, dagen=-30, gehaald_na=i % 5 - 2)
            aandachtspunt(pip.dossier)
            HandhavingszaakFactory(dossier=pip.dossier, **[{}, {"voornemen": True}, {"boete": True},
                                                           {"status": "afgesloten", "afsluit_reden": "onterecht"}][i % 4])

    client.force_login(manager)
    url = reverse("dashboards:dashboard")
    maak(5)
    with CaptureQueriesContext(connection) as bij_5:
        assert client.get(url).status_code == 200
    maak(195)
    with CaptureQueriesContext(connection) as bij_200:
        response = client.get(url)

    assert len(bij_5) == len(bij_200) == QUERIES_DASHBOARD
    assert response.context["d"].geldende_pips == 200
