"""Explicit hooks for apps above `cases` (same pattern as cases.termijnen.registry): an app registers
a function in its AppConfig.ready(); a cases service calls them, in order, inside its own transaction.
Not a signal: the call is written in the service, and a failing hook rolls the whole change back."""

from collections.abc import Callable
from datetime import date

from cases.models import Dossier
from inburgering.accounts.models import User

BijBeeindigen = Callable[[Dossier, date, User], None]
_BIJ_BEEINDIGEN: list[BijBeeindigen] = []
BijToegewezen = Callable[[Dossier, User], None]
_BIJ_TOEGEWEZEN: list[BijToegewezen] = []


def registreer_bij_beeindigen(functie: BijBeeindigen) -> None:
    if functie not in _BIJ_BEEINDIGEN:
        _BIJ_BEEINDIGEN.append(functie)


def dossier_beeindigd(dossier: Dossier, datum: date, by: User) -> None:
    """A dossier ended (moved, naturalised, AOW, died, plicht vervallen): let the apps above close
    what they run for it (e.g. a leerroute enrolment)."""
    for functie in _BIJ_BEEINDIGEN:
        functie(dossier, datum, by)


def registreer_bij_toegewezen(functie: BijToegewezen) -> None:
    if functie not in _BIJ_TOEGEWEZEN:
        _BIJ_TOEGEWEZEN.append(functie)


def werkcoach_toegewezen(dossier: Dossier, by: User) -> None:
    """The dossier moved to another werkcoach (`dossier.werkcoach` is the new one): let the apps above
    follow it in the same transaction (e.g. duo tells DUO the person's new contactpersoon)."""
    for functie in _BIJ_TOEGEWEZEN:
        functie(dossier, by)
