"""Thin Celery wrappers: take ids, call a service, safe to run twice."""

import logging

from django.db import OperationalError

from celery import shared_task

from cases.termijnen.services import termijnen_sweep

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
    resultaat = termijnen_sweep()
    logger.info("termijnen_sweep: %s verlopen, %s nadert", resultaat.verlopen, resultaat.nadert)
    return {"verlopen": resultaat.verlopen, "nadert": resultaat.nadert}

