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
