"""brp.vertaling: contract `Persoon` objects (copied from the stand-in's answers) -> Persoonsgegevens."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from brp.vertaling import OngeldigePersoon, datum_van, huisnummer_van, persoon_van
from cases.persoonsbron import Persoonsgegevens


def datum(iso: str, lang: str = "x") -> dict:
    return {"type": "Datum", "datum": iso, "langFormaat": lang}


AMINA = {
    "burgerservicenummer": "999990007",
    "naam": {"voornamen": "Amina", "geslachtsnaam": "Haddad"},
    "geboorte": {"datum": {"type": "Datum", "datum": "1991-03-14", "langFormaat": "14 maart 1991"}},
    "geslacht": {"code": "V", "omschrijving": "vrouw"},
    "nationaliteiten": [{"type": "Nationaliteit", "nationaliteit": {"code": "0316", "omschrijving": "Syrische"}}],
    "verblijfplaats": {
        "type": "Adres",
        "verblijfadres": {"officieleStraatnaam": "Oude Schans", "korteStraatnaam": "Oude Schans", "huisnummer": 12,
                          "postcode": "9934AB", "woonplaats": "Delfzijl"},
    },
    "adressering": {"adresregel1": "Oude Schans 12", "adresregel2": "9934 AB  DELFZIJL",
                    "aanhef": "Geachte mevrouw Haddad"},
    "gemeenteVanInschrijving": {"code": "1979", "omschrijving": "Eemsdelta"},
    "datumInschrijvingInGemeente": {"type": "Datum", "datum": "2024-02-05", "langFormaat": "5 februari 2024"},
}


def met(**wijzigingen) -> dict:
    p = copy.deepcopy(AMINA)
    p.update(wijzigingen)
    return p


def test_een_volledige_persoon():
    assert persoon_van(AMINA) == Persoonsgegevens(
        bsn="999990007", voornamen="Amina", geslachtsnaam="Haddad", geboortedatum=date(1991, 3, 14), geslacht="V",
        nationaliteit="Syrische", straat="Oude Schans", huisnummer="12", postcode="9934AB", woonplaats="Delfzijl",
        adresregels=("Oude Schans 12", "9934 AB  DELFZIJL"), aanhef="Geachte mevrouw Haddad",
        gemeente_code="1979", gemeente_naam="Eemsdelta", datum_inschrijving_gemeente=date(2024, 2, 5),
    )


def test_een_persoon_zonder_velden_behalve_het_bsn():
    assert persoon_van({"burgerservicenummer": "999990007"}) == Persoonsgegevens(bsn="999990007")


def test_voorvoegsel_en_twee_nationaliteiten():
    p = persoon_van(met(
        naam={"voornamen": "Sara", "voorvoegsel": "el", "geslachtsnaam": "Amrani"},
        nationaliteiten=[
            {"type": "Nationaliteit", "nationaliteit": {"code": "0323", "omschrijving": "Marokkaanse"}},
            {"type": "Nationaliteit", "nationaliteit": {"code": "0001", "omschrijving": "Nederlandse"}},
        ],
    ))
    assert (p.voornamen, p.voorvoegsel, p.geslachtsnaam) == ("Sara", "el", "Amrani")
    assert p.nationaliteit == "Marokkaanse, Nederlandse"


def test_staatloos():
    assert persoon_van(met(nationaliteiten=[{"type": "Staatloos"}])).nationaliteit == "Staatloos"


def test_geen_nationaliteiten():
    assert persoon_van(met(nationaliteiten=[])).nationaliteit == ""


@pytest.mark.parametrize(("code", "verwacht"), [("M", "M"), ("V", "V"), ("O", "X")])
def test_geslacht(code, verwacht):
    assert persoon_van(met(geslacht={"code": code, "omschrijving": "x"})).geslacht == verwacht


@pytest.mark.parametrize(("adres", "verwacht"), [
    ({"huisnummer": 7, "huisletter": "A"}, "7A"),
    ({"huisnummer": 88, "huisnummertoevoeging": "2"}, "88-2"),
    ({"huisnummer": 7, "huisletter": "A", "huisnummertoevoeging": "bis"}, "7A-bis"),
    ({"huisnummer": 12}, "12"),
    ({}, ""),
])
def test_huisnummer_zoals_op_een_brief(adres, verwacht):
    assert huisnummer_van(adres) == verwacht


def test_korte_straatnaam_als_de_officiele_ontbreekt():
    p = persoon_van(met(verblijfplaats={"type": "Adres", "verblijfadres": {"korteStraatnaam": "Stationsstr",
                                                                           "huisnummer": 7, "huisletter": "A"}}))
    assert (p.straat, p.huisnummer) == ("Stationsstr", "7A")


@pytest.mark.parametrize("verblijfplaats", [
    {"type": "VerblijfplaatsBuitenland", "verblijfadres": {"regel1": "Rue 1", "land": {"code": "5002",
                                                                                      "omschrijving": "Frankrijk"}}},
    {"type": "VerblijfplaatsOnbekend"},
    {"type": "Locatie", "verblijfadres": {"locatiebeschrijving": "woonboot"}},
])
def test_geen_adres_in_nederland_geeft_een_leeg_adres(verblijfplaats):
    p = persoon_van(met(verblijfplaats=verblijfplaats))
    assert (p.straat, p.huisnummer, p.postcode, p.woonplaats) == ("", "", "", "")


def test_drie_adresregels():
    p = persoon_van(met(adressering={"adresregel1": "a", "adresregel2": "b", "adresregel3": "c"}))
    assert p.adresregels == ("a", "b", "c")
    assert p.aanhef == ""


def test_overleden():
    p = persoon_van(met(overlijden={"datum": datum("2025-08-14")},
                        opschortingBijhouding={"reden": {"code": "O", "omschrijving": "overlijden"},
                                               "datum": datum("2025-08-14")}))
    assert p.overleden_op == date(2025, 8, 14)


@pytest.mark.parametrize("waarde", [
    {"type": "DatumOnbekend", "onbekend": True, "langFormaat": "onbekend"},
    {"type": "JaarDatum", "jaar": 1990, "langFormaat": "1990"},
    {"type": "JaarMaandDatum", "jaar": 1990, "maand": 5, "langFormaat": "mei 1990"},
    None,
])
def test_een_onvolledige_datum_wordt_none(waarde):
    assert datum_van(waarde) is None
    assert persoon_van(met(geboorte={"datum": waarde} if waarde else {})).geboortedatum is None


@pytest.mark.parametrize("persoon", [
    {},
    {"burgerservicenummer": 999990007},
    {"burgerservicenummer": "12345"},
    met(naam={"voornamen": ["Amina"]}),
    met(geboorte={"datum": {"type": "Datum", "datum": "14-03-1991"}}),
    met(geboorte={"datum": {"type": "Dag", "datum": "1991-03-14"}}),
    met(geboorte={"datum": "1991-03-14"}),
    met(geslacht={"code": "Q"}),
    met(nationaliteiten={"type": "Staatloos"}),
    met(nationaliteiten=[{"type": "Onzin"}]),
    met(verblijfplaats={"type": "Adres", "verblijfadres": {"huisnummer": "12"}}),
    met(verblijfplaats={"type": "Woonwagen"}),
    met(verblijfplaats={"verblijfadres": {}}),
    met(adressering={"adresregel1": 12}),
    met(gemeenteVanInschrijving="1979"),
])
def test_een_persoon_die_niet_aan_het_contract_voldoet_wordt_geweigerd(persoon):
    with pytest.raises(OngeldigePersoon):
        persoon_van(persoon)
