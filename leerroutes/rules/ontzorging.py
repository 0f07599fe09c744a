"""Financieel ontzorgen (Participatiewet art. 56a) and maatschappelijke begeleiding (Wet 13)."""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from inburgering.kalender import datums

from .onderdelen import DATUM_TOEKOMST
from .uren_examens import UREN_NUL
from .vocabulaire import _d

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
