"""What keeps a dossier off a vernietigingslijst although its term has passed (issue 13): the data is
still needed for a procedure that runs. Checked when the list is proposed and again, per dossier, right
before destruction (a bezwaar can arrive between approval and execution).

Each rule is a pure function of a zaak's or PIP's facts (unit-tested) plus one query per kind over all
candidate dossiers (constant in the number of dossiers).
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from handhaving.models import Handhavingszaak
from handhaving.rules import BesluitUitkomst, Betaalstatus
from pip_plans.models import Pip

LOPENDE_ZAAK = "Handhavingszaak {zaak} loopt nog."
RECHTSGANG = "Tegen de boete van zaak {zaak} kan nog bezwaar of beroep worden ingesteld, of het loopt nog."
NIET_BETAALD = ("De boete van zaak {zaak} is niet betaald, kwijtgescholden of verjaard (de vordering "
                "loopt nog).")
PIP_BEZWAAR = "De bezwaartermijn tegen PIP-versie {versie} loopt nog (tot en met {einde:%d-%m-%Y})."


def zaak_redenen(zaak: Handhavingszaak, *, vandaag: date) -> list[str]:
    """Why this zaak keeps its dossier (empty: it does not)."""
    if zaak.is_open:
        return [LOPENDE_ZAAK.format(zaak=zaak.pk)]
    if zaak.besluit_uitkomst != BesluitUitkomst.BOETE or zaak.herroepen:
        return []
    redenen = []
    onherroepelijk = zaak.onherroepelijk_op
    if onherroepelijk is None or onherroepelijk > vandaag:
        redenen.append(RECHTSGANG.format(zaak=zaak.pk))
    if zaak.betaalstatus not in (Betaalstatus.BETAALD, Betaalstatus.KWIJTGESCHOLDEN, Betaalstatus.VERJAARD):
        redenen.append(NIET_BETAALD.format(zaak=zaak.pk))
    return redenen


def pip_redenen(pip: Pip, *, vandaag: date) -> list[str]:
    if pip.bezwaar_einde is not None and pip.bezwaar_einde >= vandaag:
        return [PIP_BEZWAAR.format(versie=pip.versie, einde=pip.bezwaar_einde)]
    return []


def uitzonderingen(dossier_ids: Iterable[int], *, vandaag: date) -> dict[int, list[str]]:
    """dossier id → the reasons it stays (only dossiers with at least one reason)."""
    ids = list(dossier_ids)
    redenen: dict[int, list[str]] = defaultdict(list)
    for zaak in Handhavingszaak.objects.filter(dossier_id__in=ids).order_by("pk"):
        redenen[zaak.dossier_id].extend(zaak_redenen(zaak, vandaag=vandaag))
    for pip in Pip.objects.filter(dossier_id__in=ids, bezwaar_einde__gte=vandaag).order_by("versie"):
        redenen[pip.dossier_id].extend(pip_redenen(pip, vandaag=vandaag))
    return {dossier_id: lijst for dossier_id, lijst in redenen.items() if lijst}
