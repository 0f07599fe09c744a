"""The lookups of the search everywhere and the trends page can use an index (PostgreSQL; with sequential
scans switched off, so the plan shows what the planner CAN use — on a few test rows it would scan)."""

import re
from datetime import date

from django.db import connection

import pytest

from cases.models import BredeIntake, Inburgeraar, Termijn
from dashboards import trends_selectors
from inburgering.documenten.models import Verzending
from pip_plans.models import Pip

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN of PostgreSQL")


def plan(qs) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = qs.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(r[0] for r in cursor.fetchall())


@pytest.mark.django_db
@pytest.mark.parametrize(("qs", "index"), [
    (lambda: Inburgeraar.objects.filter(v_nummer="1234567890"), "inburgeraar_v_nummer"),
    (lambda: Inburgeraar.objects.filter(bsn="111222333"), r"cases_inburgeraar_bsn\w*"),
    (lambda: Verzending.objects.filter(kenmerk="HH-1-2-W"), "verzending_kenmerk"),
    (lambda: Verzending.objects.filter(kenmerk__startswith="HH-1-2-"), "verzending_kenmerk"),
    (lambda: Pip.objects.filter(dossier_id=1, versie=1).order_by(), r"pip_versie_uniek|pip_plans_pip_dossier_id"),
    (lambda: BredeIntake.objects.filter(afgerond_op__gte=date(2026, 1, 1), afgerond_op__lt=date(2027, 1, 1)),
     "brede_intake_afgerond"),
    (lambda: Termijn.objects.filter(soort="pip_vaststellen", status="gehaald", gehaald_op__gte=date(2026, 1, 1),
                                    gehaald_op__lt=date(2027, 1, 1)), "termijn_soort_gehaald"),
    (lambda: trends_selectors._eerste_pips().filter(dagtekening__gte=date(2026, 1, 1),
                                                     dagtekening__lt=date(2027, 1, 1)), "pip_eerste_dagtekening"),
])
def test_the_lookup_uses_its_index(qs, index):
    assert re.search(rf"Index (Only )?Scan using ({index})", plan(qs())), plan(qs())
