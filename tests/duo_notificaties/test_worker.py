"""Counted fault 3/3: a worker killed mid-processing. A real Celery worker *subprocess* (the configured broker:
Redis in CI, the filesystem transport otherwise) takes the notification, claims it and hangs in its raadpleging
(the DUO stand-in answers slowly); it is killed with SIGKILL. Its transaction dies with it: no effect, the row is
still `ontvangen`; when its lease has run out the safety net processes it, once."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.db import connection

import pytest
from celery import Celery

from cases.models import Signaal
from duo.notificaties import ontvangen, tasks
from duo.notificaties.models import DuoNotificatie, NotificatieStatus
from inburgering.accounts.systeem import Systeembron, systeemgebruiker
from tests.factories import DossierFactory, InburgeraarFactory

from .conftest import body

pytestmark = [pytest.mark.celery_worker, pytest.mark.standin, pytest.mark.django_db(transaction=True)]

WACHTRIJ = "duo-notificaties-test-kill"
LEASE = 3


def _database_url() -> str:
    instellingen = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{Path(instellingen['NAME']).resolve()}"
    gebruiker = instellingen["USER"] + (f":{instellingen['PASSWORD']}" if instellingen["PASSWORD"] else "")
    return (f"postgres://{gebruiker}@{instellingen['HOST'] or '127.0.0.1'}:{instellingen['PORT'] or 5432}/"
            f"{instellingen['NAME']}")


def _wacht(voorwaarde, seconden: float, wat: str) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if voorwaarde():
            return
        time.sleep(0.2)
    raise AssertionError(f"{wat} niet binnen {seconden} s")


@pytest.fixture
def celery_app():
    app = Celery("inburgering-test-duo-kill", set_as_current=False)
    app.config_from_object("django.conf:settings", namespace="CELERY")
    with app.connection_for_write() as verbinding:
        verbinding.default_channel.queue_declare(queue=WACHTRIJ)
        verbinding.default_channel.queue_purge(queue=WACHTRIJ)
    yield app
    with app.connection_for_write() as verbinding:
        verbinding.default_channel.queue_purge(queue=WACHTRIJ)
    app.close()


def test_a_worker_killed_mid_processing_leaves_no_effect_and_the_row_is_processed_once(
        duo_standin, celery_app, monkeypatch, tmp_path):
    monkeypatch.setattr(ontvangen, "inplannen", lambda pk: None)  # the task goes to our private queue only
    systeemgebruiker(Systeembron.DUO)
    dossier = DossierFactory(inburgeraar=InburgeraarFactory(bsn="999990007"), doelgroep="Gezinsvormer")
    notificatie, _ = ontvangen.notificatie_opslaan(body=body("SS124", bsn="999990007"), bericht_id=uuid.uuid4(),
                                                   bron="0" * 20)
    duo_standin.beheer("POST", "/_beheer/storing", {"modus": "traag", "aantal": 1, "vertraging": 60})

    omgeving = {**os.environ, "DJANGO_SETTINGS_MODULE": "inburgering.settings.test", "DATABASE_URL": _database_url(),
                "DUO_TEST_URL": duo_standin.url, "DUO_NOTIFICATIE_LEASE_SECONDEN": str(LEASE),
                "CELERY_BROKER_URL": settings.CELERY_BROKER_URL}
    log = tmp_path / "worker.log"
    with log.open("w") as uitvoer:
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "inburgering", "worker", "--pool=solo", "-Q", WACHTRIJ,
             "--without-heartbeat", "--without-mingle", "--without-gossip", "--loglevel=INFO"],
            cwd=settings.BASE_DIR, env=omgeving, stdout=uitvoer, stderr=subprocess.STDOUT)
    try:
        celery_app.send_task(tasks.verwerken_task.name, args=[notificatie.pk], queue=WACHTRIJ)
        _wacht(lambda: DuoNotificatie.objects.get(pk=notificatie.pk).pogingen == 1, 60, "de worker claimt")
        time.sleep(1.5)  # inside its transaction, waiting for DUO
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait(timeout=10)

    notificatie.refresh_from_db()
    dossier.refresh_from_db()
    assert notificatie.status == NotificatieStatus.ONTVANGEN and notificatie.pogingen == 1, log.read_text()[-2000:]
    assert dossier.doelgroep == "Gezinsvormer"
    assert not Signaal.objects.filter(dossier=dossier).exists()

    duo_standin.beheer("POST", "/_beheer/storing", {"modus": None})
    monkeypatch.setattr(settings, "DUO_URL", duo_standin.url)
    _wacht(lambda: tasks.achterstand_verwerken_task() == {"verwerkt": 1}, LEASE + 10, "het vangnet verwerkt")
    assert tasks.achterstand_verwerken_task() == {}
    dossier.refresh_from_db()
    assert dossier.doelgroep == "Asielstatushouder"
    assert Signaal.objects.filter(dossier=dossier).count() == 2  # the changed fact, and the doelgroep event
