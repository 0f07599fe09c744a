"""The refresh from the BRP stand-in (a real subprocess, the BRP API Personen contract), in batches of 20,
idempotent: a move becomes a signal, a death ends the dossier (issue 14). Run on PostgreSQL in CI."""

from datetime import date

import pytest

from brp.tasks import personen_verversen_task
from cases import bron_services
from cases.models import Bron, EindReden, Fase, Inburgeraar, Signaal, SignaalSoort
from tests import klok
from tests.conftest import brp_wijzigen
from tests.factories import DossierFactory, InburgeraarFactory

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today().isoformat()


def dossier_voor(bsn, werkcoach):
    return DossierFactory(inburgeraar=InburgeraarFactory(bsn=bsn, voornamen="Onbekend", geslachtsnaam="Handmatig"),
                          werkcoach=werkcoach, fase=Fase.INTAKE)


def test_a_move_and_a_death_in_the_brp_reach_the_dossiers(brp_standin, werkcoach):
    verhuist = dossier_voor("999990044", werkcoach)
    overlijdt = dossier_voor("999990056", werkcoach)
    assert bron_services.verversen().bijgewerkt == 2
    assert Inburgeraar.objects.get(bsn="999990044").bron == Bron.BRP

    brp_wijzigen(brp_standin, "999990044", {
        "verblijfplaats": {"straat": "Oosterstraat", "huisnummer": 21, "postcode": "9711NR",
                           "woonplaats": "Groningen", "datumVan": VANDAAG},
        "gemeenteVanInschrijving": "0014", "datumInschrijvingInGemeente": VANDAAG})
    brp_wijzigen(brp_standin, "999990056", {"overlijden": {"datum": VANDAAG, "plaats": "1979"}})

    resultaat = bron_services.verversen()
    assert (resultaat.verhuisd, resultaat.overleden) == (1, 1)
    signaal = Signaal.objects.get(dossier=verhuist, soort=SignaalSoort.BRP)
    assert "Groningen" in signaal.omschrijving
    overlijdt.refresh_from_db()
    assert (overlijdt.fase, overlijdt.eind_reden) == (Fase.BEEINDIGD, EindReden.OVERLEDEN)
    persoon = Inburgeraar.objects.get(bsn="999990044")
    assert (persoon.woonplaats, persoon.gemeente_naam) == ("Groningen", "Groningen")

    # Idempotent: a second night changes nothing and makes no second signal.
    again = bron_services.verversen()
    assert (again.bijgewerkt, again.verhuisd, again.overleden) == (0, 0, 0)
    assert Signaal.objects.filter(soort=SignaalSoort.BRP).count() == 1


def test_the_task_asks_in_batches_of_twenty(brp_standin, werkcoach):
    from cases.demo import synthetische_bsns

    bsns = synthetische_bsns()
    for _ in range(25):
        dossier_voor(next(bsns), werkcoach)
    resultaat = personen_verversen_task()
    assert resultaat["gevraagd"] == 25 and resultaat["bijgewerkt"] == 25
    assert not Inburgeraar.objects.filter(bron=Bron.HANDMATIG).exists()


def test_without_a_brp_the_task_does_nothing(settings):
    settings.BRP_URL = ""
    assert personen_verversen_task() == {"overgeslagen": "geen BRP_URL"}
