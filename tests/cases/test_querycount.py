"""The list pages run a fixed number of queries, however many dossiers there are (no N+1)."""

from itertools import cycle

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from inburgering.audit.verwerkingen import queries_per_verwerking
from tests.factories import DossierFactory, TeamFactory, WerkcoachFactory

# Every request: load session, user, the user's groups = 3; the session is saved at most once a minute
# (inburgering.accounts.sessies), not on these requests.
# The list adds: count (capped, inburgering.paginering) and the page with its FKs joined = 5; the filter's
# teams and werkcoaches come from the cache (cases.selectors.filteropties) once the first request made them.
# The Logboek Dataverwerkingen row of the page's dossiers: one statement on PostgreSQL (row, chain and
# dossier rows together), six through the model on SQLite (inburgering/audit/verwerkingen.py) = 8 or 13.
LOGBOEK_DATAVERWERKINGEN = queries_per_verwerking()
QUERIES_LIJST = 5 + LOGBOEK_DATAVERWERKINGEN
# The herverdelen page adds: the selected dossiers with their FKs joined, werkcoaches (choice list) = 5.
QUERIES_HERVERDELEN = 5


def queries_voor(client, url: str, **params) -> int:
    client.get(url, params)  # warm: the filter's option lists come from the cache after the first request
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.fixture
def veel_werkcoaches(db):
    """Dossiers spread over several werkcoaches and teams, so a lazy FK would show up per row."""
    teams = [TeamFactory(naam=f"Team Q{i}") for i in range(3)]
    return [WerkcoachFactory(team=teams[i % 3]) for i in range(6)]


def test_my_dossiers_costs_the_same_queries_for_5_and_200_dossiers(client, werkcoach):
    client.force_login(werkcoach)
    url = reverse("cases:dossier_lijst")

    DossierFactory.create_batch(5, werkcoach=werkcoach)
    bij_5 = queries_voor(client, url)
    DossierFactory.create_batch(195, werkcoach=werkcoach)
    bij_200 = queries_voor(client, url)

    assert bij_5 == bij_200 == QUERIES_LIJST


def test_all_dossiers_for_a_manager_costs_the_same_queries_for_5_and_200_dossiers(client, manager, veel_werkcoaches):
    client.force_login(manager)
    url = reverse("cases:dossier_lijst")
    coaches = cycle(veel_werkcoaches)

    for _ in range(5):
        DossierFactory(werkcoach=next(coaches))
    bij_5 = queries_voor(client, url, bereik="alle")
    for _ in range(195):
        DossierFactory(werkcoach=next(coaches))
    bij_200 = queries_voor(client, url, bereik="alle")

    assert bij_5 == bij_200 == QUERIES_LIJST


def test_the_herverdelen_page_costs_the_same_queries_for_5_and_50_selected_dossiers(
    client, manager, veel_werkcoaches
):
    client.force_login(manager)
    url = reverse("cases:dossiers_herverdelen")
    coaches = cycle(veel_werkcoaches)
    dossiers = [DossierFactory(werkcoach=next(coaches)) for _ in range(50)]

    bij_5 = queries_voor(client, url, dossiers=[d.pk for d in dossiers[:5]])
    response = client.get(url, {"dossiers": [d.pk for d in dossiers]})
    bij_50 = queries_voor(client, url, dossiers=[d.pk for d in dossiers])

    assert bij_5 == bij_50 == QUERIES_HERVERDELEN
    assert len(response.context["gekozen"]) == 50
    assert dossiers[49].inburgeraar.volledige_naam in response.content.decode()


def test_the_list_shows_25_dossiers_per_page_and_a_second_page_for_30(client, werkcoach):
    DossierFactory.create_batch(30, werkcoach=werkcoach)
    client.force_login(werkcoach)
    url = reverse("cases:dossier_lijst")

    eerste = client.get(url)
    tweede = client.get(url, {"pagina": 2})

    assert eerste.context["pagina"].paginator.num_pages == 2
    assert len(eerste.context["pagina"].object_list) == 25
    assert tweede.context["pagina"].number == 2
    assert len(tweede.context["pagina"].object_list) == 5
    op_pagina_1 = {d.pk for d in eerste.context["pagina"].object_list}
    op_pagina_2 = {d.pk for d in tweede.context["pagina"].object_list}
    assert not op_pagina_1 & op_pagina_2
