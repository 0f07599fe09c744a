"""The worklist and the home page run a fixed number of queries, however many signals or dossiers."""

from itertools import cycle

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from inburgering.audit.verwerkingen import queries_per_verwerking
from pip_plans.termijnen import PipTermijn
from tests.factories import DossierFactory, TeamFactory, WerkcoachFactory

from .maak import aandachtspunt, nadert, termijn, verlopen

# Every request: session, user, groups = 3 (no session save: inburgering.accounts.sessies).
# The worklist adds: count, the page (signals with dossier, person, werkcoach, termijn joined) = 5;
# for consulent and manager the filter's teams and werkcoaches come from the cache once the first request
# made them (cases.selectors.filteropties), so also 5.
# Both also write the Logboek Dataverwerkingen row of the signals' dossiers on the page (one statement on
# PostgreSQL, six queries on SQLite: inburgering/audit/verwerkingen.py).
LOGBOEK_DATAVERWERKINGEN = queries_per_verwerking()
QUERIES_WERKVOORRAAD = 5 + LOGBOEK_DATAVERWERKINGEN
QUERIES_WERKVOORRAAD_ALLE = 5 + LOGBOEK_DATAVERWERKINGEN
# The home page adds: all its capped counts in one query, this week's termijnen = 5 (dashboards.selectors.startpagina).
QUERIES_HOME = 5


def queries_voor(client, url: str, **params) -> int:
    client.get(url, params)  # warm: the filter's option lists come from the cache after the first request
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _dossiers_met_signalen(aantal: int, coaches) -> None:
    for _ in range(aantal):
        d = DossierFactory(werkcoach=next(coaches), fase="intake")
        verlopen(d)
        nadert(d, soort=PipTermijn.BEZWAAR)
        aandachtspunt(d)
        termijn(d, dagen=3, soort=PipTermijn.VOORTGANGSGESPREK)


@pytest.fixture
def coaches(db):
    teams = [TeamFactory(naam=f"Team Q{i}") for i in range(3)]
    return [WerkcoachFactory(team=teams[i % 3]) for i in range(6)]


def test_the_worklist_costs_the_same_queries_for_5_and_200_signals(client, werkcoach):
    client.force_login(werkcoach)
    url = reverse("werkvoorraad:lijst")
    _dossiers_met_signalen(2, cycle([werkcoach]))  # 6 signals
    bij_5 = queries_voor(client, url)
    _dossiers_met_signalen(65, cycle([werkcoach]))  # 201 signals
    bij_200 = queries_voor(client, url)

    assert bij_5 == bij_200 == QUERIES_WERKVOORRAAD


def test_the_worklist_of_all_dossiers_costs_the_same_for_5_and_200_dossiers(client, manager, coaches):
    client.force_login(manager)
    url = reverse("werkvoorraad:lijst")
    _dossiers_met_signalen(5, cycle(coaches))
    bij_5 = queries_voor(client, url, bereik="alle")
    _dossiers_met_signalen(195, cycle(coaches))
    bij_200 = queries_voor(client, url, bereik="alle")

    assert bij_5 == bij_200 == QUERIES_WERKVOORRAAD_ALLE


def test_the_home_page_costs_the_same_queries_for_5_and_200_dossiers(client, werkcoach):
    client.force_login(werkcoach)
    url = reverse("home")
    _dossiers_met_signalen(5, cycle([werkcoach]))
    bij_5 = queries_voor(client, url)
    _dossiers_met_signalen(195, cycle([werkcoach]))
    bij_200 = queries_voor(client, url)

    assert bij_5 == bij_200 == QUERIES_HOME
