"""Start stand-ins of external services as real subprocesses, for tests.

    from tests.standins import duo_standin

    with duo_standin(tmp_path) as duo:          # the DUO stand-in (standins/duo), url incl. the base path /v1
        requests.post(f"{duo.url}/personen/999990007/PIP", headers=duo.headers(), json={...})
        duo.beheer("GET", "/_beheer/ontvangen").json()

    from tests.standins import brp_standin

    with brp_standin(tmp_path) as brp:          # or brp_standin(None): logs go to a temp directory
        requests.post(f"{brp.url}/personen", headers={"X-API-KEY": brp.api_key}, json={...})
    url, api_key = brp                          # it is a NamedTuple

The stand-in runs as `python -m standins.brp` on a free port (the server binds port 0 and prints the
port it got), with `--beheer` and an API key; this module never imports the stand-in's code.
"""

from __future__ import annotations

import contextlib
import selectors
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parent.parent
BRP_API_KEY = "brp-standin-testsleutel"
DUO_OIN_GEMEENTE = "00000001001589623000"  # the stand-in's default accepted bron (gemeentecode 1979)
DUO_OIN = "00000001800866472000"  # the stand-in's default doel (DUO)


class BrpStandin(NamedTuple):
    url: str  # base URL, e.g. http://127.0.0.1:41234 (the contract's path is {url}/personen)
    api_key: str  # value for the X-API-KEY header


@contextlib.contextmanager
def brp_standin(
    tmp_path: Path | None = None,
    *,
    data: Path | None = None,
    api_key: str = BRP_API_KEY,
    beheer: bool = True,
    extra_args: Sequence[str] = (),
    timeout: float = 20.0,
) -> Iterator[BrpStandin]:
    """Run the BRP stand-in for the duration of the block; yields its base URL and API key.

    Its log (stderr) is written to `tmp_path` (brp-standin-*.log), or to a temp directory removed afterwards.

    `data`: a data file instead of standins/brp/personen.json. `extra_args`: more CLI flags, e.g.
    ["--geen-gebeurtenissen"], ["--opslag", str(path)], ["--no-streng"].
    """
    with contextlib.ExitStack() as stack:
        if tmp_path is None:
            tmp_path = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="brp-standin-")))
        log = Path(tmp_path) / f"brp-standin-{time.monotonic_ns()}.log"
        args = [sys.executable, "-m", "standins.brp", "--host", "127.0.0.1", "--port", "0", "--api-key", api_key]
        if beheer:
            args.append("--beheer")
        if data is not None:
            args += ["--data", str(data)]
        args += list(extra_args)
        log_bestand = stack.enter_context(log.open("w", encoding="utf-8"))
        proces = subprocess.Popen(args, cwd=REPO, stdout=subprocess.PIPE, stderr=log_bestand, text=True)
        try:
            url = _wacht_op_start(proces, log, timeout)
            yield BrpStandin(url, api_key)
        finally:
            _stop(proces)


