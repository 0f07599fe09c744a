"""DUO's PIP checks (RULES.md "PIP"), one test per rule: a refusal is 403 with the Foutmelding list."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.standins_duo.conftest import fouten

pytestmark = pytest.mark.standin

AMINA, NOUR, YONAS, FARID, MARIAM, HASSAN, SARA = ("999990007", "999990019", "999990020", "999990032", "999990044",
                                                   "999990056", "999990111")  # fmt: skip


def pip(dagtekening="2024-02-01", leerroute="B", **extra) -> dict:
    return {"dagtekeningPip": dagtekening, "leerroute": leerroute, **extra}


def test_a_valid_first_pip_is_accepted_and_b1_is_recorded_without_niveau(duo):
    assert duo("POST", f"/personen/{AMINA}/PIP", pip(indicatorAlfabetiseringsonderwijs="NVT")).status_code == 201
    assert duo("GET", f"/personen/{AMINA}/PIP").json() == {
        "gemeentecode": "1979",
        "pip": {"dagtekeningPip": "2024-02-01", "leerroute": "B", "niveau": "B1", "indicatorAlfabetiseringsonderwijs": "NVT"},
    }


def test_z_route_without_niveau_records_none(duo):
    assert duo("POST", f"/personen/{AMINA}/PIP", pip(leerroute="Z")).status_code == 201
    assert "niveau" not in duo("GET", f"/personen/{AMINA}/PIP").json()["pip"]


def test_dagtekening_before_the_start_of_the_plicht(duo):
    later = (date.today() + timedelta(days=10)).isoformat()  # Hassan's plicht starts in 30 days
    assert "De dagtekening van het PIP ligt voor de begindatum van de inburgeringsplicht." in fouten(
        duo("POST", f"/personen/{HASSAN}/PIP", pip(later, niveau="B1"))
    )
    assert duo.persoon(HASSAN)["pips"] == []


def test_dagtekening_before_settling_in_the_gemeente(duo):
    # Mariam settled in 1979 60 days ago; her plicht started in 2024
    eerder = (date.today() - timedelta(days=90)).isoformat()
    assert fouten(duo("POST", f"/personen/{MARIAM}/PIP", pip(eerder))) == [
        "De dagtekening van het PIP ligt voor de datum van vestiging in de gemeente."
    ]


def test_changed_pip_before_the_initial_or_current_pip(duo):
    assert duo("POST", f"/personen/{AMINA}/PIP", pip("2024-03-01")).status_code == 201
    assert duo("POST", f"/personen/{AMINA}/PIP", pip("2024-04-01")).status_code == 201
    teksten = fouten(duo("POST", f"/personen/{AMINA}/PIP", pip("2024-03-15")))
    assert teksten == ["De dagtekening van het PIP ligt voor de dagtekening van het huidige PIP."]
    teksten = fouten(duo("POST", f"/personen/{AMINA}/PIP", pip("2024-02-15")))
    assert "De dagtekening van het PIP ligt voor de dagtekening van het eerste PIP." in teksten


def test_niveau_a2_with_the_onderwijsroute(duo):
    assert fouten(duo("POST", f"/personen/{AMINA}/PIP", pip(leerroute="O", niveau="A2"))) == [
        "Niveau A2 is niet toegestaan bij de onderwijsroute."
    ]


def test_niveau_b1_with_the_z_route(duo):
    assert fouten(duo("POST", f"/personen/{AMINA}/PIP", pip(leerroute="Z", niveau="B1"))) == [
        "Niveau B1 is niet toegestaan bij de zelfredzaamheidsroute."
    ]


def test_a2_on_the_b1_route_is_refused_on_the_very_first_pip_only(duo):
    assert fouten(duo("POST", f"/personen/{AMINA}/PIP", pip(niveau="A2"))) == [
        "Niveau A2 bij de B1-route is niet toegestaan in het eerste PIP."
    ]
    # Mariam's first PIP was made in Groningen: in any gemeente counts
    vandaag = date.today().isoformat()
    assert duo("POST", f"/personen/{MARIAM}/PIP", pip(vandaag, niveau="A2")).status_code == 201
    assert duo("POST", f"/personen/{AMINA}/PIP", pip("2024-02-01")).status_code == 201
    assert duo("POST", f"/personen/{AMINA}/PIP", pip("2024-03-01", niveau="A2")).status_code == 201


def test_b1_intensity_only_for_an_asielmigrant_on_the_b1_route(duo):
    tekst = "De geschatte intensiteit B1-route mag alleen bij een asielstatushouder op de B1-route."
    assert fouten(duo("POST", f"/personen/{NOUR}/PIP", pip(geschatteIntensiteitB1Route=400))) == [tekst]
    assert fouten(duo("POST", f"/personen/{AMINA}/PIP", pip(leerroute="O", geschatteIntensiteitB1Route=400))) == [tekst]
    assert duo("POST", f"/personen/{AMINA}/PIP", pip(geschatteIntensiteitB1Route=400)).status_code == 201


def test_all_refusals_come_in_one_list(duo):
    teksten = fouten(duo("POST", f"/personen/{NOUR}/PIP", pip("2020-01-01", "Z", niveau="B1", geschatteIntensiteitB1Route=5)))
    assert len(teksten) == 4


def test_delete_the_current_pip(duo):
    assert duo("POST", f"/personen/{AMINA}/PIP", pip()).status_code == 201
    assert duo("DELETE", f"/personen/{AMINA}/PIP").status_code == 200
    assert duo("GET", f"/personen/{AMINA}/PIP").status_code == 404


def test_delete_is_refused_once_the_termijn_is_set(duo):
    assert fouten(duo("DELETE", f"/personen/{YONAS}/PIP")) == [
        "Het PIP kan niet worden verwijderd: de inburgeringstermijn is vastgesteld."
    ]


def test_delete_is_refused_when_hours_are_registered(duo):
    assert duo("POST", f"/personen/{AMINA}/PIP", pip()).status_code == 201
    assert duo("PUT", f"/personen/{AMINA}/uren/participatietaalles", {"uren": 12}).status_code == 200
    assert fouten(duo("DELETE", f"/personen/{AMINA}/PIP")) == [
        "Het PIP kan niet worden verwijderd: er zijn gevolgde uren geregistreerd."
    ]


def test_delete_of_another_gemeentes_pip_is_refused(duo):
    assert "Er is geen huidig PIP van deze gemeente." in fouten(duo("DELETE", f"/personen/{MARIAM}/PIP"))
