"""A value kept in the user's session under a random, short-lived token, so that personal data (a search
term, a BSN) never goes into a URL (issue 12 item 1): the URL carries the token, the session the value.
Used by the search (`inburgering.zoeken`), the inzageverzoek and the registration from the BSN."""

import secrets
from typing import Any

from django.http import HttpRequest


def _geldig(request: HttpRequest, sleutel: str, nu: float) -> dict[str, list]:
    return {t: w for t, w in request.session.get(sleutel, {}).items() if w[1] > nu}


def bewaren(request: HttpRequest, sleutel: str, waarde: Any, *, nu: float, geldigheid: float, maximum: int) -> str:
    """Keep `waarde` (JSON-serialisable) for `geldigheid` seconds; at most `maximum` per session under this
    `sleutel`, the oldest going first. Returns the token."""
    bewaard = _geldig(request, sleutel, nu)
    token = secrets.token_urlsafe(16)
    bewaard[token] = [waarde, nu + geldigheid]
    request.session[sleutel] = dict(sorted(bewaard.items(), key=lambda tw: tw[1][1])[-maximum:])
    return token


def lezen(request: HttpRequest, sleutel: str, token: str, *, nu: float) -> Any | None:
    """The value under `token`, or None when it is unknown, expired or of another session."""
    bewaard = _geldig(request, sleutel, nu).get(token)
    return bewaard[0] if bewaard else None
