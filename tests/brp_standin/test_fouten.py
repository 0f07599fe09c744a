"""Error answers of the stand-in: status, content type and problem body as the contract says."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.standin

AMINA = "999990007"
RAADPLEEG = {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [AMINA], "fields": ["naam"]}


def _params(r) -> list[tuple[str, str]]:
    return [(p["name"], p["code"]) for p in r.json()["invalidParams"]]


def test_zonder_api_key_401(brp):
    r = brp.personen(RAADPLEEG, headers={"X-API-KEY": None})
    assert r.status_code == 401
    assert r.json()["code"] == "authentication"


def test_verkeerde_api_key_401(brp):
    assert brp.personen(RAADPLEEG, headers={"X-API-KEY": "fout"}).status_code == 401


def test_verkeerd_content_type_415(brp):
    r = brp.personen(None, headers={"Content-Type": "text/plain"}, data=b'{"type": "RaadpleegMetBurgerservicenummer"}')
    assert r.status_code == 415
    assert r.json()["code"] == "unsupported"


def test_form_content_type_415(brp):
    r = brp.personen(None, headers={"Content-Type": "application/x-www-form-urlencoded"}, data=b"type=x")
    assert r.status_code == 415


def test_accept_zonder_json_406(brp):
    r = brp.personen(RAADPLEEG, headers={"Accept": "text/html"})
    assert r.status_code == 406
    assert r.json()["code"] == "notAcceptable"


def test_content_type_zonder_charset_mag(brp):
    assert brp.personen(RAADPLEEG, headers={"Content-Type": "application/json"}).status_code == 200


def test_onbekend_veld_400(brp):
    r = brp.personen({**RAADPLEEG, "fields": ["naam", "bestaatniet"]})
    assert r.status_code == 400
    assert _params(r) == [("fields", "fields")]
    assert r.json()["invalidParams"][0]["reason"] == "Parameter bevat een niet bestaande veldnaam."


@pytest.mark.parametrize(
    "field", ["anummer", "naam.bestaatniet", "naam.voornamen.x", "geboorte.datum.dag", "geslacht.codes"]
)
def test_niet_bestaande_paden_400(brp, field):
    r = brp.personen({**RAADPLEEG, "fields": [field]})
    assert r.status_code == 400
    assert _params(r) == [("fields", "fields")]


@pytest.mark.parametrize(
    "field", ["inOnderzoek", "opschortingBijhouding", "naam.inOnderzoek", "geheimhoudingPersoonsgegevens"]
)
def test_automatisch_geleverde_velden_mag_je_niet_vragen(brp, field):
    r = brp.personen({**RAADPLEEG, "fields": [field]})
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["reason"] == "Parameter bevat een niet toegestane veldnaam."


def test_veld_van_persoon_niet_bij_zoeken_400(brp):
    # the searches answer with PersoonBeperkt: no verblijfplaats
    r = brp.personen(
        {"type": "ZoekMetPostcodeEnHuisnummer", "postcode": "9934AB", "huisnummer": 12, "fields": ["verblijfplaats"]}
    )
    assert r.status_code == 400
    assert _params(r) == [("fields", "fields")]


def test_fields_ontbreekt_400_combinatie(brp):
    r = brp.personen({"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [AMINA]})
    assert r.status_code == 400
    assert r.json()["code"] == "paramsCombination"
    assert _params(r) == [("fields", "required")]


@pytest.mark.parametrize(
    ("body", "verwacht"),
    [
        ({**RAADPLEEG, "fields": []}, ("fields", "minItems")),
        ({**RAADPLEEG, "fields": "naam,geslacht"}, ("fields", "array")),
        ({**RAADPLEEG, "fields": ["a*b"]}, ("fields", "pattern")),
        ({**RAADPLEEG, "burgerservicenummer": []}, ("burgerservicenummer", "minItems")),
        ({**RAADPLEEG, "burgerservicenummer": ["12345678"]}, ("burgerservicenummer", "pattern")),
        ({**RAADPLEEG, "burgerservicenummer": AMINA}, ("burgerservicenummer", "array")),
        ({**RAADPLEEG, "gemeenteVanInschrijving": "19790"}, ("gemeenteVanInschrijving", "pattern")),
        ({**RAADPLEEG, "inclusiefOverledenPersonen": True}, ("inclusiefOverledenPersonen", "unknownParam")),
        ({**RAADPLEEG, "type": "ZoekMetIetsAnders"}, ("type", "value")),
        ({**RAADPLEEG, "met_underscore:en-meer": 1}, ("met_underscoreenmeer", "unknownParam")),
        ([RAADPLEEG], ("body", "object")),
        (
            {
                "type": "ZoekMetGeslachtsnaamEnGeboortedatum",
                "geslachtsnaam": "Haddad",
                "geboortedatum": "1991-02-30",
                "fields": ["naam"],
            },
            ("geboortedatum", "date"),
        ),
        (
            {"type": "ZoekMetPostcodeEnHuisnummer", "postcode": "9934AB", "huisnummer": 0, "fields": ["naam"]},
            ("huisnummer", "minimum"),
        ),
    ],
)
def test_ongeldige_verzoeken_400(brp, body, verwacht):
    r = brp.personen(body)
    assert r.status_code == 400, r.text
    assert verwacht in _params(r)


def test_alle_fouten_worden_een_keer_gemeld(brp):
    r = brp.personen({**RAADPLEEG, "burgerservicenummer": ["1"], "fields": ["bestaatniet"], "extra": 1})
    assert r.status_code == 400
    assert sorted(_params(r)) == [("burgerservicenummer", "pattern"), ("extra", "unknownParam"), ("fields", "fields")]


def test_geen_json_400(brp):
    r = brp.personen(None, data=b"{niet json")
    assert r.status_code == 400


def test_ontbrekende_zoekparameters_400(brp):
    r = brp.personen({"type": "ZoekMetGeslachtsnaamEnGeboortedatum", "fields": ["naam"]})
    assert r.status_code == 400
    assert sorted(_params(r)) == [("geboortedatum", "required"), ("geslachtsnaam", "required")]


def test_get_is_niet_toegestaan(brp):
    r = brp.sessie.get(f"{brp.url}/personen", headers={"X-API-KEY": brp.api_key}, timeout=10)
    assert r.status_code == 405
    assert r.headers["Allow"] == "POST"
