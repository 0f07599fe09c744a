"""A download costs a fixed number of queries, however many rows it holds (issue 20 item 1)."""

from itertools import cycle

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from tests.factories import DossierFactory, HandhavingszaakFactory, SignaalFactory, TeamFactory, WerkcoachFactory


def queries(client, url, params=None) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
        inhoud = b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(ctx.captured_queries), len(inhoud)


@pytest.fixture
def coaches(db):
    teams = [TeamFactory(naam=f"Team E{i}") for i in range(3)]
    return cycle([WerkcoachFactory(team=teams[i % 3]) for i in range(6)])


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_the_dossier_download_costs_the_same_queries_for_5_and_100_dossiers(client, manager, coaches, formaat):
    client.force_login(manager)
    url = reverse("cases:dossier_export", args=[formaat])
    for _ in range(5):
        DossierFactory(werkcoach=next(coaches))
    bij_5, grootte_5 = queries(client, url, {"bereik": "alle"})
    for _ in range(95):
        DossierFactory(werkcoach=next(coaches))
    bij_100, grootte_100 = queries(client, url, {"bereik": "alle"})
    assert bij_5 == bij_100
    assert grootte_100 > grootte_5


def test_the_werkvoorraad_download_costs_the_same_queries_for_5_and_60_signals(client, manager):
    client.force_login(manager)
    url = reverse("werkvoorraad:export", args=["csv"])
    SignaalFactory.create_batch(5)
    bij_5, _ = queries(client, url, {"bereik": "alle"})
    SignaalFactory.create_batch(55)
    bij_60, _ = queries(client, url, {"bereik": "alle"})
    assert bij_5 == bij_60


def test_the_handhaving_download_costs_the_same_queries_for_3_and_30_zaken(client, manager):
    client.force_login(manager)
    url = reverse("handhaving:zaken_export", args=["xlsx"])
    HandhavingszaakFactory.create_batch(3)
    bij_3, _ = queries(client, url)
    HandhavingszaakFactory.create_batch(27)
    bij_30, _ = queries(client, url)
    assert bij_3 == bij_30
