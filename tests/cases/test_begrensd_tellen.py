"""Lists count at most 1 000 + 1 rows (issue 18): above the cap the page says "meer dan", and the pages
still work without an exact count."""

from django.urls import reverse

import pytest

from inburgering.paginering import GRENS, BegrensdePaginator
from tests.factories import DossierFactory

pytestmark = pytest.mark.django_db


def test_the_cap_is_1000():
    assert GRENS == BegrensdePaginator.grens == 1000


def test_the_capped_count_does_not_sort(werkcoach):
    """The sort of the list only costs in the count (issue 18: an ordered index walk with a probe per row)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cases.models import Dossier

    DossierFactory.create_batch(3, werkcoach=werkcoach)
    paginator = BegrensdePaginator(Dossier.objects.order_by("-datum_kennisgeving", "-id"), 25)
    with CaptureQueriesContext(connection) as ctx:
        assert paginator.count == 3
    assert "ORDER BY" not in ctx.captured_queries[0]["sql"].upper()


def test_below_the_cap_the_count_and_the_pages_are_exact(client, werkcoach):
    DossierFactory.create_batch(30, werkcoach=werkcoach)
    client.force_login(werkcoach)

    pagina = client.get(reverse("cases:dossier_lijst")).context["pagina"]

    assert (pagina.paginator.count, pagina.paginator.begrensd, pagina.paginator.num_pages) == (30, False, 2)


def test_above_the_cap_the_list_says_more_than_and_volgende_exists_while_rows_come_back(
    client, werkcoach, monkeypatch
):
    monkeypatch.setattr(BegrensdePaginator, "grens", 20)
    DossierFactory.create_batch(55, werkcoach=werkcoach)
    client.force_login(werkcoach)
    url = reverse("cases:dossier_lijst")

    eerste = client.get(url)
    derde = client.get(url, {"pagina": 3})

    assert eerste.context["pagina"].paginator.begrensd
    assert "Meer dan 20 dossiers" in eerste.content.decode()
    assert eerste.context["pagina"].has_next() and len(eerste.context["pagina"].object_list) == 25
    # Beyond the counted 21 rows: page 3 exists because its rows come back, and it is the last.
    assert derde.context["pagina"].number == 3
    assert len(derde.context["pagina"].object_list) == 5
    assert not derde.context["pagina"].has_next()


def test_the_capped_count_leaves_out_the_joins_of_select_related(werkcoach):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cases.models import Dossier

    DossierFactory.create_batch(2, werkcoach=werkcoach)
    paginator = BegrensdePaginator(Dossier.objects.select_related("inburgeraar", "werkcoach", "team").order_by("pk"), 25)
    with CaptureQueriesContext(connection) as ctx:
        assert paginator.count == 2
    assert "JOIN" not in ctx.captured_queries[0]["sql"].upper()


def test_a_paginator_may_have_its_own_cap():
    paginator = BegrensdePaginator(list(range(10)), 3, grens=4)
    assert (paginator.grens, BegrensdePaginator.grens) == (4, GRENS)


def test_a_search_counts_its_hits_to_the_search_cap_and_says_so(client, werkcoach, monkeypatch):
    from cases import views
    from tests.factories import InburgeraarFactory

    monkeypatch.setattr(views, "ZOEK_GRENS", 3)
    for _ in range(5):
        DossierFactory(werkcoach=werkcoach, inburgeraar=InburgeraarFactory(geslachtsnaam="Haddad"))
    DossierFactory.create_batch(2, werkcoach=werkcoach)
    client.force_login(werkcoach)

    zoek = client.post(reverse("cases:dossier_lijst"), {"zoek": "Haddad"})  # the term never goes in a URL
    gezocht = client.get(zoek["Location"])
    alles = client.get(reverse("cases:dossier_lijst"))

    assert gezocht.context["pagina"].paginator.begrensd
    assert "Meer dan 3 dossiers" in gezocht.content.decode()
    assert len(gezocht.context["pagina"].object_list) == 5  # every hit is still listed
    assert (alles.context["pagina"].paginator.count, alles.context["pagina"].paginator.begrensd) == (7, False)


def test_the_search_cap_is_below_the_list_cap():
    from inburgering.paginering import ZOEK_GRENS

    assert 25 <= ZOEK_GRENS < GRENS


def test_a_union_is_counted_too(werkcoach):
    from cases.models import Dossier

    DossierFactory.create_batch(2, werkcoach=werkcoach)
    deel = Dossier.objects.order_by().values_list("pk", flat=True)  # SQLite: no ORDER BY inside a UNION
    assert BegrensdePaginator(deel.filter(pk__gt=0).union(deel.filter(pk__lt=0)).order_by("pk"), 25).count == 2
