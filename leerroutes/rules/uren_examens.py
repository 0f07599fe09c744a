"""Hours (the Z-route arithmetic of Besluit 3.14) and exams (attempts, free attempts for asiel,
levels passed). DUO GevolgdeUren and Examen."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from .vocabulaire import (
    GRATIS_POGINGEN_ASIEL,
    Z_ROUTE_ACTIVITEIT_UREN,
    Z_ROUTE_CURSUS_UREN,
    ExamenNiveau,
    Examenonderdeel,
    RedenGeenResultaat,
    Resultaat,
    UrenCategorie,
)


# --- hours and the Z-route (Besluit 3.14) -----------------------------------------------------------
@dataclass(frozen=True)
class UrenRegel:
    categorie: str
    aantal: Decimal
    tijdens_intake: bool = False
    telt_niet: str = ""  # why these course hours do not count (Besluit 3.14 lid 2 a); empty: they count


@dataclass(frozen=True)
class ZRouteTelling:
    """Which optional hours count (Besluit 3.14 lid 5–6; settings, default all yes)."""

    intake_uren: bool = True
    participatiewet: bool = True
    maatschappelijke_begeleiding: bool = True


@dataclass(frozen=True)
class Voortgang:
    uren: Decimal
    norm: int

    @property
    def over(self) -> Decimal:
        return max(Decimal(0), self.norm - self.uren)

    @property
    def gehaald(self) -> bool:
        return self.uren >= self.norm

    @property
    def procent(self) -> int:
        """For a progress bar: 0–100, rounded down, so 100 means really done."""
        if self.norm <= 0:
            return 100
        return min(100, int(self.uren * 100 // self.norm))


@dataclass(frozen=True)
class ZRouteStand:
    cursus: Voortgang
    activiteit: Voortgang | None  # None: not required (gezins/overig)

    @property
    def gehaald(self) -> bool:
        return self.cursus.gehaald and (self.activiteit is None or self.activiteit.gehaald)


ALTIJD_ACTIVITEIT = frozenset({UrenCategorie.PARTICIPATIE, UrenCategorie.MAP_PRAKTIJK, UrenCategorie.PVT})


def telt_als_activiteit(categorie: str, telling: ZRouteTelling) -> bool:
    return (
        categorie in ALTIJD_ACTIVITEIT
        or (categorie == UrenCategorie.PARTICIPATIEWET and telling.participatiewet)
        or (categorie == UrenCategorie.MB and telling.maatschappelijke_begeleiding)
    )


def z_route_stand(
    regels: Iterable[UrenRegel], *, is_asiel: bool, telling: ZRouteTelling,
    cursus_norm: int = Z_ROUTE_CURSUS_UREN, activiteit_norm: int = Z_ROUTE_ACTIVITEIT_UREN,
) -> ZRouteStand:
    """Besluit 3.14: asiel 800 course hours (NT2 + KNM) and 800 activity hours; gezins/overig 800
    course hours only; a lowered norm recorded for the dossier replaces the 800 (lid 8–10, DUO's
    medical partial ontheffing: `rules.z_normen`). Course hours count only at a keurmerk institution
    (lid 2 a: `regel.telt_niet`). MAP and PVT hours always count as activity hours; intake-phase
    hours, Participatiewet activities and maatschappelijke begeleiding count when the settings say so."""
    cursus = activiteit = Decimal(0)
    for regel in regels:
        if regel.tijdens_intake and not telling.intake_uren:
            continue
        if regel.categorie == UrenCategorie.TAAL_KNM:
            if not regel.telt_niet:
                cursus += regel.aantal
        elif telt_als_activiteit(regel.categorie, telling):
            activiteit += regel.aantal
    return ZRouteStand(
        cursus=Voortgang(cursus, cursus_norm),
        activiteit=Voortgang(activiteit, activiteit_norm) if is_asiel else None,
    )


def uren_per_categorie(regels: Iterable[UrenRegel]) -> dict[str, Decimal]:
    totalen = {code: Decimal(0) for code, _label in UrenCategorie.CHOICES}
    for regel in regels:
        totalen[regel.categorie] += regel.aantal
    return totalen


UREN_NUL = _("Het aantal uren moet groter dan 0 zijn.")
TOT_VOOR_VAN = _("De einddatum van de periode ligt vóór de begindatum.")
UREN_TOEKOMST = _("Uren kunnen pas worden vastgelegd als de periode voorbij is.")
UREN_MEER_DAN_PERIODE = _("Dat zijn meer uren dan er in de periode passen (%(max)s).")


def uren_fouten(*, van: date, tot: date, aantal: Decimal, vandaag: date) -> dict[str, str]:
    fouten: dict[str, str] = {}
    if aantal <= 0:
        fouten["aantal"] = str(UREN_NUL)
    elif tot >= van and aantal > 24 * ((tot - van).days + 1):
        fouten["aantal"] = str(UREN_MEER_DAN_PERIODE % {"max": 24 * ((tot - van).days + 1)})
    if tot < van:
        fouten["tot"] = str(TOT_VOOR_VAN)
    elif van > vandaag:
        fouten["van"] = str(UREN_TOEKOMST)
    return fouten


# --- exams ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ExamenFeit:
    onderdeel: str
    niveau: str
    datum: date
    resultaat: str
    reden_geen_resultaat: str = ""


GEEN_POGING = frozenset({RedenGeenResultaat.NIETVERWIJTBAAR, RedenGeenResultaat.AFGEMELD})


def telt_als_poging(examen: ExamenFeit) -> bool:
    """A sitting counts as an attempt unless there was no result for a reason that is not the
    person's fault or a timely cancellation (DUO: niet verwijtbaar, afgemeld)."""
    return examen.resultaat != Resultaat.GEEN or examen.reden_geen_resultaat not in GEEN_POGING


