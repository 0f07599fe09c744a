"""pip_plans.haken: the extension points apps above pip_plans fill in ready()."""

from datetime import date

import pytest

from pip_plans import haken, services
from tests import versies
from tests.factories import DossierFactory, PipFactory


@pytest.fixture
def lege_haken(monkeypatch):
    """The hook lists as if no app above pip_plans were installed."""
    monkeypatch.setattr(haken, "_NT2_UREN", [])
    monkeypatch.setattr(haken, "_BIJ_VASTGESTELD", [])


def test_without_a_registered_source_a_dossier_has_no_registered_nt2_hours(lege_haken):
    assert haken.geregistreerde_nt2_uren(object()) == 0


def test_registering_the_same_nt2_source_twice_is_a_no_op(lege_haken):
    def bron(dossier):
        return 600

    haken.registreer_nt2_uren(bron)
    haken.registreer_nt2_uren(bron)
    assert list(haken._NT2_UREN) == [bron]
    assert haken.geregistreerde_nt2_uren(object()) == 600


def test_a_second_nt2_source_is_refused(lege_haken):
    haken.registreer_nt2_uren(lambda dossier: 1)
    with pytest.raises(RuntimeError, match="al een andere bron"):
        haken.registreer_nt2_uren(lambda dossier: 2)


def test_registering_the_same_vastgesteld_hook_twice_is_a_no_op_and_hooks_run_in_order(lege_haken):
    geroepen = []

    def eerste(pip, by):
        geroepen.append(("eerste", pip, by))

    def tweede(pip, by):
        geroepen.append(("tweede", pip, by))

    for functie in (eerste, tweede, eerste):
        haken.registreer_bij_vastgesteld(functie)
    haken.pip_vastgesteld("pip", "by")
    assert geroepen == [("eerste", "pip", "by"), ("tweede", "pip", "by")]


@pytest.mark.django_db
def test_vaststellen_calls_the_hooks_after_the_version_is_vastgesteld(lege_haken, werkcoach, consulent):
    gezien = []
    haken.registreer_bij_vastgesteld(lambda pip, by: gezien.append((pip.pk, pip.status, by)))
    pip = PipFactory(ter_beoordeling=True, dossier=DossierFactory(werkcoach=werkcoach, fase="pip_in_opstelling"))
    services.pip_vaststellen(pip_id=pip.pk, dagtekening=date.today(), bekendmaking=date.today(), versie=versies.van(pip), by=consulent)
    assert gezien == [(pip.pk, "vastgesteld", consulent)]
