"""The edit forms of the cases app: a dossier's data, ending and assigning it, the warme overdracht,
the brede intake and the health answers (singletons that may not exist yet: version 0)."""

from datetime import date, timedelta

from django.urls import reverse

from cases import services
from cases.intake import services as intake_services
from cases.models import BredeIntake, Dossier, IntakeGezondheid, WarmeOverdracht
from tests import klok
from tests.factories import (
    BredeIntakeFactory,
    ConsulentFactory,
    DossierFactory,
    IntakeGezondheidFactory,
    WarmeOverdrachtFactory,
)

from .geval import Geval, Opzet

INVOER = "Invoer van de werkcoach"


@klok.per_test
def _datums() -> None:
    global VANDAAG, OVERDRACHT
    VANDAAG = date.today()
    OVERDRACHT = {"datum": (VANDAAG - timedelta(days=3)).isoformat(), "plaats": "AZC Musselkanaal",
                  "coa_contactpersoon": "P. Bakker", "deelnemers": "inburgeraar, COA, werkcoach", "motivatie": INVOER}


def _bewerk_invoer(dossier: Dossier, **wijzig) -> dict[str, str]:
    p = dossier.inburgeraar
    return {
        "persoon-bsn": p.bsn, "persoon-voornamen": p.voornamen, "persoon-geslachtsnaam": p.geslachtsnaam,
        "persoon-geboortedatum": p.geboortedatum.isoformat(), "persoon-geslacht": p.geslacht,
        "dossier-doelgroep": dossier.doelgroep, "dossier-regime": dossier.regime,
        "dossier-datum_kennisgeving": dossier.datum_kennisgeving.isoformat(), **wijzig,
    }


def _collega_wijzigt_gegevens(dossier: Dossier, collega) -> None:
    dossier.refresh_from_db()
    p = dossier.inburgeraar
    services.dossier_bijwerken(
        dossier_id=dossier.pk, versie=dossier.versie, by=collega,
        persoon={"bsn": p.bsn, "voornamen": "Door de collega", "geslachtsnaam": p.geslachtsnaam,
                 "geboortedatum": p.geboortedatum},
        dossier={"doelgroep": dossier.doelgroep, "datum_kennisgeving": dossier.datum_kennisgeving},
    )


def _dossierstand(dossier: Dossier):
    def stand():
        d = Dossier.objects.select_related("inburgeraar").get(pk=dossier.pk)
        return d.versie, d.fase, d.werkcoach_id, d.inburgeraar.voornamen
    return stand


def dossier_bewerken(request) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    dossier = DossierFactory(werkcoach=werkcoach)
    return Opzet(
        gebruiker=werkcoach, url=reverse("cases:dossier_bewerken", args=[dossier.pk]),
        invoer=_bewerk_invoer(dossier, **{"persoon-voornamen": INVOER}), zichtbare_invoer=INVOER,
        collega_slaat_op=lambda: _collega_wijzigt_gegevens(dossier, collega), stand=_dossierstand(dossier),
    )


def dossier_beeindigen(request) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    dossier = DossierFactory(werkcoach=werkcoach)
    return Opzet(
        gebruiker=werkcoach, url=reverse("cases:dossier_beeindigen", args=[dossier.pk]),
        invoer={"reden": "verhuisd", "datum": VANDAAG.isoformat(), "toelichting": INVOER}, zichtbare_invoer=INVOER,
        collega_slaat_op=lambda: _collega_wijzigt_gegevens(dossier, collega), stand=_dossierstand(dossier),
    )


def dossier_toewijzen(request) -> Opzet:
    consulent, collega = request.getfixturevalue("consulent"), request.getfixturevalue("collega")
    ander = request.getfixturevalue("werkcoach_ander_team")
    dossier = DossierFactory(werkcoach=request.getfixturevalue("werkcoach"))
    return Opzet(
        gebruiker=consulent, url=reverse("cases:dossier_toewijzen", args=[dossier.pk]),
        invoer={"werkcoach": str(collega.pk), "reden": INVOER}, zichtbare_invoer=INVOER,
        collega_slaat_op=lambda: services.dossier_toewijzen(
            dossier_id=dossier.pk, versie=Dossier.objects.get(pk=dossier.pk).versie, werkcoach=ander,
            reden="Andere consulent", by=ConsulentFactory(team=consulent.team),
        ),
        stand=_dossierstand(dossier),
    )


