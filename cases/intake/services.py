"""Write use-cases for the warme overdracht and the brede intake. Each locks the dossier, checks
permission, validates with the pure rules, writes, and moves the dossier's fase:
aangemeld → overdracht (handover recorded) → intake (intake started) → pip_in_opstelling (afgerond)."""

from datetime import date, time
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from cases import access, brieven
from cases.agenda.services import afspraak_bij_oproep
from cases.models import BredeIntake, Dossier, Fase, IntakeGezondheid, Uitnodiging, WarmeOverdracht, Werkervaring
from cases.termijnen.services import termijnen_herberekenen
from inburgering.accounts.models import User
from inburgering.documenten.verzending import verzendwijze_fouten
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import enkel_vergrendelen, opslaan, vergrendelen

from . import rules
from .selectors import intake_stand

REDEN_ZONDER_OVERDRACHT = _("Er is geen warme overdracht vastgelegd. Geef de reden waarom de intake zonder overdracht begint (bijvoorbeeld: gezinsmigrant).")
INTAKE_FASE = _("De intake kan in deze fase van het dossier niet meer worden gewijzigd.")
INTAKE_AFGEROND = _("De intake is al afgerond.")
GEEN_INTAKE = _("Er is nog geen intake begonnen.")
OVERDRACHT_FASE = _("Een warme overdracht kan alleen worden vastgelegd vóór de brede intake is afgerond.")
DATUM_TOEKOMST = _("Deze datum ligt in de toekomst.")
OPROEP_NIET_VERZONDEN = _("De brief met deze oproep wacht nog op verzending. Zonder verzonden oproep kan "
                          "\"niet verschenen\" niet worden vastgelegd.")
ZONDER_PERSOON_NIET_TOEGESTAAN = _("Zonder de persoon afronden kan pas na de derde oproep waarop de persoon niet is verschenen.")



def _dossier(dossier_id: int, by: User) -> Dossier:
    return vergrendelen(access.zichtbare_dossiers(by), pk=dossier_id, mag=lambda d: access.mag_dossier_bewerken(by, d))


@transaction.atomic
def overdracht_vastleggen(
    *, dossier_id: int, gegevens: dict[str, Any], versie: int | None, by: User
) -> WarmeOverdracht:
    """Record the driegesprek. The first record moves the dossier aangemeld → overdracht. The form
    sends the version it showed (0 while there was none yet): a stale or missing one is refused."""
    dossier = _dossier(dossier_id, by)
    if not rules.intake_open(dossier.fase):
        raise ValidationError(OVERDRACHT_FASE)
    if gegevens["datum"] > vandaag():
        raise ValidationError({"datum": str(DATUM_TOEKOMST)})
    overdracht = enkel_vergrendelen(WarmeOverdracht.objects.filter(dossier=dossier), versie=versie)
    if overdracht is None:
        overdracht = WarmeOverdracht(dossier=dossier, vastgelegd_door=by)
        reden = "Warme overdracht vastgelegd"
    else:
        reden = "Warme overdracht gewijzigd"
    for veld, waarde in gegevens.items():
        setattr(overdracht, veld, waarde)
    opslaan(overdracht, reden=reden, door=by)
    if dossier.fase == Fase.AANGEMELD:
        dossier.start_overdracht()
        opslaan(dossier, reden=reden, door=by)
    return overdracht


def _valideer_intake(gegevens: dict[str, Any]) -> None:
    fouten = rules.lbt_fouten(
        uitkomst=gegevens.get("lbt_uitkomst", ""), vrijstelling=gegevens.get("lbt_vrijstelling", ""),
        score=gegevens.get("lbt_score"), vereiste=gegevens.get("lbt_vereiste_score"),
        datum=gegevens.get("lbt_datum"), vandaag=vandaag(),
    )
    try:
        rules.leeftijden_kinderen(gegevens.get("kinderen_leeftijden", ""))
    except ValueError:
        fouten["kinderen_leeftijden"] = str(rules.KINDEREN_ONGELDIG)
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def intake_opslaan(
    *,
    dossier_id: int,
    gegevens: dict[str, Any],
    werkervaringen: list[dict[str, Any]],
    versie: int | None,
    by: User,
) -> BredeIntake:
    """Save the intake as a draft (as often as needed). The first save moves the dossier to
    `intake`; straight from `aangemeld` only with a recorded reason (no warme overdracht)."""
    dossier = _dossier(dossier_id, by)
    if not rules.intake_open(dossier.fase):
        raise ValidationError(INTAKE_FASE)
    intake = enkel_vergrendelen(BredeIntake.objects.filter(dossier=dossier), versie=versie)
    if intake is not None and intake.is_afgerond:
        raise ValidationError(INTAKE_AFGEROND)
    _valideer_intake(gegevens)
    if dossier.fase == Fase.AANGEMELD and not gegevens.get("reden_zonder_overdracht", "").strip():
        raise ValidationError({"reden_zonder_overdracht": str(REDEN_ZONDER_OVERDRACHT)})
    nieuw = intake is None
    if nieuw:
        intake = BredeIntake(dossier=dossier)
    for veld, waarde in gegevens.items():
        setattr(intake, veld, waarde)
    opslaan(intake, reden="Intake begonnen" if nieuw else "Intake bijgewerkt", door=by)
    _vervang_werkervaringen(intake, werkervaringen, by)
    if dossier.fase in (Fase.AANGEMELD, Fase.OVERDRACHT):
        dossier.start_intake()
        opslaan(dossier, reden="Brede intake begonnen", door=by)
    return intake


