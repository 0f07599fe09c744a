"""The outbox against the DUO stand-in (standins/duo, a real HTTP server in a subprocess): accepted, refused,
a refused connection, an outage, and fault tests that count 0 lost and 0 duplicated messages — DUO down then
up, the broker down at commit, a Celery worker killed in the middle of a send, DUO refusing.

`/_beheer/ontvangen` lists every berichtId the stand-in received (with how often); `/_beheer/personen/{bsn}`
its state, where a duplicated effect would show (two PIPs)."""

import os
import signal
import socket
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from django.db import connection
from django.utils import timezone

import pytest

from cases.models import Signaal, SignaalSoort
from cases.rules import Doelgroep
from duo import berichten, services, verzenden
from duo.models import DuoBericht, KoppelingMelding, Soort, Status
from duo.tasks import outbox_verzenden_task
from pip_plans import services as pip_services
from pip_plans.models import PipStatus
from tests import versies
from tests.factories import DossierFactory, InburgeraarFactory, PipFactory

AMINA, YONAS, SARA = "999990007", "999990020", "999990111"  # seed persons of standins/duo/personen.json
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def duo(duo_standin, settings):
    settings.DUO_URL = duo_standin.url
    settings.DUO_BACKOFF_SECONDEN = 1
    return duo_standin


def dossier_van(bsn: str, **kwargs):
    return DossierFactory(inburgeraar=InburgeraarFactory(bsn=bsn), doelgroep=Doelgroep.ASIELSTATUSHOUDER,
                          datum_kennisgeving=date(2023, 10, 20), **kwargs)


def uren(dossier, aantal: int = 5) -> DuoBericht:
    return services.bericht_schrijven(dossier=dossier, soort=Soort.UREN_TAALLES, body=berichten.uren_body(aantal),
                                      redenen=[], by=None)


def ontvangen(duo) -> dict[str, dict]:
    return {r["berichtId"]: r for r in duo.beheer("GET", "/_beheer/ontvangen").json()}


def persoon(duo, bsn: str) -> dict:
    return duo.beheer("GET", f"/_beheer/personen/{bsn}").json()


def storing(duo, modus: str | None, aantal: int = 1, vertraging: float = 5) -> None:
    assert duo.beheer("POST", "/_beheer/storing", {"modus": modus, "aantal": aantal,
                                                    "vertraging": vertraging}).status_code == 200


def leegdrainen(rondes: int = 20) -> None:
    """Drain until nothing is open, making every retry due at once (the backoff is not what is tested here)."""
    for _ in range(rondes):
        DuoBericht.objects.filter(status=Status.WACHTEND).update(volgende_poging_op=timezone.now())
        verzenden.outbox_verzenden()
        if not DuoBericht.objects.filter(status__in=[Status.WACHTEND, Status.BEZIG]).exists():
            return
    raise AssertionError("the outbox did not drain")


def geen_verlies_geen_dubbel(duo, rijen: list[DuoBericht]) -> None:
    """0 lost: every message verzonden and received; 0 duplicated: one entry (one effect) per berichtId."""
    lijst = duo.beheer("GET", "/_beheer/ontvangen").json()
    ids = [r["berichtId"] for r in lijst]
    assert len(ids) == len(set(ids))
    for rij in rijen:
        rij.refresh_from_db()
        assert rij.status == Status.VERZONDEN, (rij.soort, rij.status, rij.redenen)
        assert 200 <= ontvangen(duo)[str(rij.bericht_id)]["status"] < 300


# --- the answers -----------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_a_vastgesteld_pip_reaches_duo_once(duo, werkcoach, consulent):
    dossier = dossier_van(AMINA, werkcoach=werkcoach, fase="pip_in_opstelling")
    pip = PipFactory(ter_beoordeling=True, dossier=dossier, niveau="B1")
    pip_services.pip_vaststellen(pip_id=pip.pk, dagtekening=date.today(), bekendmaking=date.today(),
                                 versie=versies.van(pip), by=consulent)
    verzenden.outbox_verzenden()
    [bericht] = DuoBericht.objects.filter(dossier=dossier, soort=Soort.PIP)
    assert bericht.status == Status.VERZONDEN and bericht.laatste_http_status == 201
    pips = persoon(duo, AMINA)["pips"]
    assert len(pips) == 1 and pips[0]["pip"]["leerroute"] == "B"
    assert ontvangen(duo)[str(bericht.bericht_id)]["aantal_keer"] == 1


