"""Explicit hooks for apps above `pip_plans` (the cases.haken pattern): an app registers a function in
its AppConfig.ready(); a pip_plans service calls it. Not a signal: the call is written in the service,
and a failing hook rolls the whole change back. pip_plans never imports the apps above it.

- `registreer_nt2_uren`: the one source of the NT2 hours registered for a dossier (Besluit 5.5,
  afschalen). Without a registered source a dossier has 0 registered hours.
- `registreer_bij_vastgesteld`: what an app does when a PIP version is vastgesteld, inside
  `services.pip_vaststellen`'s transaction (e.g. stop the enrolment in the old route on a schakeling).
- `registreer_aanbieders`: the names of the aanbieders a PIP's beoogde aanbieder leerroute is picked
  from (the aanbieders registry, issue 19 item 4). Without a registered source the field is free text.
"""

from collections.abc import Callable
from decimal import Decimal

from cases.models import Dossier
from inburgering.accounts.models import User

from .models import Pip

Nt2Uren = Callable[[Dossier], Decimal | int]
BijVastgesteld = Callable[[Pip, User], None]
Aanbieders = Callable[[], list[str]]

_NT2_UREN: list[Nt2Uren] = []
_BIJ_VASTGESTELD: list[BijVastgesteld] = []
_AANBIEDERS: list[Aanbieders] = []

AL_GEREGISTREERD = "Er is al een andere bron van NT2-uren geregistreerd: {bestaand}."


def registreer_nt2_uren(functie: Nt2Uren) -> None:
    """One source of hours: registering the same function twice is a no-op, a second one an error
    (two sources would make the 600-hour check depend on the order of INSTALLED_APPS)."""
    if functie in _NT2_UREN:
        return
    if _NT2_UREN:
        raise RuntimeError(AL_GEREGISTREERD.format(bestaand=_NT2_UREN[0].__qualname__))
    _NT2_UREN.append(functie)


def geregistreerde_nt2_uren(dossier: Dossier) -> Decimal | int:
    """The NT2 hours registered for the dossier at keurmerk or taalschakeltraject institutions; 0 when
    no app provides them."""
    return _NT2_UREN[0](dossier) if _NT2_UREN else 0


def registreer_bij_vastgesteld(functie: BijVastgesteld) -> None:
    if functie not in _BIJ_VASTGESTELD:
        _BIJ_VASTGESTELD.append(functie)


def pip_vastgesteld(pip: Pip, by: User) -> None:
    """A PIP version was vastgesteld (the previous one vervangen): let the apps above follow it, in
    order, in the same transaction."""
    for functie in _BIJ_VASTGESTELD:
        functie(pip, by)


def registreer_aanbieders(functie: Aanbieders) -> None:
    """One source of aanbieder names (the registry); registering the same function twice is a no-op."""
    if functie not in _AANBIEDERS:
        _AANBIEDERS[:] = [functie]


def aanbieder_namen() -> list[str] | None:
    """The names to pick the beoogde aanbieder from, or None when no app provides a registry."""
    return _AANBIEDERS[0]() if _AANBIEDERS else None
