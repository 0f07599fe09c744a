"""Benchmark of DUO's Notificatie endpoint (issue 17): how many notifications per second it accepts (aim ≥ 200/s
on PostgreSQL). Each request goes through the whole Django stack (middleware, token, contract check, the insert,
the hand-over to the broker on commit) with Django's test client in this process, from --processen senders
at once (forked processes, as gunicorn workers serve them; one database connection each); then the
same notifications again (DUO's retries: no new row). Processing is not measured (a worker does that later).

    createdb -h 127.0.0.1 -U postgres inburgering_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/inburgering_bench
    export CELERY_BROKER_URL=redis://127.0.0.1:6379/0   # or leave it: the filesystem broker
    DJANGO_SETTINGS_MODULE=inburgering.settings.test .venv/bin/python manage.py migrate
    export DATABASE_CONN_MAX_AGE=60 LOG_LEVEL=WARNING   # as in production: kept connections, no INFO per request
    DJANGO_SETTINGS_MODULE=inburgering.settings.test .venv/bin/python scripts/bench_duo_notificaties.py [N]

`--zonder-broker` leaves the broker out (the row waits for the safety net). The rows it made are removed at the
end (and the tasks it queued find nothing to do).
"""

import argparse
import json
import multiprocessing
import os
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inburgering.settings.test")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from duo.notificaties import ontvangen  # noqa: E402
from duo.notificaties.models import DuoNotificatie  # noqa: E402

CODES = ("SS101", "SS139", "SS102", "SS131", "SS199", "SS126")


def _sturen(opdracht: tuple[list[str], dict]) -> float:
    """One sender process (as one gunicorn worker): its own client and database connection. Returns the CPU
    seconds it used (the app's work per request, whatever else runs on the machine)."""
    deel, kop = opdracht
    client = Client(HTTP_HOST="127.0.0.1")
    cpu = time.process_time()
    try:
        for inhoud in deel:
            antwoord = client.post("/duo/notificaties", data=inhoud, content_type="application/json",
                                   headers={**kop, "berichtId": str(uuid.uuid4())})
            if antwoord.status_code != 201:
                raise SystemExit(f"antwoord {antwoord.status_code}")
    finally:
        connection.close()
    return time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("aantal", nargs="?", type=int, default=2000)
    parser.add_argument("--zonder-broker", action="store_true")
    parser.add_argument("--processen", type=int, default=4, help="parallel senders, as gunicorn workers serve")
    args = parser.parse_args()
    if args.zonder_broker:
        ontvangen.inplannen = lambda pk: None
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}; broker: "
          f"{'geen' if args.zonder_broker else settings.CELERY_BROKER_URL.split('@')[-1]}")
    client = Client(HTTP_HOST="127.0.0.1")
    kop = {"bron": settings.DUO_OIN_DUO, "doel": settings.DUO_OIN_GEMEENTE,
           "Authorization": f"Token {settings.DUO_NOTIFICATIE_TOKEN or 'bench'}"}
    settings.DUO_NOTIFICATIE_TOKEN = settings.DUO_NOTIFICATIE_TOKEN or "bench"
    basis = datetime(2030, 1, 1, tzinfo=UTC) + timedelta(seconds=time.time_ns() % 10**9)
    bodies = [json.dumps({"registratieDatumTijd": (basis + timedelta(seconds=i)).isoformat(),
                          "gebeurtenisId": CODES[i % len(CODES)], "bsn": f"{999000000 + i % 100_000:09d}"})
              for i in range(args.aantal)]
    for opwarmen in bodies[:20]:  # imports, the broker connection, the first queries
        client.post("/duo/notificaties", data=opwarmen, content_type="application/json",
                    headers={**kop, "berichtId": str(uuid.uuid4())})
    voor = DuoNotificatie.objects.count()
    bodies = bodies[20:]
    connection.close()  # each forked sender opens its own
    for ronde in ("nieuw", "opnieuw (zelfde notificaties)"):
        start = time.perf_counter()
        with multiprocessing.get_context("fork").Pool(args.processen) as pool:
            cpu = sum(pool.map(_sturen, [(bodies[i::args.processen], kop) for i in range(args.processen)]))
        duur = time.perf_counter() - start
        per_stuk = cpu / len(bodies)
        print(f"{ronde}: {len(bodies)} notificaties in {duur:.2f} s = {len(bodies) / duur:.0f} notificaties/s; "
              f"CPU per notificatie {per_stuk * 1000:.1f} ms (≈ {1 / per_stuk:.0f}/s per vrije CPU-kern)")
    nieuw = DuoNotificatie.objects.count() - voor
    print(f"belasting van de machine (load average 1/5/15 min): {os.getloadavg()}, {os.cpu_count()} CPU's")
    print(f"rijen erbij: {nieuw} (verwacht {len(bodies)}: een tweede levering slaat niets op)")
    DuoNotificatie.objects.filter(registratie_datum_tijd__gte=basis).delete()


if __name__ == "__main__":
    main()
