"""Every request the client sends and every answer it accepts, checked against the contract
(standins/brp/openapi.yaml) by the tests' own validator (tests/brp_standin/contract.py), over the network
against the stand-in subprocess. The traffic is observed by an HTTPAdapter mounted on the client's session:
the real requests go out, nothing is replaced."""

from __future__ import annotations

import json
from datetime import date

import pytest
import requests
from requests.adapters import HTTPAdapter

from brp.client import VELDEN
from brp.vertaling import persoon_van
from tests.brp_standin import contract

from .conftest import AMINA, ASTER, FARID, MARIAM, OLEKSANDR, ONBEKEND, SAMIR, SARA, geldige_bsns

pytestmark = pytest.mark.standin


class ContractAdapter(HTTPAdapter):
    """Sends for real; checks the request body before and the answer after, and keeps both."""

    def __init__(self):
        super().__init__()
        self.verkeer: list[tuple[dict, requests.Response]] = []

    def send(self, request, **kwargs):
        body = json.loads(request.body)
        assert not contract.fouten("PersonenQuery", body), contract.fouten("PersonenQuery", body)
        assert not contract.fouten("RaadpleegMetBurgerservicenummer", body)
        assert request.headers["Content-Type"] == "application/json; charset=utf-8"
        response = super().send(request, **kwargs)
        contract.controleer(response)  # the schema of its status code, content type included
        if response.status_code == 200:
            problemen = contract.fouten("RaadpleegMetBurgerservicenummerResponse", response.json())
            assert not problemen, problemen
        self.verkeer.append((body, response))
        return response


@pytest.fixture
def adapter() -> ContractAdapter:
    return ContractAdapter()


@pytest.fixture
def raadplegen(client_voor, adapter):
    """client.raadplegen over a session that checks every message; returns the personen by BSN."""
    sessie = requests.Session()
    sessie.mount("http://", adapter)
    sessie.mount("https://", adapter)
    client = client_voor(sessie=sessie)

    def vraag(bsns: list[str]) -> dict[str, dict]:
        personen = client.raadplegen(bsns)
        assert adapter.verkeer, "geen verkeer gezien"
        assert all(r.status_code == 200 for _, r in adapter.verkeer)
        return {p["burgerservicenummer"]: p for p in personen}

    return vraag


def test_de_validator_weigert_een_fout_verzoek():
    """Sanity: the checker does refuse a request outside the contract."""
    verzoek = {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [AMINA], "fields": list(VELDEN)}
    assert not contract.fouten("PersonenQuery", verzoek)
    assert contract.fouten("PersonenQuery", {**verzoek, "burgerservicenummer": geldige_bsns(21)})
    assert contract.fouten("RaadpleegMetBurgerservicenummer", {**verzoek, "burgerservicenummer": ["12345"]})


def test_een_bsn(raadplegen, adapter):
    personen = raadplegen([AMINA])
    assert list(personen) == [AMINA]
    [(verzoek, _)] = adapter.verkeer
    assert verzoek == {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [AMINA],
                       "fields": list(VELDEN)}
    assert persoon_van(personen[AMINA]).woonplaats == "Delfzijl"


def test_25_bsns_in_twee_vragen(raadplegen, adapter):
    bsns = geldige_bsns(25)
    personen = raadplegen(bsns + bsns[:3])  # duplicates are asked once
    assert [len(v["burgerservicenummer"]) for v, _ in adapter.verkeer] == [20, 5]
    assert sorted(personen) == sorted(bsns)
    assert all(persoon_van(p).gemeente_code == "1979" for p in personen.values())


def test_onbekend_bsn_ontbreekt(raadplegen, adapter):
    assert list(raadplegen([ONBEKEND])) == []
    assert list(raadplegen([ONBEKEND, AMINA])) == [AMINA]


def test_overleden_persoon(raadplegen, adapter):
    persoon = raadplegen([ASTER])[ASTER]
    assert persoon["opschortingBijhouding"]["reden"]["code"] == "O"
    assert persoon_van(persoon).overleden_op == date(2025, 8, 14)
    assert all("inclusiefOverledenPersonen" not in v for v, _ in adapter.verkeer)


def test_persoon_in_een_andere_gemeente(raadplegen):
    gegevens = persoon_van(raadplegen([OLEKSANDR])[OLEKSANDR])
    assert (gegevens.gemeente_code, gegevens.gemeente_naam, gegevens.woonplaats) == ("0014", "Groningen", "Groningen")


def test_huisletter_en_toevoeging(raadplegen):
    personen = raadplegen([FARID, MARIAM])
    farid, mariam = persoon_van(personen[FARID]), persoon_van(personen[MARIAM])
    assert (farid.straat, farid.huisnummer, farid.postcode) == ("Stationsstraat", "7A", "9919AH")
    assert farid.adresregels == ("Stationsstraat 7A", "9919 AH  LOPPERSUM")
    assert mariam.huisnummer == "88-2"


def test_staatloos(raadplegen):
    assert persoon_van(raadplegen([SAMIR])[SAMIR]).nationaliteit == "Staatloos"


def test_voorvoegsel_en_twee_nationaliteiten(raadplegen):
    sara = persoon_van(raadplegen([SARA])[SARA])
    assert (sara.voornamen, sara.voorvoegsel, sara.geslachtsnaam) == ("Sara", "el", "Amrani")
    assert sara.nationaliteit == "Marokkaanse, Nederlandse"
    assert sara.aanhef == "Geachte mevrouw El Amrani"
