"""Reads for the pages of DUO's notifications, each with a known number of queries."""

from django.db.models import QuerySet

from inburgering.accounts.models import User

from .instroom import zichtbare_instroom
from .models import DuoInstroom, DuoNotificatie, DuoVerschil, NotificatieStatus


def instroom_wachtrij(user: User) -> QuerySet[DuoInstroom]:
    """The inflow queue: the oldest kennisgeving first (its PIP clock runs out first)."""
    return zichtbare_instroom(user).select_related("team").order_by("datum_kennisgeving", "pk")


def notificaties(*, status: str = "", gebeurtenis: str = "") -> QuerySet[DuoNotificatie]:
    rijen = DuoNotificatie.objects.defer("ruw").order_by("-ontvangen_op", "-pk")
    if status:
        rijen = rijen.filter(status=status)
    if gebeurtenis:
        rijen = rijen.filter(gebeurtenis_id=gebeurtenis.upper())
    return rijen


def aantal_onbekend() -> int:
    return DuoNotificatie.objects.filter(status=NotificatieStatus.ONBEKENDE_CODE).count()


def verschillen() -> QuerySet[DuoVerschil]:
    return DuoVerschil.objects.select_related("dossier__inburgeraar").order_by("dossier_id", "veld")


def regels(waarde, voorvoegsel: str = "") -> list[str]:
    """DUO's answer as readable lines ("leerroute: B"), nested objects and lists flattened."""
    if isinstance(waarde, dict):
        return [r for k, v in waarde.items() for r in regels(v, f"{voorvoegsel}{k}: " if not isinstance(
            v, (dict, list)) else f"{voorvoegsel}{k} — ")]
    if isinstance(waarde, list):
        return [r for item in waarde for r in regels(item, voorvoegsel)] or [f"{voorvoegsel}(geen)"]
    return [f"{voorvoegsel}{'ja' if waarde is True else 'nee' if waarde is False else waarde}"]
