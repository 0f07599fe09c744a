"""When is the inburgeringsplicht met? A pure function per leerroute and doelgroep (DOMAIN §6).

| route | met when |
|---|---|
| B1-route | LE, LU, SP, SC passed at B1 (A2 for the parts afgeschaald in the geldend PIP) + KNM + PVT + MAP |
| onderwijsroute | taalschakeltraject completed + PVT (MAP exempt, Wet 8 lid 3) |
| Z-route | course hours (asiel: + activity hours, Besluit 3.14) + eindgesprek with the college + PVT + MAP; exams optional |

The doelgroep changes only the Z-route hours (gezins/overig: no activity hours). The result lists
in Dutch what is still missing, for the checklist on the Traject tab.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from pip_plans.rules import Leerroute, Niveau

from .rules import ExamenNiveau, Examenonderdeel, ZRouteStand, niveau_gehaald, uren_tekst

GEEN_PIP = _("er is nog geen vastgesteld PIP")
EXAMEN_NIET_BEHAALD = _("%(onderdeel)s-examen nog niet behaald")
EXAMEN_NIVEAU = _("%(onderdeel)s-examen nog niet behaald op %(niveau)s")
TAALSCHAKELTRAJECT = _("taalschakeltraject nog niet afgerond")
Z_CURSUS = _("nog %(uren)s uur taalles en KNM")
Z_ACTIVITEIT = _("nog %(uren)s uur participatie")
Z_EINDGESPREK = _("eindgesprek Z-route met de gemeente ontbreekt")

EXAMEN_NAMEN = {
    Examenonderdeel.KNM: "KNM", Examenonderdeel.LE: "Lees", Examenonderdeel.LU: "Luister",
    Examenonderdeel.SC: "Schrijf", Examenonderdeel.SP: "Spreek",
}


@dataclass(frozen=True)
class VoldaanFeiten:
    leerroute: str | None  # of the geldend PIP; None without one
    is_asiel: bool
    behaald: Mapping[str, str] = field(default_factory=dict)  # onderdeel → highest level passed
    afgeschaald: frozenset[str] = frozenset()  # language parts at A2 after afschalen
    pvt_ontbreekt: tuple[str, ...] = ()
    map_ontbreekt: tuple[str, ...] = ()
    taalschakeltraject_afgerond: bool = False
    z_route: ZRouteStand | None = None
    z_route_afgerond: bool = False  # the college held the Z-route eindgesprek (completion date)


@dataclass(frozen=True)
class Voldaan:
    voldaan: bool
    ontbreekt: tuple[str, ...]


def afgeschaalde_onderdelen(*, niveau: str, geheel: bool, onderdelen: Iterable[str]) -> frozenset[str]:
    """Afschalen B1 → A2 wholly (or a PIP at niveau A2) or for chosen parts (Besluit 5.5)."""
    if geheel or niveau == Niveau.A2:
        return frozenset(Examenonderdeel.TAAL)
    return frozenset(onderdelen) & frozenset(Examenonderdeel.TAAL)


def plicht_voldaan(f: VoldaanFeiten) -> Voldaan:
    if f.leerroute is None:
        return Voldaan(False, (str(GEEN_PIP),))
    if f.leerroute == Leerroute.B1:
        ontbreekt = [*_b1_examens(f), *f.pvt_ontbreekt, *f.map_ontbreekt]
    elif f.leerroute == Leerroute.ONDERWIJS:
        ontbreekt = [*([] if f.taalschakeltraject_afgerond else [str(TAALSCHAKELTRAJECT)]), *f.pvt_ontbreekt]
    elif f.leerroute == Leerroute.Z:
        ontbreekt = [*_z_route(f), *f.pvt_ontbreekt, *f.map_ontbreekt]
    else:
        raise ValueError(f"Onbekende leerroute: {f.leerroute!r}")
    return Voldaan(not ontbreekt, tuple(ontbreekt))


def _b1_examens(f: VoldaanFeiten) -> list[str]:
    ontbreekt: list[str] = []
    for onderdeel in Examenonderdeel.TAAL:
        vereist = ExamenNiveau.A2 if onderdeel in f.afgeschaald else ExamenNiveau.B1
        behaald = f.behaald.get(onderdeel)
        if behaald is None:
            ontbreekt.append(str(EXAMEN_NIET_BEHAALD % {"onderdeel": EXAMEN_NAMEN[onderdeel]}))
        elif not niveau_gehaald(behaald, vereist):
            ontbreekt.append(str(EXAMEN_NIVEAU % {"onderdeel": EXAMEN_NAMEN[onderdeel], "niveau": vereist}))
    if Examenonderdeel.KNM not in f.behaald:
        ontbreekt.append(str(EXAMEN_NIET_BEHAALD % {"onderdeel": "KNM"}))
    return ontbreekt


def _z_route(f: VoldaanFeiten) -> list[str]:
    if f.z_route_afgerond:
        return []  # the eindgesprek is recorded only once the hours are complete
    ontbreekt: list[str] = []
    stand = f.z_route
    if stand is not None:
        if not stand.cursus.gehaald:
            ontbreekt.append(str(Z_CURSUS % {"uren": uren_tekst(stand.cursus.over)}))
        if f.is_asiel and stand.activiteit is not None and not stand.activiteit.gehaald:
            ontbreekt.append(str(Z_ACTIVITEIT % {"uren": uren_tekst(stand.activiteit.over)}))
    ontbreekt.append(str(Z_EINDGESPREK))
    return ontbreekt
