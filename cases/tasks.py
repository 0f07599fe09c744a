"""Thin Celery wrappers: take ids, call a service, safe to run twice."""

import logging
import smtplib
from datetime import date

from django.db import OperationalError
from django.utils import timezone

from celery import shared_task

from cases.termijnen.digest import digest_versturen
from cases.termijnen.services import termijnen_sweep
from inburgering.audit.verwerkingen import verwerking

logger = logging.getLogger(__name__)


@shared_task(
    name="cases.termijnen_sweep",
    autoretry_for=(OperationalError,),  # a database restart or lock timeout; nothing else is retried
    retry_backoff=30,
    retry_backoff_max=600,
    max_retries=5,
)
def termijnen_sweep_task() -> dict:
    """Daily at 06:00 (CELERY_BEAT_SCHEDULE) and safe at any time: the sweep claims rows itself."""
    with verwerking(activiteit="termijnbewaking", naam="cases.termijnen_sweep"):  # Logboek Dataverwerkingen
        resultaat = termijnen_sweep()
    logger.info("termijnen_sweep: %s verlopen, %s nadert", resultaat.verlopen, resultaat.nadert)
    return {"verlopen": resultaat.verlopen, "nadert": resultaat.nadert}



@shared_task(
    name="cases.digest_versturen",
    # A database restart, or a mail server that is briefly away; a bad address is not retried.
    autoretry_for=(OperationalError, smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, ConnectionError),
    retry_backoff=60,
    retry_backoff_max=900,
    max_retries=5,
)
def digest_versturen_task(peildatum: str | None = None) -> int:
    """Daily at 07:00, after the 06:00 sweep. Safe to run twice (and acks_late redelivers after a
    crash): the service claims the day per user before sending, so nobody gets the digest twice."""
    dag = date.fromisoformat(peildatum) if peildatum else timezone.localdate()
    with verwerking(activiteit="termijnbewaking", naam="cases.digest_versturen"):
        return digest_versturen(peildatum=dag)
