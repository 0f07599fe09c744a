"""Throughput under gunicorn (issue 18): requests per second of the list pages against a trivial logged-in
page, with the same workers, measured by a load generator in another process.

    DJANGO_SETTINGS_MODULE=inburgering.settings.test .venv/bin/python scripts/bench_doorvoer.py \
        [--database inburgering_schaal_100000] [--workers 2] [--verbindingen 8] [--duur 10]

The database (PostgreSQL on 127.0.0.1, user postgres) must hold the demo users and dossiers
(`cases.demo.maak_dossiers`, e.g. the one `scripts/bench_schaal.py 100000` builds); by default
`inburgering_schaal_100000` unless `--database` names another; it must be migrated to this code. gunicorn serves `inburgering.wsgi` with
`--workers` sync workers (persistent database connections as configured: DATABASE_CONN_MAX_AGE); the load
comes from `wrk` when installed (apt install wrk), else from a threaded keep-alive client in a separate
process. Each page is loaded for `--duur` seconds after a warm-up; only 200 answers count. The sessions
are made with Django's own login (`Client.force_login`) in the benchmark process.
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inburgering.settings.test")

# (name, user, path): the trivial page first, every ratio is to it.
PAGINAS = [
    ("triviale pagina (wachtwoord)", "manager", "/account/wachtwoord/"),
    ("mijn dossiers", "werkcoach", "/dossiers/"),
    ("team dossiers", "werkcoach", "/dossiers/?bereik=team"),
    ("alle dossiers", "manager", "/dossiers/?bereik=alle"),
    ("lopende dossiers", "manager", "/dossiers/?bereik=alle&fase=lopend"),
    ("werkvoorraad (mijn)", "werkcoach", "/werkvoorraad/"),
    ("werkvoorraad (alle)", "manager", "/werkvoorraad/?bereik=alle"),
    ("te beoordelen", "consulent", "/pip/te-beoordelen/"),
    ("handhaving zaken", "manager", "/handhaving/zaken/"),
]


def _psql(sql: str) -> str:
    return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-Atc", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


def _wacht_op_poort(poort: int, seconden: float = 60) -> None:
    """Until gunicorn accepts connections."""
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        try:
            socket.create_connection(("127.0.0.1", poort), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn luistert na {seconden} s nog niet op poort {poort}")


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- the load generator (its own process) ---------------------------------------------------------------
def _laden(poort: int, pad: str, cookie: str, verbindingen: int, duur: float) -> dict:
    """A threaded keep-alive client: `verbindingen` connections, each requesting `pad` in a loop."""
    import http.client

    tellers = [[0, 0] for _ in range(verbindingen)]  # [ok, fout] per connection
    stop = time.perf_counter() + duur

    def lus(teller):
        verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
        while time.perf_counter() < stop:
            try:
                verbinding.request("GET", pad, headers={"Cookie": cookie, "Host": "localhost"})
                antwoord = verbinding.getresponse()
                antwoord.read()
                teller[0 if antwoord.status == 200 else 1] += 1
            except (OSError, http.client.HTTPException):
                teller[1] += 1
                verbinding.close()
                verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)

    begin = time.perf_counter()
    draden = [threading.Thread(target=lus, args=(t,)) for t in tellers]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    verstreken = time.perf_counter() - begin
    return {"ok": sum(t[0] for t in tellers), "fout": sum(t[1] for t in tellers), "duur": verstreken}


def meet(poort: int, pad: str, cookie: str, verbindingen: int, duur: float) -> tuple[float, int]:
    """(requests/s of 200 answers, non-200 answers), measured from another process."""
    url = f"http://127.0.0.1:{poort}{pad}"
    if shutil.which("wrk"):
        uit = subprocess.run(
            ["wrk", "-t2", f"-c{verbindingen}", f"-d{int(duur)}s", "-H", f"Cookie: {cookie}", "-H", "Host: localhost",
             url], check=True, capture_output=True, text=True).stdout
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", uit).group(1))
        niet_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", uit)  # a 302 is checked before (_eerst)
        return rps, int(niet_2xx.group(1)) if niet_2xx else 0
    uit = subprocess.run([sys.executable, __file__, "--laden", json.dumps([poort, pad, cookie, verbindingen, duur])],
                         check=True, capture_output=True, text=True).stdout
    r = json.loads(uit)
    return r["ok"] / r["duur"], r["fout"]


def _eerst(poort: int, pad: str, cookie: str) -> None:
    """The page answers 200 itself (wrk counts a redirect to the login page as a success)."""
    import http.client

    verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
    verbinding.request("GET", pad, headers={"Cookie": cookie, "Host": "localhost"})
    status = verbinding.getresponse().status
    verbinding.close()
    if status != 200:
        raise SystemExit(f"{pad}: HTTP {status}")


# --- main -------------------------------------------------------------------------------------------------
def sessies(gebruikers: set[str]) -> dict[str, str]:
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from inburgering.accounts.models import User

    koekjes = {}
    for naam in gebruikers:
        client = Client()
        client.force_login(User.objects.get(username=naam))
        koekjes[naam] = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    return koekjes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="default inburgering_schaal_100000 (scripts/bench_schaal.py), gemigreerd")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (2 cores: 2)")
    parser.add_argument("--verbindingen", type=int, default=8)
    parser.add_argument("--duur", type=float, default=10)
    parser.add_argument("--laden", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.laden:
        print(json.dumps(_laden(*json.loads(args.laden))))
        return
    database = args.database or "inburgering_schaal_100000"
    if _psql(f"SELECT count(*) FROM pg_database WHERE datname = '{database}'") != "1":
        raise SystemExit(f"Database {database} bestaat niet: bouw die met scripts/bench_schaal.py of geef --database.")
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{database}"
    koekjes = sessies({gebruiker for _n, gebruiker, _p in PAGINAS})
    from cases.models import Dossier

    poort = _vrije_poort()
    omgeving = {**os.environ, "ALLOWED_HOSTS": "localhost,127.0.0.1", "LOG_LEVEL": "WARNING"}
    gunicorn = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "inburgering.wsgi", "--workers", str(args.workers),
         "--bind", f"127.0.0.1:{poort}", "--log-level", "warning", "--keep-alive", "30"],
        cwd=ROOT, env=omgeving,
    )
    try:
        _wacht_op_poort(poort)
        print(f"database {database} ({Dossier.objects.count()} dossiers), gunicorn {args.workers} sync workers, "
              f"{args.verbindingen} verbindingen, {args.duur:.0f} s per pagina, "
              f"belasting: {'wrk' if shutil.which('wrk') else 'Python-client (eigen proces)'}")
        resultaten = []
        for naam, gebruiker, pad in PAGINAS:
            _eerst(poort, pad, koekjes[gebruiker])
            meet(poort, pad, koekjes[gebruiker], args.verbindingen, 2)  # warm: every worker connected and loaded
            rps, fout = meet(poort, pad, koekjes[gebruiker], args.verbindingen, args.duur)
            if fout:
                raise SystemExit(f"{pad}: {fout} antwoorden niet 200")
            resultaten.append((naam, rps))
        basis = resultaten[0][1]
        print(f"\n{'pagina':32} {'verzoeken/s':>12} {'t.o.v. triviaal':>16}")
        for naam, rps in resultaten:
            print(f"{naam:32} {rps:12.1f} {rps / basis:15.0%}")
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=30)


if __name__ == "__main__":
    main()
