"""DUO's checks on the MAP eindgesprek, PVT signing and Z-route completion dates (RULES.md), one test per rule.

Interpretation of the verwijtbaar rules (see standins/duo/README.md): "overrun" is today after the termijn
end; "within two months" is a termijn end at most two months from today.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.standins_duo.conftest import fouten

pytestmark = pytest.mark.standin

AMINA, YONAS, FARID, MARIAM, ASTER, SARA = "999990007", "999990020", "999990032", "999990044", "999990068", "999990111"


def dag(verschil: int) -> str:
    return (date.today() + timedelta(days=verschil)).isoformat()


@pytest.mark.parametrize("soort,veld", [("map", "datumEindgesprekMap"), ("pvt", "datumOndertekeningPvt")])
def test_a_valid_date_is_stored_and_the_put_replaces_the_whole_resource(duo, soort, veld):
    assert duo("PUT", f"/personen/{YONAS}/{soort}", {veld: dag(-10)}).status_code == 200
    assert duo("GET", f"/personen/{YONAS}/{soort}").json() == {veld: dag(-10)}
    assert duo("PUT", f"/personen/{YONAS}/{soort}", {}).status_code == 200  # leaving the date out withdraws it
    assert duo("GET", f"/personen/{YONAS}/{soort}").status_code == 404


def test_zroute_completion_is_stored(duo):
    assert duo("POST", f"/personen/{AMINA}/PIP", {"dagtekeningPip": "2024-02-01", "leerroute": "Z"}).status_code == 201
    assert duo("PUT", f"/personen/{AMINA}/zroute", {"datumAfrondingZroute": dag(-1)}).status_code == 200
    assert duo.persoon(AMINA)["zroute"]["datumAfrondingZroute"] == dag(-1)


def test_refused_without_a_current_pip_of_the_gemeente(duo):
    assert fouten(duo("PUT", f"/personen/{AMINA}/map", {"datumEindgesprekMap": dag(-1)})) == [
        "De gemeente heeft geen huidig PIP voor deze persoon."
    ]
    # Mariam's current PIP is Groningen's
    assert "De gemeente heeft geen huidig PIP voor deze persoon." in fouten(
        duo("PUT", f"/personen/{MARIAM}/pvt", {"datumOndertekeningPvt": dag(-1)})
    )


def test_refused_when_the_plicht_was_met_via_the_z_route(duo):
    assert "De inburgeringsplicht is al voldaan via de zelfredzaamheidsroute." in fouten(
        duo("PUT", f"/personen/{ASTER}/zroute", {"datumAfrondingZroute": dag(-5)})
    )


def test_date_before_the_start_of_the_termijn(duo):
    assert fouten(duo("PUT", f"/personen/{YONAS}/map", {"datumEindgesprekMap": "2023-02-01"})) == [
        "De datum ligt voor de startdatum van de inburgeringstermijn."
    ]


def test_date_after_the_z_route_completion(duo):
    # Aster completed the Z-route 100 days ago; also her plicht was met that way
    teksten = fouten(duo("PUT", f"/personen/{ASTER}/pvt", {"datumOndertekeningPvt": dag(-50)}))
    assert "De datum ligt na de datum van afronding van de zelfredzaamheidsroute." in teksten


def test_date_in_the_future(duo):
    assert fouten(duo("PUT", f"/personen/{YONAS}/map", {"datumEindgesprekMap": dag(1)})) == [
        "De datum ligt in de toekomst."
    ]


def test_change_of_a_date_another_gemeente_delivered(duo_standin, tmp_path):
    from tests.standins import duo_standin as start
    from tests.standins_duo.conftest import DuoClient

    groningen = "00000001001589623011"
    with start(tmp_path, extra_args=["--oin-gemeente", "00000001001589623000",
                                     "--oin-gemeente", f"{groningen}=0014"]) as standin:  # fmt: skip
        duo = DuoClient(standin)
        assert duo("PUT", f"/personen/{YONAS}/map", {"datumEindgesprekMap": dag(-10)}).status_code == 200
        # Yonas moves to Groningen, which makes a new PIP (its current one now)
        duo_1979 = duo.persoon(YONAS)
        assert duo_1979["map"]["gemeentecode"] == "1979"
        nieuw = {**{k: v for k, v in duo_1979.items() if k != "contactpersonen"}, "gemeentecode": "0014",
                 "vestigingsdatum": dag(-3), "inburgeringstermijn": None}  # fmt: skip
        assert standin.beheer("POST", "/_beheer/personen", nieuw).status_code == 201
        assert duo("POST", f"/personen/{YONAS}/PIP", {"dagtekeningPip": dag(-1), "leerroute": "B"},
                   headers={"bron": groningen}).status_code == 201  # fmt: skip
        antwoord = duo("PUT", f"/personen/{YONAS}/map", {"datumEindgesprekMap": dag(-2)}, headers={"bron": groningen})
        assert fouten(antwoord) == ["De datum is niet eerder door deze gemeente aangeleverd en mag niet worden gewijzigd."]


def test_withdrawing_a_date_while_a_z_route_completion_is_registered(duo):
    assert duo("POST", f"/personen/{AMINA}/PIP", {"dagtekeningPip": "2024-02-01", "leerroute": "Z"}).status_code == 201
    assert duo("PUT", f"/personen/{AMINA}/map", {"datumEindgesprekMap": dag(-20)}).status_code == 200
    assert duo("PUT", f"/personen/{AMINA}/zroute", {"datumAfrondingZroute": dag(-10)}).status_code == 200
    assert fouten(duo("PUT", f"/personen/{AMINA}/map", {})) == [
        "De datum kan niet worden ingetrokken: er is een afronding van de zelfredzaamheidsroute."
    ]


def test_verwijtbaar_missing_while_the_termijn_is_overrun(duo):
    # Farid's termijn ended 30 days ago
    assert fouten(duo("PUT", f"/personen/{FARID}/map", {"datumEindgesprekMap": dag(-5)})) == [
        "Verwijtbaar ontbreekt terwijl de inburgeringstermijn is overschreden."
    ]
    assert duo("PUT", f"/personen/{FARID}/map", {"datumEindgesprekMap": dag(-5), "verwijtbaar": "Ja"}).status_code == 200


def test_verwijtbaar_given_while_the_date_is_before_the_end_of_the_termijn(duo):
    teksten = fouten(duo("PUT", f"/personen/{FARID}/pvt", {"datumOndertekeningPvt": dag(-60), "verwijtbaar": "Ja"}))
    assert teksten == ["Verwijtbaar mag niet worden gevuld als de datum voor het einde van de inburgeringstermijn ligt."]


def test_verwijtbaar_nee_only_when_the_termijn_ends_within_two_months(duo):
    teksten = fouten(duo("PUT", f"/personen/{YONAS}/pvt", {"datumOndertekeningPvt": dag(-5), "verwijtbaar": "Nee"}))
    assert "Verwijtbaar Nee mag alleen als het einde van de inburgeringstermijn binnen twee maanden ligt." in teksten
    # Sara's termijn ends in 30 days
    assert duo("PUT", f"/personen/{SARA}/pvt", {"datumOndertekeningPvt": dag(-5), "verwijtbaar": "Nee"}).status_code == 200


def test_verwijtbaar_ja_only_when_the_termijn_was_overrun(duo):
    teksten = fouten(duo("PUT", f"/personen/{SARA}/map", {"datumEindgesprekMap": dag(-5), "verwijtbaar": "Ja"}))
    assert "Verwijtbaar Ja mag alleen als de inburgeringstermijn is overschreden." in teksten
