"""Pure rules for the warme overdracht and the brede intake (Wet inburgering 2021 art. 14,
Besluit 5.2; DOMAIN.md §3–4). Facts in, decision out, no database."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

# The overdracht and the intake can be recorded and changed until the intake is completed (the
# dossier then moves on to pip_in_opstelling). Values of `cases.models.Fase` (the models import
# these rules, so the rules name the values).
INTAKE_FASEN = ("aangemeld", "overdracht", "intake")


def intake_open(fase: str) -> bool:
    return fase in INTAKE_FASEN


class LbtUitkomst:
    HAALBAAR = "haalbaar"
    NIET_HAALBAAR = "niet_haalbaar"
    ONBEKEND = "onbekend"
    CHOICES = [
        (HAALBAAR, _("B1-route haalbaar")),
        (NIET_HAALBAAR, _("B1-route niet haalbaar")),
        (ONBEKEND, _("Onbekend")),
    ]


class LbtVrijstelling:
    """Wet 14 lid 6: the college must exempt from the LBT for these impairments."""

    GEEN = ""
    VISUEEL = "visueel"
    AUDITIEF = "auditief"
    CHOICES = [
        (GEEN, _("Geen vrijstelling")),
        (VISUEEL, _("Visuele beperking")),
        (AUDITIEF, _("Auditieve beperking die de toets onmogelijk maakt")),
    ]


# Messages naming what is missing to complete the intake.
ONTBREEKT_LBT = _("de leerbaarheidstoets: een uitslag, een vrijstelling of de reden waarom de toets niet is afgenomen")
ONTBREEKT_OPLEIDING = _("het onderdeel opleiding (hoogst afgeronde opleiding)")
ONTBREEKT_WERK = _("het onderdeel werkervaring (ten minste één werkervaring, of aangeven dat er geen is)")
ONTBREEKT_GEZONDHEID = _("het onderdeel gezondheid")
ONTBREEKT_GEZONDHEID_GEEN_TOEGANG = _("het onderdeel gezondheid (in te vullen door de eigen werkcoach of een consulent)")
ONTBREEKT_TAALNIVEAU = _("het taalniveau: het niveau Nederlands (Besluit inburgering 2021, art. 5.2)")
ONTBREEKT_ARBEIDSPARTICIPATIE = _("de mogelijkheden voor arbeidsparticipatie (Besluit inburgering 2021, art. 5.2)")
ONTBREEKT_ZELFREDZAAMHEID = _("de mate van zelfredzaamheid (Besluit inburgering 2021, art. 5.2)")
ONTBREEKT_EEN_OP_EEN = _("vastleggen dat de persoon is gewezen op het recht om de intakegesprekken één op één te voeren (Besluit inburgering 2021, art. 5.2 lid 2)")
LBT_SCORE_ONVOLLEDIG = _("Vul de score en de vereiste score allebei in, of geen van beide.")
LBT_DATUM_TOEKOMST = _("De datum van de toets ligt in de toekomst.")
LBT_UITSLAG_EN_VRIJSTELLING = _("Een vrijgestelde persoon heeft geen toetsuitslag; kies de uitslag óf de vrijstelling.")
KINDEREN_ONGELDIG = _("Vul de leeftijden in als hele getallen gescheiden door komma's, bijvoorbeeld: 2, 5, 11.")


@dataclass(frozen=True)
class IntakeStand:
    lbt_uitkomst: str
    lbt_vrijstelling: str
    lbt_geen_reden: str
    opleiding_niveau: str
    aantal_werkervaringen: int
    geen_werkervaring: bool
    gezondheid_ingevuld: bool
    zonder_medewerking: bool
    # Besluit 5.2: the language level, the possibilities for labour participation, the degree of
    # self-reliance; lid 2: the person was told of the right to one-to-one intake talks.
    taalniveau: str
    arbeidsparticipatie: str
    zelfredzaamheid: str
    een_op_een_gewezen: bool


def intake_ontbrekend(stand: IntakeStand, *, mag_gezondheid: bool = True) -> list[str]:
    """What still blocks completing the intake. Completing requires the LBT (or an exemption or a
    reason), opleiding/werk and gezondheid (Wet 14 lid 3), the language level, the possibilities for
    labour participation and the degree of self-reliance (Besluit 5.2), and the recorded notice of
    the right to one-to-one talks (Besluit 5.2 lid 2). After the third summons without appearance
    the college completes the intake without the person (Wet 14 lid 2): nothing is then required."""
    if stand.zonder_medewerking:
        return []
    ontbreekt = []
    if not (stand.lbt_uitkomst or stand.lbt_vrijstelling or stand.lbt_geen_reden.strip()):
        ontbreekt.append(str(ONTBREEKT_LBT))
    if not stand.opleiding_niveau:
        ontbreekt.append(str(ONTBREEKT_OPLEIDING))
    if not (stand.aantal_werkervaringen or stand.geen_werkervaring):
        ontbreekt.append(str(ONTBREEKT_WERK))
    if not stand.gezondheid_ingevuld:
        ontbreekt.append(str(ONTBREEKT_GEZONDHEID if mag_gezondheid else ONTBREEKT_GEZONDHEID_GEEN_TOEGANG))
    if not stand.taalniveau:
        ontbreekt.append(str(ONTBREEKT_TAALNIVEAU))
    if not stand.arbeidsparticipatie.strip():
        ontbreekt.append(str(ONTBREEKT_ARBEIDSPARTICIPATIE))
    if not stand.zelfredzaamheid:
        ontbreekt.append(str(ONTBREEKT_ZELFREDZAAMHEID))
    if not stand.een_op_een_gewezen:
        ontbreekt.append(str(ONTBREEKT_EEN_OP_EEN))
    return ontbreekt


def lbt_fouten(
    *, uitkomst: str, vrijstelling: str, score: int | None, vereiste: int | None, datum: date | None, vandaag: date
) -> dict[str, str]:
    fouten: dict[str, str] = {}
    if vrijstelling and uitkomst in (LbtUitkomst.HAALBAAR, LbtUitkomst.NIET_HAALBAAR):
        fouten["lbt_vrijstelling"] = str(LBT_UITSLAG_EN_VRIJSTELLING)
    if (score is None) != (vereiste is None):
        fouten["lbt_vereiste_score"] = str(LBT_SCORE_ONVOLLEDIG)
    if datum and datum > vandaag:
        fouten["lbt_datum"] = str(LBT_DATUM_TOEKOMST)
    return fouten


def leeftijden_kinderen(invoer: str) -> list[int]:
    """'2, 5, 11' → [2, 5, 11]; raises ValueError on anything else (the form shows KINDEREN_ONGELDIG)."""
    delen = [deel.strip() for deel in invoer.replace(";", ",").split(",") if deel.strip()]
    leeftijden = [int(deel) for deel in delen]
    if any(not 0 <= leeftijd <= 30 for leeftijd in leeftijden):
        raise ValueError(invoer)
    return leeftijden


VVE_TOT_LEEFTIJD = 6  # voorschoolse (2½–4) and vroegschoolse educatie (groep 1–2, to age 6)


def vve_relevant(leeftijden: list[int]) -> bool:
    """Wet 14 lid 3 d: discuss the options for vve when there are young children."""
    return any(leeftijd < VVE_TOT_LEEFTIJD for leeftijd in leeftijden)


# --- Summons and non-appearance (Wet 14 lid 1–2) -----------------------------------------------
UITNODIGING_EERST_VORIGE = _("Leg eerst vast of de persoon op de vorige uitnodiging is verschenen.")
UITNODIGING_VERSCHENEN = _("De persoon is op de vorige uitnodiging verschenen; een nieuwe oproep is niet nodig.")
UITNODIGING_WAARSCHUWING = _("Voor een tweede oproep is eerst een schriftelijke waarschuwing nodig (Wet inburgering 2021, art. 14 lid 1). Vul de datum van de waarschuwing in.")
UITNODIGING_MAXIMUM = _("Na de derde oproep rondt het college de intake af zonder de persoon (art. 14 lid 2).")
UITNODIGING_DATUMS = _("Het gesprek kan niet vóór de verzending van de uitnodiging liggen.")
UITNODIGING_REACTIE = _("De reactietermijn kan niet vóór de verzending van de uitnodiging eindigen.")
UITNODIGING_REACTIE_NA_GESPREK = _("De reactiedatum ligt na het gesprek. Kies een dag vóór het gesprek.")
UITNODIGING_GESPREK_VERLEDEN = _("De datum van het gesprek ligt in het verleden.")
UITNODIGING_TIJD = _("Vul de tijd van het gesprek in.")
UITNODIGING_PLAATS = _("Vul de plaats van het gesprek in.")


def oproepbrief_fouten(*, gesprek_op: date, tijd, plaats: str, reactie_uiterlijk: date | None,
                       vandaag: date) -> dict[str, str]:
    """A summons letter names a conversation still to come, with its time and place, and a response date
    before it."""
    fouten: dict[str, str] = {}
    if gesprek_op < vandaag:
        fouten["gesprek_op"] = str(UITNODIGING_GESPREK_VERLEDEN)
    if tijd is None:
        fouten["tijd"] = str(UITNODIGING_TIJD)
    if not plaats.strip():
        fouten["plaats"] = str(UITNODIGING_PLAATS)
    if reactie_uiterlijk and reactie_uiterlijk > gesprek_op:
        fouten["reactie_uiterlijk"] = str(UITNODIGING_REACTIE_NA_GESPREK)
    return fouten


@dataclass(frozen=True)
class EerdereUitnodiging:
    volgnummer: int
    verschenen: bool | None


def nieuwe_uitnodiging_fouten(
    *,
    eerdere: list[EerdereUitnodiging],
    verzonden_op: date,
    gesprek_op: date,
    reactie_uiterlijk: date | None,
    waarschuwing_op: date | None,
    waarschuwing_in_brief: bool = False,
) -> dict[str, str]:
    """A second summons needs a recorded no-show on the first plus a written warning (recorded with its
    date, or carried by the second oproep's own letter: `waarschuwing_in_brief`); a third follows a
    no-show on the second; there is no fourth. `verzonden_op`: the day the summons goes out (or today
    while its letter waits for the post)."""
    fouten: dict[str, str] = {}
    if gesprek_op < verzonden_op:
        fouten["gesprek_op"] = str(UITNODIGING_DATUMS)
    if reactie_uiterlijk and reactie_uiterlijk < verzonden_op:
        fouten["reactie_uiterlijk"] = str(UITNODIGING_REACTIE)
    if not eerdere:
        return fouten
    laatste = max(eerdere, key=lambda u: u.volgnummer)
    if laatste.volgnummer >= 3:
        fouten["__all__"] = str(UITNODIGING_MAXIMUM)
    elif laatste.verschenen is None:
        fouten["__all__"] = str(UITNODIGING_EERST_VORIGE)
    elif laatste.verschenen:
        fouten["__all__"] = str(UITNODIGING_VERSCHENEN)
    elif laatste.volgnummer == 1 and waarschuwing_op is None and not waarschuwing_in_brief:
        fouten["waarschuwing_op"] = str(UITNODIGING_WAARSCHUWING)
    return fouten


def mag_zonder_persoon_afronden(eerdere: list[EerdereUitnodiging]) -> bool:
    """After the third summons without appearance (Wet 14 lid 2)."""
    return any(u.volgnummer == 3 and u.verschenen is False for u in eerdere)
