"""Reads of the DUO outbox: the dossier tab, the outbox screen (a known, constant query count)."""

from django.conf import settings
from django.db.models import Count, QuerySet

from cases.models import Dossier

from .models import DuoBericht, KoppelingMelding, Status


def berichten_van_dossier(dossier: Dossier) -> QuerySet[DuoBericht]:
    return DuoBericht.objects.filter(dossier=dossier).order_by("-aangemaakt_op", "-id")


def outbox(*, status: str = "", soort: str = "") -> QuerySet[DuoBericht]:
    """The outbox screen's rows: no join (the dossier number is the row's own column)."""
    rijen = DuoBericht.objects.order_by("-aangemaakt_op", "-id")
    if status:
        rijen = rijen.filter(status=status)
    if soort:
        rijen = rijen.filter(soort=soort)
    return rijen


def aantallen_per_status() -> dict[str, int]:
    per = dict(DuoBericht.objects.order_by().values_list("status").annotate(n=Count("id")))
    return {waarde: per.get(waarde, 0) for waarde, _label in Status.choices}


def open_meldingen() -> QuerySet[KoppelingMelding]:
    return KoppelingMelding.objects.filter(afgehandeld_op=None)


def verbinding() -> list[tuple[str, str]]:
    """The connection settings, read-only and without secrets: the key file is only 'set' or not."""
    def ingesteld(waarde: str) -> str:
        return "ingesteld" if waarde else "niet ingesteld"

    return [
        ("DUO_URL", settings.DUO_URL or "(leeg: koppeling uit, berichten wachten)"),
        ("DUO_OIN_GEMEENTE (bron)", settings.DUO_OIN_GEMEENTE),
        ("DUO_OIN_DUO (doel)", settings.DUO_OIN_DUO),
        ("DUO_CLIENT_CERT", settings.DUO_CLIENT_CERT or "niet ingesteld"),
        ("DUO_CLIENT_KEY", ingesteld(settings.DUO_CLIENT_KEY)),
        ("DUO_CA_BUNDLE", settings.DUO_CA_BUNDLE or "systeem-CA's"),
        ("DUO_CONNECT_TIMEOUT / DUO_TIMEOUT", f"{settings.DUO_CONNECT_TIMEOUT} s / {settings.DUO_TIMEOUT} s"),
        ("DUO_MAX_POGINGEN", str(settings.DUO_MAX_POGINGEN)),
        ("DUO_BACKOFF_SECONDEN / DUO_BACKOFF_MAX_SECONDEN",
         f"{settings.DUO_BACKOFF_SECONDEN} s / {settings.DUO_BACKOFF_MAX_SECONDEN} s"),
    ]
