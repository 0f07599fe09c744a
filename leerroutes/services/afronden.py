"""Closing a dossier in uitvoering as afgerond: plicht voldaan (DOMAIN §6), or an ontheffing /
vrijstelling decided by DUO."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from django_fsm import can_proceed

from cases.models import AFROND_REDENEN, Dossier, EindReden
from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import opslaan
from leerroutes import rules, selectors
from leerroutes.models import (
    ONTHEFFING_GRONDEN,
    VRIJSTELLING_GRONDEN,
    Afsluiting,
    Inschrijving,
)
from leerroutes.rules import InschrijvingStatus, StopReden

from ._basis import (
    AFROND_FASE,
    ALLEEN_CONSULENT,
    KEUZE_ONGELDIG,
    NIET_VOLDAAN,
    _dossier_vergrendelen,
    _niet_in_toekomst,
    _termijnen,
)


# --- afronden ---------------------------------------------------------------------------------------
@transaction.atomic
def dossier_afronden(
    *, dossier_id: int, reden: str, datum: date, versie: int | None, by: User, grond: str = "",
    duo_besluit_datum: date | None = None, toelichting: str = "",
) -> Dossier:
    """Close a dossier in uitvoering as afgerond, by a consulent: `voldaan` only when
    `voldaan.plicht_voldaan` says so (DOMAIN §6); `ontheffing` / `vrijstelling` as decided by DUO,
    with its kind (grond) and date. The checklist at that moment is kept; a running enrolment stops.
    The form edits the dossier itself: its version is checked."""
    if not by.heeft_rol(Rol.CONSULENT):
        raise PermissionDenied(ALLEEN_CONSULENT)
    dossier = _dossier_vergrendelen(dossier_id, by, versie=versie)
    if reden not in AFROND_REDENEN:
        raise ValidationError({"reden": str(KEUZE_ONGELDIG)})
    _niet_in_toekomst(datum)
    if not can_proceed(dossier.afronden):
        raise ValidationError(AFROND_FASE, code="status")
    voldaan = selectors.traject_overzicht(dossier).voldaan
    if reden == EindReden.VOLDAAN:
        if not voldaan.voldaan:
            raise ValidationError(NIET_VOLDAAN % {"wat": "; ".join(voldaan.ontbreekt)})
        grond, duo_besluit_datum = "", None
    elif fouten := rules.duo_besluit_fouten(
        grond=grond, gronden=ONTHEFFING_GRONDEN if reden == EindReden.ONTHEFFING else VRIJSTELLING_GRONDEN,
        duo_besluit_datum=duo_besluit_datum, vandaag=vandaag(),
    ):
        raise ValidationError(fouten)
    _stop_lopende_inschrijving(dossier, datum, by=by)
    dossier.afronden(reden=reden)
    dossier.eind_datum = datum
    dossier.eind_toelichting = toelichting
    label = dict(EindReden.choices)[reden]
    opslaan(dossier, reden=f"Afgerond ({label})" + (f": {toelichting}" if toelichting else ""), door=by)
    afsluiting = Afsluiting(
        dossier=dossier, reden=reden, grond=grond, duo_besluit_datum=duo_besluit_datum, datum=datum,
        checklist={"voldaan": voldaan.voldaan, "ontbreekt": list(voldaan.ontbreekt)}, vastgelegd_door=by,
    )
    opslaan(afsluiting, reden=f"Afgerond ({label})", door=by)
    _termijnen(dossier.pk, by)  # a closed dossier watches nothing any more (cases' engine)
    return dossier


def _stop_lopende_inschrijving(
    dossier: Dossier, datum: date, reden: str = "Gestopt: dossier afgerond", by: User | None = None
) -> None:
    for inschrijving in Inschrijving.objects.select_for_update().filter(
        dossier=dossier, status__in=InschrijvingStatus.ACTIEF
    ):
        inschrijving.stoppen(reden=StopReden.PLICHT_GEEINDIGD, toelichting="", datum=datum)
        opslaan(inschrijving, reden=reden, door=by)


def inschrijving_stoppen_bij_einde(dossier: Dossier, datum: date, by: User) -> None:
    """Registered with cases.haken: a dossier that ends (moved, naturalised, …) stops its enrolment;
    the hours stay."""
    _stop_lopende_inschrijving(dossier, datum, "Gestopt: dossier beëindigd", by)
