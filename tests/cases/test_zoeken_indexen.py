"""Name and BSN search read an index on PostgreSQL (issue 18); the same answers on SQLite."""

from django.db import connection
from django.db.models import Q

import pytest

from cases.models import Inburgeraar
from cases.selectors import Bereik, DossierFilter, dossier_lijst
from tests.factories import DossierFactory

pytestmark = pytest.mark.django_db


def _zoek(user, term):
    return list(dossier_lijst(user=user, filter=DossierFilter(bereik=Bereik.ALLE, zoek=term)))


def test_a_name_search_finds_part_of_a_name_in_any_case_and_a_bsn_exactly(manager):
    jansen = DossierFactory(inburgeraar__voornamen="Amira", inburgeraar__geslachtsnaam="Jansen")
    DossierFactory(inburgeraar__voornamen="Yusuf", inburgeraar__geslachtsnaam="Haddad")

    assert _zoek(manager, "anse") == [jansen]
    assert _zoek(manager, "amira JANSEN") == [jansen]
    assert _zoek(manager, jansen.inburgeraar.bsn) == [jansen]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes exist on PostgreSQL only")
def test_a_name_search_on_postgresql_uses_the_trigram_indexes_and_a_bsn_its_unique_index(manager):
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")  # an empty test table: ask whether the index *can* serve it
    # The search's own conditions, as `_zoek` writes them: Django's icontains must match the indexed expression.
    naam = Inburgeraar.objects.filter(Q(voornamen__icontains="anse") | Q(geslachtsnaam__icontains="anse")
                                      | Q(voorvoegsel__iexact="anse")).explain()
    bsn = Inburgeraar.objects.filter(bsn="123456782").explain()

    assert "inburgeraar_geslachtsnaam_trgm" in naam and "inburgeraar_voornamen_trgm" in naam
    assert "inburgeraar_voorvoegsel_upper" in naam
    assert "cases_inburgeraar_bsn" in bsn
