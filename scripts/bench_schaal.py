"""How the list pages, home and dashboard scale with the number of dossiers (issue 18).

    DJANGO_SETTINGS_MODULE=inburgering.settings.test .venv/bin/python scripts/bench_schaal.py 1000 100000 [1000000]

Each size gets its own PostgreSQL database (`--prefix`_N on 127.0.0.1, user postgres): made and migrated
when missing, filled with N dossiers with their termijnen by `manage.py demo_data --dossiers N --max-dagen
900` (kennisgeving up to 900 days ago: the worst case, nearly every PIP termijn overdue; timed, with its
rows/s and peak memory from /usr/bin/time -v), swept once, so the werkvoorraad holds a signal for most
dossiers, and VACUUMed (ANALYZE), the steady state autovacuum keeps in a running system. A database that already holds N dossiers is reused (`--opnieuw` builds it again).
Each size is measured in its own process (`--meet`), then one table shows per page:

- server time: median of `--herhaal` requests through Django's test client (whole middleware stack, no
  network; the first request only warms caches);
- ×1k: that time divided by the page's time at the smallest size (targets: lists ≤ 1.5 at 1M, home and
  dashboard ≤ 2);
- ×sql: the server time divided by the page's essential SQL alone — the list's own two queries as the page
  runs them (the same columns), timed through the ORM: its page of rows (26: one more tells whether there
  is a next page) and its count capped at 1 001 rows — target ≤ 3 for the lists;
- ×min: the least ×sql any way of building the page could reach: (kale pagina + the list's SQL + the
  request's own write to the Logboek Dataverwerkingen) / the list's SQL, i.e. with no HTML at all;
- queries: the number of queries of one request (it must not grow with the size);
- "triviale pagina": a logged-in page without dossier data (session, user, roles, middleware, base template,
  a form of three fields); "kale pagina": a login-required view that answers a few bytes through the same
  middleware, without a template (added to the URLs by this script only): the framework's own floor.
The JSON of each size also keeps, per page, the time of all the request's queries (`alle_sql`) and of its
log write (`log`), each timed around the database call.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inburgering.settings.test")

PAGINA_GROOTTE = 25


def _paginas():
    """(name, user, url, the page's main query or None) — imported late: Django is set up by then."""
    from django.utils import timezone

    from cases.models import Inburgeraar
    from cases.selectors import LIJST_VELDEN, Bereik, DossierFilter, dossier_lijst
    from cases.termijnen.selectors import LIJST_VELDEN as SIGNAAL_VELDEN
    from cases.termijnen.selectors import SignaalFilter, werkvoorraad
    from handhaving.selectors import zaken_lijst
    from inburgering.accounts.models import User
    from pip_plans.selectors import te_beoordelen

    w, m, c = (User.objects.get(username=n) for n in ("werkcoach", "manager", "consulent"))
    vandaag = timezone.localdate()
    bsn = Inburgeraar.objects.order_by("pk").values_list("bsn", flat=True).first()

    def lijst(user, **f):  # the columns the page reads (cases.views.dossier_lijst)
        return lambda: dossier_lijst(user=user, filter=DossierFilter(**f)).only(*LIJST_VELDEN)

    return [
        ("mijn dossiers", w, "/dossiers/", lijst(w, bereik=Bereik.MIJN)),
        ("team dossiers", w, "/dossiers/?bereik=team", lijst(w, bereik=Bereik.TEAM)),
        ("alle dossiers", m, "/dossiers/?bereik=alle", lijst(m, bereik=Bereik.ALLE)),
        ("lopende dossiers", m, "/dossiers/?bereik=alle&fase=lopend", lijst(m, bereik=Bereik.ALLE, fase="lopend")),
        ("PIP-termijn verlopen", m, "/dossiers/?bereik=alle&termijn=pip_vaststellen&termijnstatus=verlopen",
         lijst(m, bereik=Bereik.ALLE, termijn="pip_vaststellen", termijnstatus="verlopen")),
        ("zoeken op naam", m, "/dossiers/?bereik=alle&zoek=Haddad", lijst(m, bereik=Bereik.ALLE, zoek="Haddad")),
        ("zoeken op naam (geen)", m, "/dossiers/?bereik=alle&zoek=Jansen", lijst(m, bereik=Bereik.ALLE, zoek="Jansen")),
        ("zoeken op BSN", m, f"/dossiers/?bereik=alle&zoek={bsn}", lijst(m, bereik=Bereik.ALLE, zoek=bsn)),
        ("werkvoorraad (mijn)", w, "/werkvoorraad/",
         lambda: werkvoorraad(user=w, filter=SignaalFilter(bereik=Bereik.MIJN), peildatum=vandaag).only(*SIGNAAL_VELDEN)),
        ("werkvoorraad (alle)", m, "/werkvoorraad/?bereik=alle",
         lambda: werkvoorraad(user=m, filter=SignaalFilter(bereik=Bereik.ALLE), peildatum=vandaag).only(*SIGNAAL_VELDEN)),
        ("te beoordelen", c, "/pip/te-beoordelen/", lambda: te_beoordelen(user=c)),
        ("handhaving zaken", m, "/handhaving/zaken/", lambda: zaken_lijst(user=m)),
        ("startpagina (mijn)", w, "/", None),
        ("startpagina (alle)", m, "/?bereik=alle", None),
        ("dashboard", m, "/dashboard/", None),
        # The floor: a logged-in page without dossier data (session, user, roles, middleware, base template).
        ("triviale pagina", m, "/account/wachtwoord/", None),
        # The framework's floor: login required, the whole middleware stack, no template (_kale_urls).
        ("kale pagina", m, KAAL, None),
    ]


KAAL = "/_bench/kaal/"


def _kale_urls():
    """The project's URLs plus the bench's own bare page, for this process only."""
    import types

    from django.contrib.auth.decorators import login_required
    from django.http import HttpResponse
    from django.urls import path

    from inburgering.urls import urlpatterns

    module = types.ModuleType("bench_urls")
    module.urlpatterns = [path(KAAL.strip("/") + "/", login_required(lambda request: HttpResponse("kaal"))),
                          *urlpatterns]
    return module


LOG_SQL = "INSERT INTO audit_dataverwerking"  # the request's one write to the Logboek Dataverwerkingen


def _mediaan(functie, herhaal: int) -> float:
    functie()  # warm
    tijden = []
    for _ in range(herhaal):
        start = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - start)
    return statistics.median(tijden)


