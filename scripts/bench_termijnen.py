"""Benchmark of the termijnen sweep (issue 18): sweep vs the set-based floor, linearity in due rows, and
1/2/4 concurrent workers, measured in one run on one PostgreSQL database.

    createdb -h 127.0.0.1 -U postgres inburgering_bench_termijnen
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/inburgering_bench_termijnen
    DJANGO_SETTINGS_MODULE=inburgering.settings.test .venv/bin/python manage.py migrate
    DJANGO_SETTINGS_MODULE=inburgering.settings.test .venv/bin/python scripts/bench_termijnen.py \
        [--dossiers 60000] [--klein 10000] [--groot 100000]

When the database holds fewer dossiers than `--dossiers`, the rest is made by `cases.demo.maak_dossiers`
with the DUO kennisgeving 7..900 days ago (nearly every PIP/ONA termijn overdue, the worst case). The
state after making them is saved once (table `bench_termijn_stand`); every measurement starts from
it: statuses restored, the sweep's signals removed, VACUUM ANALYZE. To measure K due rows with the
same table size, all but K (a fixed random choice) of the due termijnen are parked as 'gehaald'.

Measured, each from the same starting state:
- floor: the same change as plain set-based statements (UPDATE … RETURNING into INSERT of the signals,
  one transaction, no chunks, no claiming);
- the sweep (`termijnen_sweep`, one process) at K = klein and K = groot: ratio to the floor and the
  time per due row at groot vs klein (1.0 = linear);
- 1, 2 and 4 worker processes started together on K = groot: wall time of the last one, and a check
  that every due row was changed exactly once and has exactly one signal (no double work).
"""

import argparse
import multiprocessing
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inburgering.settings.test")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from cases.demo import demo_gebruikers, maak_dossiers  # noqa: E402
from cases.models import Dossier, Signaal, Termijn  # noqa: E402
from cases.termijnen.services import termijnen_sweep  # noqa: E402
from cases.termijnen.soorten import Eigenaar, soorten_van  # noqa: E402

T, S = Termijn._meta.db_table, Signaal._meta.db_table
STAND = "bench_termijn_stand"


def sql(tekst: str, params=None) -> list:
    with connection.cursor() as cursor:
        cursor.execute(tekst, params)
        return cursor.fetchall() if cursor.description else []


def stand_bewaren() -> None:
    if sql("SELECT to_regclass(%s)", [STAND])[0][0] is None:
        sql(f"CREATE TABLE {STAND} AS SELECT id, status, nadert_gesignaleerd FROM {T}")
        sql(f"CREATE TABLE {STAND}_signaal AS SELECT coalesce(max(id), 0) AS hoogste FROM {S}")


def due_ids(peildatum) -> list[int]:
    """Termijnen the sweep changes from the saved state: overdue, or at their streefdatum."""
    return [r[0] for r in sql(
        f"""SELECT t.id FROM {T} t JOIN {STAND} s USING (id)
            WHERE s.status = 'open' AND (t.fatale_datum < %s OR (NOT s.nadert_gesignaleerd AND t.streefdatum <= %s))
            ORDER BY t.id""", [peildatum, peildatum])]


def herstellen(alle: list[int], k: int) -> None:
    """The saved state, with all but k due termijnen parked (not due), then VACUUM ANALYZE."""
    with transaction.atomic():
        sql(f"DELETE FROM {S} WHERE id > (SELECT hoogste FROM {STAND}_signaal)")
        sql(f"""UPDATE {T} t SET status = s.status, nadert_gesignaleerd = s.nadert_gesignaleerd FROM {STAND} s
                WHERE s.id = t.id AND (t.status, t.nadert_gesignaleerd) IS DISTINCT FROM (s.status, s.nadert_gesignaleerd)""")
        geparkeerd = sorted(set(alle) - set(random.Random(k).sample(alle, k)))
        sql(f"UPDATE {T} SET status = 'gehaald' WHERE id = ANY(%s)", [geparkeerd])
    sql(f"VACUUM ANALYZE {T}")
    sql(f"VACUUM ANALYZE {S}")


def vloer(peildatum) -> float:
    """The set-based floor: the same change in three plain statements."""
    params = {"p": peildatum, "burger": list(soorten_van(Eigenaar.BURGER))}
    signaal = (f"INSERT INTO {S} (dossier_id, termijn_id, soort, termijn_fatale_datum, omschrijving, aangemaakt_op, "
               f"notitie, urgentie, sorteer_fatale_datum) SELECT dossier_id, id, %(soort)s, fatale_datum, '', now(), '', "
               f"%(urgentie)s, fatale_datum FROM b ON CONFLICT DO NOTHING")
    start = time.perf_counter()
    with transaction.atomic():
        sql(f"""WITH b AS (UPDATE {T} SET status = 'verlopen' WHERE status = 'open' AND fatale_datum < %(p)s
                           AND NOT (soort = ANY(%(burger)s)) RETURNING id, dossier_id, fatale_datum) {signaal}""",
            {**params, "soort": "verlopen", "urgentie": 0})
        sql(f"UPDATE {T} SET status = 'verstreken' WHERE status = 'open' AND fatale_datum < %(p)s "
            f"AND soort = ANY(%(burger)s)", params)
        sql(f"""WITH b AS (UPDATE {T} SET nadert_gesignaleerd = true WHERE status = 'open' AND NOT nadert_gesignaleerd
                           AND streefdatum <= %(p)s RETURNING id, dossier_id, fatale_datum) {signaal}""",
            {**params, "soort": "nadert", "urgentie": 1})
    return time.perf_counter() - start


