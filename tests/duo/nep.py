"""A fake transport for the DUO client in tests without the stand-in: answers from a script, records requests."""

import json as jsonlib
from dataclasses import dataclass, field

import requests


@dataclass
class NepAntwoord:
    status_code: int
    body: object = None
    headers: dict = field(default_factory=lambda: {"API-Version": "1.2.0"})

    @property
    def content(self) -> bytes:
        return b"" if self.body is None else jsonlib.dumps(self.body).encode()

    def json(self):
        if self.body is None:
            raise ValueError("no body")
        return self.body


class NepSessie:
    """`antwoorden`: a list of NepAntwoord or exceptions, consumed in order; then `standaard`."""

    def __init__(self, *antwoorden, standaard=None):
        self.antwoorden = list(antwoorden)
        self.standaard = standaard or NepAntwoord(201)
        self.verzoeken: list[dict] = []

    def request(self, methode, url, *, json=None, headers=None, timeout=None, cert=None, verify=None):
        self.verzoeken.append({"methode": methode, "url": url, "json": json, "headers": dict(headers or {}),
                               "timeout": timeout, "cert": cert, "verify": verify})
        antwoord = self.antwoorden.pop(0) if self.antwoorden else self.standaard
        if isinstance(antwoord, Exception):
            raise antwoord
        return antwoord


TIMEOUT = requests.Timeout("read timed out")
GEEN_VERBINDING = requests.ConnectionError("refused")
