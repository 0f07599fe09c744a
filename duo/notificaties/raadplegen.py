"""Raadplegingen at DUO after a notification (the *notificering* pattern: DUO's notification is thin, the gemeente
fetches what changed). A small private HTTP function with DUO's headers (`bron`, `doel`, `berichtId`), mutual TLS
and a timeout from the DUO_* settings; to be replaced by the duo app's client (issue 16) once that is merged.

Answers: 200 → the JSON; 404 → None (DUO does not know the person, or not for this gemeente); anything else, a
timeout or a refused connection → `DuoOnbereikbaar` (the notification is tried again later). Logs carry the
status and the kind of question, never the BSN (it is in the path)."""

import logging
import uuid

from django.conf import settings

import requests

from .rules import PADEN, Raadpleging

logger = logging.getLogger(__name__)


class DuoOnbereikbaar(Exception):
    """DUO gave no usable answer; the notification waits and is processed again."""


def koppeling_aan() -> bool:
    return bool(settings.DUO_URL)


def _get(pad: str) -> requests.Response:
    cert = (settings.DUO_CLIENT_CERT, settings.DUO_CLIENT_KEY) if settings.DUO_CLIENT_CERT else None
    headers = {"bron": settings.DUO_OIN_GEMEENTE, "doel": settings.DUO_OIN_DUO, "berichtId": str(uuid.uuid4()),
               "Accept": "application/json"}
    try:
        return requests.get(settings.DUO_URL + pad, headers=headers, timeout=(5, settings.DUO_TIMEOUT), cert=cert,
                            verify=settings.DUO_CA_BUNDLE or True)
    except requests.RequestException as fout:
        logger.warning("DUO-raadpleging zonder antwoord (%s)", type(fout).__name__)
        raise DuoOnbereikbaar(type(fout).__name__) from None


def raadplegen(bsn: str, soort: Raadpleging):
    """DUO's current answer about one fact of one person, or None when DUO does not know it."""
    antwoord = _get(f"/personen/{bsn}{PADEN[soort]}")
    logger.info("DUO-raadpleging %s: %s", soort, antwoord.status_code)
    if antwoord.status_code == 404:
        return None
    if antwoord.status_code != 200:
        raise DuoOnbereikbaar(f"status {antwoord.status_code}")
    try:
        return antwoord.json()
    except ValueError:
        raise DuoOnbereikbaar("geen JSON") from None


def uren(bsn: str):
    """The hours DUO knows (GevolgdeUren), for the reconciliation."""
    antwoord = _get(f"/personen/{bsn}/uren")
    if antwoord.status_code == 404:
        return None
    if antwoord.status_code != 200:
        raise DuoOnbereikbaar(f"status {antwoord.status_code}")
    return antwoord.json()
