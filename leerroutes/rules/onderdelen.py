"""PVT (Besluit 3.1) and MAP (Besluit 3.2), and the dates DUO accepts for them
(MAP-PVT-Zroute)."""

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from inburgering.kalender import datums
from pip_plans.rules import Leerroute

from .vocabulaire import KERNWAARDEN, MAP_THEMAS, PVT_MINIMUM_UREN, MapUitkomst, _d, uren_tekst

# --- dates reported to DUO: MAP eindgesprek, PVT signing, Z-route completion ------------------------
DATUM_TOEKOMST = _("Deze datum ligt in de toekomst.")
VOOR_TERMIJN = _("Deze datum ligt vóór de start van de inburgeringstermijn (%(datum)s) (DUO-regel).")


def duo_datum_fout(datum: date, *, vandaag: date, termijn_start: date | None) -> str | None:
    """DUO refuses a MAP/PVT/Z-route date in the future or before the start of the termijn."""
    if datum > vandaag:
        return str(DATUM_TOEKOMST)
    if termijn_start is not None and datum < termijn_start:
        return str(VOOR_TERMIJN % {"datum": _d(termijn_start)})
    return None


# --- PVT (Wet 6, Besluit 3.1) ------------------------------------------------------------------------
PVT_TE_VROEG = _("Voor asielstatushouders start de PVT niet vóór %(datum)s (%(maanden)s maanden na huisvesting). Geef een reden om eerder te starten.")
PVT_GEEN_HUISVESTING = _("De datum van huisvesting is niet bekend. Vul die in bij het dossier, of geef een reden om nu te starten.")
PVT_UREN = _("nog %(uren)s uur PVT (minimaal %(minimum)s)")
PVT_KERNWAARDEN = _("PVT-kernwaarden nog niet behandeld: %(waarden)s")
PVT_ACTIVITEIT = _("PVT: nog geen activiteit of excursie bijgewoond")
PVT_ONDERTEKENING = _("participatieverklaring nog niet ondertekend")
PVT_ONBEKEND_THEMA = _("Onbekend thema: %(thema)s.")


def pvt_start_fout(
    *, is_asiel: bool, huisvesting: date | None, geplande_start: date | None, maanden: int, reden: str
) -> str | None:
    """Eemsdelta starts PVT for asiel no earlier than 12 months after huisvesting [BELEID; setting];
    an earlier start needs a recorded reason. Gezins/overig may start earlier."""
    if not is_asiel or geplande_start is None or reden.strip():
        return None
    if huisvesting is None:
        return str(PVT_GEEN_HUISVESTING)
    vroegst = datums.vroegste_start_na_maanden(huisvesting, maanden)
    if geplande_start < vroegst:
        return str(PVT_TE_VROEG % {"datum": _d(vroegst), "maanden": maanden})
    return None


def pvt_themas(extra_themas: Sequence[str]) -> list[tuple[str, str]]:
    """The checklist: the four core values (law), then the gemeente's extra themes (setting)."""
    return [(code, str(label)) for code, label in KERNWAARDEN] + [(t, t) for t in extra_themas]


def pvt_thema_fouten(themas: Iterable[str], extra_themas: Sequence[str]) -> dict[str, str]:
    bekend = {code for code, _label in pvt_themas(extra_themas)}
    onbekend = [t for t in themas if t not in bekend]
    return {"themas": str(PVT_ONBEKEND_THEMA % {"thema": ", ".join(onbekend)})} if onbekend else {}


def pvt_ontbreekt(
    *, uren: Decimal, themas: Iterable[str], activiteit_bijgewoond: bool, ondertekend_op: date | None
) -> list[str]:
    """What the PVT still needs (Besluit 3.1): ≥ 12 hours, the four core values, at least one
    activity or excursion, and the signed participatieverklaring. Once signed, nothing: the college
    only registers the signing after checking the rest (see `pvt_ondertekening_fouten`)."""
    if ondertekend_op is not None:
        return []
    ontbreekt = _pvt_inhoud_ontbreekt(uren=uren, themas=themas, activiteit_bijgewoond=activiteit_bijgewoond)
    return [*ontbreekt, str(PVT_ONDERTEKENING)]


def _pvt_inhoud_ontbreekt(*, uren: Decimal, themas: Iterable[str], activiteit_bijgewoond: bool) -> list[str]:
    ontbreekt: list[str] = []
    if uren < PVT_MINIMUM_UREN:
        ontbreekt.append(str(PVT_UREN % {"uren": uren_tekst(PVT_MINIMUM_UREN - uren), "minimum": PVT_MINIMUM_UREN}))
    behandeld = set(themas)
    open_waarden = [str(label).lower() for code, label in KERNWAARDEN if code not in behandeld]
    if open_waarden:
        ontbreekt.append(str(PVT_KERNWAARDEN % {"waarden": ", ".join(open_waarden)}))
    if not activiteit_bijgewoond:
        ontbreekt.append(str(PVT_ACTIVITEIT))
    return ontbreekt