def meten(herhaal: int) -> dict:
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from cases.models import Dossier
    from inburgering.paginering import GRENS, ZOEK_GRENS

    settings.ALLOWED_HOSTS.append("testserver")
    settings.ROOT_URLCONF = _kale_urls()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # a settled database, not one with a bulk load's stale statistics
    uitkomst = {"dossiers": Dossier.objects.count(), "paginas": {}}
    clients = {}
    for naam, user, url, hoofdquery in _paginas():
        if user.pk not in clients:
            clients[user.pk] = Client()
            clients[user.pk].force_login(user)
        client = clients[user.pk]
        zoekt = "zoek=" in url
        if zoekt:
            # A search is posted (its term never goes in a URL, inburgering.zoeken) and answered with a 303 to
            # the list with a token for the term: that page is what is measured, as a user pages through hits.
            pad, _, query = url.partition("?")
            antwoord = client.post(pad, dict(deel.split("=", 1) for deel in query.split("&")))
            if antwoord.status_code != 303:
                raise SystemExit(f"{url}: zoeken gaf HTTP {antwoord.status_code}")
            url = antwoord["Location"]

        def verzoek(client=client, url=url):
            antwoord = client.get(url)
            if antwoord.status_code != 200:
                raise SystemExit(f"{url}: HTTP {antwoord.status_code}")

        server = _mediaan(verzoek, herhaal)
        queries = []  # (seconds, sql) of each query of one request, timed around the database call

        def timen(execute, sql, params, many, context, queries=queries):
            start = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                queries.append((time.perf_counter() - start, sql))

        with connection.execute_wrapper(timen):
            verzoek()
        rij = sql = None
        if hoofdquery:
            # The list's own SQL, as BegrensdePaginator runs it: the page plus one row, the count without ORDER BY.
            rij = _mediaan(lambda q=hoofdquery: list(q()[:PAGINA_GROOTTE + 1]), herhaal)
            grens = ZOEK_GRENS if zoekt else GRENS  # a search counts to its own cap (cases.views)
            sql = _mediaan(lambda q=hoofdquery, g=grens: (q().order_by().select_related(None)[:g + 1].count(),
                                                          list(q()[:PAGINA_GROOTTE + 1])), herhaal)
        uitkomst["paginas"][naam] = {
            "server": server, "sql": sql, "rij": rij, "queries": len(queries),
            "alle_sql": sum(t for t, _ in queries), "log": sum(t for t, q in queries if LOG_SQL in q),
        }
    return uitkomst