@pytest.mark.django_db
def test_duos_refusal_is_geweigerd_with_its_text_on_the_werkvoorraad(duo):
    dossier = dossier_van(AMINA)  # DUO has no PIP of ours for Amina: a MAP date is refused
    bericht = services.bericht_schrijven(dossier=dossier, soort=Soort.MAP, body={"datumEindgesprekMap":
                                         (date.today() - timedelta(days=1)).isoformat()}, redenen=[], by=None)
    verzenden.outbox_verzenden()
    bericht.refresh_from_db()
    assert bericht.status == Status.GEWEIGERD and bericht.laatste_http_status == 403
    assert any("PIP" in r for r in bericht.redenen)
    signaal = Signaal.objects.get(dossier=dossier, soort=SignaalSoort.DUO)
    assert bericht.redenen[0] in signaal.omschrijving


@pytest.mark.django_db
@pytest.mark.parametrize(("modus", "status"), [("401", 401), ("403-leeg", 403)])
def test_a_refused_connection_is_a_dead_letter_with_an_alert(duo, modus, status):
    bericht = uren(dossier_van(AMINA))
    storing(duo, modus)
    verzenden.outbox_verzenden()
    bericht.refresh_from_db()
    assert bericht.status == Status.DODE_LETTER and bericht.laatste_http_status == status
    assert KoppelingMelding.objects.filter(http_status=status, afgehandeld_op=None).exists()


@pytest.mark.django_db
def test_a_wrong_gemeente_oin_is_refused_without_body_and_alerts(duo, settings):
    settings.DUO_OIN_GEMEENTE = "00000001999999999000"  # not accepted by the stand-in
    bericht = uren(dossier_van(AMINA))
    verzenden.outbox_verzenden()
    bericht.refresh_from_db()
    assert (bericht.status, bericht.laatste_http_status) == (Status.DODE_LETTER, 403)


@pytest.mark.django_db
def test_an_outage_is_retried_and_then_delivered_once(duo):
    bericht = uren(dossier_van(AMINA), aantal=12)
    storing(duo, "503")
    verzenden.outbox_verzenden()
    bericht.refresh_from_db()
    assert (bericht.status, bericht.pogingen, bericht.laatste_http_status) == (Status.WACHTEND, 1, 503)
    leegdrainen()
    geen_verlies_geen_dubbel(duo, [bericht])
    assert persoon(duo, AMINA)["uren"]["1979"]["ParticipatieAlsTaalles"] == {"uren": 12}


# --- fault tests: 0 lost, 0 duplicated ----------------------------------------------------------------------
def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.django_db
def test_duo_down_then_up_loses_nothing_and_keeps_the_order(duo, settings):
    dossiers = [dossier_van(bsn) for bsn in (AMINA, YONAS, SARA)]
    rijen = [uren(d, aantal=n) for n in (1, 2, 3) for d in dossiers]
    settings.DUO_URL = f"http://127.0.0.1:{_vrije_poort()}/v1"  # nobody listens
    verzenden.outbox_verzenden()
    eerste = {d.pk: min(r.pk for r in rijen if r.dossier_id == d.pk) for d in dossiers}
    for rij in rijen:
        rij.refresh_from_db()
        assert rij.status == Status.WACHTEND
        assert rij.pogingen == (1 if rij.pk == eerste[rij.dossier_id] else 0)  # the rest waits its turn
    settings.DUO_URL = duo.url
    leegdrainen()
    geen_verlies_geen_dubbel(duo, rijen)
    for bsn in (AMINA, YONAS, SARA):  # the last one sent is the last written
        assert persoon(duo, bsn)["uren"]["1979"]["ParticipatieAlsTaalles"] == {"uren": 3}