def _vervang_werkervaringen(intake: BredeIntake, werkervaringen: list[dict[str, Any]], by: User) -> None:
    for oud in intake.werkervaringen.all():
        oud._change_reason = "Werkervaring verwijderd of vervangen"
        oud._history_user = by
        oud.delete()
    for regel in werkervaringen:
        ervaring = Werkervaring(intake=intake, **regel)
        opslaan(ervaring, reden="Werkervaring vastgelegd", door=by)


@transaction.atomic
def gezondheid_opslaan(*, dossier_id: int, gegevens: dict[str, Any], versie: int | None, by: User) -> IntakeGezondheid:
    """Health answers: only the assigned werkcoach and consulenten may write (and read) them."""
    dossier = _dossier(dossier_id, by)
    if not access.mag_gezondheid_zien(by, dossier):
        raise PermissionDenied
    if not rules.intake_open(dossier.fase):
        raise ValidationError(INTAKE_FASE)
    intake = enkel_vergrendelen(BredeIntake.objects.filter(dossier=dossier))
    if intake is None:
        raise ValidationError(GEEN_INTAKE)
    if intake.is_afgerond:
        raise ValidationError(INTAKE_AFGEROND)
    gezondheid = enkel_vergrendelen(IntakeGezondheid.objects.filter(intake=intake), versie=versie)
    if gezondheid is None:
        gezondheid = IntakeGezondheid(intake=intake)
    for veld, waarde in gegevens.items():
        setattr(gezondheid, veld, waarde)
    opslaan(gezondheid, reden="Gezondheid vastgelegd", door=by)
    return gezondheid


def _eerdere(dossier: Dossier) -> list[rules.EerdereUitnodiging]:
    return [
        rules.EerdereUitnodiging(u.volgnummer, u.verschenen)
        for u in Uitnodiging.objects.filter(dossier=dossier).only("volgnummer", "verschenen")
    ]


@transaction.atomic
def intake_afronden(*, dossier_id: int, zonder_persoon: bool, by: User) -> BredeIntake:
    """Complete the intake: LBT (or exemption/reason), opleiding/werk and gezondheid (Wet 14 lid 3),
    taalniveau, arbeidsparticipatie and zelfredzaamheid (Besluit 5.2) and the notice of the right to
    one-to-one talks (Besluit 5.2 lid 2) are required; after the third summons without appearance the college completes it without the person
    (Wet 14 lid 2). Moves the dossier intake → pip_in_opstelling."""
    dossier = _dossier(dossier_id, by)
    intake = enkel_vergrendelen(BredeIntake.objects.filter(dossier=dossier))
    if intake is None:
        raise ValidationError(GEEN_INTAKE)
    if intake.is_afgerond:
        raise ValidationError(INTAKE_AFGEROND)
    if dossier.fase != Fase.INTAKE:
        raise ValidationError(INTAKE_FASE)
    if zonder_persoon:
        if not rules.mag_zonder_persoon_afronden(_eerdere(dossier)):
            raise ValidationError(ZONDER_PERSOON_NIET_TOEGESTAAN)
        intake.zonder_medewerking = True
    ontbreekt = rules.intake_ontbrekend(intake_stand(intake), mag_gezondheid=access.mag_gezondheid_zien(by, dossier))
    if ontbreekt:
        raise ValidationError(
            [str(_("De intake kan nog niet worden afgerond. Nog nodig:")), *ontbreekt], code="ontbreekt"
        )
    intake.afgerond_op = vandaag()
    intake.afgerond_door = by
    opslaan(intake, reden="Intake afgerond zonder de persoon" if zonder_persoon else "Intake afgerond", door=by)
    dossier.start_pip()
    opslaan(dossier, reden="Brede intake afgerond", door=by)
    # The completed intake meets the new term a Wet 22 fine set (handhaving's termijn).
    termijnen_herberekenen(dossier_id=dossier.pk, by=by)
    return intake