PVT_NIET_KLAAR = _("De participatieverklaring kan pas worden ondertekend als de PVT compleet is: %(wat)s.")


def pvt_ondertekening_fouten(
    *, uren: Decimal, themas: Iterable[str], activiteit_bijgewoond: bool, datum: date, vandaag: date,
    termijn_start: date | None,
) -> dict[str, str]:
    fouten: dict[str, str] = {}
    ontbreekt = _pvt_inhoud_ontbreekt(uren=uren, themas=themas, activiteit_bijgewoond=activiteit_bijgewoond)
    if ontbreekt:
        fouten["pvt"] = str(PVT_NIET_KLAAR % {"wat": "; ".join(ontbreekt)})
    if fout := duo_datum_fout(datum, vandaag=vandaag, termijn_start=termijn_start):
        fouten["datum"] = fout
    return fouten


# --- MAP (Wet 6 and 8, Besluit 3.2) ----------------------------------------------------------------
MAP_VRIJGESTELD = _("De onderwijsroute is vrijgesteld van de MAP (Wet inburgering 2021, art. 8 lid 3).")
MAP_UREN = _("nog %(uren)s uur MAP-praktijk (norm %(norm)s)")
MAP_THEMAS_OPEN = _("MAP-thema's nog niet behandeld: %(themas)s")
MAP_EINDGESPREK = _("MAP-eindgesprek ontbreekt")
MAP_ONVOLDOENDE = _("MAP-eindgesprek was onvoldoende; een nieuw eindgesprek is nodig")
MAP_NIET_KLAAR = _("Het eindgesprek kan pas voldoende zijn als de MAP compleet is: %(wat)s.")
MAP_ONBEKEND_THEMA = _("Onbekend MAP-thema: %(thema)s.")


def map_route_fout(leerroute: str | None) -> str | None:
    return str(MAP_VRIJGESTELD) if leerroute == Leerroute.ONDERWIJS else None


def map_thema_fouten(themas: Iterable[str]) -> dict[str, str]:
    bekend = {code for code, _label in MAP_THEMAS}
    onbekend = [t for t in themas if t not in bekend]
    return {"themas": str(MAP_ONBEKEND_THEMA % {"thema": ", ".join(onbekend)})} if onbekend else {}


def _map_inhoud_ontbreekt(*, uren: Decimal, norm: int, themas: Iterable[str]) -> list[str]:
    ontbreekt: list[str] = []
    if uren < norm:
        ontbreekt.append(str(MAP_UREN % {"uren": uren_tekst(norm - uren), "norm": norm}))
    behandeld = set(themas)
    open_themas = [str(label).lower() for code, label in MAP_THEMAS if code not in behandeld]
    if open_themas:
        ontbreekt.append(str(MAP_THEMAS_OPEN % {"themas": ", ".join(open_themas)}))
    return ontbreekt


def map_ontbreekt(
    *, uren: Decimal, norm: int, themas: Iterable[str], eindgesprek_op: date | None, uitkomst: str
) -> list[str]:
    """The MAP ends with an eindgesprek with the college (Besluit 3.2); a voldoende eindgesprek
    completes it (the college records it only when the hours and themes are done)."""
    if eindgesprek_op is not None and uitkomst == MapUitkomst.VOLDOENDE:
        return []
    ontbreekt = _map_inhoud_ontbreekt(uren=uren, norm=norm, themas=themas)
    onvoldoende = eindgesprek_op is not None and uitkomst == MapUitkomst.ONVOLDOENDE
    return [*ontbreekt, str(MAP_ONVOLDOENDE if onvoldoende else MAP_EINDGESPREK)]


def map_eindgesprek_fouten(
    *, uren: Decimal, norm: int, themas: Iterable[str], uitkomst: str, datum: date, vandaag: date,
    termijn_start: date | None,
) -> dict[str, str]:
    fouten: dict[str, str] = {}
    if uitkomst == MapUitkomst.VOLDOENDE and (ontbreekt := _map_inhoud_ontbreekt(uren=uren, norm=norm, themas=themas)):
        fouten["uitkomst"] = str(MAP_NIET_KLAAR % {"wat": "; ".join(ontbreekt)})
    if fout := duo_datum_fout(datum, vandaag=vandaag, termijn_start=termijn_start):
        fouten["datum"] = fout
    return fouten


