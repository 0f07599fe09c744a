"""The amount of a fine with its derivation: the statutory values (Besluit 7.1, Wet 22 and 23, Awb 5),
earlier fines, the doubling, the caps, culpability, and the checks of the decision."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from inburgering.kalender import datums

from .keuzes import AfsluitReden, BesluitUitkomst, Regime, Verwijtbaarheid
from .meldingen import (
    AFGEHANDELD_ALLEEN_NA_BESLUIT,
    ASIEL_MOTIVERING,
    BEKENDMAKING_VOOR_DAGTEKENING,
    DATUM_TOEKOMST,
    DUBBELE_SANCTIE,
    GECONSTATEERD_ONBEKEND,
    INTAKE_AL_AFGEROND,
    INTAKE_MAXIMUM,
    INTAKE_NIEUWE_TERMIJN_LOOPT,
    MATIGING_REDEN,
    MATIGING_TE_HOOG,
    MAXIMUM_BEREIKT,
    MOTIVERING_VERPLICHT,
    NIEUWE_TERMIJN_TE_LANG,
    NIEUWE_TERMIJN_VERPLICHT,
    NIEUWE_TERMIJN_VOOR_BESLUIT,
    TOELICHTING_OVERIG,
    VERJAARD,
    VERWIJTBAARHEID_KIEZEN,
    VERWIJTBAARHEID_REDEN,
    VOORNEMEN_NIET_VERZONDEN,
    ZIENSWIJZE_TERMIJN_LOOPT,
    ZIENSWIJZE_WEGEN,
)


@dataclass(frozen=True)
class EerdereBoete:
    """A fine imposed earlier on the same person (Besluit 7.1 lid 3 and 5): in another zaak of any of their
    dossiers in this gemeente, or recorded from an earlier gemeente (Wet 35 lid 4). A fine herroepen on
    bezwaar or annulled by a court (`herroepen`) counts for neither the cap nor the doubling."""

    regime: str
    bedrag: Decimal
    besluit_datum: date
    geconstateerd_op: date | None = None  # the day the breach was geconstateerd (doubling anchor)
    onherroepelijk_op: date | None = None
    nieuwe_termijn_einde: date | None = None
    herroepen: bool = False
    zelfde_dossier: bool = True  # the Wet 22 second-fine rule looks at this dossier's intake only
    bron: str = ""  # "zaak 12", "gemeente Groningen": shown in the derivation


# --- statutory values: the law fixes them, they are not policy (DOMAIN §9) --------------------------------
BOETE_BREDE_INTAKE = Decimal("250")  # Wet inburgering 2021 art. 22; Besluit inburgering 2021 art. 7.1
BOETE_PIP_BASIS = Decimal("50")  # Wet 23; Besluit 7.1 (basisbedrag)
BOETE_PIP_MAXIMUM = Decimal("800")  # Besluit 7.1 lid 3 (verdubbeling ten hoogste tot €800)
HERHALING_MAANDEN = 12  # Besluit 7.1 lid 3: twaalf maanden voorafgaand aan de constatering
PERCENTAGES = {  # Besluit 7.1: percentage naar de mate van verwijtbaarheid
    Verwijtbaarheid.OPZET: 100, Verwijtbaarheid.GROVE_SCHULD: 75, Verwijtbaarheid.GEEN: 50,
    Verwijtbaarheid.VERMINDERD: 25,
}
MAXIMUM_TERMIJN = Decimal("2400")  # Besluit 7.1 lid 5: alle boetes samen in de (verlengde) inburgeringstermijn
NIEUWE_TERMIJN_MAXIMA = {  # Besluit 7.1 lid 5: in een nieuwe termijn van DUO van 6 maanden / 1 / 1,5 / 2 jaar
    6: Decimal("400"), 12: Decimal("800"), 18: Decimal("1200"), 24: Decimal("1600"),
}
INTAKE_NIEUWE_TERMIJN_MAANDEN_MAX = 2  # Wet 22: nieuwe termijn van ten hoogste twee maanden
VERJARING_JAREN = 5  # Awb 5:45 lid 1
VERJARING_JAREN_LAAG = 3  # Awb 5:45 lid 2: wettelijk maximum niet hoger dan het bedrag van Awb 5:53 lid 1
VERJARING_DREMPEL = Decimal("340")  # Awb 5:53 lid 1
BESLISTERMIJN_WEKEN = 13  # Awb 5:51 lid 1: na de dagtekening van het rapport; termijn van orde, geen Atw
BEROEP_WEKEN = 6  # Awb 6:7: beroepstermijn, vanaf de bekendmaking van de beslissing op bezwaar (6:8)


@dataclass(frozen=True)
class Bedragen:
    """The gemeente's policy that the rules need (`HandhavingInstellingen.bedragen()`); statutory values
    are the constants above, not settings."""

    intake_nieuwe_termijn_maanden: int = INTAKE_NIEUWE_TERMIJN_MAANDEN_MAX


def euro(bedrag: Decimal) -> str:
    """€ 1.234,50 — Dutch notation, for derivations and letters."""
    tekst = f"{bedrag.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}"
    return "€ " + tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def _geldig(eerdere: Sequence[EerdereBoete], regime: str | None = None) -> list[EerdereBoete]:
    return [b for b in eerdere if not b.herroepen and (regime is None or b.regime == regime)]


def _d(d: date) -> str:
    return f"{d:%d-%m-%Y}"


@dataclass(frozen=True)
class Grondbedrag:
    bedrag: Decimal | None  # None: no fine possible under this regime now
    stappen: list[str]
    fouten: dict[str, str]


def intake_grondbedrag(
    *, eerdere: Sequence[EerdereBoete], peildatum: date, intake_afgerond_op: date | None
) -> Grondbedrag:
    """Wet 22: a fixed amount; the fine sets a new term (≤ 2 months); missing it allows one second fine."""
    vorige = sorted((b for b in _geldig(eerdere, Regime.BREDE_INTAKE) if b.zelfde_dossier),
                    key=lambda b: b.besluit_datum)
    if not vorige:
        return Grondbedrag(BOETE_BREDE_INTAKE, [
            f"Brede intake (Wet inburgering 2021 art. 22, Besluit 7.1): vast bedrag {euro(BOETE_BREDE_INTAKE)}.",
        ], {})
    if len(vorige) >= 2:
        return Grondbedrag(None, [], {"__all__": str(INTAKE_MAXIMUM)})
    einde = vorige[0].nieuwe_termijn_einde
    if einde is not None and peildatum <= einde:
        return Grondbedrag(None, [], {"__all__": str(INTAKE_NIEUWE_TERMIJN_LOOPT % {"datum": _d(einde)})})
    if intake_afgerond_op is not None and (einde is None or intake_afgerond_op <= einde):
        return Grondbedrag(None, [], {"__all__": str(INTAKE_AL_AFGEROND)})
    return Grondbedrag(BOETE_BREDE_INTAKE, [
        f"Brede intake (art. 22): de nieuwe termijn uit de boete van {_d(vorige[0].besluit_datum)} "
        f"is verstreken zonder intake; tweede boete, vast bedrag {euro(BOETE_BREDE_INTAKE)}.",
    ], {})


def verdubbeling_venster(geconstateerd_op: date) -> tuple[date, date]:
    """Besluit 7.1 lid 3: the twelve months before the day the new breach is geconstateerd (X):
    [X − 12 months, X − 1 day], both inclusive (X − 12 months clamped to the month's last day)."""
    return datums.plus_maanden(geconstateerd_op, -HERHALING_MAANDEN), geconstateerd_op - datums.EEN_DAG


def pip_grondbedrag(*, eerdere: Sequence[EerdereBoete], geconstateerd_op: date | None,
                    beslisdatum: date) -> Grondbedrag:
    """Wet 23, Besluit 7.1 lid 3: base €50, raised by 100 % for every earlier Wet 23 breach whose
    *constatering* lies in the twelve months before the constatering of this one and whose fine had become
    onherroepelijk at the latest on the decision date (€50 × 2^k), up to €800. Fines herroepen on bezwaar
    or annulled by a court do not count."""
    stappen = [f"PIP-verplichting (Wet inburgering 2021 art. 23, Besluit 7.1): basisbedrag {euro(BOETE_PIP_BASIS)}."]
    if geconstateerd_op is None:
        return Grondbedrag(None, [], {"__all__": str(GECONSTATEERD_ONBEKEND)})
    van, tot = verdubbeling_venster(geconstateerd_op)
    kandidaten = sorted((b for b in _geldig(eerdere, Regime.PIP)
                         if b.geconstateerd_op is not None and van <= b.geconstateerd_op <= tot),
                        key=lambda b: b.geconstateerd_op)
    tellend = [b for b in kandidaten if b.onherroepelijk_op is not None and b.onherroepelijk_op <= beslisdatum]
    stappen.append(
        f"Besluit 7.1 lid 3: eerdere overtredingen tellen mee als ze zijn geconstateerd van {_d(van)} tot en met "
        f"{_d(tot)} (12 maanden vóór de constatering op {_d(geconstateerd_op)}) en de boete uiterlijk op "
        f"{_d(beslisdatum)} onherroepelijk was."
    )
    for b in kandidaten:
        bron = f" ({b.bron})" if b.bron else ""
        if b in tellend:
            stappen.append(f"Telt mee: geconstateerd op {_d(b.geconstateerd_op)}, boete onherroepelijk op "
                           f"{_d(b.onherroepelijk_op)}{bron}.")
        else:
            stappen.append(f"Telt niet mee: geconstateerd op {_d(b.geconstateerd_op)}, maar de boete was op "
                           f"{_d(beslisdatum)} nog niet onherroepelijk{bron}.")
    k = len(tellend)
    if k == 0:
        stappen.append("Geen eerdere overtreding die meetelt: geen verdubbeling.")
        return Grondbedrag(BOETE_PIP_BASIS, stappen, {})
    verdubbeld = BOETE_PIP_BASIS * (2 ** min(k, 10))
    bedrag = min(verdubbeld, BOETE_PIP_MAXIMUM)
    stappen.append(f"{k} eerdere overtreding(en): {euro(BOETE_PIP_BASIS)} × 2^{k} = {euro(verdubbeld)}.")
    if bedrag < verdubbeld:
        stappen.append(f"Begrensd op het maximum van {euro(BOETE_PIP_MAXIMUM)} (Besluit 7.1 lid 3).")
    return Grondbedrag(bedrag, stappen, {})


def maximum_in_termijn(*, duo_nieuwe_termijn_maanden: int | None) -> tuple[Decimal, str]:
    """Besluit 7.1 lid 5: all these fines together within the (extended) termijn, or the lower cap of a new DUO term."""
    if duo_nieuwe_termijn_maanden:
        cap = NIEUWE_TERMIJN_MAXIMA[duo_nieuwe_termijn_maanden]
        return cap, (f"maximum in een nieuwe termijn van {duo_nieuwe_termijn_maanden} maanden (Besluit 7.1 lid 5): "
                     f"{euro(cap)}")
    return MAXIMUM_TERMIJN, f"maximum in de inburgeringstermijn (Besluit 7.1 lid 5): {euro(MAXIMUM_TERMIJN)}"


@dataclass(frozen=True)
class BoeteFeiten:
    regime: str
    overtreding_datum: date
    peildatum: date  # the decision date (or the voornemen's): an earlier fine counts if final by then
    eerdere: Sequence[EerdereBoete] = ()
    eerdere_in_termijn: Sequence[EerdereBoete] | None = None  # default: every earlier fine of the dossier
    intake_afgerond_op: date | None = None
    verwijtbaarheid: str = ""
    verwijtbaarheid_reden: str = ""
    matiging: Decimal = Decimal("0")
    matiging_reden: str = ""
    duo_nieuwe_termijn_maanden: int | None = None
    geconstateerd_op: date | None = None  # Besluit 7.1 lid 3: the anchor of the doubling window


@dataclass(frozen=True)
class Berekening:
    bedrag: Decimal | None
    grondbedrag: Decimal | None
    stappen: list[str]
    fouten: dict[str, str]
    maximum_verjaring: Decimal | None = None

    @property
    def mogelijk(self) -> bool:
        return self.bedrag is not None and self.bedrag > 0 and not self.fouten


def boete_berekenen(feiten: BoeteFeiten) -> Berekening:
    """The amount with its derivation: regime amount → culpability (Wet 23 only) → reduction for special
    circumstances (Awb 5:46) → the cap of Besluit 7.1 lid 5."""
    if feiten.regime == Regime.BREDE_INTAKE:
        grond = intake_grondbedrag(eerdere=feiten.eerdere, peildatum=feiten.peildatum,
                                   intake_afgerond_op=feiten.intake_afgerond_op)
    else:
        grond = pip_grondbedrag(eerdere=feiten.eerdere, geconstateerd_op=feiten.geconstateerd_op,
                                beslisdatum=feiten.peildatum)
    if grond.bedrag is None:
        return Berekening(None, None, grond.stappen, grond.fouten)
    stappen, fouten = list(grond.stappen), dict(grond.fouten)
    bedrag = grond.bedrag
    if feiten.regime == Regime.PIP:
        bedrag = _verwijtbaarheid(bedrag, feiten, stappen, fouten)
    bedrag = _matigen(bedrag, feiten, stappen, fouten)
    bedrag = _begrenzen(bedrag, feiten, stappen, fouten)
    wettelijk_max = BOETE_BREDE_INTAKE if feiten.regime == Regime.BREDE_INTAKE else BOETE_PIP_MAXIMUM
    return Berekening(bedrag, grond.bedrag, stappen, fouten, maximum_verjaring=wettelijk_max)


def _verwijtbaarheid(bedrag: Decimal, feiten: BoeteFeiten, stappen, fouten) -> Decimal:
    if feiten.verwijtbaarheid not in PERCENTAGES:
        fouten["verwijtbaarheid"] = str(VERWIJTBAARHEID_KIEZEN)
        return bedrag
    if not feiten.verwijtbaarheid_reden.strip():
        fouten["verwijtbaarheid_reden"] = str(VERWIJTBAARHEID_REDEN)
    pct = PERCENTAGES[feiten.verwijtbaarheid]
    nieuw = (bedrag * pct / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    stappen.append(f"{Verwijtbaarheid(feiten.verwijtbaarheid).label} (Besluit 7.1): {pct} % van {euro(bedrag)} = "
                   f"{euro(nieuw)}.")
    return nieuw


def _matigen(bedrag: Decimal, feiten: BoeteFeiten, stappen, fouten) -> Decimal:
    if not feiten.matiging:
        return bedrag
    if not feiten.matiging_reden.strip():
        fouten["matiging_reden"] = str(MATIGING_REDEN)
    if feiten.matiging > bedrag:
        fouten["matiging"] = str(MATIGING_TE_HOOG)
        return bedrag
    nieuw = bedrag - feiten.matiging
    stappen.append(f"Verlaagd wegens bijzondere omstandigheden met {euro(feiten.matiging)}: {euro(nieuw)}.")
    return nieuw


def _begrenzen(bedrag: Decimal, feiten: BoeteFeiten, stappen, fouten) -> Decimal:
    cap, uitleg = maximum_in_termijn(duo_nieuwe_termijn_maanden=feiten.duo_nieuwe_termijn_maanden)
    eerdere = feiten.eerdere if feiten.eerdere_in_termijn is None else feiten.eerdere_in_termijn
    geldig = _geldig(eerdere)
    al = sum((b.bedrag for b in geldig), Decimal("0"))
    if geldig:
        stappen.append("Eerder aan deze persoon opgelegd en niet herroepen of vernietigd: " + "; ".join(
            f"{euro(b.bedrag)} op {_d(b.besluit_datum)}" + (f" ({b.bron})" if b.bron else "") for b in geldig) + ".")
    ruimte = max(cap - al, Decimal("0"))
    if ruimte <= 0:
        fouten["__all__"] = str(MAXIMUM_BEREIKT)
        stappen.append(f"Eerder opgelegd {euro(al)}; {uitleg}: geen ruimte meer.")
        return Decimal("0")
    if bedrag > ruimte:
        stappen.append(f"Eerder opgelegd {euro(al)}; {uitleg}: begrensd op {euro(ruimte)}.")
        return ruimte
    stappen.append(f"Eerder opgelegd {euro(al)}; {uitleg}: binnen het maximum.")
    return bedrag


# --- the decision ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class BesluitFeiten:
    uitkomst: str
    motivering: str
    bijstand_verlaagd: bool
    is_asiel: bool
    asiel_motivering: str
    zienswijze_ontvangen: bool
    zienswijze_weging: str
    zienswijze_einde: date | None
    dagtekening: date
    bekendmaking: date | None  # None: by post, the day the print batch is posted (not before the dagtekening)
    vandaag: date
    regime: str
    nieuwe_termijn_einde: date | None = None
    verjaring_op: date | None = None
    voornemen_verzonden: bool = True  # a voornemen by post is sent when its print batch is posted


def besluit_fouten(feiten: BesluitFeiten, bedragen: Bedragen | None = None) -> dict[str, str]:
    """What every decision needs (Awb 4:8–4:12, 5:46, Wet 27, asiel policy) apart from the amount."""
    bedragen = bedragen or Bedragen()
    fouten: dict[str, str] = {}
    if not feiten.motivering.strip():
        fouten["motivering"] = str(MOTIVERING_VERPLICHT)
    if feiten.zienswijze_ontvangen and not feiten.zienswijze_weging.strip():
        fouten["zienswijze_weging"] = str(ZIENSWIJZE_WEGEN)
    if not feiten.voornemen_verzonden:
        fouten["__all__"] = str(VOORNEMEN_NIET_VERZONDEN)
    if not feiten.zienswijze_ontvangen and feiten.zienswijze_einde and feiten.dagtekening <= feiten.zienswijze_einde:
        fouten["__all__"] = str(ZIENSWIJZE_TERMIJN_LOOPT % {"datum": f"{feiten.zienswijze_einde:%d-%m-%Y}"})
    if feiten.dagtekening > feiten.vandaag:
        fouten["dagtekening"] = str(DATUM_TOEKOMST)
    if feiten.bekendmaking and feiten.bekendmaking < feiten.dagtekening:
        fouten["bekendmaking"] = str(BEKENDMAKING_VOOR_DAGTEKENING)
    if feiten.uitkomst != BesluitUitkomst.BOETE:
        return fouten
    # Conservative reading of Awb 5:45: the fine must be made known (bekendmaking ≥ dagtekening) in time.
    if feiten.verjaring_op and (feiten.bekendmaking or feiten.dagtekening) > feiten.verjaring_op:
        fouten["__all__"] = str(VERJAARD % {"datum": f"{feiten.verjaring_op:%d-%m-%Y}"})
    if feiten.bijstand_verlaagd:
        fouten["__all__"] = str(DUBBELE_SANCTIE)
    if feiten.is_asiel and not feiten.asiel_motivering.strip():
        fouten["asiel_motivering"] = str(ASIEL_MOTIVERING)
    if feiten.regime == Regime.BREDE_INTAKE:
        fouten.update(nieuwe_termijn_fouten(dagtekening=feiten.dagtekening, einde=feiten.nieuwe_termijn_einde,
                                            maanden=bedragen.intake_nieuwe_termijn_maanden))
    return fouten


def nieuwe_termijn_fouten(*, dagtekening: date, einde: date | None, maanden: int) -> dict[str, str]:
    """Wet 22: the fine sets a new term of at most 2 months for the brede intake."""
    if einde is None:
        return {"nieuwe_termijn_einde": str(NIEUWE_TERMIJN_VERPLICHT)}
    uiterst = datums.plus_maanden(dagtekening, maanden)
    if einde <= dagtekening:
        return {"nieuwe_termijn_einde": str(NIEUWE_TERMIJN_VOOR_BESLUIT)}
    if einde > uiterst:
        return {"nieuwe_termijn_einde": str(NIEUWE_TERMIJN_TE_LANG % {"maanden": maanden,
                                                                       "datum": f"{uiterst:%d-%m-%Y}"})}
    return {}


def in_nieuwe_termijn(eerdere: Sequence[EerdereBoete], start: date) -> list[EerdereBoete]:
    """During a new DUO term (Besluit 7.1 lid 5) only the fines decided in that term count towards its cap."""
    return [b for b in eerdere if b.besluit_datum >= start]


def afsluiten_fouten(*, reden: str, toelichting: str, na_besluit: bool) -> dict[str, str]:
    if reden == AfsluitReden.OVERIG and not toelichting.strip():
        return {"toelichting": str(TOELICHTING_OVERIG)}
    if reden == AfsluitReden.AFGEHANDELD and not na_besluit:
        return {"reden": str(AFGEHANDELD_ALLEEN_NA_BESLUIT)}
    return {}
