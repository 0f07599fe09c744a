"""Raadplegingen at DUO after a notification (the *notificering* pattern: DUO's notification is thin, the gemeente
fetches what changed), through the duo app's client (`duo.client`: headers `bron`/`doel`/`berichtId`, mutual TLS,
timeouts from the DUO_* settings).

Answers: 200 → the JSON; 404 → None (DUO does not know the person, or not for this gemeente); anything else, a
timeout or a refused connection → `DuoOnbereikbaar` (the notification is tried again later). The client logs the
status and the berichtId, never the path (it holds the BSN)."""

import logging
import uuid

from django.conf import settings

from duo.client import DuoClient, DuoOnbereikbaar

from .rules import PADEN, Raadpleging

logger = logging.getLogger(__name__)

__all__ = ["DuoOnbereikbaar", "koppeling_aan", "raadplegen", "uren"]


def koppeling_aan() -> bool:
    return bool(settings.DUO_URL)


def _get(pad: str):
    antwoord = DuoClient.from_settings().versturen(methode="GET", pad=pad, body=None, bericht_id=str(uuid.uuid4()))
    if antwoord.status == 404:
        return None
    if antwoord.status != 200:
        raise DuoOnbereikbaar(f"status {antwoord.status}")
    return antwoord.json


def raadplegen(bsn: str, soort: Raadpleging):
    """DUO's current answer about one fact of one person, or None when DUO does not know it."""
    return _get(f"/personen/{bsn}{PADEN[soort]}")


def uren(bsn: str):
    """The hours DUO knows (GevolgdeUren), for the reconciliation."""
    return _get(f"/personen/{bsn}/uren")
