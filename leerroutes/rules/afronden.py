"""Closing a dossier by a decision of DUO (ontheffing or vrijstelling): its grond and date."""

from collections.abc import Collection
from datetime import date

from django.utils.translation import gettext_lazy as _

from .onderdelen import DATUM_TOEKOMST

GROND_NODIG = _("Kies de grond van het besluit van DUO.")
BESLUIT_DATUM_NODIG = _("Vul de datum van het besluit van DUO in.")


def duo_besluit_fouten(
    *, grond: str, gronden: Collection[str], duo_besluit_datum: date | None, vandaag: date
) -> dict[str, str]:
    """An ontheffing or vrijstelling names one of its `gronden` and the date of DUO's decision,
    which is not in the future."""
    fouten: dict[str, str] = {}
    if grond not in gronden:
        fouten["grond"] = str(GROND_NODIG)
    if duo_besluit_datum is None:
        fouten["duo_besluit_datum"] = str(BESLUIT_DATUM_NODIG)
    elif duo_besluit_datum > vandaag:
        fouten["duo_besluit_datum"] = str(DATUM_TOEKOMST)
    return fouten
