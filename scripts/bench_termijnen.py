"""Benchmark of the termijnen sweep: N synthetic dossiers with their termijnen, then one full
`termijnen_sweep()` (target ≤ 30 s for 100 000 dossiers) and a second run (≈ a no-op).

    createdb -h 127.0.0.1 -U postgres inburgering_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/inburgering_bench
    DJANGO_SETTINGS_MODULE=inburgering.settings.test .venv/bin/python manage.py migrate
    DJANGO_SETTINGS_MODULE=inburgering.settings.test .venv/bin/python scripts/bench_termijnen.py [N] [--max-dagen 90]

Runs against whatever DATABASE_URL is set (SQLite works too, without SKIP LOCKED). Dossiers are made by
`cases.demo.maak_dossiers`, which stores their termijnen in bulk with the same pure rules a
recomputation uses (no `termijnen_herberekenen` per dossier). The DUO kennisgeving lies 7..max-dagen
days ago: with the default 90 about a fifth of the PIP termijnen is overdue and a fifth near its
streefdatum, a realistic share; `--max-dagen 900` is the worst case (nearly all overdue).
The dossiers are added to what is there; use a fresh database for comparable figures.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inburgering.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.utils import timezone  # noqa: E402

from cases.demo import demo_gebruikers, maak_dossiers  # noqa: E402
from cases.models import Dossier, Signaal, Termijn  # noqa: E402
from cases.termijnen.services import termijnen_sweep  # noqa: E402


def tellingen() -> str:
    termijnen = dict(Termijn.objects.values_list("status").annotate(n=Count("id")))
    signalen = dict(Signaal.objects.values_list("soort").annotate(n=Count("id")))
    return f"termijnen {termijnen}, signalen {signalen}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("aantal", nargs="?", type=int, default=100_000)
    parser.add_argument("--max-dagen", type=int, default=90, help="kennisgeving tot zoveel dagen geleden")
    parser.add_argument("--seed", type=int, default=2022)
    args = parser.parse_args()
    vandaag = timezone.localdate()
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")

    demo_gebruikers()
    start = time.perf_counter()
    maak_dossiers(args.aantal, seed=args.seed, vandaag=vandaag, kennisgeving_dagen=(7, args.max_dagen))
    print(f"{args.aantal} dossiers met termijnen aangemaakt in {time.perf_counter() - start:.1f} s "
          f"(totaal {Dossier.objects.count()} dossiers, {Termijn.objects.count()} termijnen)")
    open_ = Termijn.objects.filter(status="open")
    print(f"vóór de sweep: {open_.filter(fatale_datum__lt=vandaag).count()} open termijnen over de fatale datum, "
          f"{open_.filter(streefdatum__lte=vandaag, nadert_gesignaleerd=False).count()} op of na de streefdatum")

    for ronde in (1, 2):
        start = time.perf_counter()
        resultaat = termijnen_sweep(peildatum=vandaag)
        duur = time.perf_counter() - start
        print(f"sweep {ronde}: {duur:.2f} s — {resultaat.verlopen} verlopen, {resultaat.nadert} nadert")
    print(tellingen())


if __name__ == "__main__":
    main()
