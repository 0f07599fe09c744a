"""The BRP stand-in once per session (a real subprocess, over HTTP), and tiny local HTTP servers that
misbehave on purpose, for the client's failure paths."""

from __future__ import annotations

import contextlib
import http.server
import itertools
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from brp.client import BrpClient
from cases.demo import synthetische_bsns
from tests.standins import BrpStandin

AMINA = "999990007"  # Delfzijl, standaard
FARID = "999990032"  # Loppersum, huisletter 7A
MARIAM = "999990044"  # Appingedam, toevoeging 88-2
ASTER = "999990068"  # overleden
OLEKSANDR = "999990081"  # gemeente Groningen
SAMIR = "999990093"  # staatloos
SARA = "999990111"  # voorvoegsel, twee nationaliteiten
ONBEKEND = "999999991"  # fails the elfproef: not a person


def geldige_bsns(aantal: int, vanaf: int = 912345670) -> list[str]:
    """BSNs in the 9-range that pass the elfproef (the app's own generator): the stand-in generates a
    person for each."""
    return list(itertools.islice(synthetische_bsns(vanaf), aantal))


@pytest.fixture(scope="session")
def brp_standin_proces(brp_standin_sessie) -> BrpStandin:
    """The session's one stand-in (tests/conftest.py): personen.json, without its scheduled events."""
    return brp_standin_sessie


@pytest.fixture
def brp_settings(settings, brp_standin_proces):
    """The settings pointed at the session stand-in (BrpBron builds its client from them)."""
    settings.BRP_URL, settings.BRP_API_KEY = brp_standin_proces
    settings.BRP_CLIENT_CERT = settings.BRP_CLIENT_KEY = settings.BRP_CA_BUNDLE = ""
    settings.BRP_TIMEOUT, settings.BRP_POGINGEN = 5, 2
    return settings


@pytest.fixture
def client_voor(brp_standin_proces) -> Callable[..., BrpClient]:
    def maak(**kwargs) -> BrpClient:
        url, api_key = brp_standin_proces
        kwargs.setdefault("timeout", 5)
        kwargs.setdefault("pogingen", 2)
        kwargs.setdefault("wachttijd", 0.01)
        return BrpClient(url, api_key, **kwargs)

    return maak


# --- misbehaving servers (stdlib) -----------------------------------------------------------------------------


class Antwoord:
    def __init__(self, status: int = 200, body: bytes | str | dict = b"", *,
                 content_type: str = "application/json; charset=utf-8", wacht: float = 0):
        self.status = status
        if isinstance(body, dict):
            body = json.dumps(body)
        self.body = body.encode() if isinstance(body, str) else body
        self.content_type = content_type
        self.wacht = wacht


class NepServer:
    """An HTTP server on 127.0.0.1 that answers POSTs from a script of `Antwoord`s (the last one repeats)
    and keeps the requests it got."""

    def __init__(self, antwoorden: list[Antwoord]):
        self.antwoorden = list(antwoorden)
        self.verzoeken: list[dict] = []
        nep = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                lengte = int(self.headers.get("Content-Length", 0))
                nep.verzoeken.append({"pad": self.path, "headers": dict(self.headers),
                                      "body": json.loads(self.rfile.read(lengte) or b"null")})
                antwoord = nep.antwoorden.pop(0) if len(nep.antwoorden) > 1 else nep.antwoorden[0]
                if antwoord.wacht:
                    time.sleep(antwoord.wacht)
                try:
                    self.send_response(antwoord.status)
                    self.send_header("Content-Type", antwoord.content_type)
                    self.send_header("Content-Length", str(len(antwoord.body)))
                    self.end_headers()
                    self.wfile.write(antwoord.body)
                except OSError:
                    pass  # the client gave up (timeout)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def aantal(self) -> int:
        return len(self.verzoeken)


@pytest.fixture
def nep_server() -> Iterator[Callable[[list[Antwoord]], NepServer]]:
    servers: list[NepServer] = []

    def start(antwoorden: list[Antwoord]) -> NepServer:
        nep = NepServer(antwoorden)
        threading.Thread(target=nep.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(nep)
        return nep

    yield start
    for nep in servers:
        nep.server.shutdown()
        nep.server.server_close()


@pytest.fixture
def dichte_poort() -> str:
    """A URL on 127.0.0.1 where nothing listens (a port bound and released: connection refused)."""
    with contextlib.closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    return f"http://127.0.0.1:{poort}"
