"""Where person data comes from (issue 14): a registry for the source of truth about persons — the BRP,
plugged in by the `brp` app from its AppConfig.ready() — so cases asks for a person by BSN without
importing the app above it (DESIGN "Layout": a higher app plugs in through hooks and registries).

The source answers in this app's own terms (`Persoonsgegevens`); the translation from the BRP API
Personen contract lives in the `brp` app. Without a registered source (a unit test, a gemeente that does
not connect the BRP) every question answers `BronOnbereikbaar`, and registration falls back to typing
the data by hand (marked as such and refreshed later).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from django.utils.translation import gettext_lazy as _

ONBEREIKBAAR = _("De BRP is nu niet bereikbaar. Probeer het over een paar minuten opnieuw, of voer de gegevens "
                 "met de hand in; ze worden later uit de BRP bijgewerkt.")


class BronOnbereikbaar(Exception):
    """The source could not answer (network, timeout, 5xx after retries, refused credentials). The message
    is Dutch and safe to show; the detail goes to the log without personal data."""

    def __init__(self, melding: str | None = None):
        super().__init__(str(melding or ONBEREIKBAAR))


@dataclass(frozen=True)
class Persoonsgegevens:
    """One person as the source knows them today. Empty strings / None: the source has no value."""

    bsn: str
    voornamen: str = ""
    voorvoegsel: str = ""
    geslachtsnaam: str = ""
    geboortedatum: date | None = None
    geslacht: str = ""  # "M", "V" or "X" (cases.models.Geslacht)
    nationaliteit: str = ""  # the description(s), comma-separated
    # Verblijfplaats (an address in the Netherlands); empty when the person lives abroad or has none.
    straat: str = ""
    huisnummer: str = ""  # with huisletter and toevoeging, as written on a letter ("7A", "12-2")
    postcode: str = ""
    woonplaats: str = ""
    # The address block for a letter, as the BRP's `adressering` writes it (adresregel1..3).
    adresregels: tuple[str, ...] = field(default_factory=tuple)
    aanhef: str = ""
    gemeente_code: str = ""  # gemeente van inschrijving (4 digits)
    gemeente_naam: str = ""
    datum_inschrijving_gemeente: date | None = None
    overleden_op: date | None = None


class Persoonsbron(Protocol):
    naam: str  # shown as the source, e.g. "BRP"

    def opvragen(self, bsns: Iterable[str]) -> dict[str, Persoonsgegevens]:
        """The persons the source knows among `bsns` (unknown BSNs are absent). Raises BronOnbereikbaar."""
        ...


_BRON: list[Persoonsbron] = []


def registreer_persoonsbron(bron: Persoonsbron) -> None:
    """Called once from the source app's ready(); a later registration replaces it (tests)."""
    _BRON[:] = [bron]


def persoonsbron() -> Persoonsbron | None:
    return _BRON[0] if _BRON else None


def opvragen(bsns: Iterable[str]) -> dict[str, Persoonsgegevens]:
    bron = persoonsbron()
    if bron is None:
        raise BronOnbereikbaar(_("Er is geen koppeling met de BRP ingesteld; voer de gegevens met de hand in."))
    return bron.opvragen(list(bsns))


def persoon_opvragen(bsn: str) -> Persoonsgegevens | None:
    return opvragen([bsn]).get(bsn)