def _psql(sql: str, database: str = "postgres") -> str:
    return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-Atc", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


def _omgeving(database: str) -> dict:
    return {**os.environ, "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
            "DJANGO_SETTINGS_MODULE": "inburgering.settings.test"}


TABELLEN = ["cases_inburgeraar", "cases_historicalinburgeraar", "cases_dossier", "cases_historicaldossier",
            "cases_termijn", "cases_historicaltermijn"]


def _rijen(database: str) -> int:
    return sum(int(_psql(f"SELECT count(*) FROM {t}", database)) for t in TABELLEN)


def _migraties_open(database: str) -> bool:
    """Cheaper than `migrate` on a loaded machine: are there migration files the database has not applied?"""
    mappen = [m for m in ROOT.iterdir() if (m / "__init__.py").exists()]  # the project's packages
    bestanden = {p.stem for m in mappen for p in m.rglob("migrations/0*.py")}
    return bool(bestanden - set(_psql("SELECT name FROM django_migrations", database).splitlines()))


def opbouwen(database: str, aantal: int, opnieuw: bool) -> dict | None:
    """Make, migrate and fill the database when it holds fewer than `aantal` dossiers: `manage.py
    demo_data --dossiers N --max-dagen 900` under /usr/bin/time -v (wall time, peak memory), then one
    sweep. Returns the build's figures, or None when the database was reused."""
    bestaat = _psql(f"SELECT 1 FROM pg_database WHERE datname = '{database}'") == "1"
    if bestaat and opnieuw:
        _psql(f'DROP DATABASE "{database}"')
        bestaat = False
    if not bestaat:
        _psql(f'CREATE DATABASE "{database}"')
    omgeving = _omgeving(database)
    if not bestaat or _migraties_open(database):
        subprocess.run([sys.executable, str(ROOT / "manage.py"), "migrate", "-v0"], check=True, env=omgeving)
    aanwezig = int(_psql("SELECT count(*) FROM cases_dossier", database))
    if aanwezig >= aantal:
        print(f"{database}: {aanwezig} dossiers, hergebruikt", flush=True)
        return None
    rijen_voor = _rijen(database)
    start = time.perf_counter()
    laden = subprocess.run(
        ["/usr/bin/time", "-v", sys.executable, str(ROOT / "manage.py"), "demo_data", "--dossiers",
         str(aantal - aanwezig), "--max-dagen", "900"], check=True, env=omgeving, capture_output=True, text=True)
    duur = time.perf_counter() - start
    piek_mb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", laden.stderr)[1]) / 1024
    rijen = _rijen(database) - rijen_voor
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import django; django.setup(); from cases.termijnen.services import "
                    "termijnen_sweep; termijnen_sweep()"], check=True, env=omgeving, cwd=ROOT)
    sweep = time.perf_counter() - start
    # The steady state a running system has: autovacuum sets the visibility map (index-only scans) and
    # empties the GIN pending lists of the name search's trigram indexes (a fresh load left them full:
    # 3–4 ms per trigram index scan instead of 0.1 ms). demo_data itself already ANALYZEd its tables.
    start = time.perf_counter()
    _psql("VACUUM (ANALYZE)", database)
    vacuum = time.perf_counter() - start
    bouw = {"dossiers": aantal - aanwezig, "seconden": duur, "rijen": rijen, "piek_mb": piek_mb, "sweep": sweep,
            "vacuum": vacuum}
    print(f"{database}: demo_data {bouw['dossiers']} dossiers in {duur:.0f} s ({bouw['dossiers'] / duur:.0f} "
          f"dossiers/s, {rijen / duur:.0f} rijen/s incl. historie, piekgeheugen {piek_mb:.0f} MB), "
          f"sweep {sweep:.0f} s, VACUUM (ANALYZE) {vacuum:.0f} s", flush=True)
    return bouw


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("aantallen", nargs="*", type=int, default=[1000, 100_000])
    parser.add_argument("--prefix", default="inburgering_schaal")
    parser.add_argument("--herhaal", type=int, default=5)
    parser.add_argument("--opnieuw", action="store_true", help="bouw elke database opnieuw op")
    parser.add_argument("--database", help="bij een enkel aantal: deze database (bv. een al gevulde)")
    parser.add_argument("--alleen-opbouwen", action="store_true", help="bouw de databases, meet niets")
    parser.add_argument("--metingen", type=Path,
                        help="JSON-bestand: een aantal dat daarin al gemeten is wordt niet opnieuw gemeten, een "
                             "nieuwe meting wordt erin bewaard (een lange opbouw hoeft de tabel niet op te houden)")
    parser.add_argument("--meet", action="store_true", help=argparse.SUPPRESS)  # the child: JSON on stdout
    args = parser.parse_args()
    if args.meet:
        print(json.dumps(meten(args.herhaal)))
        return

    bewaard = json.loads(args.metingen.read_text()) if args.metingen and args.metingen.exists() else {}
    resultaten = {}
    for aantal in sorted(args.aantallen):
        if str(aantal) in bewaard:
            resultaten[aantal] = bewaard[str(aantal)]
            print(f"{aantal}: meting uit {args.metingen}", flush=True)
            continue
        database = args.database if args.database and len(args.aantallen) == 1 else f"{args.prefix}_{aantal}"
        opbouwen(database, aantal, args.opnieuw)
        if args.alleen_opbouwen:
            continue
        kind = subprocess.run([sys.executable, __file__, "--meet", "--herhaal", str(args.herhaal)],
                              check=True, env=_omgeving(database), capture_output=True, text=True)
        resultaten[aantal] = json.loads(kind.stdout.strip().splitlines()[-1])
        if args.metingen:
            bewaard[str(aantal)] = resultaten[aantal]
            args.metingen.write_text(json.dumps(bewaard))
    if resultaten:
        print_tabel(resultaten)


