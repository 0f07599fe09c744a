"""`make run` (scripts/draai.py, issue 19 item 9): Ctrl-C stops every child once and quietly — no
'Segmentation fault', one Celery 'Warm shutdown', exit status 0, no process left on a port — and a
failure keeps its real exit status (a port in use, a step that fails)."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

import pytest

from tests.factories import DossierFactory

DRAAI = Path(settings.BASE_DIR) / "scripts" / "draai.py"
PYTHON = str(Path(sys.executable))


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def luistert(poort: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", poort), timeout=0.5):
            return True
    except OSError:
        return False


def database_url() -> str:
    """The test database (pytest-django's), for the subprocesses."""
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def omgeving(tmp_path: Path, **extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "DUO_", "BRP_"))}
    # The dev settings, as `make run`, but on the test database and with the broker, results and the
    # stand-ins' state in a directory of this test only.
    return {**env, "DJANGO_SETTINGS_MODULE": "inburgering.settings.dev", "DATABASE_URL": database_url(),
            "VAR_DIR": str(tmp_path), **extra}


def draai(tmp_path: Path, poorten: list[int], **env) -> subprocess.Popen:
    uitvoer = (tmp_path / "uitvoer.log").open("wb")
    return subprocess.Popen(
        [PYTHON, str(DRAAI), "--poort", str(poorten[0]), "--brp-poort", str(poorten[1]),
         "--duo-poort", str(poorten[2])],
        cwd=settings.BASE_DIR, env=omgeving(tmp_path, **env), stdout=uitvoer, stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, as the terminal's foreground job
    )


def uitvoer(tmp_path: Path) -> str:
    return (tmp_path / "uitvoer.log").read_text(errors="replace")


@pytest.mark.django_db(transaction=True)
def test_ctrl_c_stops_every_child_once_and_quietly(tmp_path):
    DossierFactory()  # a database with dossiers: demo_data --als-leeg skips, as on a second `make run`
    poorten = [vrije_poort() for _ in range(3)]
    proces = draai(tmp_path, poorten)
    try:
        einde = time.monotonic() + 180
        while not (luistert(poorten[0]) and " ready." in uitvoer(tmp_path)):
            assert proces.poll() is None, uitvoer(tmp_path)
            assert time.monotonic() < einde, uitvoer(tmp_path)
            time.sleep(0.5)
        assert luistert(poorten[1]) and luistert(poorten[2])

        os.killpg(proces.pid, signal.SIGINT)  # Ctrl-C: the terminal signals the foreground process group
        code = proces.wait(timeout=60)
    finally:
        if proces.poll() is None:
            os.killpg(proces.pid, signal.SIGKILL)
            proces.wait()

    tekst = uitvoer(tmp_path)
    assert code == 0, tekst
    assert "Segmentation fault" not in tekst
    assert tekst.count("Warm shutdown") == 1, tekst
    assert "Traceback" not in tekst, tekst
    assert not any(luistert(p) for p in poorten), "a child outlived make run"


def test_a_port_in_use_is_named_and_the_exit_status_is_not_zero(tmp_path):
    with socket.socket() as bezet:
        bezet.bind(("127.0.0.1", 0))
        bezet.listen()
        poort = bezet.getsockname()[1]
        proces = draai(tmp_path, [poort, vrije_poort(), vrije_poort()])
        code = proces.wait(timeout=60)

    tekst = uitvoer(tmp_path)
    assert code == 1
    assert f"Poort {poort} op 127.0.0.1 (voor de applicatie) is al in gebruik" in tekst
    assert "make run PORT=" in tekst
    assert "Segmentation fault" not in tekst


def test_a_failing_step_ends_make_run_with_its_own_exit_status(tmp_path):
    # migrate cannot reach this database: nothing else starts and the status is migrate's.
    proces = draai(tmp_path, [vrije_poort() for _ in range(3)],
                   DATABASE_URL=f"sqlite:///{tmp_path}/geen/map/db.sqlite3")
    code = proces.wait(timeout=120)

    tekst = uitvoer(tmp_path)
    assert code == 1, tekst
    assert "Segmentation fault" not in tekst
    assert "Warm shutdown" not in tekst
