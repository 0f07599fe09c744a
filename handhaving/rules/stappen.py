"""Which step of a zaak is possible when (the zaak page offers these; the services check them), opening a
zaak, prevention first, the rapport (Awb 5:48) and the cross-field rules of the forms."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from inburgering.kalender import datums

from .boete import BESLISTERMIJN_WEKEN, BOETE_BREDE_INTAKE, BOETE_PIP_MAXIMUM, VERJARING_DREMPEL, euro
from .keuzes import INTAKE, BesluitUitkomst, GesprekUitkomst, Regime, Stap, Verplichting, ZaakStatus
from .meldingen import (
    BESLIST_VOOR_ONTVANGST,
    BEZWAAR_NA_BEKENDMAKING,
    BIJSTAND_TOELICHTING,
    BRON_VERPLICHT,
    CAUTIE_VASTLEGGEN,
    DATUM_TOEKOMST,
    DATUM_ZONDER_UITKOMST,
    DUO_START_VERPLICHT,
    GECONSTATEERD_NA_BOETE,
    GECONSTATEERD_ONBEKEND,
    GECONSTATEERD_VOOR_OVERTREDING,
    GEEN_BEROEP_MOGELIJK,
    GEEN_BOETE_BESLUIT,
    GEEN_VASTGESTELD_PIP,
    GEEN_VOORNEMEN,
    GESPREK_EERST,
    HOGER_DAN_VOORNEMEN,
    INTAKE_GEEN_TWEEDE_OPROEP,
    INTAKE_TWEEDE_OPROEP_OPEN,
    INTAKE_TWEEDE_OPROEP_VERSCHENEN,
    LEERROUTE_ALLEEN_ASIEL,
    NIET_IN_SIGNAAL_OF_GESPREK,
    NIET_VOOR_VOORNEMEN,
    ONHERROEPELIJK_VOOR_BOETE,
    OVERTREDING_TOEKOMST,
    RAPPORT_EERST,
    RAPPORT_NIET_MOGELIJK,
    RAPPORT_OVERTREDING,
    RAPPORT_PLAATS,
    RAPPORT_VOOR_CONSTATERING,
    RAPPORT_VOORSCHRIFT,
    UITKOMST_ZONDER_DATUM,
    WAARSCHUWING_EERST,
    ZAAK_AFGESLOTEN,
    ZIENSWIJZE_ALLEEN_BIJ_VOORNEMEN,
    ZIENSWIJZE_INHOUD,
    ZIENSWIJZE_VOOR_VOORNEMEN,
)


def verplichting_fouten(*, verplichting: str, is_asiel: bool) -> dict[str, str]:
    """Wet 23 covers the leerroute (the gemeente's inburgeringsaanbod) only for asielstatushouders; for
    the others the gemeente cannot fine it (DOMAIN §9)."""
    if verplichting == Verplichting.LEERROUTE and not is_asiel:
        return {"verplichting": str(LEERROUTE_ALLEEN_ASIEL)}
    return {}


def boven_voornemen_fouten(*, bedrag: Decimal | None, voornemen_bedrag: Decimal | None) -> dict[str, str]:
    """Awb 4:8: the person was heard on the amount in the voornemen; the decision may not exceed it."""
    if bedrag is not None and voornemen_bedrag is not None and bedrag > voornemen_bedrag:
        return {"__all__": str(HOGER_DAN_VOORNEMEN % {"bedrag": euro(bedrag), "voornemen": euro(voornemen_bedrag)})}
    return {}


def openen_fouten(*, regime: str, overtreding_datum: date, geconstateerd_op: date | None, vandaag: date,
                  pip_vastgesteld: bool) -> dict[str, str]:
    """Opening a zaak: a Wet 23 zaak needs a vastgesteld PIP (the duties are the PIP's, Wet 23) and the day
    the breach was geconstateerd (Besluit 7.1 lid 3); that day lies between the violation and today."""
    fouten: dict[str, str] = {}
    if overtreding_datum > vandaag:
        fouten["overtreding_datum"] = str(OVERTREDING_TOEKOMST)
    if geconstateerd_op is None and regime == Regime.PIP:
        fouten["geconstateerd_op"] = str(GECONSTATEERD_ONBEKEND)
    elif geconstateerd_op is not None and geconstateerd_op > vandaag:
        fouten["geconstateerd_op"] = str(DATUM_TOEKOMST)
    elif geconstateerd_op is not None and geconstateerd_op < overtreding_datum:
        fouten["geconstateerd_op"] = str(GECONSTATEERD_VOOR_OVERTREDING)
    if regime == Regime.PIP and not pip_vastgesteld:
        fouten["verplichting"] = str(GEEN_VASTGESTELD_PIP)
    return fouten


def eerdere_boete_fouten(*, opgelegd_op: date, geconstateerd_op: date | None, onherroepelijk_op: date | None,
                         bron: str, vandaag: date) -> dict[str, str]:
    """A fine of an earlier gemeente (Wet 35 lid 4): dated in the past, constatering before the decision and
    finality after it, and its source named so the count towards the cap (Besluit 7.1 lid 5) can be checked."""
    fouten: dict[str, str] = {}
    for veld, datum in (("opgelegd_op", opgelegd_op), ("geconstateerd_op", geconstateerd_op),
                        ("onherroepelijk_op", onherroepelijk_op)):
        if datum and datum > vandaag:
            fouten[veld] = str(DATUM_TOEKOMST)
    if "geconstateerd_op" not in fouten and geconstateerd_op and geconstateerd_op > opgelegd_op:
        fouten["geconstateerd_op"] = str(GECONSTATEERD_NA_BOETE)
    if "onherroepelijk_op" not in fouten and onherroepelijk_op and onherroepelijk_op < opgelegd_op:
        fouten["onherroepelijk_op"] = str(ONHERROEPELIJK_VOOR_BOETE)
    if not bron.strip():
        fouten["bron"] = str(BRON_VERPLICHT)
    return fouten


def regime_voor(verplichting: str) -> str:
    """Wet 22 covers the brede intake; Wet 23 every duty agreed in the PIP (incl. the asiel leerroute)."""
    return Regime.BREDE_INTAKE if verplichting in INTAKE else Regime.PIP




# --- which step when (the zaak page offers these; the services check them) --------------------------------
@dataclass(frozen=True)
class ZaakStand:
    """What decides which steps a zaak allows: its status and, after a decision, whether it is a fine."""

    status: str
    besluit_uitkomst: str = ""
    rapport: bool = False  # an Awb 5:48 rapport was made
    bezwaar_gehandhaafd: bool = False  # the beslissing op bezwaar upheld the fine: beroep is possible


VOOR_VOORNEMEN = (ZaakStatus.SIGNAAL, ZaakStatus.GESPREK, ZaakStatus.WAARSCHUWING)
ALLEEN_CONSULENT_STAPPEN = (Stap.VOORNEMEN, Stap.BESLUIT, Stap.BEZWAAR, Stap.BEROEP)
STAP_NIET_MOGELIJK = {
    Stap.GESPREK: ZAAK_AFGESLOTEN, Stap.WAARSCHUWING: NIET_IN_SIGNAAL_OF_GESPREK, Stap.RAPPORT: RAPPORT_NIET_MOGELIJK,
    Stap.VOORNEMEN: NIET_VOOR_VOORNEMEN, Stap.ZIENSWIJZE: ZIENSWIJZE_ALLEEN_BIJ_VOORNEMEN,
    Stap.BESLUIT: GEEN_VOORNEMEN, Stap.BEZWAAR: GEEN_BOETE_BESLUIT, Stap.BEROEP: GEEN_BEROEP_MOGELIJK, Stap.BETALING: GEEN_BOETE_BESLUIT,
    Stap.NOTITIE: ZAAK_AFGESLOTEN, Stap.BIJSTAND: ZAAK_AFGESLOTEN, Stap.AFSLUITEN: ZAAK_AFGESLOTEN,
}


def stap_mogelijk(stap: str, stand: ZaakStand) -> bool:
    """The order of the procedure: conversations until the voornemen, a warning after a conversation,
    the voornemen after it (Awb 4:8), zienswijze and decision while the voornemen is out; bezwaar and
    payment belong to a fine (also after closing); the rest to an open zaak."""
    status, is_open = stand.status, stand.status != ZaakStatus.AFGESLOTEN
    return {
        Stap.GESPREK: status in VOOR_VOORNEMEN,
        Stap.WAARSCHUWING: status == ZaakStatus.GESPREK,
        Stap.RAPPORT: status in (ZaakStatus.GESPREK, ZaakStatus.WAARSCHUWING) and not stand.rapport,
        Stap.VOORNEMEN: status in (ZaakStatus.GESPREK, ZaakStatus.WAARSCHUWING),
        Stap.ZIENSWIJZE: status == ZaakStatus.VOORNEMEN,
        Stap.BESLUIT: status == ZaakStatus.VOORNEMEN,
        Stap.BEZWAAR: stand.besluit_uitkomst == BesluitUitkomst.BOETE,
        Stap.BEROEP: stand.besluit_uitkomst == BesluitUitkomst.BOETE and stand.bezwaar_gehandhaafd,
        Stap.BETALING: stand.besluit_uitkomst == BesluitUitkomst.BOETE,
        Stap.NOTITIE: is_open,
        Stap.BIJSTAND: is_open,
        Stap.AFSLUITEN: is_open,
    }[Stap(stap)]


def alleen_consulent(stap: str, stand: ZaakStand) -> bool:
    """A voornemen, a decision and a bezwaar are for a consulent inburgering; once a voornemen is out,
    only a consulent closes the zaak: closing then ends an announced sanction."""
    if stap in ALLEEN_CONSULENT_STAPPEN:
        return True
    return stap == Stap.AFSLUITEN and stand.status in (ZaakStatus.VOORNEMEN, ZaakStatus.BESLUIT)


def mogelijke_stappen(stand: ZaakStand, *, bewerken: bool, consulent: bool) -> list[Stap]:
    """The steps this user can take now: who may not change the dossier has none."""
    if not bewerken:
        return []
    return [stap for stap in Stap if stap_mogelijk(stap, stand) and (consulent or not alleen_consulent(stap, stand))]


# --- cross-field rules of the forms (the services check them too) ------------------------------------------
def bijstand_fouten(*, verlaagd: bool, toelichting: str) -> dict[str, str]:
    """Wet 27: a lowered bijstand rules out a fine, so say when and how it was lowered."""
    if verlaagd and not toelichting.strip():
        return {"toelichting": str(BIJSTAND_TOELICHTING)}
    return {}


def duo_termijn_fouten(*, maanden: int | None, start: date | None) -> dict[str, str]:
    """Besluit 7.1 lid 5: the lower cap of a new DUO term counts the fines from its start."""
    if maanden and not start:
        return {"duo_nieuwe_termijn_start": str(DUO_START_VERPLICHT)}
    return {}


def zienswijze_fouten(*, ontvangen_op: date, inhoud: str, voornemen_op: date | None, vandaag: date) -> dict[str, str]:
    """Awb 4:8: a zienswijze answers the voornemen, so it comes after it (and not after today), and says
    what the inburgeraar brought forward."""
    fouten: dict[str, str] = {}
    if ontvangen_op > vandaag:
        fouten["ontvangen_op"] = str(DATUM_TOEKOMST)
    elif voornemen_op and ontvangen_op < voornemen_op:
        fouten["ontvangen_op"] = str(ZIENSWIJZE_VOOR_VOORNEMEN)
    if not inhoud.strip():
        fouten["inhoud"] = str(ZIENSWIJZE_INHOUD)
    return fouten


def bezwaar_fouten(
    *, ontvangen_op: date, uitkomst: str, beslist_op: date | None, bekendmaking: date | None, vandaag: date
) -> dict[str, str]:
    """A bezwaar is received after the decision was made known, and its outcome has a date, not before
    it was received nor in the future (Awb 6:7, 7:10)."""
    fouten: dict[str, str] = {}
    if ontvangen_op > vandaag:
        fouten["ontvangen_op"] = str(DATUM_TOEKOMST)
    elif bekendmaking and ontvangen_op < bekendmaking:
        fouten["ontvangen_op"] = str(BEZWAAR_NA_BEKENDMAKING)
    if uitkomst and not beslist_op:
        fouten["beslist_op"] = str(UITKOMST_ZONDER_DATUM)
    if beslist_op and not uitkomst:
        fouten["uitkomst"] = str(DATUM_ZONDER_UITKOMST)
    if beslist_op and beslist_op < ontvangen_op:
        fouten["beslist_op"] = str(BESLIST_VOOR_ONTVANGST)
    elif beslist_op and beslist_op > vandaag:
        fouten["beslist_op"] = str(DATUM_TOEKOMST)
    return fouten


# --- prevention first --------------------------------------------------------------------------------------
def waarschuwing_fouten(*, gesprek_uitkomsten: Sequence[str]) -> dict[str, str]:
    """Moving past `gesprek` needs a recorded conversation or a recorded failed attempt [BELEID, DOMAIN §9]."""
    return {} if gesprek_uitkomsten else {"__all__": str(GESPREK_EERST)}


def voornemen_fouten(
    *, gesprek_uitkomsten: Sequence[str], waarschuwing_verstuurd: bool, altijd_eerst_waarschuwen: bool,
    regime: str = "", rapport_opgemaakt: bool = False,
) -> dict[str, str]:
    """A voornemen needs the conversation (or attempt) and, by gemeente policy, a written warning first —
    also for PIP duties, where the law (Wet 23) does not require one. A Wet 23 fine (statutory maximum
    above €340) follows Awb 5:53: a rapport (5:48) before the voornemen."""
    fouten = waarschuwing_fouten(gesprek_uitkomsten=gesprek_uitkomsten)
    if not fouten and altijd_eerst_waarschuwen and not waarschuwing_verstuurd:
        fouten["__all__"] = str(WAARSCHUWING_EERST)
    if not fouten and rapport_verplicht(regime) and not rapport_opgemaakt:
        fouten["__all__"] = str(RAPPORT_EERST)
    return fouten


def rapport_verplicht(regime: str) -> bool:
    """Awb 5:53 lid 1: for a fine whose statutory maximum exceeds €340 (every Wet 23 fine: up to €800) a
    rapport and a zienswijze are always required; the Wet 22 fine (€250) follows the ordinary 4:8 hearing."""
    maximum = BOETE_PIP_MAXIMUM if regime == Regime.PIP else BOETE_BREDE_INTAKE
    return maximum > VERJARING_DREMPEL


def gesprek_fouten(*, uitkomst: str, cautie: str) -> dict[str, str]:
    """Awb 5:10a: a held conversation records whether the cautie was given (or why it did not apply);
    a failed attempt has no questioning, so no cautie."""
    if uitkomst == GesprekUitkomst.GEVOERD and not cautie:
        return {"cautie": str(CAUTIE_VASTLEGGEN)}
    return {}


def rapport_fouten(*, dagtekening: date, geconstateerd_op: date | None, overtreding: str, voorschrift: str,
                   plaats: str, vandaag: date) -> dict[str, str]:
    """Awb 5:48: the rapport is dated (not in the future, not before the constatering), and names the
    breach, the rule breached and where it was geconstateerd (the person, the day and the author come from
    the zaak)."""
    fouten: dict[str, str] = {}
    if dagtekening > vandaag:
        fouten["dagtekening"] = str(DATUM_TOEKOMST)
    elif geconstateerd_op and dagtekening < geconstateerd_op:
        fouten["dagtekening"] = str(RAPPORT_VOOR_CONSTATERING)
    for veld, waarde, melding in (("overtreding", overtreding, RAPPORT_OVERTREDING),
                                  ("voorschrift", voorschrift, RAPPORT_VOORSCHRIFT),
                                  ("plaats", plaats, RAPPORT_PLAATS)):
        if not waarde.strip():
            fouten[veld] = str(melding)
    return fouten


def beslistermijn_einde(rapport_dagtekening: date) -> date:
    """Awb 5:51 lid 1: decide within 13 weeks after the rapport's dagtekening. A termijn van orde (a late
    decision stays valid: warn, never block), without the Algemene termijnenwet (DOMAIN §8: the 13-week
    boete decision term is excluded)."""
    return datums.weken_na(rapport_dagtekening, BESLISTERMIJN_WEKEN)


# The rule breached, as the rapport names it by default (Awb 5:48 lid 2); the consulent may sharpen it.
VOORSCHRIFT = {
    Verplichting.INTAKE_NIET_VERSCHENEN: "Wet inburgering 2021, art. 14 lid 1 (verschijnen voor de brede intake), "
                                         "beboetbaar op grond van art. 22",
    Verplichting.INTAKE_NIET_MEEGEWERKT: "Wet inburgering 2021, art. 14 lid 1 (medewerking aan de brede intake), "
                                         "beboetbaar op grond van art. 22",
    Verplichting.PIP_NIET_MEEGEWERKT: "Wet inburgering 2021, art. 23 (medewerking aan de begeleiding en "
                                      "ondersteuning uit het PIP)",
    Verplichting.LEERROUTE: "Wet inburgering 2021, art. 23 (volgen van de leerroute uit het PIP)",
    Verplichting.PVT: "Wet inburgering 2021, art. 23 (volgen van het participatieverklaringstraject met de in het PIP "
                      "afgesproken intensiteit)",
    Verplichting.MAP: "Wet inburgering 2021, art. 23 (volgen van de module arbeidsmarkt en participatie met de in het "
                      "PIP afgesproken intensiteit)",
}


# --- the brede intake regime (Wet 22, Wet 14 lid 1) ------------------------------------------------------
@dataclass(frozen=True)
class Oproep:
    """An intake summons as recorded in `cases.Uitnodiging`."""

    volgnummer: int
    verschenen: bool | None
    waarschuwing_op: date | None


def intake_voorwaarde_fouten(*, verplichting: str, oproepen: Sequence[Oproep]) -> dict[str, str]:
    """Wet 22 applies only after the written warning and the second summons that Wet 14 lid 1 requires.
    The warning date is recorded with the second summons."""
    tweede = [o for o in oproepen if o.volgnummer >= 2]
    gewaarschuwd = any(o.waarschuwing_op for o in oproepen)
    if not tweede or not gewaarschuwd:
        return {"__all__": str(INTAKE_GEEN_TWEEDE_OPROEP)}
    laatste = max(tweede, key=lambda o: o.volgnummer)
    if laatste.verschenen is None:
        return {"__all__": str(INTAKE_TWEEDE_OPROEP_OPEN)}
    if verplichting == Verplichting.INTAKE_NIET_VERSCHENEN and laatste.verschenen:
        return {"__all__": str(INTAKE_TWEEDE_OPROEP_VERSCHENEN)}
    return {}
