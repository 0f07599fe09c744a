"""Receiving a notification: store the raw message first, answer at once, process it later (Celery on commit; the
beat job `achterstand_verwerken` picks up what the broker never got)."""

import logging

from django.db import IntegrityError, transaction

from . import contract, rules
from .models import DuoNotificatie

logger = logging.getLogger(__name__)


def notificatie_opslaan(*, body: dict, bericht_id, bron: str) -> tuple[DuoNotificatie | None, bool]:
    """Store a valid notification; (row, True) when new, (None, False) when the same notification was stored
    before (one effect: nothing new is stored, nothing is scheduled). The processing task is scheduled when the
    insert commits; a broker that is down is logged and the row waits for the safety net."""
    bsn = body.get("bsn", "")
    v_nummer = str(body["vNummer"]) if body.get("vNummer") is not None else ""
    moment = contract.registratie_moment(body["registratieDatumTijd"])
    notificatie = DuoNotificatie(
        # the moment in UTC: "10:00:00+01:00" and "09:00:00Z" are the same registration
        sleutel=rules.sleutel(gebeurtenis_id=body["gebeurtenisId"], bsn=bsn, v_nummer=v_nummer,
                              registratie=moment.isoformat()),
        bericht_id=bericht_id, bron=bron, gebeurtenis_id=body["gebeurtenisId"], bsn=bsn, v_nummer=v_nummer,
        registratie_datum_tijd=moment, ruw=body,
    )
    try:
        with transaction.atomic():
            notificatie.save()
    except IntegrityError:
        logger.info("DUO-notificatie %s opnieuw ontvangen (bericht %s): geen nieuw effect", body["gebeurtenisId"],
                    bericht_id)
        return None, False
    transaction.on_commit(lambda: inplannen(notificatie.pk))
    logger.info("DUO-notificatie %s ontvangen als %s (bericht %s)", notificatie.gebeurtenis_id, notificatie.pk,
                bericht_id)
    return notificatie, True


def inplannen(notificatie_id: int) -> None:
    """Hand the row to a worker; never fails the request (the row is already stored)."""
    from .tasks import verwerken_task

    try:
        verwerken_task.apply_async((notificatie_id,), retry=False)
    except Exception as fout:  # the broker is down or refuses: the beat job picks the row up within a minute
        logger.warning("DUO-notificatie %s niet ingepland (%s); het vangnet pakt hem op", notificatie_id,
                       type(fout).__name__)
