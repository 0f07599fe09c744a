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
