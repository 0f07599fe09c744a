"""Server time and query count of the busiest pages on a large data set (issue 5: "worklist and
dashboard query counts (constant) and server times").

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/inburgering_bench
    DJANGO_SETTINGS_MODULE=inburgering.settings.test .venv/bin/python manage.py migrate
    DJANGO_SETTINGS_MODULE=inburgering.settings.test .venv/bin/python scripts/bench_termijnen.py 100000
    DJANGO_SETTINGS_MODULE=inburgering.settings.test .venv/bin/python scripts/bench_paginas.py

Requests go through Django's test client (the whole middleware stack, no network), each page 7 times;
the table shows the median and the slowest of the last 6 (the first warms caches) and the queries.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inburgering.settings.test")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from cases.models import Dossier  # noqa: E402
from inburgering.accounts.models import User  # noqa: E402

PAGINAS = [
    ("werkcoach", "/", "startpagina"),
    ("werkcoach", "/dossiers/", "mijn dossiers"),
    ("werkcoach", "/dossiers/?zoek=Haddad", "zoeken op naam"),
    ("werkcoach", "/werkvoorraad/", "werkvoorraad"),
    ("manager", "/dossiers/?bereik=alle", "alle dossiers"),
    ("manager", "/dossiers/?bereik=alle&termijn=pip_vaststellen&termijnstatus=verlopen", "dossiers met verlopen PIP-termijn"),
    ("manager", "/werkvoorraad/", "werkvoorraad (alle)"),
    ("manager", "/dashboard/", "dashboard"),
]


def meet(client: Client, pad: str) -> tuple[float, float, int]:
    tijden, queries = [], 0
    for i in range(7):
        with CaptureQueriesContext(connection) as vastgelegd:
            start = time.perf_counter()
            antwoord = client.get(pad)
            duur = time.perf_counter() - start
        if antwoord.status_code != 200:
            raise SystemExit(f"{pad}: HTTP {antwoord.status_code}")
        if i:
            tijden.append(duur)
        queries = len(vastgelegd)
    return statistics.median(tijden), max(tijden), queries


def main() -> None:
    settings.ALLOWED_HOSTS.append("testserver")
    if connection.vendor == "postgresql":
        # After a bulk load the planner's statistics are stale until autovacuum runs; measure what a
        # settled production database does.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"database: {connection.vendor}, {Dossier.objects.count()} dossiers")
    print(f"{'pagina':40} {'mediaan':>9} {'max':>9} {'queries':>8}")
    clients = {}
    for gebruiker, pad, naam in PAGINAS:
        if gebruiker not in clients:
            clients[gebruiker] = Client()
            clients[gebruiker].force_login(User.objects.get(username=gebruiker))
        mediaan, maximum, queries = meet(clients[gebruiker], pad)
        print(f"{naam:40} {mediaan:8.3f}s {maximum:8.3f}s {queries:8d}")


if __name__ == "__main__":
    main()
