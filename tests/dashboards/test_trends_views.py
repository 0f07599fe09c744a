"""The trends page and the rows behind its numbers: access, links, definitions, constant queries."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.timezone import localdate

import pytest

from tests.factories import BredeIntakeFactory, DossierFactory, HandhavingszaakFactory, PipFactory, TermijnFactory

URL = "/dashboard/trends/"


def _deze_maand() -> str:
    return f"{localdate():%Y-%m}"


def test_the_urls():
    assert reverse("dashboards:trends") == URL
    assert reverse("dashboards:trend_rijen", args=["instroom", "2026-05"]) == "/dashboard/trends/instroom/2026-05/"


@pytest.mark.parametrize(("rol", "status"), [("manager", 200), ("consulent", 200), ("werkcoach", 403)])
def test_who_sees_the_dashboard_sees_the_trends_and_their_rows(client, request, rol, status):
    client.force_login(request.getfixturevalue(rol))
    assert client.get(URL).status_code == status
    assert client.get(reverse("dashboards:trend_rijen", args=["instroom", _deze_maand()])).status_code == status


def test_the_page_states_its_definitions_and_links_every_number(client, manager):
    DossierFactory(datum_kennisgeving=localdate())
    client.force_login(manager)

    html = client.get(URL).content.decode()

    assert html.count("<caption") == 4
    assert '<dl class="definities">' in html and html.count("<dt>") == 8
    for maat in ("instroom", "intake", "pip", "pip-tijdig", "pip-te-laat", "route-B", "route-O", "route-Z", "boetes"):
        assert f'href="/dashboard/trends/{maat}/{_deze_maand()}/"' in html
    assert 'href="/dashboard/trends/"' in client.get(reverse("dashboards:dashboard")).content.decode()


def test_a_number_links_to_exactly_its_dossiers(client, manager):
    deze = DossierFactory(datum_kennisgeving=localdate().replace(day=1))
    DossierFactory(datum_kennisgeving=localdate().replace(day=1) - timedelta(days=1))
    client.force_login(manager)

    pagina = client.get(reverse("dashboards:trend_rijen", args=["instroom", _deze_maand()]))

    assert [d.pk for d in pagina.context["pagina"].object_list] == [deze.pk]
    assert "Nieuwe dossiers (kennisgeving) in" in pagina.content.decode()


@pytest.mark.parametrize(("maat", "maand"), [("iets", "2026-05"), ("instroom", "2026-13"), ("route-X", "2026-05"),
                                             ("instroom", "mei")])
def test_an_unknown_measure_or_month_is_404(client, manager, maat, maand):
    client.force_login(manager)
    assert client.get(reverse("dashboards:trend_rijen", args=[maat, maand])).status_code == 404


def _aantal(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        antwoord = client.get(url)
    assert antwoord.status_code == 200
    return len(ctx.captured_queries)


def _maand_vol(n: int) -> None:
    vandaag = localdate()
    for i in range(n):
        dag = vandaag - timedelta(days=20 * i)
        d = DossierFactory(datum_kennisgeving=dag - timedelta(days=70))
        BredeIntakeFactory(afgerond=True, afgerond_op=dag - timedelta(days=30), dossier__datum_kennisgeving=dag)
        TermijnFactory(dossier=d, gehaald=True, gehaald_op=dag, fatale_datum=dag - timedelta(days=i % 2))
        PipFactory(vastgesteld=True, dagtekening=dag, leerroute="BOZ"[i % 3])
        HandhavingszaakFactory(boete=True, dagtekening=dag)


# Every request: session, user, groups = 3. The page: inflow, intakes, PIP termijnen, routes, fines and the
# beleidsinstellingen = 6.
QUERIES_TRENDS = 3 + 6


def test_the_trends_cost_the_same_queries_for_few_and_many_rows(client, manager):
    client.force_login(manager)
    _maand_vol(2)
    bij_2 = _aantal(client, URL)
    _maand_vol(18)
    bij_20 = _aantal(client, URL)
    assert bij_2 == bij_20 == QUERIES_TRENDS


def test_the_rows_behind_a_number_cost_the_same_queries_for_few_and_many(client, manager):
    client.force_login(manager)
    url = reverse("dashboards:trend_rijen", args=["instroom", _deze_maand()])
    for _ in range(2):
        DossierFactory(datum_kennisgeving=localdate())
    bij_2 = _aantal(client, url)
    for _ in range(30):
        DossierFactory(datum_kennisgeving=localdate())
    bij_32 = _aantal(client, url)
    assert bij_2 == bij_32
