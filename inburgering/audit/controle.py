"""Verifying the hash chains of the logs (issue 12 item 3; `manage.py logboek_controleren`)."""

from dataclasses import dataclass

from .keten import bereken_hash
from .models import (
    AppendOnly,
    Beveiligingslog,
    Dataverwerking,
    DataverwerkingDossier,
    InzageLog,
    Ketencontrolepunt,
    Ketenkop,
)

LOGBOEKEN: tuple[type[AppendOnly], ...] = (InzageLog, Beveiligingslog, Dataverwerking)


@dataclass(frozen=True)
class Breuk:
    logboek: str
    regel_id: int | None
    reden: str

    def __str__(self) -> str:
        waar = f"regel {self.regel_id}" if self.regel_id is not None else "einde van de keten"
        return f"{self.logboek}: {waar}: {self.reden}"


def keten_controleren(model: type[AppendOnly]) -> tuple[int, Breuk | None]:
    """Walk one log in id order from its last checkpoint; return (rows checked, first break or None)."""
    logboek = model.KETEN
    punt = Ketencontrolepunt.objects.filter(logboek=logboek).order_by("-laatste_id").first()
    verwacht, na_id = (punt.laatste_hash, punt.laatste_id) if punt else ("", None)
    regels = model._base_manager.order_by("id")
    if na_id is not None:
        if model._base_manager.filter(id__lte=na_id).exists():
            eerste = model._base_manager.filter(id__lte=na_id).order_by("id").first()
            return 0, Breuk(logboek, eerste.pk, "regel van vóór het controlepunt van de bewaartermijn")
        regels = regels.filter(id__gt=na_id)
    aantal, laatste = 0, na_id  # everything pruned: the head still points at the checkpoint's row
    dossiers = _dossiers_per_verwerking(na_id) if model is Dataverwerking else None
    for regel in regels.iterator(chunk_size=2000):
        if regel.vorige_hash != verwacht:
            return aantal, Breuk(logboek, regel.pk, "sluit niet aan op de vorige regel (verwijderd of ingevoegd)")
        if regel.hash != bereken_hash(regel):
            return aantal, Breuk(logboek, regel.pk, "inhoud gewijzigd (hash klopt niet)")
        if dossiers is not None and sorted(dossiers.pop(regel.pk, [])) != list(regel.dossier_ids):
            return aantal, Breuk(logboek, regel.pk, "de dossierregels wijken af van de gehashte dossiers")
        verwacht, laatste, aantal = regel.hash, regel.pk, aantal + 1
    if dossiers:
        return aantal, Breuk(logboek, min(dossiers), "dossierregels zonder verwerking")
    kop = Ketenkop.objects.filter(logboek=logboek).first()
    if kop is not None and kop.laatste_id is not None and (kop.laatste_id, kop.laatste_hash) != (laatste, verwacht):
        return aantal, Breuk(logboek, None, f"de laatste regel ({kop.laatste_id}) ontbreekt of is gewijzigd")
    return aantal, None


def _dossiers_per_verwerking(na_id: int | None) -> dict[int, list[int]]:
    """The child rows (not chained themselves) must match each row's hashed `dossier_ids`."""
    rijen = DataverwerkingDossier._base_manager.values_list("verwerking_id", "dossier_id")
    if na_id is not None:
        rijen = rijen.filter(verwerking_id__gt=na_id)
    per: dict[int, list[int]] = {}
    for verwerking_id, dossier_id in rijen.iterator(chunk_size=5000):
        per.setdefault(verwerking_id, []).append(dossier_id)
    return per


def alle_ketens_controleren() -> list[tuple[str, int, Breuk | None]]:
    return [(model.KETEN, *keten_controleren(model)) for model in LOGBOEKEN]
