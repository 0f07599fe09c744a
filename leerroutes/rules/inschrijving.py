"""Which aanbieder may give a route (keurmerk, taalschakeltraject) and the date window of an
enrolment (PIP dagtekening, inburgeringstermijn), and which step an enrolment can take. DOMAIN §6;
DUO Inburgeringsaanbod."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from inburgering.kalender import datums
from pip_plans.rules import Leerroute

from .vocabulaire import InschrijvingStatus, StopReden, _d


# --- aanbieder ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AanbiederFeiten:
    keurmerk_nummer: str
    keurmerk_geldig_tot: date | None
    taalschakeltraject_erkend: bool


GEEN_KEURMERK = _("Voor de B1- en Z-route is een aanbieder nodig met een Blik op Werk-keurmerk.")
KEURMERK_VERLOPEN = _("Het keurmerk van deze aanbieder is op de startdatum niet geldig (geldig tot %(datum)s).")
GEEN_TAALSCHAKELTRAJECT = _("Voor de onderwijsroute is een instelling nodig die erkend is voor het taalschakeltraject.")


def heeft_geldig_keurmerk(feiten: AanbiederFeiten, op: date) -> bool:
    return bool(feiten.keurmerk_nummer) and feiten.keurmerk_geldig_tot is not None and op <= feiten.keurmerk_geldig_tot


def aanbieder_fout(leerroute: str, aanbieder: AanbiederFeiten, startdatum: date) -> str | None:
    """B/Z: a Blik op Werk keurmerk valid on the start date; O: a taalschakeltraject-recognised
    institution (DOMAIN §6; DUO refuses an Inburgeringsaanbod at any other institution)."""
    if leerroute == Leerroute.ONDERWIJS:
        return None if aanbieder.taalschakeltraject_erkend else str(GEEN_TAALSCHAKELTRAJECT)
    if not aanbieder.keurmerk_nummer or aanbieder.keurmerk_geldig_tot is None:
        return str(GEEN_KEURMERK)
    if not heeft_geldig_keurmerk(aanbieder, startdatum):
        return str(KEURMERK_VERLOPEN % {"datum": _d(aanbieder.keurmerk_geldig_tot)})
    return None


def telt_voor_afschalen(aanbieder: AanbiederFeiten, op: date) -> bool:
    """Besluit 5.5: NT2 hours count for afschalen at a keurmerk or taalschakeltraject institution."""
    return aanbieder.taalschakeltraject_erkend or heeft_geldig_keurmerk(aanbieder, op)


# --- enrolment ------------------------------------------------------------------------------------
ANDERE_ROUTE = _("De leerroute van het geldende PIP is %(pip)s. Een andere route kan alleen via een wijziging van het PIP (schakelen).")
VOOR_DAGTEKENING = _("Deze datum ligt vóór de dagtekening van het PIP (%(datum)s).")
NA_TERMIJN = _("Deze datum ligt na het einde van de inburgeringstermijn (%(datum)s).")
EINDE_VOOR_START = _("De geplande einddatum ligt vóór de startdatum.")
GEEN_TERMIJN = _("Het PIP heeft nog geen start van de inburgeringstermijn.")


def route_fout(*, leerroute: str, pip_route: str) -> str | None:
    if leerroute == pip_route:
        return None
    return str(ANDERE_ROUTE % {"pip": dict(Leerroute.CHOICES)[pip_route]})


def inburgeringstermijn_laatste_dag(termijn_start: date | None, jaren: int) -> date | None:
    return datums.inburgeringstermijn(termijn_start, jaren).laatste_dag if termijn_start else None


def inschrijving_datum_fouten(
    *, startdatum: date, geplande_einddatum: date, dagtekening: date, termijn_laatste_dag: date | None
) -> dict[str, str]:
    """Start and planned end on/after the PIP's dagtekening and within the inburgeringstermijn
    (DUO: the aanbod's dates not before the current PIP's dagtekening, inside the termijn)."""
    fouten: dict[str, str] = {}
    for veld, datum in (("startdatum", startdatum), ("geplande_einddatum", geplande_einddatum)):
        if datum < dagtekening:
            fouten[veld] = str(VOOR_DAGTEKENING % {"datum": _d(dagtekening)})
        elif termijn_laatste_dag is None:
            fouten[veld] = str(GEEN_TERMIJN)
        elif datum > termijn_laatste_dag:
            fouten[veld] = str(NA_TERMIJN % {"datum": _d(termijn_laatste_dag)})
    if "geplande_einddatum" not in fouten and geplande_einddatum < startdatum:
        fouten["geplande_einddatum"] = str(EINDE_VOOR_START)
    return fouten




# --- the enrolment's steps ------------------------------------------------------------------------
STOPPEN = "stoppen"
VOLGENDE_STAP = {  # status → the one step forward (DUO Inburgeringsaanbod: aangemeld, gestart, afgerond)
    InschrijvingStatus.GEPLAND: "aanmelden",
    InschrijvingStatus.AANGEMELD: "starten",
    InschrijvingStatus.GESTART: "afronden",
}
TOELICHTING_NODIG = _("Geef een toelichting.")


def inschrijving_acties(status: str) -> tuple[str, ...]:
    """What can be done with an enrolment in `status`: its next step and stopping, while it runs;
    nothing once it is afgerond or gestopt. The Traject tab offers these; the services refuse others."""
    if status not in InschrijvingStatus.ACTIEF:
        return ()
    return (VOLGENDE_STAP[status], STOPPEN)


def stoppen_fouten(*, reden: str, toelichting: str) -> dict[str, str]:
    """'Andere reden' needs a toelichting."""
    if reden == StopReden.OVERIG and not toelichting.strip():
        return {"toelichting": str(TOELICHTING_NODIG)}
    return {}
