"""Retention of the logs (issue 13): the one way rows leave a log.

`logboek_snoeien(logboek, tot)` removes every row of one log up to the last one older than `tot` and
leaves a `Ketencontrolepunt` (id and hash of the last removed row), so `logboek_controleren` verifies
the rest of the chain from there. On PostgreSQL it calls the database function
`audit_snoeien(logboek, tot)` (migration 0004), the only DELETE the log tables' trigger allows; on SQLite
(no triggers) the same in Python, with the same result. Running it twice with the same `tot` removes
nothing the second time and writes no second checkpoint.
"""

from datetime import datetime

from django.db import connection, transaction

from .controle import LOGBOEKEN
from .models import Dataverwerking, DataverwerkingDossier, Ketencontrolepunt

MODELLEN = {model.KETEN: model for model in LOGBOEKEN}


def logboek_snoeien(logboek: str, tot: datetime) -> int:
    """Prune one log (`inzagelog`, `beveiligingslog`, `dataverwerkingen`) before `tot`; the number removed."""
    if logboek not in MODELLEN:
        raise ValueError(f"Onbekend logboek: {logboek}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT audit_snoeien(%s, %s)", [logboek, tot])
            return cursor.fetchone()[0]
    model = MODELLEN[logboek]
    with transaction.atomic():
        grens = model._base_manager.filter(tijdstip__lt=tot).order_by("-id").values("id", "hash").first()
        if grens is None:
            return 0
        if model is Dataverwerking:
            kinderen = DataverwerkingDossier._base_manager.filter(verwerking_id__lte=grens["id"])
            kinderen._raw_delete(kinderen.db)
        regels = model._base_manager.filter(id__lte=grens["id"])
        aantal = regels._raw_delete(regels.db)
        Ketencontrolepunt.objects.create(logboek=logboek, tot=tot, laatste_id=grens["id"],
                                         laatste_hash=grens["hash"], verwijderd=aantal)
    return aantal
