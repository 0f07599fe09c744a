"""Pure rules about persons and dossiers: facts in, decision out, no database.

Sources: DOMAIN.md §2 (scope, doelgroep), §12 (BSN); Wet inburgering 2021 art. 2–3.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

# Error messages are constants so the tests and the forms speak with one voice.
BSN_ONGELDIG = _("Dit is geen geldig BSN: het moet 9 cijfers hebben en voldoen aan de elfproef.")
TE_JONG = _("Op de datum van de kennisgeving is deze persoon %(leeftijd)s jaar; de inburgeringsplicht geldt vanaf %(minimum)s jaar.")
AOW_BEREIKT = _("Op de datum van de kennisgeving heeft deze persoon de AOW-leeftijd (%(aow)s) bereikt en is dus niet inburgeringsplichtig.")
GEEN_AOW_LEEFTIJD = _("Voor %(jaar)s is geen AOW-leeftijd ingesteld. Vraag functioneel beheer om deze toe te voegen.")
DATUM_IN_TOEKOMST = _("Deze datum ligt in de toekomst.")
HUISVESTING_VOOR_KOPPELING = _("De datum van huisvesting kan niet vóór de datum van koppeling liggen.")
GEBOORTE_NA_KENNISGEVING = _("De geboortedatum ligt na de datum van de kennisgeving.")
TOLK_TAAL_VERPLICHT = _("Vul in welke taal de tolk moet spreken.")


class Doelgroep:
    """DUO's GedetailleerdeDoelgroep, stored with DUO's own values so messages map 1:1."""

    ASIELSTATUSHOUDER = "Asielstatushouder"
    GEESTELIJK_BEDIENAAR = "Geestelijk bedienaar"
    GEZINSHERENIGER = "Gezinshereniger"
    GEZINSHERENIGER_ASIEL = "Gezinshereniger met Asielstatushouder"
    GEZINSVORMER = "Gezinsvormer"
    GEZINSVORMER_ASIEL = "Gezinsvormer met Asielstatushouder"
    OVERIG = "Overig"

    CHOICES = [
        (ASIELSTATUSHOUDER, _("Asielstatushouder")),
        (GEZINSHERENIGER_ASIEL, _("Gezinshereniger met asielstatushouder")),
        (GEZINSVORMER_ASIEL, _("Gezinsvormer met asielstatushouder")),
        (GEZINSHERENIGER, _("Gezinshereniger")),
        (GEZINSVORMER, _("Gezinsvormer")),
        (GEESTELIJK_BEDIENAAR, _("Geestelijk bedienaar")),
        (OVERIG, _("Overig")),
    ]


class DoelgroepKort:
    """The two-way split of the Wi2021 (DUO's Doelgroepindeling) that drives entitlements."""

    ASIEL = "asiel"
    GEZINS_OVERIG = "gezins_overig"
    CHOICES = [(ASIEL, _("Asielstatushouder")), (GEZINS_OVERIG, _("Gezinsmigrant en overige migrant"))]


ASIEL_DOELGROEPEN = frozenset(
    {Doelgroep.ASIELSTATUSHOUDER, Doelgroep.GEZINSHERENIGER_ASIEL, Doelgroep.GEZINSVORMER_ASIEL}
)


def doelgroep_kort(doelgroep: str) -> str:
    """Family members of an asielstatushouder count as asielstatushouder for the Wi2021 indeling."""
    if doelgroep not in dict(Doelgroep.CHOICES):
        raise ValueError(f"Onbekende doelgroep: {doelgroep!r}")
    return DoelgroepKort.ASIEL if doelgroep in ASIEL_DOELGROEPEN else DoelgroepKort.GEZINS_OVERIG


def doelgroepen_voor(kort: str) -> list[str]:
    """The detailed doelgroepen behind a two-way value, for filtering."""
    return [code for code, _label in Doelgroep.CHOICES if doelgroep_kort(code) == kort]


def normaliseer_bsn(invoer: str) -> str:
    """Accept the ways people type a BSN (spaces, dots, dashes); a leading zero may be left off."""
    cijfers = "".join(teken for teken in invoer if teken not in " .-")
    if cijfers.isdigit() and len(cijfers) == 8:
        cijfers = "0" + cijfers
    return cijfers


def bsn_is_geldig(bsn: str) -> bool:
    """Elfproef for the BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not all zeros)."""
    if len(bsn) != 9 or not bsn.isascii() or not bsn.isdigit() or bsn == "000000000":
        return False
    gewichten = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(c) * g for c, g in zip(bsn, gewichten, strict=True)) % 11 == 0


def maskeer_bsn(bsn: str) -> str:
    """Show only the last four digits in headers and lists (privacy by default)."""
    return "•••••" + bsn[-4:]


@dataclass(frozen=True, order=True)
class Leeftijd:
    jaren: int
    maanden: int

    def __str__(self) -> str:
        if self.maanden:
            return f"{self.jaren} jaar en {self.maanden} maanden"
        return f"{self.jaren} jaar"


def leeftijd_op(geboortedatum: date, peildatum: date) -> Leeftijd:
    """Completed years and months on peildatum. Born 29 Feb: the birthday is 28 Feb in other years
    only after 28 Feb has fully passed, i.e. on 1 March (Dutch civil practice, BW 1:2 analogy)."""
    maanden = (peildatum.year - geboortedatum.year) * 12 + (peildatum.month - geboortedatum.month)
    if peildatum.day < geboortedatum.day:
        maanden -= 1
    return Leeftijd(jaren=maanden // 12, maanden=maanden % 12)


def leeftijd_fout(
    *, geboortedatum: date, kennisgeving: date, minimum_jaren: int, aow_leeftijd: Leeftijd | None
) -> str | None:
    """Scope of the plicht by age on the date of DUO's kennisgeving: from the minimum age (18)
    up to the AOW age of that year [WET art. 3; AOW age is a setting per year]."""
    if geboortedatum > kennisgeving:
        return str(GEBOORTE_NA_KENNISGEVING)
    leeftijd = leeftijd_op(geboortedatum, kennisgeving)
    if leeftijd.jaren < minimum_jaren:
        return str(TE_JONG % {"leeftijd": leeftijd.jaren, "minimum": minimum_jaren})
    if aow_leeftijd is None:
        return str(GEEN_AOW_LEEFTIJD % {"jaar": kennisgeving.year})
    if leeftijd >= aow_leeftijd:
        return str(AOW_BEREIKT % {"aow": aow_leeftijd})
    return None


def datum_fouten(
    *, vandaag: date, datums: dict[str, date | None], koppeling: date | None, huisvesting: date | None
) -> dict[str, str]:
    """Field errors for the dossier's key dates: none in the future, huisvesting not before koppeling."""
    fouten = {veld: str(DATUM_IN_TOEKOMST) for veld, datum in datums.items() if datum and datum > vandaag}
    if koppeling and huisvesting and huisvesting < koppeling:
        fouten.setdefault("datum_huisvesting", str(HUISVESTING_VOOR_KOPPELING))
    return fouten


def tolk_fout(*, tolk_nodig: bool, tolk_taal: str) -> str | None:
    """Who needs an interpreter needs one for a language: without it no one can be booked."""
    return str(TOLK_TAAL_VERPLICHT) if tolk_nodig and not (tolk_taal or "").strip() else None
