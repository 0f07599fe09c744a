"""The BRP as `cases.persoonsbron.Persoonsbron` (filled in by the client work)."""

from collections.abc import Iterable

from cases.persoonsbron import BronOnbereikbaar, Persoonsgegevens


class BrpBron:
    naam = "BRP"

    def opvragen(self, bsns: Iterable[str]) -> dict[str, Persoonsgegevens]:
        raise BronOnbereikbaar()