def _overdracht_opzet(request, dossier: Dossier) -> Opzet:
    werkcoach = request.getfixturevalue("werkcoach")

    def collega_slaat_op():
        bestaand = WarmeOverdracht.objects.filter(dossier=dossier).first()
        intake_services.overdracht_vastleggen(
            dossier_id=dossier.pk, versie=bestaand.versie if bestaand else 0, by=request.getfixturevalue("collega"),
            gegevens={"datum": VANDAAG - timedelta(days=1), "plaats": "Gemeentehuis", "motivatie": "Door de collega"},
        )

    return Opzet(
        gebruiker=werkcoach, url=reverse("intake:overdracht_bewerken", args=[dossier.pk]), invoer=OVERDRACHT,
        zichtbare_invoer=INVOER, collega_slaat_op=collega_slaat_op,
        stand=lambda: list(WarmeOverdracht.objects.filter(dossier=dossier).values_list("versie", "plaats", "motivatie")),
    )


def warme_overdracht(request) -> Opzet:
    overdracht = WarmeOverdrachtFactory(dossier__werkcoach=request.getfixturevalue("werkcoach"))
    return _overdracht_opzet(request, overdracht.dossier)


def warme_overdracht_nieuw(request) -> Opzet:
    """Two people opened the empty form: the second save must not overwrite the first."""
    return _overdracht_opzet(request, DossierFactory(werkcoach=request.getfixturevalue("werkcoach")))


def _intake_invoer() -> dict[str, str]:
    return {"lbt_uitkomst": "haalbaar", "lbt_score": "62", "lbt_vereiste_score": "50",
            "lbt_datum": (VANDAAG - timedelta(days=1)).isoformat(), "opleiding_niveau": "voortgezet",
            "motivatie_ambities": INVOER, "werk-TOTAL_FORMS": "1", "werk-INITIAL_FORMS": "0",
            "werk-MIN_NUM_FORMS": "0", "werk-MAX_NUM_FORMS": "20"}


def brede_intake(request) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    intake = BredeIntakeFactory(dossier__werkcoach=werkcoach)

    def collega_slaat_op():
        intake_services.intake_opslaan(
            dossier_id=intake.dossier_id, versie=BredeIntake.objects.get(pk=intake.pk).versie, by=collega,
            werkervaringen=[], gegevens={"lbt_uitkomst": "haalbaar", "motivatie_ambities": "Door de collega"},
        )

    return Opzet(
        gebruiker=werkcoach, url=reverse("intake:intake_bewerken", args=[intake.dossier_id]), invoer=_intake_invoer(),
        zichtbare_invoer=INVOER, collega_slaat_op=collega_slaat_op,
        stand=lambda: BredeIntake.objects.values_list("versie", "motivatie_ambities").get(pk=intake.pk),
    )


def _gezondheid_opzet(request, intake: BredeIntake) -> Opzet:
    werkcoach = request.getfixturevalue("werkcoach")

    def consulent_slaat_op():  # team colleagues may not see health answers; a consulent may
        bestaand = IntakeGezondheid.objects.filter(intake=intake).first()
        intake_services.gezondheid_opslaan(
            dossier_id=intake.dossier_id, versie=bestaand.versie if bestaand else 0,
            by=request.getfixturevalue("consulent"), gegevens={"fysiek": "Door de consulent"},
        )

    return Opzet(
        gebruiker=werkcoach, url=reverse("intake:gezondheid", args=[intake.dossier_id]),
        invoer={"fysiek": INVOER, "mentaal": "", "beperkingen": ""}, zichtbare_invoer=INVOER,
        collega_slaat_op=consulent_slaat_op,
        stand=lambda: list(IntakeGezondheid.objects.filter(intake=intake).values_list("versie", "fysiek")),
    )


def gezondheid(request) -> Opzet:
    gezondheid = IntakeGezondheidFactory(intake__dossier__werkcoach=request.getfixturevalue("werkcoach"))
    return _gezondheid_opzet(request, gezondheid.intake)


def gezondheid_nieuw(request) -> Opzet:
    return _gezondheid_opzet(request, BredeIntakeFactory(dossier__werkcoach=request.getfixturevalue("werkcoach")))


GEVALLEN = [
    Geval("cases: dossier bewerken", dossier_bewerken),
    Geval("cases: dossier beëindigen", dossier_beeindigen),
    Geval("cases: dossier toewijzen", dossier_toewijzen),
    Geval("cases: warme overdracht", warme_overdracht),
    Geval("cases: warme overdracht, nog leeg", warme_overdracht_nieuw),
    Geval("cases: brede intake", brede_intake),
    Geval("cases: gezondheid", gezondheid),
    Geval("cases: gezondheid, nog leeg", gezondheid_nieuw),
]
