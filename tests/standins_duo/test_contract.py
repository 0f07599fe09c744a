"""Contract checks of the DUO stand-in: every raadpleging answers per contract; invalid requests are 400
without body; an unknown bron or doel is 403 without body; an unknown or out-of-scope person is 404."""

from __future__ import annotations

import pytest

from tests.standins_duo import contract

pytestmark = pytest.mark.standin

AMINA, YONAS, FARID, MARIAM, ASTER, OLEKSANDR = "999990007", "999990020", "999990032", "999990044", "999990068", "999990081"
ONBEKEND = "999990123"  # passes the elfproef, not in the stand-in's data

RAADPLEGINGEN = [
    "/inburgeringsplicht", "/inburgeringsplicht/historie", "/doelgroep", "/doelgroep/historie",
    "/inburgeringstermijn", "/inburgeringstermijn/historie", "/lbt/examennummer", "/lbt/resultaten",
    "/examens/resultaten", "/examens/gratispogingen", "/vrijstellingen", "/ontheffingen", "/PIP", "/map",
    "/pvt", "/uren",
]  # fmt: skip


def test_the_stand_in_serves_every_operation_of_the_contracts_but_the_gemeentes_notificatie(duo):
    for methode, sjabloon, _, _ in contract.operaties():
        if sjabloon == "/notificaties":
            assert duo(methode, sjabloon, controleer=False).status_code == 404
            continue
        pad = sjabloon.replace("{bsn}", AMINA).replace("{id}", "1").replace("{instellingsnummer}", "1000000001")
        response = duo(methode, pad, controleer=False)
        assert response.status_code != 404 or methode != "GET" or "PIP" in pad or "map" in pad or "pvt" in pad \
            or "termijn" in pad, (methode, pad, response.status_code)  # fmt: skip
        assert response.status_code != 500, (methode, pad)


@pytest.mark.parametrize("bsn", [AMINA, YONAS, FARID, MARIAM, ASTER])
def test_every_raadpleging_answers_per_contract(duo, bsn):
    statussen = {}
    for pad in RAADPLEGINGEN:
        statussen[pad] = duo("GET", f"/personen/{bsn}{pad}").status_code  # checked against the contract
    assert statussen["/inburgeringsplicht"] == 200
    assert set(statussen.values()) <= {200, 404}


def test_raadplegingen_answer_from_the_state(duo):
    assert duo("GET", f"/personen/{YONAS}/PIP").json() == {
        "gemeentecode": "1979",
        "pip": {"dagtekeningPip": "2023-02-15", "leerroute": "B", "niveau": "B1",
                "indicatorAlfabetiseringsonderwijs": "NVT", "geschatteIntensiteitB1Route": 600},
    }  # fmt: skip
    assert duo("GET", f"/personen/{AMINA}/doelgroep").json()["indeling"] == "Asielstatushouder"
    assert duo("GET", f"/personen/{AMINA}/lbt/examennummer").json() == {"examennummer": "LBT000123456"}
    assert duo("GET", f"/personen/{YONAS}/inburgeringstermijn").json()["startdatum"] == "2023-03-01"
    assert [r["onderdeel"] for r in duo("GET", f"/personen/{YONAS}/examens/resultaten").json()] == ["KNM", "LE"]
    assert duo("GET", f"/personen/{AMINA}/PIP").status_code == 404  # no PIP yet
    assert duo("GET", f"/personen/{ASTER}/inburgeringsplicht").json()["indicatorInburgeringsplicht"] is False


def test_lists_of_duo(duo):
    instellingen = duo("GET", "/instellingen").json()
    assert {i["instellingsnummer"] for i in instellingen} >= {"1000000001", "1000000002"}
    assert duo("GET", "/verlengingsgronden").status_code == 200


def test_unknown_person_and_person_out_of_scope_are_404(duo):
    assert duo("GET", f"/personen/{ONBEKEND}/inburgeringsplicht").status_code == 404
    assert duo("GET", f"/personen/{OLEKSANDR}/inburgeringsplicht").status_code == 404  # lives in 0014
    pip = {"dagtekeningPip": "2024-06-01", "leerroute": "B"}
    assert duo("POST", f"/personen/{OLEKSANDR}/PIP", pip).status_code == 404


