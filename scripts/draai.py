"""`make run`: the BRP and DUO stand-ins, the demo data, the Celery worker (with beat) and runserver.

A small supervisor instead of a shell recipe with `trap 'kill 0' ...`: that trap signalled its own shell
again and again (every stop, also when the port was taken) until the shell overflowed its stack
('Segmentation fault' after thousands of Celery 'Warm shutdown' lines) and lost the exit status.

Here every child runs in its own process group, so Ctrl-C in the terminal reaches only this script; it
then stops each child once (SIGTERM to the child's group, SIGKILL after a grace period) and exits with 0.
When a child ends on its own (runserver on a port that is taken, a failing step), the others are stopped
and the script exits with that child's exit status. A port that is already in use is reported before
anything starts.

    python scripts/draai.py --poort 8000 --brp-poort 8091 --duo-poort 8092
"""

import argparse
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

MAP = Path(__file__).resolve().parent.parent
GRACE = 10.0  # seconds a child gets to stop after SIGTERM


class Gestopt(Exception):
    """SIGINT or SIGTERM arrived: stop everything and exit quietly."""


def melding(tekst: str) -> None:
    print(f"[make run] {tekst}", file=sys.stderr, flush=True)


def poort_vrij(host: str, poort: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as runserver: TIME_WAIT is no obstacle
        try:
            s.bind((host, poort))
        except OSError:
            return False
    return True


def wacht_op_poort(host: str, poort: int, proces: subprocess.Popen, seconden: float = 30.0) -> bool:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if proces.poll() is not None:
            return False
        try:
            with socket.create_connection((host, poort), timeout=1):
                return True
        except OSError:
            time.sleep(0.2)
    return False


def exitstatus(code: int) -> int:
    """Popen's -N (killed by signal N) as a shell reports it: 128 + N."""
    return 128 - code if code < 0 else code


class Toezicht:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.kinderen: list[tuple[str, subprocess.Popen]] = []

    def start(self, naam: str, argumenten: list[str]) -> subprocess.Popen:
        # Its own process group: the terminal's Ctrl-C does not reach it, we stop it once, and the whole
        # group (runserver's autoreloader child, Celery's beat) goes with it.
        proces = subprocess.Popen(argumenten, cwd=MAP, env=self.env, process_group=0)
        self.kinderen.append((naam, proces))
        return proces

    def stap(self, naam: str, argumenten: list[str]) -> int:
        """A step that runs to its end (migrate, demo data); on a stop request it is still among the
        children, and stop_alles stops it with the rest."""
        proces = self.start(naam, argumenten)
        code = proces.wait()
        self.kinderen.remove((naam, proces))
        return exitstatus(code)

    def wacht(self) -> tuple[str, int]:
        """Until a long-running child ends: its name and exit status."""
        while True:
            for naam, proces in self.kinderen:
                if (code := proces.poll()) is not None:
                    return naam, exitstatus(code)
            time.sleep(0.2)

    def stop_alles(self) -> None:
        for _naam, proces in reversed(self.kinderen):
            if proces.poll() is None:
                self._signaal(proces, signal.SIGTERM)
        einde = time.monotonic() + GRACE
        for naam, proces in reversed(self.kinderen):
            try:
                proces.wait(timeout=max(0.1, einde - time.monotonic()))
            except subprocess.TimeoutExpired:
                melding(f"{naam} stopt niet binnen {GRACE:.0f} s; afgebroken.")
                self._signaal(proces, signal.SIGKILL)
                proces.wait()
        self.kinderen.clear()

    @staticmethod
    def _signaal(proces: subprocess.Popen, sig: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proces.pid, sig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--poort", type=int, default=8000)
    parser.add_argument("--brp-poort", type=int, default=8091)
    parser.add_argument("--duo-poort", type=int, default=8092)
    args = parser.parse_args(argv)
    host = args.host

    bezet = [(wat, p) for wat, p in (("de applicatie", args.poort), ("de BRP-stand-in", args.brp_poort),
                                      ("de DUO-stand-in", args.duo_poort)) if not poort_vrij(host, p)]
    if bezet:
        for wat, p in bezet:
            melding(f"Poort {p} op {host} (voor {wat}) is al in gebruik. Draait `make run` al in een ander "
                    f"venster? Stop dat, of kies andere poorten: make run PORT=8010 BRP_PORT=8093 DUO_PORT=8094.")
        return 1

    env = {**os.environ, "BRP_URL": f"http://{host}:{args.brp_poort}",
           "DUO_URL": f"http://{host}:{args.duo_poort}/v1", "PYTHONUNBUFFERED": "1"}
    py = sys.executable
    var = Path(os.environ.get("VAR_DIR", MAP / "var"))  # the stand-ins keep their state beside the rest
    celery = str(Path(py).with_name("celery"))
    toezicht = Toezicht(env)

    def stoppen(signum, _frame):
        raise Gestopt(signum)

    signal.signal(signal.SIGINT, stoppen)
    signal.signal(signal.SIGTERM, stoppen)
    try:
        if code := toezicht.stap("migrate", [py, "manage.py", "migrate", "--no-input"]):
            return code
        brp = toezicht.start("BRP-stand-in", [
            py, "-m", "standins.brp", "--host", host, "--port", str(args.brp_poort), "--api-key", "dev-brp-sleutel",
            "--beheer", "--opslag", str(var / "brp-standin.json"), "--log-level", "WARNING"])
        duo = toezicht.start("DUO-stand-in", [
            py, "-m", "standins.duo", "--host", host, "--port", str(args.duo_poort), "--opslag",
            str(var / "duo-standin.json"), "--beheer", "--log-level", "WARNING",
            "--notificatie-url", f"http://{host}:{args.poort}/duo/notificaties",
            "--notificatie-token", "dev-duo-notificatie", "--demo-notificatie-na", "60"])
        for naam, proces, poort in (("BRP-stand-in", brp, args.brp_poort), ("DUO-stand-in", duo, args.duo_poort)):
            if not wacht_op_poort(host, poort, proces):
                melding(f"De {naam} luistert niet op {host}:{poort}.")
                return proces.poll() or 1
        for stap in (["demo_data", "--als-leeg"], ["termijnen_sweep"]):
            if code := toezicht.stap(stap[0], [py, "manage.py", *stap]):
                return code
        toezicht.start("Celery-worker", [celery, "-A", "inburgering", "worker", "--beat", "--loglevel=INFO",
                                         "--concurrency=1", "--pool=solo"])
        toezicht.start("runserver", [py, "manage.py", "runserver", f"{host}:{args.poort}"])
        melding(f"Open http://{host}:{args.poort}/ en log in als werkcoach / demo (zie README). "
                f"BRP-stand-in: http://{host}:{args.brp_poort}/, DUO-stand-in: http://{host}:{args.duo_poort}/v1. "
                "Stoppen: Ctrl-C.")
        naam, code = toezicht.wacht()
        melding(f"{naam} is gestopt (exitstatus {code}); de rest stopt ook.")
        return code
    except Gestopt:
        melding("Stoppen...")
        return 0
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C does not interrupt the stopping
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        toezicht.stop_alles()


if __name__ == "__main__":
    sys.exit(main())