@pytest.mark.django_db
def test_duo_refusing_some_loses_and_duplicates_nothing_else(duo):
    refused = services.bericht_schrijven(dossier=dossier_van(SARA), soort=Soort.ZROUTE, body={
        "datumAfrondingZroute": (date.today() + timedelta(days=5)).isoformat()}, redenen=[], by=None)  # future
    rijen = [uren(dossier_van(bsn)) for bsn in (AMINA, YONAS)]
    storing(duo, "500", aantal=2)
    leegdrainen()
    refused.refresh_from_db()
    assert refused.status == Status.GEWEIGERD
    geen_verlies_geen_dubbel(duo, rijen)


@pytest.mark.django_db(transaction=True)
def test_a_broker_down_at_commit_keeps_the_change_and_the_beat_sends_it_once(duo, werkcoach, consulent,
                                                                                 monkeypatch):
    from kombu.exceptions import OperationalError

    def broker_weg(*args, **kwargs):
        raise OperationalError("Error 111 connecting to redis: Connection refused")

    monkeypatch.setattr(outbox_verzenden_task, "apply_async", broker_weg)
    dossier = dossier_van(AMINA, werkcoach=werkcoach, fase="pip_in_opstelling")
    pip = PipFactory(ter_beoordeling=True, dossier=dossier, niveau="B1")
    pip_services.pip_vaststellen(pip_id=pip.pk, dagtekening=date.today(), bekendmaking=date.today(),
                                 versie=versies.van(pip), by=consulent)  # commits; the trigger fails quietly
    pip.refresh_from_db()
    assert pip.status == PipStatus.VASTGESTELD
    [bericht] = DuoBericht.objects.filter(dossier=dossier, soort=Soort.PIP)
    assert bericht.status == Status.WACHTEND
    outbox_verzenden_task()  # the minute schedule
    outbox_verzenden_task()
    geen_verlies_geen_dubbel(duo, [bericht])
    assert len(persoon(duo, AMINA)["pips"]) == 1


def _test_database_url() -> str:
    instellingen = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{instellingen['NAME']}"
    return (f"postgres://{instellingen['USER']}:{instellingen['PASSWORD'] or ''}@{instellingen['HOST']}:"
            f"{instellingen['PORT'] or 5432}/{instellingen['NAME']}")


def _worker(naam: str, queue: str, duo_url: str, log: Path) -> subprocess.Popen:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "inburgering.settings.test", "DATABASE_URL": _test_database_url(),
           "DUO_TEST_URL": duo_url, "DUO_LEASE_SECONDEN": "3", "DUO_BACKOFF_SECONDEN": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "inburgering", "worker", "--pool=solo", "--concurrency=1", "-Q", queue,
         "-n", f"{naam}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=INFO"],
        cwd=REPO, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True,
    )


