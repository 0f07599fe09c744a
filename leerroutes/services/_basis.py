"""Shared steps of the leerroutes services: lock the dossier (the kernel preamble with leerroutes'
edit rule), the geldend PIP, choices, dates, the termijnen, and the user-facing messages. Locking,
the strict version check and saving with a history reason are the kernel's (`inburgering.schrijven`)."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from cases import access
from cases.models import Dossier
from cases.termijnen.services import termijnen_herberekenen
from inburgering.accounts.models import User
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import NIET_CONTROLEREN, vergrendelen
from leerroutes import rules, selectors
from leerroutes.models import (
    Aanbieder,
    Uren,
)
from pip_plans.models import Pip

DOSSIER_AFGESLOTEN = _("Dit dossier is afgesloten.")
GEEN_PIP = _("Er is geen vastgesteld PIP voor dit dossier.")
AL_ACTIEF = _("Er loopt al een inschrijving voor een leerroute. Rond die af of stop die eerst.")
AANBIEDER_ONBEKEND = _("Kies een actieve aanbieder uit de lijst.")
STATUS_ONJUIST = _("Dit kan niet in de huidige status van de inschrijving.")
KEUZE_ONGELDIG = _("Kies een waarde uit de lijst.")
TOELICHTING_NODIG = rules.TOELICHTING_NODIG
Z_UREN_NIET_KLAAR = _("Het eindgesprek van de Z-route kan pas als de uren compleet zijn: %(wat)s.")
NOG_NIET_GESTART = _("Leg dit eerst aan.")
PVT_AFGEROND = _("De participatieverklaring is al ondertekend; de PVT kan niet meer worden gewijzigd.")
UREN_GEKOPPELD = _("Deze uren horen bij een PVT-bijeenkomst of begeleidingsactiviteit; corrigeer die.")
ONTZORGING_BEEINDIGD = _("Het ontzorgen is al beëindigd.")
EXAMEN_BESTAAT = _("Voor dit onderdeel is op deze datum al een resultaat vastgelegd.")
ALLEEN_CONSULENT = _("Alleen een consulent inburgering kan een dossier afronden.")
NIET_VOLDAAN = _("De plicht is nog niet voldaan: %(wat)s.")
AFROND_FASE = _("Alleen een dossier in uitvoering kan worden afgerond.")
GROND_NODIG = rules.GROND_NODIG
BESLUIT_DATUM_NODIG = rules.BESLUIT_DATUM_NODIG
DATUM_TOEKOMST = rules.DATUM_TOEKOMST


# --- shared steps ----------------------------------------------------------------------------------
def _dossier_vergrendelen(dossier_id: int, by: User, *, versie: int | None = NIET_CONTROLEREN) -> Dossier:
    """The kernel preamble with leerroutes' arguments: a dossier the user sees and may change, and
    that is still active (a form that edits the dossier itself passes its version)."""
    dossier = vergrendelen(
        access.zichtbare_dossiers(by), pk=dossier_id, mag=lambda d: access.mag_dossier_bewerken(by, d), versie=versie
    )
    if not dossier.is_actief:
        raise ValidationError(DOSSIER_AFGESLOTEN)
    return dossier


def _geldend_pip(dossier: Dossier) -> Pip:
    pip = selectors.geldend_pip(dossier)
    if pip is None:
        raise ValidationError(GEEN_PIP)
    return pip


def _aanbieder(aanbieder_id: int | None, veld: str = "aanbieder") -> Aanbieder | None:
    if aanbieder_id is None:
        return None
    aanbieder = Aanbieder.objects.filter(pk=aanbieder_id, actief=True).first()
    if aanbieder is None:
        raise ValidationError({veld: str(AANBIEDER_ONBEKEND)})
    return aanbieder


def _keuze(waarde: str, choices, veld: str) -> None:
    if waarde not in {code for code, _label in choices}:
        raise ValidationError({veld: str(KEUZE_ONGELDIG)})


def _niet_in_toekomst(datum: date, veld: str = "datum") -> None:
    if datum > vandaag():
        raise ValidationError({veld: str(DATUM_TOEKOMST)})


def _termijnen(dossier_id: int, by: User) -> None:
    """The termijnen leerroutes owns (`leerroutes.termijnen`) follow the fact just changed, in the
    same transaction (DOMAIN §8: recomputed when the facts they depend on change)."""
    termijnen_herberekenen(dossier_id=dossier_id, by=by)


def _tijdens_intake(pip: Pip | None, datum: date) -> bool:
    """Hours before the inburgeringstermijn started belong to the brede-intake phase."""
    return pip is None or pip.termijn_start is None or datum < pip.termijn_start


def _uren_som(dossier: Dossier, categorie: str) -> Decimal:
    return Uren.objects.filter(dossier=dossier, categorie=categorie).aggregate(s=Sum("aantal"))["s"] or Decimal(0)


