"""Thin Celery wrapper: count the dashboard's numbers (issue 18). Safe to run twice."""

from celery import shared_task

from . import selectors


@shared_task(name="dashboards.stand_bijwerken")
def stand_bijwerken_task() -> int:
    """Every `selectors.STAND_MINUTEN` minutes (CELERY_BEAT_SCHEDULE): aggregates only, no personal data
    is read out. Returns the number of dossiers counted."""
    return selectors.stand_bijwerken().dossiers