def _maal_min(resultaat: dict, p: dict) -> float | None:
    """(kale pagina + the list's SQL + its log write) / the list's SQL: ×sql with no HTML at all."""
    kaal = resultaat["paginas"].get("kale pagina")
    if not p.get("sql") or kaal is None:
        return None
    return (kaal["server"] + p["sql"] + p.get("log", 0)) / p["sql"]


def print_tabel(resultaten: dict) -> None:
    """The table, then the same as Markdown (README "Schaal")."""
    aantallen = sorted(resultaten)
    basis = resultaten[aantallen[0]]["paginas"]
    print(f"\n{'pagina':24}" + "".join(f" | {resultaten[a]['dossiers']:>9} dossiers: ms  ×1k ×sql ×min  q"
                                        for a in aantallen))
    for naam in basis:
        regel = f"{naam:24}"
        for a in aantallen:
            p = resultaten[a]["paginas"].get(naam)
            if p is None:
                regel += f" | {'(niet gemeten)':>40}"
                continue
            maal_sql = f"{p['server'] / p['sql']:4.1f}" if p.get("sql") else "   -"
            maal_min = _maal_min(resultaten[a], p)
            regel += (f" | {'':>9}  {p['server'] * 1000:7.1f} {p['server'] / basis[naam]['server']:4.1f} "
                      f"{maal_sql} {f'{maal_min:4.1f}' if maal_min else '   -'} {p['queries']:2d}")
        print(regel)

    def getal(x: float, decimalen: int = 1) -> str:
        return f"{x:.{decimalen}f}".replace(".", ",")

    print("\n| pagina | " + " | ".join(f"{_kort(a)}: ms | ×1k | ×sql | ×min | q" for a in aantallen) + " |")
    print("| --- |" + " ---: | ---: | ---: | ---: | ---: |" * len(aantallen))
    for naam in basis:
        cellen = []
        for a in aantallen:
            p = resultaten[a]["paginas"].get(naam)
            if p is None:
                cellen += ["–"] * 5
                continue
            maal_min = _maal_min(resultaten[a], p)
            cellen += [getal(p["server"] * 1000, 1 if p["server"] < 0.01 else 0),
                       getal(p["server"] / basis[naam]["server"]),
                       getal(p["server"] / p["sql"]) if p.get("sql") else "–",
                       getal(maal_min) if maal_min else "–", str(p["queries"])]
        print(f"| {naam} | " + " | ".join(cellen) + " |")


def _kort(aantal: int) -> str:
    return f"{aantal // 1_000_000}M" if aantal >= 1_000_000 else f"{aantal // 1000}k"


if __name__ == "__main__":
    main()
