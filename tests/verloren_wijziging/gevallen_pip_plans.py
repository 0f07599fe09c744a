"""pip_plans' edit forms of an existing object (issue 9 §1): the PIP concept, withdrawing it, and
recording that requested information arrived. A PIP's lock field is `wijzigingsnummer`
(`Pip.VERSIEVELD`); the form calls it `versie` like every other form."""

from datetime import date, timedelta

from django.urls import reverse

from inburgering.schrijven import versie_van
from pip_plans import services
from pip_plans.models import InformatieVerzoek, Pip
from tests import klok
from tests.factories import AanbiederFactory, BredeIntakeFactory, PipFactory

from .geval import Geval, Opzet


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today()


def _concept(request) -> Pip:
    werkcoach = request.getfixturevalue("werkcoach")
    return PipFactory(dossier__werkcoach=werkcoach)


def _collega_bewerkt(request, pip: Pip):
    def opslaan():
        actueel = Pip.objects.get(pk=pip.pk)
        services.pip_bijwerken(pip_id=pip.pk, wijzigingsnummer=versie_van(actueel),
                               gegevens={"aanbieder": "Taalschool van de collega"},
                               by=request.getfixturevalue("collega"))
    return opslaan


def _pip_stand(pip: Pip):
    def stand():
        actueel = Pip.objects.get(pk=pip.pk)
        return actueel.status, actueel.aanbieder, actueel.wijzigingsnummer
    return stand


def pip_bewerken(request) -> Opzet:
    pip = _concept(request)
    AanbiederFactory(naam="Taalschool van de werkcoach")  # the beoogde aanbieder is picked from the registry
    return Opzet(
        gebruiker=request.getfixturevalue("werkcoach"),
        url=reverse("pip_plans:pip_bewerken", args=[pip.pk]),
        invoer={"leerroute": "B", "niveau": "B1", "alfabetisering": "NVT", "aantal_voortgangsgesprekken": "6",
                "aanbieder": "Taalschool van de werkcoach"},
        zichtbare_invoer="Taalschool van de werkcoach",
        collega_slaat_op=_collega_bewerkt(request, pip),
        stand=_pip_stand(pip),
    )


def pip_intrekken(request) -> Opzet:
    pip = _concept(request)
    return Opzet(
        gebruiker=request.getfixturevalue("werkcoach"),
        url=reverse("pip_plans:pip_intrekken", args=[pip.pk]),
        invoer={"reden": "Verkeerde route begonnen"},
        zichtbare_invoer="Verkeerde route begonnen",
        collega_slaat_op=_collega_bewerkt(request, pip),
        stand=_pip_stand(pip),
    )


def informatie_ontvangen(request) -> Opzet:
    werkcoach = request.getfixturevalue("werkcoach")
    dossier = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach).dossier
    verzoek = services.informatieverzoek_vastleggen(
        dossier_id=dossier.pk, wat="Advies", van_wie="GGD", gevraagd_op=VANDAAG - timedelta(days=10), by=werkcoach,
    )
    ingevoerd = VANDAAG - timedelta(days=2)

    def collega_slaat_op():
        actueel = InformatieVerzoek.objects.get(pk=verzoek.pk)
        services.informatie_ontvangen(verzoek_id=verzoek.pk, ontvangen_op=VANDAAG - timedelta(days=5),
                                      versie=versie_van(actueel), by=request.getfixturevalue("collega"))

    return Opzet(
        gebruiker=werkcoach,
        url=reverse("pip_plans:informatie_ontvangen", args=[dossier.pk, verzoek.pk]),
        invoer={"ontvangen_op": ingevoerd.isoformat()},
        zichtbare_invoer=ingevoerd.isoformat(),
        collega_slaat_op=collega_slaat_op,
        stand=lambda: InformatieVerzoek.objects.get(pk=verzoek.pk).ontvangen_op,
    )


GEVALLEN = [
    Geval(naam="pip_plans:pip_bewerken", opzet=pip_bewerken),
    Geval(naam="pip_plans:pip_intrekken", opzet=pip_intrekken),
    Geval(naam="pip_plans:informatie_ontvangen", opzet=informatie_ontvangen),
]
