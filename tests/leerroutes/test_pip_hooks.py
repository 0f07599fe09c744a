"""The hooks between pip_plans and leerroutes (pip_plans.haken, registered in LeerroutesConfig.ready()):
vaststellen of a schakel-wijziging stops the enrolment in the old route in the same transaction — for
every caller of `pip_plans.services.pip_vaststellen`, the page included — and the afschalen check
counts the registered NT2 hours."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from leerroutes import services
from leerroutes.rules import InschrijvingStatus, StopReden
from pip_plans import services as pip_services
from pip_plans.models import Pip, PipStatus, WijzigingReden
from tests import klok, versies
from tests.factories import AanbiederFactory, PipFactory, UrenFactory

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global ONHAALBAAR, VANDAAG
    # Wet 17 lid 3: the recorded finding that B1 is not feasible within the (extended) termijn.
    ONHAALBAAR = {"afschalen_onhaalbaar_op": date.today(),
                  "afschalen_onhaalbaar_grond": "Volgens de aanbieder is B1 niet haalbaar voor het einde van de termijn."}
    VANDAAG = date.today()


@pytest.fixture
def tweede_consulent(team):
    from tests.factories import ConsulentFactory

    return ConsulentFactory(username="consulent2", team=team)


@pytest.fixture
def schakeling(werkcoach):
    """A B1-route PIP with an active enrolment, and a schakel-wijziging to the Z-route in review."""
    start = VANDAAG - timedelta(days=200)
    v1 = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach, dossier__datum_kennisgeving=start - timedelta(days=90),
                    dagtekening=start - timedelta(days=1), termijn_start=start)
    inschrijving = services.inschrijving_aanmaken(
        dossier_id=v1.dossier_id, aanbieder_id=AanbiederFactory().pk, startdatum=VANDAAG,
        geplande_einddatum=VANDAAG + timedelta(days=300), by=werkcoach)
    v2 = pip_services.pip_wijziging_starten(dossier_id=v1.dossier_id, reden=WijzigingReden.SCHAKELEN,
                                            toelichting="B1 niet haalbaar", by=werkcoach)
    v2 = pip_services.pip_bijwerken(pip_id=v2.pk, wijzigingsnummer=v2.wijzigingsnummer,
                                    gegevens={"leerroute": "Z", "niveau": ""}, by=werkcoach)
    v2 = pip_services.pip_indienen(pip_id=v2.pk, by=werkcoach)
    return v2, inschrijving


def _vaststellen(client, consulent, pip):
    client.force_login(consulent)
    return client.post(reverse("pip_plans:pip_vaststellen", args=[pip.pk]), {
        "dagtekening": VANDAAG.isoformat(), "verzendwijze": "uitreiking", "uitgereikt_op": VANDAAG.isoformat(),
        "versie": Pip.objects.get(pk=pip.pk).wijzigingsnummer})


def _via_service(client, consulent, pip):
    pip_services.pip_vaststellen(pip_id=pip.pk, dagtekening=VANDAAG, bekendmaking=VANDAAG, versie=versies.van(pip), by=consulent)


@pytest.mark.parametrize("vaststellen", [_vaststellen, _via_service], ids=["page", "service"])
def test_vaststellen_a_route_switch_stops_the_old_enrolment(client, consulent, schakeling, vaststellen):
    v2, inschrijving = schakeling
    vaststellen(client, consulent, v2)
    v2.refresh_from_db()
    inschrijving.refresh_from_db()
    assert v2.status == PipStatus.VASTGESTELD
    assert (inschrijving.status, inschrijving.stop_reden) == (InschrijvingStatus.GESTOPT, StopReden.SCHAKELEN)


def test_leerroutes_registers_its_hooks_once():
    from leerroutes.selectors import nt2_uren_voor_afschalen
    from leerroutes.services.inschrijving import inschrijving_bij_pip_vastgesteld
    from pip_plans import haken

    assert haken._BIJ_VASTGESTELD.count(inschrijving_bij_pip_vastgesteld) == 1
    assert list(haken._NT2_UREN) == [nt2_uren_voor_afschalen]


def test_when_the_enrolment_update_fails_the_pip_is_not_vastgesteld_either(client, consulent, schakeling, monkeypatch):
    v2, inschrijving = schakeling
    with pytest.raises(RuntimeError):
        _via_service(client, consulent, _met_kapotte_inschrijving(monkeypatch, v2))
    _niets_veranderd(v2, inschrijving)


def test_a_failing_enrolment_update_on_the_page_is_a_500_and_changes_nothing(client, consulent, schakeling,
                                                                              monkeypatch):
    v2, inschrijving = schakeling
    client.raise_request_exception = False
    assert _vaststellen(client, consulent, _met_kapotte_inschrijving(monkeypatch, v2)).status_code == 500
    _niets_veranderd(v2, inschrijving)


def _met_kapotte_inschrijving(monkeypatch, pip):
    def weigeren(**kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr("leerroutes.services.inschrijving.inschrijving_na_pipwijziging", weigeren)
    return pip


def _niets_veranderd(v2, inschrijving):
    v2.refresh_from_db()
    inschrijving.refresh_from_db()
    assert v2.status == PipStatus.TER_BEOORDELING
    assert Pip.objects.get(pk=v2.vorige_id).status == PipStatus.VASTGESTELD
    assert inschrijving.status == InschrijvingStatus.GEPLAND


def _afschalen(werkcoach, *, getypt: int | None) -> Pip:
    v1 = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    v2 = pip_services.pip_wijziging_starten(dossier_id=v1.dossier_id, reden=WijzigingReden.AFSCHALEN, toelichting="",
                                            by=werkcoach)
    return pip_services.pip_bijwerken(pip_id=v2.pk, wijzigingsnummer=v2.wijzigingsnummer, by=werkcoach, gegevens={
        "niveau": "A2", "afschalen_geheel": True, "afschalen_nt2_uren": getypt,
        "afschalen_inspanning": "Volgde alle lessen.", **ONHAALBAAR})


def _uren_fout(pip) -> str | None:
    try:
        pip_services.inhoud_valideren(pip)
    except ValidationError as fout:
        return fout.message_dict.get("afschalen_nt2_uren", [None])[0]
    return None


def test_afschalen_counts_the_registered_hours_over_the_typed_number(werkcoach):
    pip = _afschalen(werkcoach, getypt=650)
    UrenFactory(dossier=pip.dossier, aanbieder=AanbiederFactory(), aantal=100)
    assert "100" in _uren_fout(pip)


def test_afschalen_is_allowed_with_600_registered_hours_at_a_keurmerk_aanbieder(werkcoach):
    pip = _afschalen(werkcoach, getypt=None)
    UrenFactory(dossier=pip.dossier, aanbieder=AanbiederFactory(), aantal=600, tijdens_intake=True)
    assert _uren_fout(pip) is None


def test_hours_without_a_qualified_aanbieder_do_not_count_so_the_typed_number_is_used(werkcoach):
    pip = _afschalen(werkcoach, getypt=620)
    UrenFactory(dossier=pip.dossier, aanbieder=AanbiederFactory(zonder_keurmerk=True), aantal=700)
    assert _uren_fout(pip) is None
    pip = _afschalen(werkcoach, getypt=None)
    assert _uren_fout(pip) is not None


def test_the_wijziging_form_shows_the_registered_hours_and_does_not_let_them_be_typed(client, werkcoach):
    pip = _afschalen(werkcoach, getypt=650)
    UrenFactory(dossier=pip.dossier, aanbieder=AanbiederFactory(), aantal="612.5")
    client.force_login(werkcoach)
    html = client.get(reverse("pip_plans:pip_bewerken", args=[pip.pk])).content.decode()
    veld = html.split('id="id_afschalen_nt2_uren"')[0].rsplit("<input", 1)[1] + html.split('id="id_afschalen_nt2_uren"')[1].split(">")[0]
    assert 'value="612"' in veld and "disabled" in veld
    assert "612 uur. Dit aantal telt." in html


def _wijziging_vastgesteld(client, werkcoach, consulent, dossier_id, reden, gegevens) -> Pip:
    pip = pip_services.pip_wijziging_starten(dossier_id=dossier_id, reden=reden, toelichting="", by=werkcoach)
    pip = pip_services.pip_bijwerken(pip_id=pip.pk, wijzigingsnummer=pip.wijzigingsnummer, gegevens=gegevens,
                                     by=werkcoach)
    pip_services.pip_indienen(pip_id=pip.pk, by=werkcoach)
    assert _vaststellen(client, consulent, pip).status_code == 302
    return Pip.objects.get(pk=pip.pk)


def test_partial_afschalen_lowers_only_the_chosen_parts_also_after_a_later_wijziging(client, werkcoach, consulent):
    from leerroutes import selectors
    from tests.factories import ExamenFactory

    start = VANDAAG - timedelta(days=200)
    v1 = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach, dossier__datum_kennisgeving=start - timedelta(days=90),
                    dagtekening=start - timedelta(days=1), termijn_start=start)
    v2 = _wijziging_vastgesteld(client, werkcoach, consulent, v1.dossier_id, WijzigingReden.AFSCHALEN, {
        "niveau": "A2", "afschalen_geheel": False, "afschalen_onderdelen": ["SP"], "afschalen_nt2_uren": 600,
        "afschalen_inspanning": "Volgde alle lessen.", **ONHAALBAAR})
    assert (v2.status, v2.niveau) == (PipStatus.VASTGESTELD, "A2")
    for onderdeel in ("LE", "LU", "SC", "SP"):
        ExamenFactory(dossier=v1.dossier, onderdeel=onderdeel, niveau="A2")
    ontbreekt = selectors.traject_overzicht(v1.dossier).voldaan.ontbreekt
    assert {"Lees-examen nog niet behaald op B1", "Luister-examen nog niet behaald op B1",
            "Schrijf-examen nog niet behaald op B1"} <= set(ontbreekt)
    assert not any("Spreek" in punt for punt in ontbreekt)

    v3 = _wijziging_vastgesteld(client, werkcoach, consulent, v1.dossier_id, WijzigingReden.OVERIG,
                                {"aantal_voortgangsgesprekken": 3})
    assert (v3.niveau, v3.afschalen_onderdelen) == ("A2", ["SP"])  # the later version carries the parts
    assert selectors.afgeschaald(v3) == frozenset({"SP"})
    assert "Lees-examen nog niet behaald op B1" in selectors.traject_overzicht(v1.dossier).voldaan.ontbreekt
