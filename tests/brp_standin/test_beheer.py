"""State changes outside the contract (/_beheer), scheduled events, --opslag and strict mode."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest
import requests

from tests.brp_standin.conftest import BrpClient
from tests.standins import brp_standin

pytestmark = pytest.mark.standin

DATA = Path(__file__).resolve().parents[2] / "standins" / "brp" / "personen.json"
GEGENEREERD = "999991024"  # a generated person (9-range, elfproef, not in the file)
FIELDS = ["burgerservicenummer", "verblijfplaats", "gemeenteVanInschrijving", "overlijden", "naam"]


def test_elfproef_van_de_testbsn():
    c = [int(x) for x in GEGENEREERD]
    assert (sum(c[i] * (9 - i) for i in range(8)) - c[8]) % 11 == 0


def test_wijziging_verandert_het_volgende_antwoord_en_delete_herstelt(brp):
    [voor] = brp.raadpleeg([GEGENEREERD], FIELDS)
    try:
        r = brp.beheer("POST", f"personen/{GEGENEREERD}", {
            "verblijfplaats": {"straat": "Oosterstraat", "huisnummer": 5, "postcode": "9711NR", "woonplaats": "Groningen", "datumVan": "2026-11-01"},
            "gemeenteVanInschrijving": "0014",
            "datumInschrijvingInGemeente": "2026-11-01",
        })  # fmt: skip
        assert r.status_code == 200, r.text
        [na] = brp.raadpleeg([GEGENEREERD], FIELDS)
        assert na["gemeenteVanInschrijving"] == {"code": "0014", "omschrijving": "Groningen"}
        assert na["verblijfplaats"]["verblijfadres"]["woonplaats"] == "Groningen"
        assert na["naam"] == voor["naam"]
        assert brp.raadpleeg([GEGENEREERD], ["burgerservicenummer"], gemeenteVanInschrijving="1979") == []
        # a changed generated person becomes searchable
        zoek = brp.personen(
            {
                "type": "ZoekMetPostcodeEnHuisnummer",
                "postcode": "9711NR",
                "huisnummer": 5,
                "fields": ["burgerservicenummer"],
            }
        )
        assert zoek.json()["personen"] == [{"burgerservicenummer": GEGENEREERD}]
    finally:
        assert brp.beheer("DELETE", f"personen/{GEGENEREERD}").status_code == 204
    assert brp.raadpleeg([GEGENEREERD], FIELDS) == [voor]


def test_overlijden_via_beheer(brp):
    try:
        brp.beheer(
            "POST", f"personen/{GEGENEREERD}", {"overlijden": {"datum": "2026-11-20", "plaats": "1979"}}
        ).raise_for_status()
        [persoon] = brp.raadpleeg([GEGENEREERD], ["overlijden.datum", "leeftijd"])
        assert persoon["overlijden"] == {
            "datum": {"type": "Datum", "datum": "2026-11-20", "langFormaat": "20 november 2026"}
        }
        assert "leeftijd" not in persoon
        assert persoon["opschortingBijhouding"]["reden"]["code"] == "O"
        # and null removes it again (merge patch)
        brp.beheer("POST", f"personen/{GEGENEREERD}", {"overlijden": None}).raise_for_status()
        assert "overlijden" not in brp.raadpleeg([GEGENEREERD], ["overlijden", "burgerservicenummer"])[0]
    finally:
        brp.beheer("DELETE", f"personen/{GEGENEREERD}")


def test_beheer_get_en_reset(brp):
    r = brp.beheer("GET", "personen/999990007")
    assert r.status_code == 200
    assert r.json()["naam"]["geslachtsnaam"] == "Haddad"
    brp.beheer("POST", "personen/999990007", {"naam": {"geslachtsnaam": "Veranderd"}}).raise_for_status()
    assert brp.raadpleeg(["999990007"], ["naam.geslachtsnaam"]) == [{"naam": {"geslachtsnaam": "Veranderd"}}]
    assert brp.beheer("POST", "reset").status_code == 200
    assert brp.raadpleeg(["999990007"], ["naam.geslachtsnaam"]) == [{"naam": {"geslachtsnaam": "Haddad"}}]


def test_beheer_fouten(brp):
    assert brp.beheer("GET", "personen/999990008").status_code == 404  # fails the elfproef: no person
    assert brp.beheer("POST", "personen/999990008", {"naam": {"voornamen": "X"}}).status_code == 404
    assert brp.beheer("POST", f"personen/{GEGENEREERD}", {"bestaatniet": 1}).status_code == 400
    # a change that would give a person outside the contract is refused, and nothing is stored
    assert (
        brp.beheer("POST", f"personen/{GEGENEREERD}", {"verblijfplaats": {"huisnummer": "twaalf"}}).status_code == 400
    )
    assert brp.beheer("POST", f"personen/{GEGENEREERD}", {"overlijden": {"datum": "gisteren"}}).status_code == 400
    assert brp.beheer("POST", f"personen/{GEGENEREERD}", {"naam": {"geslachtsnaam": "Ha$$ad"}}).status_code == 400
    assert "overlijden" not in brp.beheer("GET", f"personen/{GEGENEREERD}").json()
    r = requests.post(f"{brp.url}/_beheer/reset", timeout=10)  # no API key
    assert r.status_code == 401


def test_beheer_alleen_met_vlag(tmp_path):
    with brp_standin(tmp_path, beheer=False) as standin:
        r = requests.post(f"{standin.url}/_beheer/reset", headers={"X-API-KEY": standin.api_key}, timeout=10)
        assert r.status_code == 404


def _data_met_gebeurtenis(tmp_path: Path, na_seconden: float) -> Path:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    data["gebeurtenissen"] = [
        {
            "na_seconden": na_seconden,
            "bsn": "999990020",
            "wijziging": {"overlijden": {"datum": "vandaag", "plaats": "1979"}},
        },
        {"na_seconden": 3600, "bsn": "999990032", "wijziging": {"gemeenteVanInschrijving": "0014"}},
    ]
    pad = tmp_path / "personen.json"
    pad.write_text(json.dumps(data), encoding="utf-8")
    return pad


def test_geplande_gebeurtenis_wordt_na_zijn_tijd_toegepast(tmp_path):
    begin = time.monotonic()  # the server starts after this, so its clock starts later
    with brp_standin(tmp_path, data=_data_met_gebeurtenis(tmp_path, 2.5)) as standin:
        brp = BrpClient(standin)
        [voor] = brp.raadpleeg(["999990020"], ["burgerservicenummer", "overlijden"])
        if time.monotonic() - begin < 2.5:
            assert "overlijden" not in voor
        time.sleep(max(0.0, 3.0 - (time.monotonic() - begin)))
        deadline = time.monotonic() + 5
        while True:  # the server started a little after `begin`: allow for that
            [na] = brp.raadpleeg(["999990020"], ["burgerservicenummer", "overlijden"])
            if "overlijden" in na or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert na["overlijden"]["datum"]["datum"] == date.today().isoformat()
        assert na["opschortingBijhouding"]["reden"]["code"] == "O"
        # the later event has not happened yet
        [farid] = brp.raadpleeg(["999990032"], ["gemeenteVanInschrijving"])
        assert farid["gemeenteVanInschrijving"]["code"] == "1979"


def test_gegenereerde_persoon_is_gelijk_in_een_ander_proces(brp, tmp_path):
    fields = [
        "burgerservicenummer",
        "naam",
        "geboorte",
        "geslacht",
        "verblijfplaats",
        "nationaliteiten",
        "datumInschrijvingInGemeente",
    ]
    hier = brp.raadpleeg(["999991036"], fields)
    with brp_standin(tmp_path) as standin:
        assert BrpClient(standin).raadpleeg(["999991036"], fields) == hier


def test_opslag_bewaart_wijzigingen_over_een_herstart(tmp_path):
    opslag = tmp_path / "opslag.json"
    with brp_standin(tmp_path, extra_args=["--opslag", str(opslag)]) as standin:
        BrpClient(standin).beheer(
            "POST", f"personen/{GEGENEREERD}", {"naam": {"voornamen": "Bewaard"}}
        ).raise_for_status()
    assert opslag.exists()
    with brp_standin(tmp_path, extra_args=["--opslag", str(opslag)]) as standin:
        assert BrpClient(standin).raadpleeg([GEGENEREERD], ["naam.voornamen"]) == [{"naam": {"voornamen": "Bewaard"}}]


def test_streng_geeft_500_als_het_eigen_antwoord_ongeldig_zou_zijn(tmp_path):
    data = json.loads(DATA.read_text(encoding="utf-8"))
    data["personen"][0]["naam"]["geslachtsnaam"] = "Had$ad"  # Geslachtsnaam's pattern has no $
    pad = tmp_path / "kapot.json"
    pad.write_text(json.dumps(data), encoding="utf-8")
    body = {
        "type": "RaadpleegMetBurgerservicenummer",
        "burgerservicenummer": ["999990007"],
        "fields": ["naam.geslachtsnaam"],
    }
    with brp_standin(tmp_path, data=pad) as standin:
        r = BrpClient(standin).personen(body)  # the 500 itself is checked against the contract
        assert r.status_code == 500
        assert r.json()["code"] == "serverError"
    with brp_standin(tmp_path, data=pad, extra_args=["--no-streng"]) as standin:
        r = BrpClient(standin).personen(body, controleer=False)
        assert r.status_code == 200
        assert r.json()["personen"] == [{"naam": {"geslachtsnaam": "Had$ad"}}]


def test_vertrek_naar_het_buitenland_en_geslacht_onbekend(brp):
    try:
        brp.beheer("POST", f"personen/{GEGENEREERD}", {
            "geslacht": "O",
            "verblijfplaats": {"straat": None, "huisnummer": None, "huisletter": None, "postcode": None, "woonplaats": None,
                               "land": "5016", "regel1": "Baron Street 12", "regel2": "Aleppo", "datumVan": "2026-10-01"},
            "gemeenteVanInschrijving": "1999",
        }).raise_for_status()  # fmt: skip
        [persoon] = brp.raadpleeg([GEGENEREERD], ["verblijfplaats", "adressering", "geslacht"])
        assert persoon["geslacht"] == {"code": "O", "omschrijving": "onbekend"}
        assert persoon["verblijfplaats"]["type"] == "VerblijfplaatsBuitenland"
        assert persoon["verblijfplaats"]["verblijfadres"]["regel1"] == "Baron Street 12"
        assert persoon["adressering"]["adresregel1"] == "Baron Street 12"
        assert persoon["adressering"]["land"]["code"] == "5016"
        assert persoon["adressering"]["aanhef"].startswith("Geachte ")
    finally:
        brp.beheer("DELETE", f"personen/{GEGENEREERD}")


def test_de_gebeurtenissen_van_het_databestand(tmp_path):
    """The repository's own events (a move out of the gemeente, a death), with their delay shortened."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    assert {g["bsn"] for g in data["gebeurtenissen"]} == {"999990044", "999990056"}
    for g in data["gebeurtenissen"]:
        g["na_seconden"] = 0
    pad = tmp_path / "personen.json"
    pad.write_text(json.dumps(data), encoding="utf-8")
    with brp_standin(tmp_path, data=pad) as standin:
        brp = BrpClient(standin)
        mariam, hassan = brp.raadpleeg(
            ["999990044", "999990056"],
            [
                "burgerservicenummer",
                "gemeenteVanInschrijving",
                "datumInschrijvingInGemeente",
                "verblijfplaats",
                "adressering",
                "overlijden",
            ],
        )
        vandaag = date.today().isoformat()
        assert mariam["gemeenteVanInschrijving"] == {"code": "0014", "omschrijving": "Groningen"}
        assert mariam["datumInschrijvingInGemeente"]["datum"] == vandaag
        assert mariam["verblijfplaats"]["verblijfadres"] == {
            "officieleStraatnaam": "Oosterstraat",
            "korteStraatnaam": "Oosterstraat",
            "huisnummer": 21,
            "postcode": "9711NR",
            "woonplaats": "Groningen",
        }
        assert mariam["adressering"]["adresregel2"] == "9711 NR  GRONINGEN"
        assert hassan["overlijden"]["datum"]["datum"] == vandaag
        assert hassan["opschortingBijhouding"]["reden"]["code"] == "O"
        # not found by a search in Eemsdelta any more
        r = brp.personen({"type": "ZoekMetGeslachtsnaamEnGeboortedatum", "geslachtsnaam": "Mahmoud", "geboortedatum": "1958-04-21",
                          "fields": ["burgerservicenummer"]})  # fmt: skip
        assert r.json()["personen"] == []
