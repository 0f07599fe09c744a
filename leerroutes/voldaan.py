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
class Punt:
    """One line of the checklist: a requirement of the route and what it still needs (empty: done)."""

    label: str
    ontbreekt: tuple[str, ...] = ()

    @property
    def gehaald(self) -> bool:
        return not self.ontbreekt


@dataclass(frozen=True)
class Voldaan:
    voldaan: bool
    ontbreekt: tuple[str, ...]
    punten: tuple[Punt, ...] = ()  # every requirement of the route, done or not, in checklist order


def afgeschaalde_onderdelen(*, niveau: str, geheel: bool, onderdelen: Iterable[str]) -> frozenset[str]:
    """Afschalen B1 → A2 wholly or for chosen parts (Besluit 5.5). A partial afschalen also sets the
    PIP's niveau to A2, so the chosen parts win over the niveau; only an A2 PIP without recorded parts
    counts as wholly afgeschaald."""
    if geheel:
        return frozenset(Examenonderdeel.TAAL)
    gekozen = frozenset(onderdelen) & frozenset(Examenonderdeel.TAAL)
    if gekozen:
        return gekozen
    return frozenset(Examenonderdeel.TAAL) if niveau == Niveau.A2 else frozenset()


PUNT_EXAMEN = _("%(onderdeel)s-examen op %(niveau)s")
PUNT_KNM = _("KNM-examen")
PUNT_PVT = _("PVT en participatieverklaring")
PUNT_MAP = _("MAP met eindgesprek")
PUNT_TAALSCHAKELTRAJECT = _("Taalschakeltraject")
PUNT_Z_CURSUS = _("%(norm)s uur taalles en KNM")
PUNT_Z_ACTIVITEIT = _("%(norm)s uur participatie")
PUNT_Z_EINDGESPREK = _("Eindgesprek Z-route met de gemeente")


def plicht_voldaan(f: VoldaanFeiten) -> Voldaan:
    if f.leerroute is None:
        return Voldaan(False, (str(GEEN_PIP),))
    if f.leerroute == Leerroute.B1:
        punten = [*_b1_examens(f), _punt(PUNT_PVT, f.pvt_ontbreekt), _punt(PUNT_MAP, f.map_ontbreekt)]
    elif f.leerroute == Leerroute.ONDERWIJS:
        punten = [
            _punt(PUNT_TAALSCHAKELTRAJECT, [] if f.taalschakeltraject_afgerond else [str(TAALSCHAKELTRAJECT)]),
            _punt(PUNT_PVT, f.pvt_ontbreekt),
        ]
    elif f.leerroute == Leerroute.Z:
        punten = [*_z_route(f), _punt(PUNT_PVT, f.pvt_ontbreekt), _punt(PUNT_MAP, f.map_ontbreekt)]
    else:
        raise ValueError(f"Onbekende leerroute: {f.leerroute!r}")
    ontbreekt = tuple(wat for punt in punten for wat in punt.ontbreekt)
    return Voldaan(not ontbreekt, ontbreekt, tuple(punten))


def _punt(label, ontbreekt: Iterable[str]) -> Punt:
    return Punt(str(label), tuple(ontbreekt))


def _b1_examens(f: VoldaanFeiten) -> list[Punt]:
    punten: list[Punt] = []
    for onderdeel in Examenonderdeel.TAAL:
        vereist = ExamenNiveau.A2 if onderdeel in f.afgeschaald else ExamenNiveau.B1
        naam = EXAMEN_NAMEN[onderdeel]
        behaald = f.behaald.get(onderdeel)
        if behaald is None:
            ontbreekt = [str(EXAMEN_NIET_BEHAALD % {"onderdeel": naam})]
        elif not niveau_gehaald(behaald, vereist):
            ontbreekt = [str(EXAMEN_NIVEAU % {"onderdeel": naam, "niveau": vereist})]
        else:
            ontbreekt = []
        punten.append(_punt(PUNT_EXAMEN % {"onderdeel": naam, "niveau": vereist}, ontbreekt))
    knm = [] if Examenonderdeel.KNM in f.behaald else [str(EXAMEN_NIET_BEHAALD % {"onderdeel": "KNM"})]
    punten.append(_punt(PUNT_KNM, knm))
    return punten


def _z_route(f: VoldaanFeiten) -> list[Punt]:
    """Once the college held the eindgesprek (recorded only when the hours are complete), the
    hours are done too."""
    stand = f.z_route
    punten: list[Punt] = []
    if stand is not None:
        cursus = [] if f.z_route_afgerond or stand.cursus.gehaald else [
            str(Z_CURSUS % {"uren": uren_tekst(stand.cursus.over)})]
        punten.append(_punt(PUNT_Z_CURSUS % {"norm": stand.cursus.norm}, cursus))
        if f.is_asiel and stand.activiteit is not None:
            activiteit = [] if f.z_route_afgerond or stand.activiteit.gehaald else [
                str(Z_ACTIVITEIT % {"uren": uren_tekst(stand.activiteit.over)})]
            punten.append(_punt(PUNT_Z_ACTIVITEIT % {"norm": stand.activiteit.norm}, activiteit))
    punten.append(_punt(PUNT_Z_EINDGESPREK, [] if f.z_route_afgerond else [str(Z_EINDGESPREK)]))
    return punten
