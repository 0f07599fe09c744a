"""Pure rules of handhaving (DOMAIN §9, Wet inburgering 2021 art. 14, 22–27, Besluit 7.1, Awb).
Facts in, decision out, no database. Every amount is computed with its derivation (`stappen`), in
Dutch, so the consulent, the letter and a court can follow it. Statutory amounts and periods are
constants here with their article; the gemeente's policy comes in as `Bedragen`."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from inburgering.kalender import datums


# --- choices ---------------------------------------------------------------------------------------------
class Verplichting(models.TextChoices):
    INTAKE_NIET_VERSCHENEN = "intake_niet_verschenen", _("Brede intake: niet verschenen")
    INTAKE_NIET_MEEGEWERKT = "intake_niet_meegewerkt", _("Brede intake: niet meegewerkt (ook leerbaarheidstoets)")
    PIP_NIET_MEEGEWERKT = "pip_niet_meegewerkt", _("PIP: niet meegewerkt aan begeleiding en ondersteuning")
    LEERROUTE = "leerroute", _("Leerroute of inburgeringsaanbod niet gevolgd")
    PVT = "pvt", _("Participatieverklaringstraject (PVT) niet gevolgd")
    MAP = "map", _("Module Arbeidsmarkt en Participatie (MAP) niet gevolgd")


class Regime(models.TextChoices):
    BREDE_INTAKE = "brede_intake", _("Brede intake (Wet inburgering 2021, art. 22)")
    PIP = "pip", _("Verplichtingen uit het PIP (Wet inburgering 2021, art. 23)")


class Verwijtbaarheid(models.TextChoices):
    OPZET = "opzet", _("Opzet")
    GROVE_SCHULD = "grove_schuld", _("Grove schuld")
    GEEN = "geen", _("Geen opzet of grove schuld")
    VERMINDERD = "verminderd", _("Verminderde verwijtbaarheid")


class GesprekUitkomst(models.TextChoices):
    GEVOERD = "gevoerd", _("Gesprek gevoerd")
    POGING_MISLUKT = "poging_mislukt", _("Poging gedaan, geen gesprek tot stand gekomen")


class Cautie(models.TextChoices):
    """Awb 5:10a: before questioning someone who may be fined about the breach, tell them they need not answer."""

    NIET_VAN_TOEPASSING = "nvt", _("Niet van toepassing: het gesprek kan niet tot een boete leiden")
    GEGEVEN = "gegeven", _("Ja, de cautie is gegeven")
    NIET_GEGEVEN = "niet_gegeven", _("Nee, de cautie is niet gegeven")


class ZienswijzeWijze(models.TextChoices):
    MONDELING = "mondeling", _("Mondeling")
    SCHRIFTELIJK = "schriftelijk", _("Schriftelijk")


class BesluitUitkomst(models.TextChoices):
    BOETE = "boete", _("Boete")
    GEEN_BOETE = "geen_boete", _("Geen boete")


class AfsluitReden(models.TextChoices):
    NALEVING_HERSTELD = "naleving_hersteld", _("Naleving hersteld")
    ONTERECHT = "onterecht", _("Signaal onterecht")
    AFGEHANDELD = "afgehandeld", _("Besluit afgehandeld")
    OVERIG = "overig", _("Andere reden")


class Betaalstatus(models.TextChoices):
    OPEN = "open", _("Open")
    BETAALD = "betaald", _("Betaald")
    KWIJTGESCHOLDEN = "kwijtgescholden", _("Kwijtgescholden")


class BezwaarUitkomst(models.TextChoices):
    ONGEGROND = "ongegrond", _("Ongegrond: boete blijft")
    GEGROND = "gegrond", _("Gegrond: boete herroepen")
    NIET_ONTVANKELIJK = "niet_ontvankelijk", _("Niet-ontvankelijk")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


class ZaakStatus(models.TextChoices):
    SIGNAAL = "signaal", _("Signaal")
    GESPREK = "gesprek", _("Gesprek")
    WAARSCHUWING = "waarschuwing", _("Waarschuwing")
    VOORNEMEN = "voornemen", _("Voornemen")
    BESLUIT = "besluit", _("Besluit")
    AFGESLOTEN = "afgesloten", _("Afgesloten")


OPEN_STATUSSEN = [s for s in ZaakStatus.values if s != ZaakStatus.AFGESLOTEN]


class Stap(models.TextChoices):
    """The steps on a zaak, in the order the zaak page offers them; the value is the step page's url
    name (`handhaving:<value>`)."""

    GESPREK = "gesprek", _("Gesprek vastleggen")
    WAARSCHUWING = "waarschuwing", _("Waarschuwing versturen")
    RAPPORT = "rapport", _("Rapport opmaken (Awb 5:48)")
    VOORNEMEN = "voornemen", _("Voornemen tot boete opstellen")
    ZIENSWIJZE = "zienswijze", _("Zienswijze vastleggen")
    BESLUIT = "besluit", _("Besluit nemen")
    BEZWAAR = "bezwaar", _("Bezwaar vastleggen")
    BEROEP = "beroep", _("Beroep en hoger beroep vastleggen")
    BETALING = "betaling", _("Betaling bijwerken")
    NOTITIE = "notitie", _("Notitie of bijlage toevoegen")
    BIJSTAND = "bijstand", _("Verlaging bijstand (art. 27) vastleggen")
    AFSLUITEN = "afsluiten", _("Zaak afsluiten")


DUO_NIEUWE_TERMIJN_MAANDEN = [6, 12, 18, 24]  # Besluit 7.1 lid 5

INTAKE = (Verplichting.INTAKE_NIET_VERSCHENEN, Verplichting.INTAKE_NIET_MEEGEWERKT)


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


# --- messages (reused by tests) --------------------------------------------------------------------------
GESPREK_EERST = _("Voer eerst een gesprek met de inburgeraar of leg een mislukte poging vast (preventie eerst).")
WAARSCHUWING_EERST = _("De gemeente waarschuwt altijd eerst schriftelijk voordat een voornemen tot een boete wordt "
                       "verstuurd.")
INTAKE_GEEN_TWEEDE_OPROEP = _("Een boete voor de brede intake kan pas na een schriftelijke waarschuwing en een tweede "
                              "oproep (Wet inburgering 2021, art. 14 lid 1). Leg die eerst vast bij de intake.")
INTAKE_TWEEDE_OPROEP_VERSCHENEN = _("De inburgeraar is op de tweede oproep verschenen; kies 'niet meegewerkt' als de "
                                    "persoon niet heeft meegewerkt.")
INTAKE_TWEEDE_OPROEP_OPEN = _("Leg eerst bij de intake vast of de persoon op de tweede oproep is verschenen.")
INTAKE_NIEUWE_TERMIJN_LOOPT = _("De nieuwe termijn uit de eerste boete loopt nog tot en met %(datum)s; pas daarna is "
                                "een tweede boete mogelijk.")
INTAKE_AL_AFGEROND = _("De brede intake is afgerond binnen de nieuwe termijn; een tweede boete is niet mogelijk.")
INTAKE_MAXIMUM = _("Er zijn al twee boetes voor de brede intake opgelegd. Na de derde oproep rondt het college de intake "
                   "af zonder de persoon (art. 14 lid 2).")
DUBBELE_SANCTIE = _("De bijstand is al verlaagd voor dezelfde gedraging; een boete is dan niet toegestaan "
                    "(Wet inburgering 2021, art. 27).")
ASIEL_MOTIVERING = _("Motiveer waarom sprake is van aanhoudende onwil: een boete voor een asielstatushouder vraagt dat.")
VERWIJTBAARHEID_KIEZEN = _("Kies de mate van verwijtbaarheid.")
VERWIJTBAARHEID_REDEN = _("Motiveer de gekozen mate van verwijtbaarheid.")
MATIGING_REDEN = _("Geef de bijzondere omstandigheden aan die de verlaging rechtvaardigen (Awb 5:46).")
MATIGING_TE_HOOG = _("De verlaging kan niet hoger zijn dan de boete.")
MAXIMUM_BEREIKT = _("Het maximum aan boetes in deze termijn is bereikt: er kan geen boete meer worden opgelegd.")
ZIENSWIJZE_WEGEN = _("Er is een zienswijze ontvangen: beschrijf hoe die is meegewogen.")
ZIENSWIJZE_TERMIJN_LOOPT = _("De zienswijzetermijn loopt nog tot en met %(datum)s. Besluit daarna, of nadat de "
                             "zienswijze is ontvangen.")
MOTIVERING_VERPLICHT = _("Motiveer het besluit.")
NIEUWE_TERMIJN_VERPLICHT = _("Stel een nieuwe termijn voor de brede intake vast.")
NIEUWE_TERMIJN_TE_LANG = _("De nieuwe termijn is ten hoogste %(maanden)s maanden: uiterlijk %(datum)s.")
NIEUWE_TERMIJN_VOOR_BESLUIT = _("De nieuwe termijn eindigt na de dagtekening van het besluit.")
DATUM_TOEKOMST = _("Deze datum ligt in de toekomst.")
BEKENDMAKING_VOOR_DAGTEKENING = _("De bekendmaking kan niet vóór de dagtekening liggen.")
TOELICHTING_OVERIG = _("Licht de reden van afsluiten toe.")
AFGEHANDELD_ALLEEN_NA_BESLUIT = _("'Besluit afgehandeld' kan alleen na een besluit.")
OVERTREDING_TOEKOMST = _("De overtreding kan niet in de toekomst liggen.")
GECONSTATEERD_ONBEKEND = _("Leg vast op welke dag de overtreding is geconstateerd (Besluit 7.1 lid 3).")
GECONSTATEERD_VOOR_OVERTREDING = _("De overtreding kan niet zijn geconstateerd vóór de datum van de overtreding.")
GEEN_VASTGESTELD_PIP = _("Voor een PIP-verplichting (art. 23) is een vastgesteld PIP nodig; dit dossier heeft er geen.")
GECONSTATEERD_NA_BOETE = _("De overtreding moet zijn geconstateerd vóór de boete werd opgelegd.")
ONHERROEPELIJK_VOOR_BOETE = _("Een boete kan niet onherroepelijk zijn vóór de datum waarop zij werd opgelegd.")
BRON_VERPLICHT = _("Noem de bron: van welke gemeente en uit welk stuk komt deze boete?")
RAPPORT_NIET_MOGELIJK = _("Een rapport kan na het gesprek en vóór het voornemen, één keer.")
RAPPORT_EERST = _("Een boete voor een PIP-verplichting vraagt eerst een rapport (Awb 5:48 en 5:53): maak het rapport "
                  "op voordat het voornemen wordt verstuurd.")
RAPPORT_VOOR_CONSTATERING = _("Het rapport kan niet zijn opgemaakt vóór de dag waarop de overtreding is geconstateerd.")
RAPPORT_OVERTREDING = _("Beschrijf de overtreding (Awb 5:48).")
RAPPORT_VOORSCHRIFT = _("Noem het overtreden voorschrift (Awb 5:48).")
RAPPORT_PLAATS = _("Vermeld waar de overtreding is geconstateerd (Awb 5:48).")
RAPPORT_AUTEUR = _("U heeft het rapport opgemaakt. Een andere consulent moet besluiten (vier ogen, Awb 5:53).")
CAUTIE_VASTLEGGEN = _("Leg vast of de cautie is gegeven (Awb 5:10a), of dat het gesprek niet tot een boete kan leiden.")
VOLGORDE_DATUMS = _("Deze datum ligt vóór de vorige stap; controleer de volgorde.")
EERST_BESLISSING_OP_BEZWAAR = _("Leg eerst de beslissing op bezwaar vast.")
EERST_BEKENDMAKING_BOB = _("Vul eerst de bekendmaking van de beslissing op bezwaar in: daarna loopt de beroepstermijn.")
UITSPRAAK_ZONDER_DATUM = _("Vul de datum van de uitspraak in.")
DATUM_ZONDER_UITSPRAAK = _("Kies de uitkomst.")
EERST_BEROEP = _("Vul in wanneer het beroep is ingesteld.")
EERST_UITSPRAAK = _("Hoger beroep kan pas na de uitspraak van de rechtbank.")
GEEN_HOGER_BEROEP_NA_INTREKKEN = _("Het beroep is ingetrokken: er is geen uitspraak om hoger beroep tegen in te stellen.")
GEEN_BEROEP_MOGELIJK = _("Beroep hoort bij een boete waarop het bezwaar ongegrond of niet-ontvankelijk is verklaard.")
VERJAARD = _("De boetebevoegdheid is vervallen op %(datum)s (verjaring, Awb 5:45).")
DUO_START_VERPLICHT = _("Vul de startdatum van de nieuwe termijn van DUO in.")
ZAAK_AFGESLOTEN = _("Deze zaak is afgesloten.")
NIET_IN_SIGNAAL_OF_GESPREK = _("Een waarschuwing kan alleen na het gesprek en vóór een voornemen.")
NIET_VOOR_VOORNEMEN = _("Een voornemen kan alleen na het gesprek of de waarschuwing.")
GEEN_VOORNEMEN = _("Er staat geen voornemen open: een besluit kan nu niet.")
ZIENSWIJZE_ALLEEN_BIJ_VOORNEMEN = _("Een zienswijze hoort bij een voornemen dat nog openstaat.")
GEEN_BOETE_BESLUIT = _("Bezwaar en betaling horen bij een besluit tot een boete.")
ZIENSWIJZE_VOOR_VOORNEMEN = _("De zienswijze kan niet vóór het voornemen zijn ontvangen.")
ZIENSWIJZE_INHOUD = _("Beschrijf wat de inburgeraar naar voren heeft gebracht.")
BIJSTAND_TOELICHTING = _("Licht toe wanneer en hoe de bijstand is verlaagd.")
BEZWAAR_NA_BEKENDMAKING = _("Het bezwaar kan niet vóór de bekendmaking van het besluit zijn ontvangen.")
BESLIST_VOOR_ONTVANGST = _("De beslissing op bezwaar kan niet vóór de ontvangst liggen.")
UITKOMST_ZONDER_DATUM = _("Vul de datum van de beslissing op bezwaar in.")
DATUM_ZONDER_UITKOMST = _("Kies de uitkomst van het bezwaar.")
LEERROUTE_ALLEEN_ASIEL = _("Voor het niet volgen van de leerroute kan de gemeente alleen een asielstatushouder een boete "
                           "opleggen (Wet inburgering 2021, art. 23); voor anderen handhaaft DUO het resultaat.")
HOGER_DAN_VOORNEMEN = _("De boete (%(bedrag)s) is hoger dan het voorgenomen bedrag (%(voornemen)s). Daarover is de "
                        "inburgeraar niet gehoord: leg ten hoogste het voorgenomen bedrag op, of sluit deze zaak en "
                        "stuur een nieuw voornemen.")


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
    bekendmaking: date
    vandaag: date
    regime: str
    nieuwe_termijn_einde: date | None = None
    verjaring_op: date | None = None


def besluit_fouten(feiten: BesluitFeiten, bedragen: Bedragen | None = None) -> dict[str, str]:
    """What every decision needs (Awb 4:8–4:12, 5:46, Wet 27, asiel policy) apart from the amount."""
    bedragen = bedragen or Bedragen()
    fouten: dict[str, str] = {}
    if not feiten.motivering.strip():
        fouten["motivering"] = str(MOTIVERING_VERPLICHT)
    if feiten.zienswijze_ontvangen and not feiten.zienswijze_weging.strip():
        fouten["zienswijze_weging"] = str(ZIENSWIJZE_WEGEN)
    if not feiten.zienswijze_ontvangen and feiten.zienswijze_einde and feiten.dagtekening <= feiten.zienswijze_einde:
        fouten["__all__"] = str(ZIENSWIJZE_TERMIJN_LOOPT % {"datum": f"{feiten.zienswijze_einde:%d-%m-%Y}"})
    if feiten.dagtekening > feiten.vandaag:
        fouten["dagtekening"] = str(DATUM_TOEKOMST)
    if feiten.bekendmaking < feiten.dagtekening:
        fouten["bekendmaking"] = str(BEKENDMAKING_VOOR_DAGTEKENING)
    if feiten.uitkomst != BesluitUitkomst.BOETE:
        return fouten
    # Conservative reading of Awb 5:45: the fine must be made known (bekendmaking ≥ dagtekening) in time.
    if feiten.verjaring_op and feiten.bekendmaking > feiten.verjaring_op:
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


# --- dates -------------------------------------------------------------------------------------------------
def verjaring(*, overtreding_datum: date, wettelijk_maximum: Decimal, geschorste_dagen: int = 0) -> tuple[date, int]:
    """Awb 5:45: the power to fine lapses 5 years after the violation; 3 years when the statutory maximum
    is at most €340 (so 3 years for the €250 brede intake fine, 5 for PIP duties up to €800). Returns the
    last day on which a fine can still be imposed and the number of years. Awb 5:45 lid 3: the term is
    suspended while bezwaar or beroep against the fine runs, so it moves by `geschorste_dagen`."""
    jaren = VERJARING_JAREN_LAAG if wettelijk_maximum <= VERJARING_DREMPEL else VERJARING_JAREN
    return datums.plus_jaren(overtreding_datum, jaren) + timedelta(days=geschorste_dagen), jaren


def zienswijze_einde(*, verzonden_op: date, weken: int, atw: bool, extra_dagen=frozenset()) -> date:
    """Awb 4:8: the zienswijze period after the voornemen was sent (default 2 weeks), with the Algemene
    termijnenwet when the setting applies it."""
    return datums.fatale_datum(datums.weken_na(verzonden_op, weken), atw=atw, extra_dagen=extra_dagen)


class RechterUitkomst(models.TextChoices):
    """The outcome of beroep or hoger beroep, as its effect on the fine."""

    BOETE_BLIJFT = "boete_blijft", _("Boete blijft (ongegrond of niet-ontvankelijk)")
    VERNIETIGD = "vernietigd", _("Boete vernietigd")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


@dataclass(frozen=True)
class Rechtsgang:
    """What was recorded of bezwaar, beroep and hoger beroep against a fine. The `*_einde` dates are the
    last days to lodge (computed with the Algemene termijnenwet by the service)."""

    bezwaar_einde: date | None = None
    bezwaar_ontvangen_op: date | None = None
    bezwaar_uitkomst: str = ""
    bezwaar_beslist_op: date | None = None
    bezwaar_bekendgemaakt_op: date | None = None  # bekendmaking of the beslissing op bezwaar
    beroep_einde: date | None = None
    beroep_ingesteld_op: date | None = None
    beroep_uitkomst: str = ""
    beroep_uitspraak_op: date | None = None
    hoger_beroep_einde: date | None = None
    hoger_beroep_ingesteld_op: date | None = None
    hoger_beroep_uitkomst: str = ""
    hoger_beroep_uitspraak_op: date | None = None


def vernietigd(r: Rechtsgang) -> bool:
    """As things stand, the fine is gone: herroepen on bezwaar, or annulled by the court (the last recorded
    judgment counts: an annulment by the rechtbank stands unless the hoger beroep restored the fine). An
    annulled fine counts for neither the cap nor the doubling (Besluit 7.1 lid 3 and 5)."""
    if r.bezwaar_uitkomst == BezwaarUitkomst.GEGROND:
        return True
    if r.hoger_beroep_uitkomst in (RechterUitkomst.VERNIETIGD, RechterUitkomst.BOETE_BLIJFT):
        return r.hoger_beroep_uitkomst == RechterUitkomst.VERNIETIGD
    return r.beroep_uitkomst == RechterUitkomst.VERNIETIGD


def _na(einde: date | None) -> date | None:
    return einde + datums.EEN_DAG if einde else None


def onherroepelijk_op(r: Rechtsgang) -> date | None:
    """The day a fine became final (onherroepelijk): never while bezwaar or beroep can still be lodged or
    is pending (Awb 6:7, 8:1). Without bezwaar: the day after the bezwaartermijn. After a beslissing op
    bezwaar that upheld the fine: the day after the beroepstermijn, which runs six weeks from the
    *bekendmaking* of that beslissing (Awb 6:7/6:8, with the Atw) — unknown bekendmaking, not final. After
    a judgment of the rechtbank upholding it: the day after the hoger-beroepstermijn; after the hoger
    beroep: the day of that judgment. A fine annulled never becomes final. A withdrawn remedy makes it
    final, but never before its term has passed (it could be lodged again)."""
    if vernietigd(r) or r.bezwaar_einde is None:
        return None
    if r.bezwaar_ontvangen_op is None:
        return _na(r.bezwaar_einde)
    if not r.bezwaar_uitkomst or not r.bezwaar_beslist_op:
        return None  # bezwaar pending
    if r.bezwaar_uitkomst == BezwaarUitkomst.INGETROKKEN:
        return max(r.bezwaar_beslist_op, _na(r.bezwaar_einde))
    # upheld (ongegrond / niet-ontvankelijk): beroep can be lodged
    if r.beroep_ingesteld_op is None:
        return _na(r.beroep_einde)  # None while the bekendmaking is unknown
    if not r.beroep_uitkomst or not r.beroep_uitspraak_op:
        return None  # beroep pending
    if r.beroep_uitkomst == RechterUitkomst.INGETROKKEN:
        return max(filter(None, (r.beroep_uitspraak_op, _na(r.beroep_einde))))
    if r.hoger_beroep_ingesteld_op is None:
        return _na(r.hoger_beroep_einde)
    if not r.hoger_beroep_uitkomst or not r.hoger_beroep_uitspraak_op:
        return None  # hoger beroep pending
    if r.hoger_beroep_uitkomst == RechterUitkomst.INGETROKKEN:
        return max(filter(None, (r.hoger_beroep_uitspraak_op, _na(r.hoger_beroep_einde))))
    return r.hoger_beroep_uitspraak_op  # the fine stands by the final judgment


def verjaring_geschorste_dagen(r: Rechtsgang, *, vandaag: date) -> int:
    """Awb 5:45 lid 3: the lapse term is suspended while bezwaar or beroep against the fine runs: from the
    day it was lodged until the decision or judgment (still running: until today). Days counted once."""
    dagen: set[date] = set()
    for begin, eind in ((r.bezwaar_ontvangen_op, r.bezwaar_beslist_op),
                        (r.beroep_ingesteld_op, r.beroep_uitspraak_op),
                        (r.hoger_beroep_ingesteld_op, r.hoger_beroep_uitspraak_op)):
        if begin is None:
            continue
        eind = eind or vandaag
        dagen.update(begin + timedelta(days=i) for i in range((eind - begin).days))
    return len(dagen)


def rechtsgang_fouten(*, bekendgemaakt_op: date | None, beslist_op: date | None, beroep_ingesteld_op: date | None,
                      beroep_uitkomst: str, beroep_uitspraak_op: date | None, hoger_beroep_ingesteld_op: date | None,
                      hoger_beroep_uitkomst: str, hoger_beroep_uitspraak_op: date | None,
                      vandaag: date) -> dict[str, str]:
    """Dates in order and not in the future: bekendmaking of the beslissing op bezwaar after the decision;
    beroep after that bekendmaking; an outcome with its date; hoger beroep only after the judgment."""
    fouten: dict[str, str] = {}
    velden = {"bekendgemaakt_op": bekendgemaakt_op, "beroep_ingesteld_op": beroep_ingesteld_op,
              "beroep_uitspraak_op": beroep_uitspraak_op, "hoger_beroep_ingesteld_op": hoger_beroep_ingesteld_op,
              "hoger_beroep_uitspraak_op": hoger_beroep_uitspraak_op}
    for veld, datum in velden.items():
        if datum and datum > vandaag:
            fouten[veld] = str(DATUM_TOEKOMST)
    volgorde = (("bekendgemaakt_op", beslist_op, bekendgemaakt_op), ("beroep_ingesteld_op", bekendgemaakt_op,
                beroep_ingesteld_op), ("beroep_uitspraak_op", beroep_ingesteld_op, beroep_uitspraak_op),
                ("hoger_beroep_ingesteld_op", beroep_uitspraak_op, hoger_beroep_ingesteld_op),
                ("hoger_beroep_uitspraak_op", hoger_beroep_ingesteld_op, hoger_beroep_uitspraak_op))
    for veld, eerder, later in volgorde:
        if later and eerder and later < eerder and veld not in fouten:
            fouten[veld] = str(VOLGORDE_DATUMS)
    if bekendgemaakt_op and not beslist_op:
        fouten["bekendgemaakt_op"] = str(EERST_BESLISSING_OP_BEZWAAR)
    if beroep_ingesteld_op and not bekendgemaakt_op:
        fouten["beroep_ingesteld_op"] = str(EERST_BEKENDMAKING_BOB)
    for uitkomst, datum, u_veld, d_veld in ((beroep_uitkomst, beroep_uitspraak_op, "beroep_uitkomst",
                                             "beroep_uitspraak_op"),
                                            (hoger_beroep_uitkomst, hoger_beroep_uitspraak_op,
                                             "hoger_beroep_uitkomst", "hoger_beroep_uitspraak_op")):
        if uitkomst and not datum:
            fouten.setdefault(d_veld, str(UITSPRAAK_ZONDER_DATUM))
        if datum and not uitkomst:
            fouten.setdefault(u_veld, str(DATUM_ZONDER_UITSPRAAK))
    if (beroep_uitkomst or beroep_uitspraak_op) and not beroep_ingesteld_op:
        fouten.setdefault("beroep_ingesteld_op", str(EERST_BEROEP))
    if hoger_beroep_ingesteld_op and not beroep_uitspraak_op:
        fouten.setdefault("hoger_beroep_ingesteld_op", str(EERST_UITSPRAAK))
    if (hoger_beroep_uitkomst or hoger_beroep_uitspraak_op) and not hoger_beroep_ingesteld_op:
        fouten.setdefault("hoger_beroep_ingesteld_op", str(EERST_BEROEP))
    if beroep_uitkomst == RechterUitkomst.INGETROKKEN and hoger_beroep_ingesteld_op:
        fouten.setdefault("hoger_beroep_ingesteld_op", str(GEEN_HOGER_BEROEP_NA_INTREKKEN))
    return fouten
