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
    (lambda: trends_selectors._eerste_pips().filter(dagtekening__gte=date(2026, 1, 1),
                                                     dagtekening__lt=date(2027, 1, 1)), "pip_eerste_dagtekening"),
])
def test_the_lookup_uses_its_index(qs, index):
    assert re.search(rf"Index (Only )?Scan using ({index})", plan(qs())), plan(qs())


@pytest.mark.django_db
def test_the_trend_lookup_on_gehaald_op_uses_its_range_index(dossier):
    # On an empty table the planner may as well take termijn_lijst_volgorde (soort, status, …) and filter
    # gehaald_op row by row: on no rows the costs are equal and the choice flips with the test order. With
    # rows spread over years and fresh statistics the range index is the cheaper plan, deterministically.
    Termijn.objects.bulk_create([
        Termijn(dossier=dossier, soort="pip_vaststellen", sleutel=str(i), bron="test", basisdatum=date(2025, 1, 1),
                streefdatum=date(2025, 2, 1), berekende_fatale_datum=date(2025, 3, 1), fatale_datum=date(2025, 3, 1),
                status="gehaald", gehaald_op=date(2020 + i % 7, 1 + i % 12, 1),
                dossier_kennisgeving=dossier.datum_kennisgeving)
        for i in range(400)
    ])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE cases_termijn")
    qs = Termijn.objects.filter(soort="pip_vaststellen", status="gehaald", gehaald_op__gte=date(2026, 1, 1),
                                gehaald_op__lt=date(2026, 2, 1))
    assert re.search(r"(Bitmap )?Index (Only )?Scan (using|on) termijn_soort_gehaald", plan(qs)), plan(qs)
