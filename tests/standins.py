"""Start stand-ins of external services as real subprocesses, for tests.

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
