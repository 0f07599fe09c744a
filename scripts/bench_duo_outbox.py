"""Benchmark of the DUO outbox drain (issue 16): N messages drained against the DUO stand-in, with mutual TLS
off and on, by 1 and by 2 worker processes, in one run. Prints messages per second (target ≥ 100/s with TLS
off on PostgreSQL) and checks that every message was delivered exactly once (the stand-in's own count).

    createdb -h 127.0.0.1 -U postgres inburgering_bench_duo
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/inburgering_bench_duo
    DJANGO_SETTINGS_MODULE=inburgering.settings.test .venv/bin/python manage.py migrate
    DJANGO_SETTINGS_MODULE=inburgering.settings.test .venv/bin/python scripts/bench_duo_outbox.py [N]

The stand-in runs as its own process (python -m standins.duo, started here through tests/standins.py). The
messages are "gevolgde uren" of the stand-in's known persons, written through the app's own service
(`duo.services.bericht_schrijven`, with its pre-flight); writing them is not timed, draining is. Each
worker process runs the Celery task's body (`duo.tasks.outbox_verzenden_task`: the drain inside one processing
log run) and claims per person (`select_for_update(skip_locked)`), so with 2 workers two persons are sent
at once. The messages are added to what is there; the drain only sends what it writes (the old ones are
marked sent before the run starts).
"""

import logging
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inburgering.settings.test")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from cases.demo import demo_gebruikers  # noqa: E402
from cases.models import Dossier, Inburgeraar  # noqa: E402
from cases.rules import Doelgroep  # noqa: E402
from duo import berichten, services  # noqa: E402
from duo.models import DuoBericht, Soort, Status  # noqa: E402
from duo.tasks import outbox_verzenden_task  # noqa: E402
from tests.pki import maak_pki  # noqa: E402
from tests.standins import duo_standin  # noqa: E402

# The stand-in's persons (standins/duo/personen.json) that live in the gemeente (Eemsdelta) and are in scope.
BSNS = ["999990007", "999990019", "999990020", "999990032", "999990044", "999990068", "999990111"]


def _dossiers() -> list[Dossier]:
    from inburgering.accounts.models import User

    if not User.objects.filter(username="werkcoach").exists():
        demo_gebruikers()
    werkcoach = User.objects.get(username="werkcoach")
    uit = []
    for bsn in BSNS:
        persoon, _ = Inburgeraar.objects.get_or_create(bsn=bsn, defaults={
            "voornamen": "Bench", "geslachtsnaam": f"Persoon {bsn[-3:]}", "geboortedatum": "1990-01-01"})
        dossier = Dossier.objects.filter(inburgeraar=persoon).first() or Dossier.objects.create(
            inburgeraar=persoon, werkcoach=werkcoach, team=werkcoach.team, doelgroep=Doelgroep.ASIELSTATUSHOUDER,
            datum_kennisgeving="2023-10-20")
        uit.append(dossier)
    return uit


def _schrijven(aantal: int) -> list[int]:
    DuoBericht.objects.exclude(status__in=[Status.VERZONDEN, Status.GEWEIGERD, Status.NIET_VERZONDEN]).update(
        status=Status.VERZONDEN)
    dossiers = _dossiers()
    ids = []
    with transaction.atomic():
        for i in range(aantal):
            bericht = services.bericht_schrijven(dossier=dossiers[i % len(dossiers)], soort=Soort.UREN_TAALLES,
                                                 body=berichten.uren_body(i % 900), redenen=[], by=None)
            ids.append(bericht.pk)
    return ids


def _werker(instellingen: dict, wachtrij) -> None:
    django.db.connections.close_all()
    for naam, waarde in instellingen.items():
        setattr(settings, naam, waarde)
    logging.disable(logging.INFO)  # the client logs each answer at INFO; a terminal is not what is measured
    wachtrij.put(outbox_verzenden_task(max_berichten=1_000_000).get("verzonden"))


def _draineren(instellingen: dict, werkers: int) -> float:
    connection.close()
    wachtrij = multiprocessing.get_context("fork").Queue()
    processen = [multiprocessing.get_context("fork").Process(target=_werker, args=(instellingen, wachtrij))
                 for _ in range(werkers)]
    begin = time.perf_counter()
    for proces in processen:
        proces.start()
    for proces in processen:
        proces.join()
    return time.perf_counter() - begin


def _ronde(naam: str, standin, instellingen: dict, aantal: int, werkers: int) -> str:
    ids = _schrijven(aantal)
    duur = _draineren(instellingen, werkers)
    rijen = DuoBericht.objects.filter(pk__in=ids)
    verzonden = rijen.filter(status=Status.VERZONDEN).count()
    ontvangen = {r["berichtId"]: r["aantal_keer"] for r in standin.beheer("GET", "/_beheer/ontvangen").json()}
    kenmerken = [str(b) for b in rijen.values_list("bericht_id", flat=True)]
    verloren = sum(1 for k in kenmerken if k not in ontvangen)
    dubbel = sum(1 for k in kenmerken if ontvangen.get(k, 0) > 1)
    return (f"{naam:<28} {werkers} werker(s)  {aantal:>5} berichten  {duur:6.2f} s  {aantal / duur:7.1f} /s  "
            f"verzonden {verzonden}, verloren {verloren}, dubbel {dubbel}")


def main() -> None:
    aantal = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    print(f"database: {connection.vendor}, {aantal} berichten per ronde")
    regels = []
    with tempfile.TemporaryDirectory(prefix="bench-duo-") as tmp:
        with duo_standin(Path(tmp)) as standin:
            basis = {"DUO_URL": standin.url, "DUO_CLIENT_CERT": "", "DUO_CLIENT_KEY": "", "DUO_CA_BUNDLE": ""}
            for werkers in (1, 2):
                standin.reset()
                regels.append(_ronde("zonder mutual TLS", standin, basis, aantal, werkers))
        pki = maak_pki(Path(tmp) / "pki")
        with duo_standin(Path(tmp), tls=pki) as standin:
            tls = {"DUO_URL": standin.url, "DUO_CLIENT_CERT": str(pki.client_cert),
                   "DUO_CLIENT_KEY": str(pki.client_key), "DUO_CA_BUNDLE": str(pki.ca_cert)}
            for werkers in (1, 2):
                standin.reset()
                regels.append(_ronde("met mutual TLS", standin, tls, aantal, werkers))
    print("\n".join(regels))


if __name__ == "__main__":
    main()
