"""RaadpleegMetBurgerservicenummer against the stand-in, over HTTP; every answer checked against the contract."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.standin

AMINA = "999990007"  # Delfzijl, standaard
FARID = "999990032"  # Loppersum, huisletter
ASTER = "999990068"  # overleden
OLEKSANDR = "999990081"  # gemeente Groningen
SAMIR = "999990093"  # staatloos
SARA = "999990111"  # voorvoegsel, twee nationaliteiten


def elfproef(bsn: str) -> bool:
    c = [int(x) for x in bsn]
    return (sum(c[i] * (9 - i) for i in range(8)) - c[8]) % 11 == 0


def geldige_bsns(aantal: int, vanaf: int = 912345670) -> list[str]:
    bsns, n = [], vanaf
    while len(bsns) < aantal:
        if elfproef(str(n)):
            bsns.append(str(n))
        n += 1
    return bsns


def test_alleen_de_gevraagde_velden(brp):
    [persoon] = brp.raadpleeg([AMINA], ["naam.voornamen", "geboorte.datum"])
    assert persoon == {
        "naam": {"voornamen": "Amina"},
        "geboorte": {"datum": {"type": "Datum", "datum": "1991-03-14", "langFormaat": "14 maart 1991"}},
    }


def test_een_groep_levert_alle_velden_van_de_groep(brp):
    [persoon] = brp.raadpleeg([SARA], ["naam"])
    assert persoon == {
        "naam": {
            "voornamen": "Sara",
            "voorletters": "S.",
            "voorvoegsel": "el",
            "geslachtsnaam": "Amrani",
            "volledigeNaam": "Sara el Amrani",
            "aanduidingNaamgebruik": {"code": "E", "omschrijving": "eigen geslachtsnaam"},
        }
    }


@pytest.mark.parametrize("field", ["geslacht", "geslacht.code", "geslacht.omschrijving"])
def test_een_deel_van_een_waardetabel_levert_de_hele_waarde(brp, field):
    assert brp.raadpleeg([AMINA], [field]) == [{"geslacht": {"code": "V", "omschrijving": "vrouw"}}]


@pytest.mark.parametrize("field", ["geboorte.datum.jaar", "geboorte.datum.langFormaat", "geboorte.datum.type"])
def test_een_deel_van_een_datum_levert_de_hele_datum(brp, field):
    [persoon] = brp.raadpleeg([AMINA], [field])
    assert persoon["geboorte"]["datum"] == {"type": "Datum", "datum": "1991-03-14", "langFormaat": "14 maart 1991"}


def test_de_velden_die_de_app_nodig_heeft(brp):
    fields = [
        "burgerservicenummer", "naam", "geboorte", "geslacht", "nationaliteiten", "verblijfplaats", "adressering",
        "overlijden", "datumInschrijvingInGemeente", "gemeenteVanInschrijving", "leeftijd", "immigratie",
    ]  # fmt: skip
    [persoon] = brp.raadpleeg([FARID], fields)
    assert persoon["burgerservicenummer"] == FARID
    assert persoon["gemeenteVanInschrijving"] == {"code": "1979", "omschrijving": "Eemsdelta"}
    assert persoon["datumInschrijvingInGemeente"]["datum"] == "2025-01-13"
    assert persoon["verblijfplaats"]["type"] == "Adres"
    assert persoon["verblijfplaats"]["verblijfadres"] == {
        "officieleStraatnaam": "Stationsstraat",
        "korteStraatnaam": "Stationsstraat",
        "huisnummer": 7,
        "huisletter": "A",
        "postcode": "9919AH",
        "woonplaats": "Loppersum",
    }
    assert persoon["adressering"] == {
        "adresregel1": "Stationsstraat 7A",
        "adresregel2": "9919 AH  LOPPERSUM",
        "aanhef": "Geachte heer Rahimi",
        "aanschrijfwijze": {"naam": "F. Rahimi"},
        "gebruikInLopendeTekst": "de heer Rahimi",
    }
    assert persoon["nationaliteiten"][0]["type"] == "Nationaliteit"
    assert "overlijden" not in persoon
    assert isinstance(persoon["leeftijd"], int)


def test_een_deel_van_een_polymorf_object_houdt_zijn_type(brp):
    [persoon] = brp.raadpleeg([AMINA], ["verblijfplaats.verblijfadres.postcode"])
    assert persoon == {"verblijfplaats": {"type": "Adres", "verblijfadres": {"postcode": "9934AB"}}}


def test_staatloos_en_twee_nationaliteiten(brp):
    [samir] = brp.raadpleeg([SAMIR], ["nationaliteiten"])
    assert samir == {
        "nationaliteiten": [
            {
                "type": "Staatloos",
                "datumIngangGeldigheid": {"type": "Datum", "datum": "2025-05-26", "langFormaat": "26 mei 2025"},
            }
        ]
    }
    [sara] = brp.raadpleeg([SARA], ["nationaliteiten.nationaliteit"])
    assert [n["nationaliteit"]["code"] for n in sara["nationaliteiten"]] == ["0323", "0001"]


def test_een_gevraagd_veld_zonder_waarde_wordt_niet_geleverd(brp):
    assert brp.raadpleeg([AMINA], ["naam.voorvoegsel"]) == [{}]


def test_twintig_bsns_mag(brp):
    bsns = geldige_bsns(20)
    personen = brp.raadpleeg(bsns, ["burgerservicenummer"])
    assert [p["burgerservicenummer"] for p in personen] == bsns


def test_eenentwintig_bsns_is_400_met_invalid_params(brp):
    r = brp.personen(
        {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": geldige_bsns(21), "fields": ["naam"]}
    )
    assert r.status_code == 400
    assert r.headers["Content-Type"].startswith("application/problem+json")
    assert r.json()["invalidParams"] == [
        {
            "type": "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.1",
            "name": "burgerservicenummer",
            "code": "maxItems",
            "reason": "Array bevat te veel items.",
        }
    ]


@pytest.mark.parametrize(
    "bsn",
    [
        "999990008",  # 9-range, fails the elfproef
        "123456782",  # passes the elfproef, outside the 9-range and not in the file
        "000000000",
    ],
)
def test_onbekend_of_ongeldig_bsn_geeft_een_lege_lijst(brp, bsn):
    assert brp.raadpleeg([bsn], ["naam"]) == []


def test_alleen_bekende_bsns_komen_terug(brp):
    personen = brp.raadpleeg(["999990008", AMINA], ["burgerservicenummer"])
    assert personen == [{"burgerservicenummer": AMINA}]


def test_gegenereerde_persoon_is_deterministisch(brp):
    fields = ["burgerservicenummer", "naam", "geboorte", "geslacht", "verblijfplaats", "gemeenteVanInschrijving",
              "datumInschrijvingInGemeente", "nationaliteiten", "adressering"]  # fmt: skip
    eerste = brp.raadpleeg(["999991000"], fields)
    assert eerste == brp.raadpleeg(["999991000"], fields)
    [persoon] = eerste
    assert persoon["gemeenteVanInschrijving"]["code"] == "1979"
    assert persoon["verblijfplaats"]["verblijfadres"]["woonplaats"] in {"Delfzijl", "Appingedam", "Loppersum"}
    assert persoon["verblijfplaats"]["verblijfadres"]["postcode"].startswith("99")
    # a different BSN gives (almost certainly) a different person
    [ander] = brp.raadpleeg(["999991012"], fields)
    assert ander != persoon


def test_overleden_persoon_wordt_met_bsn_altijd_geleverd_met_opschorting(brp):
    # RaadpleegMetBurgerservicenummer has no inclusiefOverledenPersonen in the contract: the BRP always
    # delivers a deceased person asked for by BSN, with opschortingBijhouding (reden O).
    [persoon] = brp.raadpleeg([ASTER], ["burgerservicenummer", "overlijden"])
    assert persoon["overlijden"]["datum"]["datum"] == "2025-08-14"
    assert persoon["opschortingBijhouding"]["reden"] == {"code": "O", "omschrijving": "overlijden"}


def test_leeftijd_niet_voor_een_overledene(brp):
    [persoon] = brp.raadpleeg([ASTER], ["leeftijd"])
    assert set(persoon) == {"opschortingBijhouding"}  # delivered automatically; no leeftijd


def test_filter_gemeente_van_inschrijving(brp):
    assert brp.raadpleeg([AMINA, OLEKSANDR], ["burgerservicenummer"], gemeenteVanInschrijving="1979") == [
        {"burgerservicenummer": AMINA}
    ]
    assert brp.raadpleeg([AMINA, OLEKSANDR], ["burgerservicenummer"], gemeenteVanInschrijving="0014") == [
        {"burgerservicenummer": OLEKSANDR}
    ]
    [persoon] = brp.raadpleeg([OLEKSANDR], ["gemeenteVanInschrijving", "verblijfplaats.verblijfadres.woonplaats"])
    assert persoon["gemeenteVanInschrijving"] == {"code": "0014", "omschrijving": "Groningen"}
    assert persoon["verblijfplaats"]["verblijfadres"]["woonplaats"] == "Groningen"


def test_het_pad_van_rvig_werkt_ook(brp):
    r = brp.sessie.post(
        f"{brp.url}/haalcentraal/api/brp/personen",
        json={
            "type": "RaadpleegMetBurgerservicenummer",
            "burgerservicenummer": [AMINA],
            "fields": ["burgerservicenummer"],
        },
        headers={"X-API-KEY": brp.api_key},
        timeout=10,
    )
    assert r.status_code == 200
    assert r.json()["personen"] == [{"burgerservicenummer": AMINA}]
