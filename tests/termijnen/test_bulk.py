"""Demo data (and the benchmark) get their termijnen in bulk, by the same rules as a recomputation."""

from django.utils import timezone

import pytest

from cases.demo import demo_gebruikers, maak_dossiers
from cases.models import Dossier, Signaal, Termijn
from cases.termijnen import services
from pip_plans.termijnen import PipTermijn

pytestmark = pytest.mark.django_db


def stand():
    return sorted(Termijn.objects.values_list(
        "dossier_id", "soort", "sleutel", "bron", "basisdatum", "streefdatum", "berekende_fatale_datum",
        "fatale_datum", "status", "toelichting",
    ))


def test_demo_dossiers_get_the_same_termijnen_a_recomputation_would_give():
    demo_gebruikers()
    maak_dossiers(40, vandaag=timezone.localdate())
    bulk = stand()
    assert {s for _d, s, *_ in bulk} == {PipTermijn.PIP_VASTSTELLEN}
    assert Termijn.history.count() == len(bulk)  # with history rows, like every write

    for pk in Dossier.objects.values_list("pk", flat=True):
        services.termijnen_herberekenen(dossier_id=pk)

    assert stand() == bulk
    assert Termijn.history.count() == len(bulk)  # nothing was different, so nothing was written


def test_after_a_sweep_the_demo_shows_signals():
    demo_gebruikers()
    maak_dossiers(60, vandaag=timezone.localdate())

    resultaat = services.termijnen_sweep()

    assert resultaat.verlopen > 0
    assert Signaal.objects.count() == resultaat.verlopen + resultaat.nadert