def pogingnummers(examens: Sequence[ExamenFeit]) -> list[int | None]:
    """The attempt number of each exam per part, in date order; None for a sitting that does not
    count. `examens` must be sorted by date (then by id)."""
    teller: dict[str, int] = {}
    nummers: list[int | None] = []
    for examen in examens:
        if telt_als_poging(examen):
            teller[examen.onderdeel] = teller.get(examen.onderdeel, 0) + 1
            nummers.append(teller[examen.onderdeel])
        else:
            nummers.append(None)
    return nummers


def gratis_pogingen_over(examens: Iterable[ExamenFeit], *, is_asiel: bool) -> dict[str, int] | None:
    """Asielstatushouders have 2 free attempts per exam part; None for others (they pay).
    DUO's own `gratisPogingenTegoed` wins once the DUO exchange is built."""
    if not is_asiel:
        return None
    gebruikt = {code: 0 for code, _label in Examenonderdeel.CHOICES}
    for examen in examens:
        if telt_als_poging(examen):
            gebruikt[examen.onderdeel] += 1
    return {code: max(0, GRATIS_POGINGEN_ASIEL - n) for code, n in gebruikt.items()}


def behaalde_niveaus(examens: Iterable[ExamenFeit]) -> dict[str, str]:
    """The highest level passed per part (KNM without a level counts as passed: '')."""
    behaald: dict[str, str] = {}
    for examen in examens:
        if examen.resultaat != Resultaat.GESLAAGD:
            continue
        huidig = behaald.get(examen.onderdeel)
        if huidig is None or ExamenNiveau.VOLGORDE.get(examen.niveau, 0) > ExamenNiveau.VOLGORDE.get(huidig, 0):
            behaald[examen.onderdeel] = examen.niveau
    return behaald


def niveau_gehaald(behaald: str | None, vereist: str) -> bool:
    return behaald is not None and ExamenNiveau.VOLGORDE.get(behaald, 0) >= ExamenNiveau.VOLGORDE[vereist]


REDEN_ALLEEN_BIJ_GEEN = _("Een reden hoort alleen bij 'geen resultaat'.")
REDEN_NODIG = _("Kies waarom er geen resultaat is.")
NIVEAU_NODIG = _("Kies het niveau van het taalexamen.")
EXAMEN_TOEKOMST = _("Een resultaat kan pas na de examendatum worden vastgelegd.")


def examen_fouten(examen: ExamenFeit, *, vandaag: date) -> dict[str, str]:
    fouten: dict[str, str] = {}
    if examen.resultaat == Resultaat.GEEN and not examen.reden_geen_resultaat:
        fouten["reden_geen_resultaat"] = str(REDEN_NODIG)
    elif examen.resultaat != Resultaat.GEEN and examen.reden_geen_resultaat:
        fouten["reden_geen_resultaat"] = str(REDEN_ALLEEN_BIJ_GEEN)
    if examen.onderdeel in Examenonderdeel.TAAL and not examen.niveau:
        fouten["niveau"] = str(NIVEAU_NODIG)
    if examen.datum > vandaag:
        fouten["datum"] = str(EXAMEN_TOEKOMST)
    return fouten




def examens_behaald_op(examens: Iterable[ExamenFeit], *, afgeschaald: frozenset[str]) -> date | None:
    """B1-route: the day the last required exam was passed — the four language parts at B1 (A2 for
    the parts afgeschaald in the PIP) and KNM — or None while one is missing. For the termijn
    EXAMENS_AFGEROND (DOMAIN §8)."""
    eerste: dict[str, date] = {}
    for examen in examens:
        if examen.resultaat != Resultaat.GESLAAGD:
            continue
        vereist = (
            ExamenNiveau.A2 if examen.onderdeel in afgeschaald else ExamenNiveau.B1
        ) if examen.onderdeel in Examenonderdeel.TAAL else None
        if vereist and not niveau_gehaald(examen.niveau, vereist):
            continue
        if examen.onderdeel not in eerste or examen.datum < eerste[examen.onderdeel]:
            eerste[examen.onderdeel] = examen.datum
    nodig = (*Examenonderdeel.TAAL, Examenonderdeel.KNM)
    return max(eerste[o] for o in nodig) if all(o in eerste for o in nodig) else None
