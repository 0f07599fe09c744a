"""Pure rules for the uitvoering of the PIP: which aanbieder may give a route, the date window of an
enrolment, the Z-route hour arithmetic, exam attempts, PVT, MAP, financieel ontzorgen and
maatschappelijke begeleiding. Facts in, decision out, no database. "Plicht voldaan" is in `voldaan.py`.

Sources: DOMAIN.md §5–8; Wet inburgering 2021 art. 6, 8, 13; Besluit inburgering 2021 art. 3.1,
3.2, 3.14; Participatiewet art. 56a; DUO's Inburgeringsaanbod, Examen, GevolgdeUren and
MAP-PVT-Zroute contracts (duo-m2m/).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from inburgering.kalender import datums
from pip_plans.rules import Leerroute

# --- vocabularies (DUO's codes where DUO has them) ----------------------------------------------


class AanbiederSoort:
    TAALAANBIEDER = "taalaanbieder"
    ONDERWIJSINSTELLING = "onderwijsinstelling"
    WELZIJN = "welzijnsorganisatie"
    SCHULDHULP = "schuldhulp_budgetbeheer"
    OVERIG = "overig"
    CHOICES = [
        (TAALAANBIEDER, _("Taalaanbieder")),
        (ONDERWIJSINSTELLING, _("Onderwijsinstelling")),
        (WELZIJN, _("Welzijnsorganisatie")),
        (SCHULDHULP, _("Schuldhulp / budgetbeheer")),
        (OVERIG, _("Anders")),
    ]


class ContractProcedure:
    AANBESTEDING = "aanbesteding"
    OPEN_HOUSE = "open_house"
    OVERIG = "overig"
    CHOICES = [(AANBESTEDING, _("Aanbesteding")), (OPEN_HOUSE, _("Open house")), (OVERIG, _("Anders"))]


class InschrijvingStatus:
    GEPLAND = "gepland"
    AANGEMELD = "aangemeld_bij_aanbieder"
    GESTART = "gestart"
    AFGEROND = "afgerond"
    GESTOPT = "gestopt"
    CHOICES = [
        (GEPLAND, _("Gepland")),
        (AANGEMELD, _("Aangemeld bij aanbieder")),
        (GESTART, _("Gestart")),
        (AFGEROND, _("Afgerond")),
        (GESTOPT, _("Gestopt")),
    ]
    ACTIEF = (GEPLAND, AANGEMELD, GESTART)


class StopReden:
    SCHAKELEN = "schakelen"
    UITVAL = "uitval"
    VERHUIZING = "verhuizing"
    PLICHT_GEEINDIGD = "plicht_geeindigd"
    OVERIG = "overig"
    CHOICES = [
        (SCHAKELEN, _("Schakelen naar een andere leerroute")),
        (UITVAL, _("Uitval (ziekte, werk, persoonlijke omstandigheden)")),
        (VERHUIZING, _("Verhuizing")),
        (PLICHT_GEEINDIGD, _("Plicht geëindigd")),
        (OVERIG, _("Andere reden")),
    ]


class UrenCategorie:
    TAAL_KNM = "taal_knm"
    PARTICIPATIE = "participatie"
    MAP_PRAKTIJK = "map_praktijk"
    PVT = "pvt"
    MB = "maatschappelijke_begeleiding"
    PARTICIPATIEWET = "participatiewet"
    CHOICES = [
        (TAAL_KNM, _("Taal en KNM bij de aanbieder")),
        (PARTICIPATIE, _("Participatie-activiteiten")),
        (MAP_PRAKTIJK, _("MAP (praktijkuren)")),
        (PVT, _("PVT")),
        (MB, _("Maatschappelijke begeleiding")),
        (PARTICIPATIEWET, _("Activiteiten Participatiewet")),
    ]


class UrenBron:
    AANBIEDER = "aanbieder"
    WERKCOACH = "werkcoach"
    CHOICES = [(AANBIEDER, _("Opgave van de aanbieder")), (WERKCOACH, _("Vastgelegd door de werkcoach"))]


class Examenonderdeel:
    KNM = "KNM"
    LE = "LE"
    LU = "LU"
    SC = "SC"
    SP = "SP"
    CHOICES = [
        (KNM, _("Kennis van de Nederlandse Maatschappij")),
        (LE, _("Lezen")),
        (LU, _("Luisteren")),
        (SC, _("Schrijven")),
        (SP, _("Spreken")),
    ]
    TAAL = (LE, LU, SC, SP)


class ExamenNiveau:
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    CHOICES = [(A2, "A2"), (B1, "B1"), (B2, "B2")]
    VOLGORDE = {A2: 1, B1: 2, B2: 3}


class Resultaat:
    GESLAAGD = "Geslaagd"
    GEZAKT = "Gezakt"
    GEEN = "Geen"
    CHOICES = [(GESLAAGD, _("Geslaagd")), (GEZAKT, _("Gezakt")), (GEEN, _("Geen resultaat"))]


class RedenGeenResultaat:
    VERWIJTBAAR = "Verwijtbaar"
    NIETVERWIJTBAAR = "Nietverwijtbaar"
    AFGEMELD = "Afgemeld"
    ABSENT = "Absent"
    CHOICES = [
        (VERWIJTBAAR, _("Verwijtbaar (bijvoorbeeld fraude, eigen schuld niet verschenen)")),
        (NIETVERWIJTBAAR, _("Niet verwijtbaar (tijdig verzet, ziek, overmacht)")),
        (AFGEMELD, _("Afgemeld")),
        (ABSENT, _("Absent")),
    ]


KERNWAARDEN = [
    ("vrijheid", _("Vrijheid")),
    ("gelijkwaardigheid", _("Gelijkwaardigheid")),
    ("solidariteit", _("Solidariteit")),
    ("participatie", _("Participatie")),
]

MAP_THEMAS = [  # Besluit 3.2
    ("beroepenorientatie", _("Beroepenoriëntatie")),
    ("werknemerscompetenties", _("Werknemerscompetenties")),
    ("realistisch_beroepsbeeld", _("Realistisch beroepsbeeld")),
    ("beroepskansen", _("Beroepskansen")),
    ("beroepscompetenties", _("Beroepscompetenties verwerven")),
    ("netwerk", _("Netwerk opbouwen")),
    ("werk_vinden", _("Werk vinden")),
    ("werkcultuur", _("Werkcultuur")),
]


class MapUitkomst:
    VOLDOENDE = "voldoende"
    ONVOLDOENDE = "onvoldoende"
    CHOICES = [(VOLDOENDE, _("Voldoende")), (ONVOLDOENDE, _("Onvoldoende"))]


class MbSoort:
    REGISTRATIE = "registratie"
    HUISARTS = "huisarts"
    VERZEKERINGEN = "verzekeringen"
    TOESLAGEN = "toeslagen"
    HUISVESTING = "huisvesting"
    VOORZIENINGEN = "voorzieningen"
    VOORLICHTING = "voorlichting"
    OVERIG = "overig"
    CHOICES = [
        (REGISTRATIE, _("Inschrijving en registratie")),
        (HUISARTS, _("Huisarts en zorg")),
        (VERZEKERINGEN, _("Verzekeringen")),
        (TOESLAGEN, _("Toeslagen")),
        (HUISVESTING, _("Wonen en huisvesting")),
        (VOORZIENINGEN, _("Lokale voorzieningen")),
        (VOORLICHTING, _("Voorlichting over leefgebieden")),
        (OVERIG, _("Anders")),
    ]


# --- numbers of law (not policy, so not settings) ------------------------------------------------
Z_ROUTE_CURSUS_UREN = 800  # Besluit 3.14: NT2 + KNM course hours
Z_ROUTE_ACTIVITEIT_UREN = 800  # Besluit 3.14: activity hours, asielstatushouders only
PVT_MINIMUM_UREN = 12  # Besluit 3.1
GRATIS_POGINGEN_ASIEL = 2  # per exam part, asielstatushouders


def uren_tekst(uren: Decimal | int) -> str:
    """Hours the Dutch way: 212, 12,5 (never 212.00)."""
    waarde = Decimal(uren).normalize()
    tekst = f"{waarde:f}"
    return tekst.replace(".", ",")


def _d(d: date) -> str:
    return d.strftime("%d-%m-%Y")


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


# --- hours and the Z-route (Besluit 3.14) -----------------------------------------------------------
@dataclass(frozen=True)
class UrenRegel:
    categorie: str
    aantal: Decimal
    tijdens_intake: bool = False


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


def z_route_stand(regels: Iterable[UrenRegel], *, is_asiel: bool, telling: ZRouteTelling) -> ZRouteStand:
    """Besluit 3.14: asiel 800 course hours (NT2 + KNM) and 800 activity hours; gezins/overig 800
    course hours only. MAP and PVT hours always count as activity hours; intake-phase hours,
    Participatiewet activities and maatschappelijke begeleiding count when the settings say so."""
    cursus = activiteit = Decimal(0)
    for regel in regels:
        if regel.tijdens_intake and not telling.intake_uren:
            continue
        if regel.categorie == UrenCategorie.TAAL_KNM:
            cursus += regel.aantal
        elif telt_als_activiteit(regel.categorie, telling):
            activiteit += regel.aantal
    return ZRouteStand(
        cursus=Voortgang(cursus, Z_ROUTE_CURSUS_UREN),
        activiteit=Voortgang(activiteit, Z_ROUTE_ACTIVITEIT_UREN) if is_asiel else None,
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


# --- financieel ontzorgen (Participatiewet art. 56a) -------------------------------------------------
ONTZORGEN_ALLEEN_ASIEL = _("Financieel ontzorgen geldt alleen voor asielstatushouders (Participatiewet art. 56a).")
ONTZORGEN_VERGUNNING = _("Financieel ontzorgen geldt alleen voor wie een verblijfsvergunning asiel voor bepaalde tijd heeft, niet voor gezinsleden met een reguliere vergunning (Participatiewet art. 56a).")
VERLENGING_REDEN = _("Geef de reden van de verlenging (apart besluit, bijvoorbeeld budgetbeheer).")
VERLENGING_NIET_LATER = _("De nieuwe einddatum moet na de huidige einddatum (%(datum)s) liggen.")
EINDE_BUITEN_PERIODE = _("De einddatum moet tussen de start (%(start)s) en de huidige einddatum (%(einde)s) liggen.")
EINDE_REDEN = _("Geef de reden van het eerdere einde (bijvoorbeeld: bijstand beëindigd).")
VASTE_LAST_SOORT = _("Kies een soort vaste last uit de lijst van de gemeente.")
VASTE_LAST_BEDRAG = _("Het bedrag moet groter dan 0 zijn.")
VASTE_LAST_BUITEN = _("De periode moet binnen het ontzorgen vallen (%(start)s tot en met %(einde)s).")


def ontzorging_fout(*, is_asiel: bool, asielvergunning_bepaalde_tijd: bool) -> str | None:
    if not is_asiel:
        return str(ONTZORGEN_ALLEEN_ASIEL)
    if not asielvergunning_bepaalde_tijd:
        return str(ONTZORGEN_VERGUNNING)
    return None


def ontzorging_einde(bijstand_start: date, maanden: int) -> date:
    """Six months (setting) from the first day of the right to bijstand; the inclusive last day
    (31 Aug + 6 months → period ends 27/28 Feb)."""
    return datums.periode_maanden_einde(bijstand_start, maanden)


def verlenging_fouten(*, huidig_einde: date, nieuw_einde: date, reden: str) -> dict[str, str]:
    fouten: dict[str, str] = {}
    if nieuw_einde <= huidig_einde:
        fouten["nieuw_einde"] = str(VERLENGING_NIET_LATER % {"datum": _d(huidig_einde)})
    if not reden.strip():
        fouten["reden"] = str(VERLENGING_REDEN)
    return fouten


def vroegtijdig_einde_fouten(*, start: date, huidig_einde: date, datum: date, reden: str) -> dict[str, str]:
    fouten: dict[str, str] = {}
    if not start <= datum <= huidig_einde:
        fouten["datum"] = str(EINDE_BUITEN_PERIODE % {"start": _d(start), "einde": _d(huidig_einde)})
    if not reden.strip():
        fouten["reden"] = str(EINDE_REDEN)
    return fouten


def vaste_last_fouten(
    *, soort: str, soorten: Sequence[str], bedrag: Decimal, van: date, tot: date | None, start: date, einde: date
) -> dict[str, str]:
    fouten: dict[str, str] = {}
    if soort not in soorten:
        fouten["soort"] = str(VASTE_LAST_SOORT)
    if bedrag <= 0:
        fouten["bedrag"] = str(VASTE_LAST_BEDRAG)
    if van < start or van > einde or (tot is not None and (tot < van or tot > einde)):
        fouten["van"] = str(VASTE_LAST_BUITEN % {"start": _d(start), "einde": _d(einde)})
    return fouten


# --- maatschappelijke begeleiding (Wet 13) -----------------------------------------------------------
MB_ALLEEN_ASIEL = _("Maatschappelijke begeleiding is er voor asielstatushouders (Wet inburgering 2021, art. 13).")
MB_GEEN_BRP = _("De begeleiding start op de dag van inschrijving in de BRP; vul die datum eerst in bij het dossier.")
MB_VOOR_START = _("De activiteit ligt vóór de start van de begeleiding (%(datum)s).")


def begeleiding_fout(*, is_asiel: bool, brp_vestiging: date | None) -> str | None:
    if not is_asiel:
        return str(MB_ALLEEN_ASIEL)
    if brp_vestiging is None:
        return str(MB_GEEN_BRP)
    return None


def mb_activiteit_fouten(*, datum: date, start: date, vandaag: date, uren: Decimal | None) -> dict[str, str]:
    fouten: dict[str, str] = {}
    if datum < start:
        fouten["datum"] = str(MB_VOOR_START % {"datum": _d(start)})
    elif datum > vandaag:
        fouten["datum"] = str(DATUM_TOEKOMST)
    if uren is not None and uren <= 0:
        fouten["uren"] = str(UREN_NUL)
    return fouten
