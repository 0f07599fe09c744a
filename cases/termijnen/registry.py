"""Who computes which termijnen. Apps above `cases` (pip_plans, leerroutes, handhaving) register a
calculator in their AppConfig.ready(); `cases` calls them without importing upward. This is an
explicit call list, not a signal: `herberekenen` runs every calculator, in registration order."""

from collections.abc import Callable

from cases.models import Dossier

from .rules import TermijnBerekening

Calculator = Callable[[Dossier], list[TermijnBerekening]]
_CALCULATORS: dict[str, Calculator] = {}


def registreer(bron: str, calculator: Calculator) -> None:
    _CALCULATORS[bron] = calculator


def calculators() -> dict[str, Calculator]:
    return dict(_CALCULATORS)


# Bulk: for many freshly created dossiers at once (demo data, benchmarks), computed from the dossier
# rows alone with the same pure rules, without a query per dossier.
BulkCalculator = Callable[[list[Dossier]], dict[int, list[TermijnBerekening]]]
_BULK: dict[str, BulkCalculator] = {}


def registreer_bulk(bron: str, calculator: BulkCalculator) -> None:
    _BULK[bron] = calculator


def bulk_calculators() -> dict[str, BulkCalculator]:
    return dict(_BULK)
