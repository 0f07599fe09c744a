"""The client of DUO's gemeente-m2m-inburgering APIs (duo-m2m/*/openapi.yml): one request per call, no
retries of its own (the outbox decides when to try again, with the same berichtId).

- headers `bron` (the gemeente's OIN), `doel` (DUO's OIN), `berichtId` (the message's UUID), JSON;
- mutual TLS: the PKIoverheid client certificate and key, and the CA of DUO's server, from settings (paths);
- a connect and a read timeout;
- a timeout or connection error is `DuoOnbereikbaar`; every HTTP answer comes back as an `Antwoord`.
The log gets status codes and the berichtId, never a BSN (paths hold one: they are not logged)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings

import requests

logger = logging.getLogger(__name__)


class DuoOnbereikbaar(Exception):
    """No answer: a timeout, a refused or broken connection, a TLS failure (`tls`: the handshake failed — a
    certificate problem of ours or DUO's, for the koppelbeheerder)."""

    def __init__(self, reden: str, *, tls: bool = False):
        super().__init__(reden)
        self.tls = tls


class KoppelingUit(Exception):
    """DUO_URL is empty: the connection is switched off; messages wait."""


@dataclass(frozen=True)
class Antwoord:
    status: int
    json: Any = None  # the parsed body, or None when there is none or it is not JSON
    api_versie: str = ""


class DuoClient:
    def __init__(
        self, url: str, *, bron: str, doel: str, cert: str | None = None, key: str | None = None,
        ca: str | None = None, connect_timeout: float = 5, timeout: float = 30, sessie: requests.Session | None = None,
    ):
        if not url:
            raise KoppelingUit
        self.url = url.rstrip("/")
        self.bron = bron
        self.doel = doel
        self.cert = (cert, key) if cert and key else (cert or None)
        self.verify: str | bool = ca or True
        self.timeout = (connect_timeout, timeout)
        self.sessie = sessie or requests.Session()

    @classmethod
    def from_settings(cls, **kwargs) -> DuoClient:
        """From the DUO_* settings, read now (a test's override_settings counts)."""
        return cls(
            settings.DUO_URL, bron=settings.DUO_OIN_GEMEENTE, doel=settings.DUO_OIN_DUO,
            cert=settings.DUO_CLIENT_CERT or None, key=settings.DUO_CLIENT_KEY or None,
            ca=settings.DUO_CA_BUNDLE or None, connect_timeout=settings.DUO_CONNECT_TIMEOUT,
            timeout=settings.DUO_TIMEOUT, **kwargs,
        )

    def headers(self, bericht_id: str) -> dict[str, str]:
        return {"bron": self.bron, "doel": self.doel, "berichtId": bericht_id, "Accept": "application/json"}

    def versturen(self, *, methode: str, pad: str, body: dict | None, bericht_id: str) -> Antwoord:
        try:
            antwoord = self.sessie.request(
                methode, self.url + pad, json=body, headers=self.headers(bericht_id), timeout=self.timeout,
                cert=self.cert, verify=self.verify,
            )
        except (requests.Timeout, requests.ConnectionError) as fout:
            logger.warning("DUO: geen antwoord op bericht %s (%s)", bericht_id, type(fout).__name__)
            raise DuoOnbereikbaar(type(fout).__name__, tls=isinstance(fout, requests.exceptions.SSLError)) from None
        try:
            inhoud = antwoord.json() if antwoord.content else None
        except ValueError:
            inhoud = None
        logger.info("DUO: bericht %s beantwoord met %s", bericht_id, antwoord.status_code)
        return Antwoord(status=antwoord.status_code, json=inhoud, api_versie=antwoord.headers.get("API-Version", ""))