def _wacht_op_start(proces: subprocess.Popen, log: Path, timeout: float) -> str:
    """Read the 'luistert op <url>' line, then wait until the server answers HTTP."""
    with selectors.DefaultSelector() as selector:
        selector.register(proces.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            proces.kill()
            proces.wait(timeout=5)
            raise RuntimeError(f"BRP stand-in meldde zich niet binnen {timeout}s:\n{log.read_text(encoding='utf-8')}")
    regel = proces.stdout.readline()  # the line, or "" at EOF (the process died)
    if "luistert op " not in regel:
        proces.wait(timeout=5)
        raise RuntimeError(f"BRP stand-in startte niet (exit {proces.returncode}):\n{log.read_text(encoding='utf-8')}")
    url = regel.strip().rsplit(" ", 1)[-1]
    einde = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/", timeout=1):
                pass
        except urllib.error.HTTPError:
            return url  # any HTTP answer (404) means it serves
        except OSError:
            if proces.poll() is not None or time.monotonic() > einde:
                raise RuntimeError(f"BRP stand-in antwoordt niet:\n{log.read_text(encoding='utf-8')}") from None
            time.sleep(0.05)
        else:
            return url


def _stop(proces: subprocess.Popen) -> None:
    if proces.poll() is None:
        proces.terminate()
        try:
            proces.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait(timeout=5)
    if proces.stdout:
        proces.stdout.close()


class DuoStandin(NamedTuple):
    url: str  # base URL incl. the base path, e.g. http://127.0.0.1:41234/v1 (contract paths below it)
    beheer_url: str  # the root, e.g. http://127.0.0.1:41234 (/_beheer/... below it)
    tls: object = None  # tests.pki.Pki when started with mutual TLS
    log: Path | None = None  # the stand-in's log file

    def headers(self, bericht_id: str | None = None, *, bron: str = DUO_OIN_GEMEENTE, doel: str = DUO_OIN) -> dict:
        """The three headers every DUO request carries (a fresh berichtId unless one is given)."""
        import uuid

        return {"bron": bron, "doel": doel, "berichtId": bericht_id or str(uuid.uuid4())}

    def requests_kwargs(self) -> dict:
        """`cert`/`verify` for requests when the stand-in runs with mutual TLS (else nothing)."""
        if self.tls is None:
            return {}
        return {"cert": (str(self.tls.client_cert), str(self.tls.client_key)), "verify": str(self.tls.ca_cert)}

    def beheer(self, methode: str, pad: str, json=None):
        """Call a /_beheer endpoint (requests.Response)."""
        import requests

        return requests.request(methode, f"{self.beheer_url}{pad}", json=json, timeout=30, **self.requests_kwargs())

    def reset(self) -> None:
        assert self.beheer("POST", "/_beheer/reset").status_code == 200


@contextlib.contextmanager
def duo_standin(
    tmp_path: Path | None = None,
    *,
    tls=None,
    extra_args: Sequence[str] = (),
    beheer: bool = True,
    timeout: float = 20.0,
    controleer_log: bool = True,
) -> Iterator[DuoStandin]:
    """Run the DUO stand-in (python -m standins.duo) for the duration of the block.

    `tls`: a tests.pki.Pki: serve HTTPS and require a client certificate of its CA. `extra_args`: more CLI
    flags, e.g. ["--opslag", str(path)], ["--notificatie-url", url, "--notificatie-token", "t"].
    Its log goes to `tmp_path` (duo-standin-*.log); when the stand-in logged an answer of its own that broke
    the contract, leaving the block raises (`controleer_log`), so a stand-in bug fails the test.
    """
    with contextlib.ExitStack() as stack:
        if tmp_path is None:
            tmp_path = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="duo-standin-")))
        log = Path(tmp_path) / f"duo-standin-{time.monotonic_ns()}.log"
        args = [sys.executable, "-m", "standins.duo", "--host", "127.0.0.1", "--port", "0"]
        if beheer:
            args.append("--beheer")
        if tls is not None:
            args += ["--tls-cert", str(tls.server_cert), "--tls-key", str(tls.server_key), "--client-ca", str(tls.ca_cert)]
        args += list(extra_args)
        log_bestand = stack.enter_context(log.open("w", encoding="utf-8"))
        proces = subprocess.Popen(args, cwd=REPO, stdout=subprocess.PIPE, stderr=log_bestand, text=True)
        try:
            url = _wacht_op_regel(proces, log, timeout, "DUO")
            beheer_url = url.rsplit("/", 1)[0] if url.count("/") > 2 else url
            yield DuoStandin(url, beheer_url, tls, log)
        finally:
            _stop(proces)
        if controleer_log:
            tekst = log.read_text(encoding="utf-8")
            if "CONTRACTFOUT" in tekst or "onverwachte fout" in tekst:
                raise AssertionError(f"de DUO stand-in faalde (zie {log}):\n{tekst[-4000:]}")


def _wacht_op_regel(proces: subprocess.Popen, log: Path, timeout: float, naam: str) -> str:
    """Read the 'luistert op <url>' line, then wait until the port accepts connections."""
    import socket
    import urllib.parse

    with selectors.DefaultSelector() as selector:
        selector.register(proces.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            proces.kill()
            proces.wait(timeout=5)
            raise RuntimeError(f"{naam} stand-in meldde zich niet binnen {timeout}s:\n{log.read_text(encoding='utf-8')}")
    regel = proces.stdout.readline()
    if "luistert op " not in regel:
        proces.wait(timeout=5)
        raise RuntimeError(f"{naam} stand-in startte niet (exit {proces.returncode}):\n{log.read_text(encoding='utf-8')}")
    url = regel.strip().rsplit(" ", 1)[-1]
    delen = urllib.parse.urlsplit(url)
    einde = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection((delen.hostname, delen.port), timeout=1):
                return url
        except OSError:
            if proces.poll() is not None or time.monotonic() > einde:
                raise RuntimeError(f"{naam} stand-in antwoordt niet:\n{log.read_text(encoding='utf-8')}") from None
            time.sleep(0.05)
