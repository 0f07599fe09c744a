"""Thin Celery wrappers: safe to run twice, also at the same time (the services lock)."""

import logging

from django.db import OperationalError

from celery import shared_task

from inburgering.audit.verwerkingen import verwerking

from . import services
from .models import LijstStatus, Vernietigingslijst

logger = logging.getLogger(__name__)


@shared_task(name="avg.vernietigingslijst_voorstellen", autoretry_for=(OperationalError,), retry_backoff=60,
             max_retries=5)
def vernietigingslijst_voorstellen_task() -> dict:
    """Nightly: what passed its bewaartermijn goes on the proposed list (references only in the log)."""
    with verwerking(activiteit="vernietiging", naam="avg.vernietigingslijst_voorstellen"):
        voorstel = services.voorstellen()
    logger.info("vernietigingslijst: %s regels voorgesteld, %s uitgezonderd", voorstel.toegevoegd,
                voorstel.uitgesloten)
    return {"lijst": voorstel.lijst.pk if voorstel.lijst else None, "toegevoegd": voorstel.toegevoegd,
            "uitgesloten": voorstel.uitgesloten}


@shared_task(name="avg.goedgekeurde_lijsten_uitvoeren", autoretry_for=(OperationalError,), retry_backoff=60,
             max_retries=5)
def goedgekeurde_lijsten_uitvoeren_task() -> list[int]:
    """The safety net: approval destroys at once, in the same transaction; a list that is `goedgekeurd`
    without being done (it cannot be, unless that changes) is carried out here."""
    gedaan = []
    for lijst_id in Vernietigingslijst.objects.filter(status=LijstStatus.GOEDGEKEURD).values_list("pk", flat=True):
        with verwerking(activiteit="vernietiging", naam="avg.goedgekeurde_lijsten_uitvoeren"):
            services.uitvoeren(lijst_id=lijst_id)
        gedaan.append(lijst_id)
    return gedaan
