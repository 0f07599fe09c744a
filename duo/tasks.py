"""The drain as a Celery task (issue 16): started on commit after an outbox write and every minute by beat
(the safety net for a trigger lost with a broker that was down). Thin and safe to run twice or in parallel:
each message is claimed with a lease (duo.verzenden)."""

from django.conf import settings

from celery import shared_task

from inburgering.audit.verwerkingen import verwerking

from . import verzenden


@shared_task(name="duo.outbox_verzenden", ignore_result=True)
def outbox_verzenden_task(max_berichten: int = 500) -> dict:
    if not settings.DUO_URL:
        return {"overgeslagen": "geen DUO_URL"}
    with verwerking(activiteit=verzenden.ACTIVITEIT, naam="duo.outbox_verzenden"):
        uitkomst = verzenden.outbox_verzenden(max_berichten=max_berichten)
    return {"verzonden": uitkomst.verzonden, "geweigerd": uitkomst.geweigerd, "opnieuw": uitkomst.opnieuw,
            "dode_letter": uitkomst.dode_letter}
