"""Explicit hooks for apps above `leerroutes` (the cases.haken / pip_plans.haken pattern): an app registers a
function in its AppConfig.ready(); a leerroutes service calls them, in order, inside its own transaction, after
the change is saved. Not a signal: the call is written in the service, and a failing hook rolls the whole change
back. leerroutes never imports the apps above it.

`vastgelegd(gebeurtenis, dossier=…, by=…, object=…)` reports a fact DUO must hear of (issue 16); the function
registered re-reads what it needs. The events:
"""

from collections.abc import Callable
from typing import Any

from cases.models import Dossier
from inburgering.accounts.models import User

MAP_EINDGESPREK = "map_eindgesprek"  # object: the Map (its eindgesprek_op)
PVT_ONDERTEKEND = "pvt_ondertekend"  # object: the Pvt (its ondertekend_op)
ZROUTE_AFGEROND = "zroute_afgerond"  # object: the Z-route Inschrijving (its afgerond_op)
UREN_GEWIJZIGD = "uren_gewijzigd"  # object: the Uren row added or removed (its categorie, tijdens_intake)
INGESCHREVEN = "ingeschreven"  # object: the new Inschrijving (an inburgeringsaanbod for an asielmigrant)
GEBEURTENISSEN = (MAP_EINDGESPREK, PVT_ONDERTEKEND, ZROUTE_AFGEROND, UREN_GEWIJZIGD, INGESCHREVEN)

BijVastgelegd = Callable[..., None]
_BIJ_VASTGELEGD: list[BijVastgelegd] = []


def registreer_bij_vastgelegd(functie: BijVastgelegd) -> None:
    if functie not in _BIJ_VASTGELEGD:
        _BIJ_VASTGELEGD.append(functie)


def vastgelegd(gebeurtenis: str, *, dossier: Dossier, by: User, object: Any = None) -> None:
    if gebeurtenis not in GEBEURTENISSEN:
        raise ValueError(gebeurtenis)
    for functie in _BIJ_VASTGELEGD:
        functie(gebeurtenis, dossier=dossier, by=by, object=object)
