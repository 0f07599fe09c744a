import logging

from celery import shared_task

from .controle import alle_ketens_controleren

logger = logging.getLogger(__name__)


@shared_task(name="audit.logboek_controleren")
def logboek_controleren_taak() -> list[str]:
    """Daily: verify the hash chains of the logs; a break is logged as an error for monitoring."""
    breuken = [str(breuk) for _logboek, _aantal, breuk in alle_ketens_controleren() if breuk is not None]
    for breuk in breuken:
        logger.error("Logboek gewijzigd: %s", breuk)
    return breuken
