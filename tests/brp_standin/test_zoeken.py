"""The search types of the stand-in (PersoonBeperkt answers)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.standin


def _bsns(r) -> list[str]:
    assert r.status_code == 200, r.text
    return [p["burgerservicenummer"] for p in r.json()["personen"]]


def test_zoek_met_geslachtsnaam_en_geboortedatum(brp):
    r = brp.personen({"type": "ZoekMetGeslachtsnaamEnGeboortedatum", "geslachtsnaam": "haddad", "geboortedatum": "1991-03-14",
                      "fields": ["burgerservicenummer", "naam", "geboorte", "adressering", "leeftijd", "geslacht"]})  # fmt: skip
    [persoon] = r.json()["personen"]
    assert persoon["burgerservicenummer"] == "999990007"
    # PersoonBeperkt: naam without aanduidingNaamgebruik, geboorte only datum
    assert "aanduidingNaamgebruik" not in persoon["naam"]
    assert set(persoon["geboorte"]) == {"datum"}
    assert set(persoon["adressering"]) == {"adresregel1", "adresregel2"}


def test_zoek_met_wildcard_en_voornamen(brp):
    body = {"type": "ZoekMetGeslachtsnaamEnGeboortedatum", "geslachtsnaam": "Had*", "geboortedatum": "2003-09-02",
            "voornamen": "nour*", "fields": ["burgerservicenummer"]}  # fmt: skip
    assert _bsns(brp.personen(body)) == ["999990019"]
    assert _bsns(brp.personen({**body, "voornamen": "Amina"})) == []


def test_overleden_alleen_met_inclusief_overleden_personen(brp):
    body = {"type": "ZoekMetGeslachtsnaamEnGeboortedatum", "geslachtsnaam": "Ghebremariam", "geboortedatum": "1983-12-05",
            "fields": ["burgerservicenummer"]}  # fmt: skip
    assert _bsns(brp.personen(body)) == []
    assert _bsns(brp.personen({**body, "inclusiefOverledenPersonen": False})) == []
    r = brp.personen({**body, "inclusiefOverledenPersonen": True})
    assert _bsns(r) == ["999990068"]
    assert r.json()["personen"][0]["opschortingBijhouding"]["reden"]["code"] == "O"


def test_zoek_met_postcode_en_huisnummer(brp):
    body = {
        "type": "ZoekMetPostcodeEnHuisnummer",
        "postcode": "9934 ab",
        "huisnummer": 12,
        "fields": ["burgerservicenummer"],
    }
    assert _bsns(brp.personen(body)) == ["999990007", "999990019"]
    assert _bsns(brp.personen({**body, "geslachtsnaam": "haddad", "geboortedatum": "2003-09-02"})) == ["999990019"]
    assert _bsns(brp.personen({**body, "huisnummer": 13})) == []


def test_zoek_met_postcode_huisletter(brp):
    body = {
        "type": "ZoekMetPostcodeEnHuisnummer",
        "postcode": "9919AH",
        "huisnummer": 7,
        "fields": ["burgerservicenummer"],
    }
    assert _bsns(brp.personen(body)) == ["999990032"]
    assert _bsns(brp.personen({**body, "huisletter": "a"})) == ["999990032"]
    assert _bsns(brp.personen({**body, "huisletter": "B"})) == []


def test_zoek_met_postcode_en_gemeente_filter(brp):
    body = {
        "type": "ZoekMetPostcodeEnHuisnummer",
        "postcode": "9711LE",
        "huisnummer": 101,
        "fields": ["burgerservicenummer"],
    }
    assert _bsns(brp.personen(body)) == ["999990081"]
    assert _bsns(brp.personen({**body, "gemeenteVanInschrijving": "1979"})) == []


def test_zoek_met_naam_en_gemeente(brp):
    body = {"type": "ZoekMetNaamEnGemeenteVanInschrijving", "geslachtsnaam": "Amrani", "voornamen": "Sara",
            "voorvoegsel": "el", "gemeenteVanInschrijving": "1979", "fields": ["burgerservicenummer", "naam.volledigeNaam"]}  # fmt: skip
    r = brp.personen(body)
    assert r.json()["personen"] == [{"burgerservicenummer": "999990111", "naam": {"volledigeNaam": "Sara el Amrani"}}]


def test_zoek_met_straat_huisnummer_en_gemeente(brp):
    body = {"type": "ZoekMetStraatHuisnummerEnGemeenteVanInschrijving", "straat": "dijkstraat", "huisnummer": 45,
            "gemeenteVanInschrijving": "1979", "fields": ["burgerservicenummer"]}  # fmt: skip
    assert _bsns(brp.personen(body)) == ["999990020"]


def test_zoek_met_bag_identificaties(brp):
    [persoon] = brp.raadpleeg(
        ["999990020"],
        ["verblijfplaats.nummeraanduidingIdentificatie", "verblijfplaats.adresseerbaarObjectIdentificatie"],
    )
    vp = persoon["verblijfplaats"]
    r = brp.personen(
        {
            "type": "ZoekMetNummeraanduidingIdentificatie",
            "nummeraanduidingIdentificatie": vp["nummeraanduidingIdentificatie"],
            "fields": ["burgerservicenummer"],
        }
    )
    assert _bsns(r) == ["999990020"]
    r = brp.personen(
        {
            "type": "ZoekMetAdresseerbaarObjectIdentificatie",
            "adresseerbaarObjectIdentificatie": vp["adresseerbaarObjectIdentificatie"],
            "fields": ["burgerservicenummer"],
        }
    )
    assert _bsns(r) == ["999990020"]