@transaction.atomic
def uitnodiging_vastleggen(
    *,
    dossier_id: int,
    gesprek_op: date,
    by: User,
    reactie_uiterlijk: date | None = None,
    tijd: time | None = None,
    plaats: str = "",
    meenemen: str = "",
    per_post: bool = True,
    uitgereikt_op: date | None = None,
    verzonden_op: date | None = None,
    waarschuwing_op: date | None = None,
) -> Uitnodiging:
    """Record a summons for the intake and, in the same transaction, render its letter and create its
    verzending (issue 15): by post it waits for the print batch (`verzonden_op` stays empty until the
    postkamer confirms the posting, `oproep_verzonden`), handed over it is sent on `uitgereikt_op`.
    The second oproep's letter carries the written warning of Wet 14 lid 1 (its bekendmaking is the
    warning's date); the third says the intake will be completed without the person.

    Old path: a `verzonden_op` records a summons sent outside the system (no letter); a second one then
    needs the separate warning's `waarschuwing_op`."""
    dossier = _dossier(dossier_id, by)
    if not rules.intake_open(dossier.fase):
        raise ValidationError(INTAKE_FASE)
    eerdere = _eerdere(dossier)
    met_brief = verzonden_op is None
    peildatum = verzonden_op or (uitgereikt_op if not per_post and uitgereikt_op else vandaag())
    fouten = rules.nieuwe_uitnodiging_fouten(
        eerdere=eerdere, verzonden_op=peildatum, gesprek_op=gesprek_op,
        reactie_uiterlijk=reactie_uiterlijk, waarschuwing_op=waarschuwing_op, waarschuwing_in_brief=met_brief,
    )
    if verzonden_op is not None and verzonden_op > vandaag():
        fouten.setdefault("verzonden_op", str(DATUM_TOEKOMST))
    if met_brief:
        for veld, fout in {
            **rules.oproepbrief_fouten(gesprek_op=gesprek_op, tijd=tijd, plaats=plaats,
                                       reactie_uiterlijk=reactie_uiterlijk, vandaag=vandaag()),
            **verzendwijze_fouten(per_post=per_post, uitgereikt_op=uitgereikt_op,
                                          heeft_adres=bool(dossier.inburgeraar.adresregels), vandaag=vandaag()),
        }.items():
            fouten.setdefault(veld, fout)
    if fouten:
        raise ValidationError(fouten)
    volgnummer = len(eerdere) + 1
    uitnodiging = Uitnodiging(
        dossier=dossier, volgnummer=volgnummer, verzonden_op=verzonden_op, gesprek_op=gesprek_op, tijd=tijd,
        plaats=plaats, meenemen=meenemen, reactie_uiterlijk=reactie_uiterlijk,
        waarschuwing_op=waarschuwing_op if eerdere else None, vastgelegd_door=by,
    )
    if met_brief:
        bekendmaking = None if per_post else uitgereikt_op
        uitnodiging.verzonden_op = bekendmaking
        if volgnummer == 2:  # the warning is in this letter: it is given when the letter is sent
            uitnodiging.waarschuwing_op = bekendmaking
        uitnodiging.document = brieven.brief_versturen(
            dossier=dossier, template_naam=brieven.OPROEP_TEMPLATE, template_versie=brieven.OPROEP_TEMPLATE_VERSIE,
            soort=brieven.OPROEP_SOORT, kenmerk=uitnodiging.kenmerk,
            titel=f"Oproep {volgnummer} brede intake {dossier.inburgeraar}",
            context=brieven.brief_context(dossier, kenmerk=uitnodiging.kenmerk,
                                          onderwerp=f"Uitnodiging brede intake ({volgnummer}e oproep)",
                                          uitnodiging=uitnodiging),
            per_post=per_post, uitgereikt_op=uitgereikt_op, by=by,
        )
    opslaan(uitnodiging, reden=f"Oproep {uitnodiging.volgnummer} vastgelegd", door=by)
    afspraak_bij_oproep(uitnodiging, by)  # with a time: in the agenda and the feed (issue 20)
    return uitnodiging


def oproep_verzonden(verzending, datum: date, door: User) -> None:
    """The postkamer confirmed the batch with this oproep as posted on `datum`: its bekendmaking (and, for
    the second oproep, the day of the written warning it carries)."""
    uitnodiging = vergrendelen(Uitnodiging.objects.all(), document_id=verzending.document_id)
    uitnodiging.verzonden_op = datum
    if uitnodiging.volgnummer == 2 and uitnodiging.waarschuwing_op is None:
        uitnodiging.waarschuwing_op = datum
    opslaan(uitnodiging, reden=f"Oproep {uitnodiging.volgnummer} verzonden op {datum:%d-%m-%Y}", door=door)


@transaction.atomic
def uitnodiging_uitkomst(*, dossier_id: int, uitnodiging_id: int, verschenen: bool, by: User) -> Uitnodiging:
    """Only an oproep of `dossier_id`, a dossier the user sees (Uitnodiging.DoesNotExist otherwise)."""
    uitnodiging = vergrendelen(
        Uitnodiging.objects.select_related("dossier").filter(dossier__in=access.zichtbare_dossiers(by).values("pk")),
        pk=uitnodiging_id, dossier_id=dossier_id, mag=lambda u: access.mag_dossier_bewerken(by, u.dossier),
    )
    if uitnodiging.gesprek_op > vandaag():
        raise ValidationError(_("Het gesprek heeft nog niet plaatsgevonden."))
    if not verschenen and uitnodiging.verzonden_op is None:
        # Not sent, not bekendgemaakt: a no-show on it would count towards a Wet 22 fine without a summons.
        raise ValidationError(OPROEP_NIET_VERZONDEN)
    uitnodiging.verschenen = verschenen
    opslaan(uitnodiging, reden="Verschenen" if verschenen else "Niet verschenen", door=by)
    return uitnodiging
