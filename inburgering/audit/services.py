from typing import Any

from django.conf import settings
from django.http import HttpRequest

from inburgering.accounts.models import User

from .models import Beveiligingslog, Gebeurtenis, Handeling, InzageLog
from .verwerkingen import verwerking_vastleggen


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address. Behind a reverse proxy the address comes from the header that proxy sets
    (`CLIENT_IP_HEADER`, e.g. X-Forwarded-For): the entry `CLIENT_IP_PROXIES` places from the right,
    which is the one our own proxy added, so a client cannot forge it by sending the header itself.
    Without that setting: REMOTE_ADDR."""
    if request is None:
        return None
    header = settings.CLIENT_IP_HEADER
    if header:
        waarde = request.META.get(header, "")
        adressen = [a.strip() for a in waarde.split(",") if a.strip()]
        if len(adressen) >= settings.CLIENT_IP_PROXIES:
            return adressen[-settings.CLIENT_IP_PROXIES]
    return request.META.get("REMOTE_ADDR") or None


def inzage_vastleggen(*, request: HttpRequest, dossier_id: int, pagina: str) -> InzageLog:
    """Record that request.user viewed a dossier page (who, when, which dossier, which page); the request's
    row in the Logboek Dataverwerkingen gets a read of this dossier."""
    verwerking_vastleggen(Handeling.RAADPLEGEN, dossier_ids=[dossier_id])
    return InzageLog.objects.create(
        gebruiker=request.user,
        dossier_id=dossier_id,
        pagina=pagina,
        pad=request.path[:500],  # the path only: a query string could carry a search term (issue 12)
        ip_adres=client_ip(request),
    )


def beveiliging_vastleggen(
    gebeurtenis: Gebeurtenis, *, request: HttpRequest | None = None, gebruiker: User | None = None,
    gebruikersnaam: str = "", betreft: User | None = None, details: dict[str, Any] | None = None,
) -> Beveiligingslog:
    """Record a security event (issue 11 item 7). `gebruiker` defaults to the request's logged-in user;
    `details` holds codes and references only, never personal data of citizens in clear."""
    if gebruiker is None and request is not None and getattr(request, "user", None) is not None \
            and request.user.is_authenticated:
        gebruiker = request.user
    return Beveiligingslog.objects.create(
        gebeurtenis=gebeurtenis,
        gebruiker=gebruiker,
        gebruikersnaam=(gebruikersnaam or (gebruiker.get_username() if gebruiker else ""))[:150],
        betreft=betreft,
        pad=(request.path[:500] if request is not None else ""),  # the path only: no query string
        ip_adres=client_ip(request),
        details=details or {},
    )
