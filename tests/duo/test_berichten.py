"""The mapping of the app's data to DUO's vocabulary (duo/berichten.py): pure, no database."""

from datetime import date
from decimal import Decimal

import pytest

from duo import berichten
from duo.models import Soort


def test_a_pip_maps_one_to_one_to_duos_pip():
    body = berichten.pip_body(berichten.PipFeiten(
        dagtekening=date(2026, 3, 1), leerroute="B", niveau="B1", alfabetisering="AA", b1_intensiteit=600,
        mag_opleiding_afmaken=True,
    ))
    assert body == {"dagtekeningPip": "2026-03-01", "leerroute": "B", "niveau": "B1",
                    "indicatorAlfabetiseringsonderwijs": "AA", "indicatorMagOpleidingAfmaken": True,
                    "geschatteIntensiteitB1Route": 600}


def test_a_pip_without_niveau_or_intensity_leaves_them_out():
    body = berichten.pip_body(berichten.PipFeiten(dagtekening=date(2026, 3, 1), leerroute="Z", alfabetisering=""))
    assert "niveau" not in body and "geschatteIntensiteitB1Route" not in body
    assert body["indicatorAlfabetiseringsonderwijs"] == "NVT"


@pytest.mark.parametrize(("functie", "veld"), [
    (berichten.map_body, "datumEindgesprekMap"),
    (berichten.pvt_body, "datumOndertekeningPvt"),
    (berichten.zroute_body, "datumAfrondingZroute"),
])
def test_a_date_resource_is_the_whole_resource_and_empty_withdraws_it(functie, veld):
    assert functie(date(2028, 2, 29)) == {veld: "2028-02-29"}
    assert functie(None) == {}


@pytest.mark.parametrize(("totaal", "uren"), [(Decimal("12.75"), 12), (0, 0), (Decimal("0.5"), 0), (800, 800)])
def test_hours_are_whole_hours_rounded_down(totaal, uren):
    assert berichten.uren_body(totaal) == {"uren": uren}


def test_the_aanbod_carries_its_dates_and_alfabetisering():
    body = berichten.aanbod_body(datum_aanbod=date(2026, 4, 1), start=date(2026, 5, 1), eind=None,
                                 alfabetisering="A")
    assert body == {"datumInburgeringsaanbod": "2026-04-01", "verwachteStartdatumOpleiding": "2026-05-01",
                    "indicatorAlfabetiseringsonderwijs": "A"}


def test_paths_put_the_bsn_in_and_keep_the_contactpersoon_id_for_later():
    assert berichten.pad(Soort.PIP, bsn="123456782") == "/personen/123456782/PIP"
    assert berichten.pad(Soort.UREN_INTAKE, bsn="123456782") == "/personen/123456782/uren/bredeintake/taallesknm"
    assert berichten.pad(Soort.CONTACTPERSOON, bsn="123456782") == "/contactpersonen/{id}/personen/123456782"
    assert berichten.pad(Soort.INBURGERINGSAANBOD, bsn="123456782", instellingsnummer="0000012345") == \
        "/personen/123456782/Inburgeringsaanbod/0000012345"
    assert berichten.methode(Soort.MAP) == "PUT"


def test_every_soort_has_a_route():
    assert set(berichten.ROUTES) == set(Soort.values)
