"""The nightly refresh from the BRP (issue 14): batched, idempotent, retried when the BRP is away."""

import logging

from django.conf import settings
from django.db import OperationalError

from celery import shared_task

from cases.bron_services import verversen
from cases.persoonsbron import BronOnbereikbaar
from inburgering.audit.verwerkingen import verwerking

logger = logging.getLogger(__name__)


@shared_task(name="brp.personen_verversen", autoretry_for=(OperationalError, BronOnbereikbaar), retry_backoff=300,
             retry_backoff_max=3600, max_retries=6)
def personen_verversen_task() -> dict:
    """Everyone with a running dossier and everyone typed by hand, 20 per BRP call. Safe to run twice: the
    same answer changes nothing. Nothing to do without a BRP (BRP_URL empty)."""
    if not settings.BRP_URL:
        return {"overgeslagen": "geen BRP_URL"}
    with verwerking(activiteit="brp-bevraging", naam="brp.personen_verversen"):
        resultaat = verversen()
    return {"gevraagd": resultaat.gevraagd, "bijgewerkt": resultaat.bijgewerkt, "onbekend": resultaat.onbekend,
            "verhuisd": resultaat.verhuisd, "overleden": resultaat.overleden}