def _wacht(voorwaarde, timeout: float, wat: str) -> None:
    einde = time.monotonic() + timeout
    while time.monotonic() < einde:
        if voorwaarde():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for: {wat}")


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_send_loses_and_duplicates_nothing(duo, tmp_path):
    """Worker A claims the message and is killed (SIGKILL) while DUO is still answering; its lease runs out and
    worker B sends it again with the same berichtId: DUO has it once, the outbox says verzonden."""
    from inburgering.celery import app

    queue = f"duo-test-{os.getpid()}-{time.monotonic_ns()}"
    with app.connection_for_write() as verbinding:
        verbinding.default_channel.queue_declare(queue=queue)
        verbinding.default_channel.queue_purge(queue=queue)
    dossier = dossier_van(AMINA)
    bericht = services.bericht_schrijven(dossier=dossier, soort=Soort.PIP, body=berichten.pip_body(berichten.PipFeiten(
        dagtekening=date.today(), leerroute="B", niveau="B1")), redenen=[], by=None)
    storing(duo, "traag", aantal=1, vertraging=4)

    a = _worker("duo-a", queue, duo.url, tmp_path / "worker-a.log")
    try:
        app.send_task("duo.outbox_verzenden", queue=queue)
        _wacht(lambda: DuoBericht.objects.get(pk=bericht.pk).status == Status.BEZIG, 60, "worker A claims it")
        time.sleep(1)  # A is inside the HTTP call now (the stand-in delays 4 s)
        os.killpg(a.pid, signal.SIGKILL)
        a.wait(timeout=10)
    finally:
        if a.poll() is None:
            os.killpg(a.pid, signal.SIGKILL)
    bericht.refresh_from_db()
    assert bericht.status == Status.BEZIG and bericht.pogingen == 1  # A never recorded an answer

    time.sleep(4)  # the lease (3 s) runs out
    b = _worker("duo-b", queue, duo.url, tmp_path / "worker-b.log")
    try:
        app.send_task("duo.outbox_verzenden", queue=queue)
        _wacht(lambda: DuoBericht.objects.get(pk=bericht.pk).status == Status.VERZONDEN, 60,
               f"worker B finishes it (log: {(tmp_path / 'worker-b.log')})")
    finally:
        os.killpg(b.pid, signal.SIGTERM)
        b.wait(timeout=20)
    bericht.refresh_from_db()
    assert bericht.pogingen == 2
    geen_verlies_geen_dubbel(duo, [bericht])
    assert len(persoon(duo, AMINA)["pips"]) == 1  # one effect, though DUO may have seen it twice


# --- mutual TLS ------------------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_the_client_sends_over_mutual_tls_with_the_certificate_paths_from_settings(settings, tmp_path):
    """The stand-in with HTTPS and a required client certificate: with DUO_CLIENT_CERT/KEY and DUO_CA_BUNDLE
    the message is delivered; without the client certificate the TLS handshake fails and it waits."""
    from tests.pki import maak_pki
    from tests.standins import duo_standin

    pki = maak_pki(tmp_path / "pki")
    with duo_standin(tmp_path, tls=pki) as standin:
        settings.DUO_URL, settings.DUO_CA_BUNDLE = standin.url, str(pki.ca_cert)
        settings.DUO_CLIENT_CERT, settings.DUO_CLIENT_KEY = "", ""
        bericht = uren(dossier_van(AMINA))
        verzenden.outbox_verzenden()
        bericht.refresh_from_db()
        assert (bericht.status, bericht.laatste_http_status) == (Status.WACHTEND, None)  # no certificate: no answer
        assert KoppelingMelding.objects.filter(http_status=0, afgehandeld_op=None).exists()  # a person must look

        settings.DUO_CLIENT_CERT, settings.DUO_CLIENT_KEY = str(pki.client_cert), str(pki.client_key)
        leegdrainen()
        bericht.refresh_from_db()
        assert bericht.status == Status.VERZONDEN
        assert str(bericht.bericht_id) in ontvangen(standin)


@pytest.mark.django_db
def test_the_werkcoach_is_registered_and_linked_as_contactpersoon(duo, werkcoach, consulent):
    from duo.models import DuoContactpersoon

    werkcoach.email = "w.coach@eemsdelta.nl"
    werkcoach.save()
    dossier = dossier_van(AMINA, werkcoach=werkcoach, fase="pip_in_opstelling")
    pip = PipFactory(ter_beoordeling=True, dossier=dossier, niveau="B1")
    pip_services.pip_vaststellen(pip_id=pip.pk, dagtekening=date.today(), bekendmaking=date.today(),
                                 versie=versies.van(pip), by=consulent)
    leegdrainen()
    rijen = list(DuoBericht.objects.filter(dossier=dossier).order_by("id"))
    assert [r.soort for r in rijen] == [Soort.PIP, Soort.CONTACTPERSOON]
    geen_verlies_geen_dubbel(duo, rijen)
    duo_id = DuoContactpersoon.objects.get(gebruiker=werkcoach).duo_id
    assert duo_id in persoon(duo, AMINA)["contactpersonen"]
