import logging
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from celery import shared_task

from inburgering.instellingen.models import GemeenteInstellingen

from .bewaren import logboek_snoeien
from .controle import alle_ketens_controleren

logger = logging.getLogger(__name__)


@shared_task(name="audit.logboek_controleren")
def logboek_controleren_taak() -> list[str]:
    """Daily: verify the hash chains of the logs; a break is logged as an error for monitoring."""
    breuken = [str(breuk) for _logboek, _aantal, breuk in alle_ketens_controleren() if breuk is not None]
    for breuk in breuken:
        logger.error("Logboek gewijzigd: %s", breuk)
    return breuken


def jaren_terug(moment: datetime, jaren: int) -> datetime:
    try:
        return moment.replace(year=moment.year - jaren)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - jaren, day=28)


@shared_task(name="audit.logboeken_snoeien")
def logboeken_snoeien_taak() -> dict[str, int]:
    """Daily: remove log rows older than the retention term (`GemeenteInstellingen.logboek_bewaartermijn_jaren`;
    the inzagelog its own when `settings.INZAGELOG_BEWAARTERMIJN_JAREN` is set), each through
    `logboek_snoeien`, which leaves a checkpoint in the hash chain. Idempotent: a second run removes nothing."""
    jaren = GemeenteInstellingen.huidig().logboek_bewaartermijn_jaren
    inzage_jaren = getattr(settings, "INZAGELOG_BEWAARTERMIJN_JAREN", None) or jaren
    nu = timezone.now()
    return {
        "inzagelog": logboek_snoeien("inzagelog", jaren_terug(nu, inzage_jaren)),
        "dataverwerkingen": logboek_snoeien("dataverwerkingen", jaren_terug(nu, jaren)),
    }
