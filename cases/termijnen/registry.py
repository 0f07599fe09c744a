"""Who computes which termijnen. Apps above `cases` (pip_plans, leerroutes, handhaving) register a
calculator in their AppConfig.ready(); `cases` calls them without importing upward. This is an
explicit call list, not a signal: `herberekenen` runs every calculator, in registration order."""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

from cases.models import Dossier

from .rules import TermijnBerekening

Calculator = Callable[[Dossier], list[TermijnBerekening]]
_CALCULATORS: dict[str, Calculator] = {}


def registreer(bron: str, calculator: Calculator) -> None:
    _nog_vrij(_CALCULATORS, bron)
    _CALCULATORS[bron] = calculator


def _nog_vrij(register: dict, bron: str) -> None:
    """A second registration for one bron is a programming error, not a silent override."""
    if bron in register:
        raise ImproperlyConfigured(f"Voor {bron!r} is al een termijnberekening geregistreerd.")


def calculators() -> dict[str, Calculator]:
    return dict(_CALCULATORS)


# Bulk: for many freshly created dossiers at once (demo data, benchmarks), computed from the dossier
# rows alone with the same pure rules, without a query per dossier.
BulkCalculator = Callable[[list[Dossier]], dict[int, list[TermijnBerekening]]]
_BULK: dict[str, BulkCalculator] = {}


def registreer_bulk(bron: str, calculator: BulkCalculator) -> None:
    _nog_vrij(_BULK, bron)
    _BULK[bron] = calculator


def bulk_calculators() -> dict[str, BulkCalculator]:
    return dict(_BULK)
