from django.http import HttpRequest

from .models import InzageLog


def inzage_vastleggen(*, request: HttpRequest, dossier_id: int, pagina: str) -> InzageLog:
    """Record that request.user viewed a dossier page (who, when, which dossier, which page)."""
    return InzageLog.objects.create(
        gebruiker=request.user,
        dossier_id=dossier_id,
        pagina=pagina,
        pad=request.get_full_path()[:500],
        ip_adres=request.META.get("REMOTE_ADDR") or None,
    )
