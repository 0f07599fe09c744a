"""Issue 19: a PIP is not offered for review while its deadline cannot be computed (item 8), and its beoogde
aanbieder is picked from the aanbieders registry (item 4)."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from pip_plans import rules, services
from pip_plans.forms import PipForm
from pip_plans.models import PipStatus
from tests import klok
from tests.factories import AanbiederFactory, DossierFactory, PipFactory


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today()


def _deadline(**kwargs):
    return rules.pip_deadline(**{"kennisgeving": VANDAAG - timedelta(days=30), "is_asiel": True,
                                 "brp_vestiging": None, "vestiging_na_verhuizing": None,
                                 "extra_vrije_dagen": frozenset(), **kwargs})


def test_the_rule_names_what_is_missing_only_when_the_deadline_has_no_start():
    fout = rules.indienen_termijn_fout(_deadline())
    assert "de datum van inschrijving (BRP) in de gemeente van huisvesting ontbreekt" in fout
    assert rules.indienen_termijn_fout(_deadline(brp_vestiging=VANDAAG - timedelta(days=10))) is None
    assert rules.indienen_termijn_fout(_deadline(is_asiel=False)) is None
    assert rules.indienen_termijn_fout(_deadline(vestiging_na_verhuizing=VANDAAG)) is None
    # Waiting for information of a third party: the start is known, the term extended; not missing data.
    assert rules.indienen_termijn_fout(_deadline(brp_vestiging=VANDAAG - timedelta(days=20),
                                                 verzoeken=[(VANDAAG - timedelta(days=5), None)])) is None
    assert rules.indienen_termijn_fout(None) is None


@pytest.mark.django_db
def test_indienen_is_refused_while_the_brp_registration_is_missing_and_allowed_after(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase="pip_in_opstelling")
    pip = PipFactory(dossier=dossier)
    with pytest.raises(ValidationError) as fout:
        services.pip_indienen(pip_id=pip.pk, by=werkcoach)
    assert fout.value.code == services.TERMIJN_ONBEKEND_CODE
    pip.refresh_from_db()
    assert pip.status == PipStatus.CONCEPT and pip.ingediend_op is None

    dossier.datum_brp_vestiging = dossier.datum_kennisgeving
    dossier.save(update_fields=["datum_brp_vestiging"])
    assert services.pip_indienen(pip_id=pip.pk, by=werkcoach).status == PipStatus.TER_BEOORDELING


@pytest.mark.django_db
def test_a_wijziging_after_a_vastgesteld_pip_needs_no_deadline(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase="in_uitvoering")
    PipFactory(dossier=dossier, vastgesteld=True)
    assert services.pip_deadline_bij_indienen(dossier) is None


@pytest.mark.django_db
def test_the_view_sends_back_to_the_pip_tab_with_the_message(client, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase="pip_in_opstelling")
    pip = PipFactory(dossier=dossier)
    client.force_login(werkcoach)
    tab = client.get(reverse("pip_plans:pip_tab", args=[dossier.pk])).content.decode()
    assert 'id="indienen-fout"' in tab and 'aria-describedby="indienen-fout"' in tab
    response = client.post(reverse("pip_plans:pip_indienen", args=[pip.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("pip_plans:pip_tab", args=[dossier.pk])
    html = client.get(response["Location"]).content.decode()
    assert "Dit PIP kan nog niet ter beoordeling worden aangeboden" in html


@pytest.mark.django_db
def test_the_aanbieder_is_a_choice_from_the_registry_keeping_an_older_free_text_value():
    AanbiederFactory(naam="Taalschool Noorderlicht")
    AanbiederFactory(naam="Hogeschool Noord", soort="onderwijsinstelling")
    AanbiederFactory(naam="Welzijn Noord", soort="welzijnsorganisatie")
    AanbiederFactory(naam="Gestopt Taalhuis", actief=False)
    pip = PipFactory(aanbieder="Taalschool van vroeger")
    form = PipForm(instance=pip, wijziging=False)
    keuzes = [waarde for waarde, _label in form.fields["aanbieder"].choices]
    assert keuzes == ["", "Hogeschool Noord", "Taalschool Noorderlicht", "Taalschool van vroeger"]
    gegevens = {"leerroute": "B", "niveau": "B1", "alfabetisering": "NVT", "aantal_voortgangsgesprekken": "6",
                "versie": str(pip.wijzigingsnummer)}
    assert not PipForm({**gegevens, "aanbieder": "Welzijn Noord"}, instance=pip, wijziging=False).is_valid()
    assert PipForm({**gegevens, "aanbieder": "Hogeschool Noord"}, instance=pip, wijziging=False).is_valid()
