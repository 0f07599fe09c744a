"""Thin Celery wrappers (STYLE habit 4): take an id, re-read the state, return early when the work is done."""

from django.conf import settings
from django.utils import timezone

from celery import shared_task

from . import afstemming, services
from .models import DuoInstroom, DuoNotificatie, NotificatieStatus


@shared_task(name="duo_notificaties.verwerken")
def verwerken_task(notificatie_id: int) -> str | None:
    """One notification. acks_late (settings): a worker that dies mid-task leaves the message; the row's lease
    keeps a second worker off until it runs out, and the transaction that died left no effect."""
    return services.notificatie_verwerken(notificatie_id=notificatie_id)


@shared_task(name="duo_notificaties.achterstand_verwerken")
def achterstand_verwerken_task() -> dict:
    """The safety net, every minute: what on_commit could not hand to the broker, what a killed worker left."""
    uitkomst: dict[str, int] = {}
    for pk in services.te_verwerken():
        status = services.notificatie_verwerken(notificatie_id=pk)
        if status:
            uitkomst[status] = uitkomst.get(status, 0) + 1
    return uitkomst


@shared_task(name="duo_notificaties.afstemmen")
def afstemmen_task() -> dict:
    """Nightly: the gemeente's facts against DUO's (a list for the koppelbeheerder)."""
    return afstemming.afstemmen()


@shared_task(name="duo_notificaties.snoeien")
def snoeien_task() -> int:
    """Notifications linked to no dossier hold a BSN without a purpose after a while: removed after
    DUO_NOTIFICATIE_BEWAARDAGEN. Those of a dossier go with it (its bewaartermijn, avg)."""
    grens = timezone.now() - timezone.timedelta(days=settings.DUO_NOTIFICATIE_BEWAARDAGEN)
    aantal, _per_model = (DuoNotificatie.objects.filter(dossier__isnull=True, ontvangen_op__lt=grens)
                          .exclude(status=NotificatieStatus.ONTVANGEN)
                          .exclude(pk__in=DuoInstroom.objects.filter(dossier__isnull=True, notificatie__isnull=False)
                                   .values("notificatie_id")).delete())
    return aantal