def _werker(peildatum, klaar, start, uitkomst) -> None:
    connection.close()  # a forked child opens its own connection
    klaar.wait()
    start.wait()
    begin = time.perf_counter()
    r = termijnen_sweep(peildatum=peildatum)
    uitkomst.put((time.perf_counter() - begin, r.verlopen + r.nadert + r.verstreken, r.geanalyseerd))
    connection.close()


def werkers(peildatum, n: int) -> tuple[float, int, bool]:
    """n processes start the sweep at the same moment; wall time until the last one is done."""
    connection.close()
    ctx = multiprocessing.get_context("fork")
    klaar, start, uitkomst = ctx.Barrier(n + 1), ctx.Barrier(n + 1), ctx.Queue()
    processen = [ctx.Process(target=_werker, args=(peildatum, klaar, start, uitkomst)) for _ in range(n)]
    for p in processen:
        p.start()
    klaar.wait()
    begin = time.perf_counter()
    start.wait()
    resultaten = [uitkomst.get(timeout=600) for _ in processen]
    duur = time.perf_counter() - begin
    for p in processen:
        p.join()
    return duur, sum(r[1] for r in resultaten), any(r[2] for r in resultaten)


def controleren(alle: list[int], k: int) -> str:
    """Every due row changed once: no open due row left, one sweep signal per signalled termijn."""
    nieuw = sql(f"""SELECT count(*), count(DISTINCT (termijn_id, soort)) FROM {S}
                    WHERE id > (SELECT hoogste FROM {STAND}_signaal)""")[0]
    return f"{nieuw[0]} signalen, {nieuw[0] - nieuw[1]} dubbel"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=60_000)
    parser.add_argument("--klein", type=int, default=10_000)
    parser.add_argument("--groot", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2022)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Deze benchmark meet PostgreSQL (SKIP LOCKED, VACUUM): zet DATABASE_URL=postgres://…")
    peildatum = timezone.localdate()
    print(f"database: {connection.settings_dict['NAME']}, peildatum {peildatum}")
    tekort = args.dossiers - Dossier.objects.count()
    if tekort > 0:
        if sql("SELECT to_regclass(%s)", [STAND])[0][0] is not None:
            sys.exit(f"{STAND} bestaat al: gebruik een verse database of hetzelfde --dossiers")
        demo_gebruikers()
        begin = time.perf_counter()
        maak_dossiers(tekort, seed=args.seed, vandaag=peildatum, kennisgeving_dagen=(7, 900))
        print(f"{tekort} dossiers gemaakt in {time.perf_counter() - begin:.0f} s")
    stand_bewaren()
    alle = due_ids(peildatum)
    print(f"{Dossier.objects.count()} dossiers, {Termijn.objects.count()} termijnen, {len(alle)} te behandelen")
    groot, klein = min(args.groot, len(alle)), min(args.klein, len(alle))

    tijden: dict[str, float] = {}
    for k in (klein, groot):
        herstellen(alle, k)
        tijden[f"vloer {k}"] = vloer(peildatum)
        herstellen(alle, k)
        begin = time.perf_counter()
        r = termijnen_sweep(peildatum=peildatum, analyse_vanaf=10**12)  # ANALYZE measured on its own below
        tijden[f"sweep {k}"] = time.perf_counter() - begin
        begin = time.perf_counter()
        sql(f"ANALYZE {T}, {S}")
        tijden[f"analyze {k}"] = time.perf_counter() - begin
        print(f"K={k}: vloer {tijden[f'vloer {k}']:.2f} s, sweep {tijden[f'sweep {k}']:.2f} s "
              f"({r.verlopen} verlopen, {r.nadert} nadert, {r.verstreken} verstreken), "
              f"ANALYZE daarna {tijden[f'analyze {k}']:.2f} s; {controleren(alle, k)}")
    for n in (1, 2, 4):
        herstellen(alle, groot)
        duur, gedaan, geanalyseerd = werkers(peildatum, n)
        tijden[f"werkers {n}"] = duur
        print(f"{n} werker(s) op K={groot}: {duur:.2f} s (incl. ANALYZE: {geanalyseerd}), samen {gedaan} rijen "
              f"gewijzigd (verwacht {groot}); {controleren(alle, groot)}")

    print("\n== verhoudingen ==")
    for k in (klein, groot):
        print(f"sweep/vloer bij K={k}: {tijden[f'sweep {k}'] / tijden[f'vloer {k}']:.2f}× "
              f"(met ANALYZE: {(tijden[f'sweep {k}'] + tijden[f'analyze {k}']) / tijden[f'vloer {k}']:.2f}×)")
    per_rij = (tijden[f"sweep {groot}"] / groot) / (tijden[f"sweep {klein}"] / klein)
    print(f"lineariteit: {groot / klein:.0f}× zoveel rijen kost {tijden[f'sweep {groot}'] / tijden[f'sweep {klein}']:.1f}× "
          f"zo lang (tijd per rij groot/klein {per_rij:.2f}; 1.00 = lineair)")
    for n in (2, 4):
        print(f"{n} werkers / 1 werker: {tijden[f'werkers {n}'] / tijden['werkers 1']:.2f}×")


if __name__ == "__main__":
    main()
