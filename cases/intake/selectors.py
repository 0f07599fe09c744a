from dataclasses import dataclass

from cases.models import BredeIntake, Dossier, IntakeGezondheid, Uitnodiging, WarmeOverdracht

from . import rules


@dataclass
class IntakeOverzicht:
    overdracht: WarmeOverdracht | None
    intake: BredeIntake | None
    uitnodigingen: list[Uitnodiging]
    vve_relevant: bool
    ontbreekt: list[str]
    mag_zonder_persoon: bool


def intake_stand(intake: BredeIntake) -> rules.IntakeStand:
    """The facts that decide whether the intake can be completed (two queries)."""
    gezondheid = IntakeGezondheid.objects.filter(intake=intake).first()
    return rules.IntakeStand(
        lbt_uitkomst=intake.lbt_uitkomst, lbt_vrijstelling=intake.lbt_vrijstelling,
        lbt_geen_reden=intake.lbt_geen_reden, opleiding_niveau=intake.opleiding_niveau,
        aantal_werkervaringen=intake.werkervaringen.count(), geen_werkervaring=intake.geen_werkervaring,
        gezondheid_ingevuld=bool(gezondheid and gezondheid.is_ingevuld), zonder_medewerking=intake.zonder_medewerking,
        taalniveau=intake.nederlands_niveau, arbeidsparticipatie=intake.arbeidsmogelijkheden,
        zelfredzaamheid=intake.zelfredzaamheid, een_op_een_gewezen=intake.een_op_een_gewezen,
    )


def intake_overzicht(dossier: Dossier, *, mag_gezondheid: bool) -> IntakeOverzicht:
    overdracht = WarmeOverdracht.objects.filter(dossier=dossier).select_related("vastgelegd_door").first()
    intake = (
        BredeIntake.objects.filter(dossier=dossier).select_related("afgerond_door")
        .prefetch_related("werkervaringen").first()
    )
    uitnodigingen = list(Uitnodiging.objects.filter(dossier=dossier).order_by("volgnummer"))
    eerdere = [rules.EerdereUitnodiging(u.volgnummer, u.verschenen) for u in uitnodigingen]
    try:
        leeftijden = rules.leeftijden_kinderen(intake.kinderen_leeftijden) if intake else []
    except ValueError:
        leeftijden = []
    ontbreekt = (
        rules.intake_ontbrekend(intake_stand(intake), mag_gezondheid=mag_gezondheid)
        if intake and not intake.is_afgerond else []
    )
    return IntakeOverzicht(
        overdracht=overdracht, intake=intake, uitnodigingen=uitnodigingen,
        vve_relevant=rules.vve_relevant(leeftijden), ontbreekt=ontbreekt,
        mag_zonder_persoon=rules.mag_zonder_persoon_afronden(eerdere),
    )
