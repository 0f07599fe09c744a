"""The log list's default sort (newest first) and its dossier filter are served by an index, checked with
the database's own query plan: `verwerking_tijd` (-tijdstip, -id) and `verwerking_dossier` (dossier_id,
verwerking). On PostgreSQL sequential scans are switched off for the check, so a plan on a small test
table still shows whether an index CAN serve the query."""

from django.db import connection

import pytest

from inburgering.audit.views import verwerkingen_zoeken


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return "\n".join(" ".join(map(str, regel)) for regel in cursor.fetchall())


@pytest.mark.django_db
def test_the_default_sort_uses_the_time_index():
    plan = _plan(verwerkingen_zoeken()[:25])

    # PostgreSQL walks `verwerking_tijd`; SQLite the tijdstip index (its entries end in the rowid = id, so
    # it serves "-tijdstip, -id" too). Either way: no sort step over the whole log.
    assert "verwerking_tijd" in plan or "audit_dataverwerking_tijdstip" in plan, plan
    assert "TEMP B-TREE" not in plan.upper() and "Sort" not in plan, plan


@pytest.mark.django_db
def test_the_dossier_filter_uses_the_dossier_index():
    plan = _plan(verwerkingen_zoeken(dossier=42)[:25])

    assert "verwerking_dossier" in plan, plan


@pytest.mark.django_db
def test_the_log_has_no_duplicate_indexes_and_keeps_its_append_only_trigger():
    """Every request that processes personal data writes a row: each index is paid for on every such request
    (issue 18). Five duplicated another or served no query and were dropped (audit 0011)."""
    with connection.cursor() as cursor:
        indexen = {
            naam for naam, info in connection.introspection.get_constraints(cursor, "audit_dataverwerking").items()
            if info["index"] and not info["primary_key"]
        }
    assert indexen == {"verwerking_tijd", "verwerking_activiteit_tijd", "verwerking_gebruiker_tijd", "verwerking_trace"}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_dataverwerking'::regclass "
                           "AND NOT tgisinternal")
            assert [r[0] for r in cursor.fetchall()] == ["audit_dataverwerking_alleen_toevoegen"]


@pytest.mark.django_db
def test_the_user_and_activity_filters_use_their_composite_indexes():
    from inburgering.audit.models import Dataverwerking

    plan = _plan(Dataverwerking.objects.filter(gebruiker_id=1).order_by("-tijdstip")[:25])
    assert "verwerking_gebruiker_tijd" in plan, plan
    plan = _plan(Dataverwerking.objects.filter(activiteit_id="x").order_by("-tijdstip")[:25])
    assert "verwerking_activiteit_tijd" in plan, plan