def test_another_gemeente_sees_its_own_resident(tmp_path):
    from tests.standins import duo_standin
    from tests.standins_duo.conftest import DuoClient

    groningen = "00000001001589623011"
    with duo_standin(tmp_path, extra_args=["--oin-gemeente", "00000001001589623000",
                                           "--oin-gemeente", f"{groningen}=0014"]) as standin:  # fmt: skip
        duo = DuoClient(standin)
        assert duo("GET", f"/personen/{OLEKSANDR}/inburgeringsplicht", headers={"bron": groningen}).status_code == 200
        assert duo("GET", f"/personen/{AMINA}/inburgeringsplicht", headers={"bron": groningen}).status_code == 404


# -- 400 without body --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"bron": None},
        {"doel": None},
        {"berichtId": None},
        {"berichtId": "geen-uuid"},
        {"bron": "0000000100158962300"},  # 19 characters
        {"bron": "0000000100158962300X"},  # 20 characters, not an OIN
        {"doel": "000000018008664720001"},
    ],
)
def test_invalid_headers_are_400_without_body(duo, headers):
    response = duo("GET", f"/personen/{AMINA}/inburgeringsplicht", headers=headers)
    assert response.status_code == 400
    assert response.content == b""


@pytest.mark.parametrize(
    "body",
    [
        {"leerroute": "B"},  # dagtekeningPip missing
        {"dagtekeningPip": "2024-02-30", "leerroute": "B"},  # no such date
        {"dagtekeningPip": "2024-02-01", "leerroute": "C"},
        {"dagtekeningPip": "2024-02-01", "leerroute": "B", "niveau": "B2"},
        {"dagtekeningPip": "2024-02-01", "leerroute": "B", "geschatteIntensiteitB1Route": 0},
        {"dagtekeningPip": "2024-02-01", "leerroute": "B", "indicatorAlfabetiseringsonderwijs": "X"},
        {"dagtekeningPip": "2024-02-01", "leerroute": "B", "indicatorMagOpleidingAfmaken": "ja"},
        ["niet", "een", "object"],
    ],
)
def test_invalid_body_is_400_without_body(duo, body):
    response = duo("POST", f"/personen/{AMINA}/PIP", body)
    assert response.status_code == 400
    assert response.content == b""
    assert duo.persoon(AMINA)["pips"] == []


def test_invalid_json_path_parameter_and_missing_body_are_400(duo):
    assert duo("POST", f"/personen/{AMINA}/PIP", data=b"{niet json", controleer=False,
               headers={"Content-Type": "application/json"}).status_code == 400  # fmt: skip
    assert duo("POST", f"/personen/{AMINA}/PIP").status_code == 400  # body required
    assert duo("GET", "/personen/99999000/inburgeringsplicht").status_code == 400  # 8 digits
    assert duo("GET", "/personen/99999000X/inburgeringsplicht").status_code == 400
    assert duo("PUT", "/contactpersonen/0", {"naam": "A", "email": "a@b.nl", "telefoonnummer": "0612345678"}).status_code == 400


# -- 403 without body: configuration errors of the app -----------------------------------------------------


def test_unknown_bron_is_403_without_body(duo):
    response = duo("GET", f"/personen/{AMINA}/inburgeringsplicht", headers={"bron": "00000001001589623999"})
    assert response.status_code == 403
    assert response.content == b""
    response = duo("POST", f"/personen/{AMINA}/PIP", {"dagtekeningPip": "2024-02-01", "leerroute": "B"},
                   headers={"bron": "00000001001589623999"})  # fmt: skip
    assert (response.status_code, response.content) == (403, b"")
    assert duo("GET", "/instellingen", headers={"bron": "00000001001589623999"}).status_code == 403


def test_wrong_doel_is_403_without_body(duo):
    response = duo("GET", f"/personen/{AMINA}/inburgeringsplicht", headers={"doel": "00000001001589623000"})
    assert (response.status_code, response.content) == (403, b"")


def test_unknown_path_and_method_are_404(duo):
    assert duo("GET", "/bestaat/niet", controleer=False).status_code == 404
    assert duo("PATCH", f"/personen/{AMINA}/PIP", controleer=False).status_code == 404
