"""brp.client and brp.bron against real network peers: the BRP stand-in subprocess and tiny local HTTP
servers (stdlib) that fail on purpose. No mocks."""

from __future__ import annotations

import logging
import time
from datetime import date

import pytest

from brp.bron import BrpBron
from brp.client import VELDEN, BrpClient, BrpFout, OngeldigAntwoord
from cases.persoonsbron import ONBEREIKBAAR, BronOnbereikbaar, Persoonsgegevens
from inburgering.audit.models import Dataverwerking
from tests.standins import brp_standin

from .conftest import AMINA, ASTER, FARID, ONBEKEND, Antwoord

pytestmark = pytest.mark.standin

GOED = {"type": "RaadpleegMetBurgerservicenummer",
        "personen": [{"burgerservicenummer": AMINA, "naam": {"geslachtsnaam": "Haddad"}}]}


# --- the client against the stand-in --------------------------------------------------------------------------

def test_raadplegen_geeft_de_personen_van_het_contract(client_voor):
    [persoon] = client_voor().raadplegen([AMINA])
    assert persoon["burgerservicenummer"] == AMINA
    assert persoon["naam"] == {"voornamen": "Amina", "geslachtsnaam": "Haddad"}
    assert persoon["verblijfplaats"]["type"] == "Adres"
    assert "datumVan" not in persoon["verblijfplaats"]  # only the fields asked (data minimisation)


def test_dubbele_en_ongeldige_bsns_worden_niet_gevraagd(client_voor):
    personen = client_voor().raadplegen([AMINA, AMINA, "12345", "", FARID])
    assert [p["burgerservicenummer"] for p in personen] == [AMINA, FARID]


def test_geen_bsns_geen_vraag(nep_server):
    nep = nep_server([Antwoord(500)])
    assert BrpClient(nep.url, pogingen=1).raadplegen([]) == []
    assert nep.aantal == 0


def test_de_verzoeken_volgen_het_contract(nep_server):
    nep = nep_server([Antwoord(200, GOED)])
    client = BrpClient(nep.url + "/", "sleutel", timeout=5, pogingen=1)
    client.raadplegen([AMINA])
    [verzoek] = nep.verzoeken
    assert verzoek["pad"] == "/personen"
    assert verzoek["headers"]["Content-Type"] == "application/json; charset=utf-8"
    assert verzoek["headers"]["Accept"] == "application/json"
    assert verzoek["headers"]["X-API-KEY"] == "sleutel"
    assert verzoek["body"] == {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [AMINA],
                               "fields": list(VELDEN)}
    assert "inclusiefOverledenPersonen" not in verzoek["body"]


def test_zonder_api_sleutel_geen_header(nep_server):
    nep = nep_server([Antwoord(200, GOED)])
    BrpClient(nep.url, pogingen=1).raadplegen([AMINA])
    assert "X-API-KEY" not in nep.verzoeken[0]["headers"]


def test_tls_instellingen_gaan_naar_requests():
    client = BrpClient("https://brp.example", "k", cert="/c.pem", key="/k.pem", ca="/ca.pem")
    assert (client.cert, client.verify) == (("/c.pem", "/k.pem"), "/ca.pem")
    client = BrpClient("https://brp.example")
    assert (client.cert, client.verify) == (None, True)


def test_from_settings(settings):
    settings.BRP_URL, settings.BRP_API_KEY = "https://brp.example/haalcentraal/api/brp", "k"
    settings.BRP_CLIENT_CERT, settings.BRP_CLIENT_KEY, settings.BRP_CA_BUNDLE = "/c.pem", "/k.pem", ""
    settings.BRP_TIMEOUT, settings.BRP_POGINGEN = 7, 4
    settings.BRP_VELDEN = ["burgerservicenummer", "naam"]
    client = BrpClient.from_settings()
    assert (client.url, client.api_key, client.cert, client.verify) == (
        "https://brp.example/haalcentraal/api/brp", "k", ("/c.pem", "/k.pem"), True)
    assert (client.timeout, client.pogingen, client.velden) == (7, 4, ["burgerservicenummer", "naam"])


def test_zonder_brp_url_geen_koppeling(settings):
    settings.BRP_URL = ""
    with pytest.raises(BronOnbereikbaar, match="geen koppeling met de BRP"):
        BrpClient.from_settings()


# --- failures --------------------------------------------------------------------------------------------------

def test_niemand_luistert(dichte_poort):
    client = BrpClient(dichte_poort, timeout=2, pogingen=3, wachttijd=0.01)
    with pytest.raises(BrpFout) as fout:
        client.raadplegen([AMINA])
    assert str(fout.value) == str(ONBEREIKBAAR)
    assert fout.value.status is None


def test_niemand_luistert_na_brp_pogingen(dichte_poort, caplog):
    with caplog.at_level(logging.WARNING, logger="brp.client"), pytest.raises(BrpFout):
        BrpClient(dichte_poort, timeout=2, pogingen=3, wachttijd=0.01).raadplegen([AMINA])
    pogingen = [r for r in caplog.records if "poging" in r.getMessage() and "mislukt" in r.getMessage()]
    assert len(pogingen) == 3


def test_503_twee_keer_dan_200(nep_server):
    nep = nep_server([Antwoord(503, "{}"), Antwoord(503, "{}"), Antwoord(200, GOED)])
    [persoon] = BrpClient(nep.url, timeout=5, pogingen=3, wachttijd=0.01).raadplegen([AMINA])
    assert persoon["burgerservicenummer"] == AMINA
    assert nep.aantal == 3


def test_503_tot_de_pogingen_op_zijn(nep_server):
    nep = nep_server([Antwoord(503, "{}")])
    with pytest.raises(BrpFout) as fout:
        BrpClient(nep.url, timeout=5, pogingen=2, wachttijd=0.01).raadplegen([AMINA])
    assert (nep.aantal, fout.value.status) == (2, 503)
    assert "niet bereikbaar" in str(fout.value)


def test_te_traag(nep_server):
    nep = nep_server([Antwoord(200, GOED, wacht=3)])
    begin = time.monotonic()
    with pytest.raises(BrpFout, match="niet bereikbaar"):
        BrpClient(nep.url, timeout=0.5, pogingen=2, wachttijd=0.01).raadplegen([AMINA])
    assert time.monotonic() - begin < 2.5
    assert nep.aantal == 2


def test_400_geen_herhaling_en_geen_bsn_in_het_log(nep_server, caplog):
    probleem = {"type": "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.1",
                "title": "Een of meerdere parameters zijn niet correct.", "status": 400, "code": "paramsValidation",
                "detail": f"burgerservicenummer {AMINA} is fout",
                "invalidParams": [{"name": "burgerservicenummer", "code": "pattern",
                                   "reason": f"Waarde {AMINA} voldoet niet."}]}
    nep = nep_server([Antwoord(400, probleem, content_type="application/problem+json")])
    with caplog.at_level(logging.INFO, logger="brp"), pytest.raises(BrpFout) as fout:
        BrpClient(nep.url, timeout=5, pogingen=3, wachttijd=0.01).raadplegen([AMINA])
    assert (nep.aantal, fout.value.status) == (1, 400)
    assert "kon de vraag niet verwerken" in str(fout.value)
    assert "Een of meerdere parameters zijn niet correct." in caplog.text
    assert "burgerservicenummer" in caplog.text  # the parameter's name, not its value
    assert AMINA not in caplog.text


@pytest.mark.parametrize("antwoord", [
    Antwoord(200, {"type": "RaadpleegMetBurgerservicenummer", "personen": {"burgerservicenummer": AMINA}}),
    Antwoord(200, {"type": "ZoekMetPostcodeEnHuisnummer", "personen": []}),
    Antwoord(200, {"personen": []}),
    Antwoord(200, {"type": "RaadpleegMetBurgerservicenummer", "personen": [{"burgerservicenummer": FARID}]}),
    Antwoord(200, {"type": "RaadpleegMetBurgerservicenummer", "personen": [{"naam": {}}]}),
    Antwoord(200, "[]"),
    Antwoord(200, "geen json"),
    Antwoord(200, GOED, content_type="text/html"),
    Antwoord(204, ""),
])
def test_een_antwoord_dat_niet_aan_het_contract_voldoet_wordt_geweigerd(nep_server, antwoord):
    nep = nep_server([antwoord])
    with pytest.raises(OngeldigAntwoord, match="niet aan de afspraken voldoet"):
        BrpClient(nep.url, timeout=5, pogingen=3, wachttijd=0.01).raadplegen([AMINA])
    assert nep.aantal == 1


def test_verkeerde_api_sleutel_401_zonder_herhaling(tmp_path, caplog):
    with brp_standin(tmp_path, api_key="de-goede-sleutel", extra_args=["--geen-gebeurtenissen"]) as (url, _sleutel):
        client = BrpClient(url, "een-verkeerde-sleutel", timeout=5, pogingen=3, wachttijd=0.01)
        with caplog.at_level(logging.WARNING, logger="brp.client"), pytest.raises(BronOnbereikbaar) as fout:
            client.raadplegen([AMINA])
    assert isinstance(fout.value, BrpFout) and fout.value.status == 401
    assert "weigert de toegang" in str(fout.value)
    assert not [r for r in caplog.records if "mislukt" in r.getMessage()]  # no retry
    assert "status 401" in caplog.text


# --- the source -------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_bron_geeft_persoonsgegevens_per_bsn(brp_settings):
    personen = BrpBron().opvragen([AMINA, ASTER, ONBEKEND])
    assert set(personen) == {AMINA, ASTER}
    assert personen[AMINA] == Persoonsgegevens(
        bsn=AMINA, voornamen="Amina", geslachtsnaam="Haddad", geboortedatum=date(1991, 3, 14), geslacht="V",
        nationaliteit="Syrische", straat="Oude Schans", huisnummer="12", postcode="9934AB", woonplaats="Delfzijl",
        adresregels=("Oude Schans 12", "9934 AB  DELFZIJL"), aanhef="Geachte mevrouw Haddad",
        gemeente_code="1979", gemeente_naam="Eemsdelta", datum_inschrijving_gemeente=date(2024, 2, 5),
    )
    assert personen[ASTER].overleden_op == date(2025, 8, 14)


@pytest.mark.django_db
def test_bron_is_de_geregistreerde_persoonsbron(brp_settings):
    from cases.persoonsbron import persoon_opvragen, persoonsbron

    assert isinstance(persoonsbron(), BrpBron) and persoonsbron().naam == "BRP"
    assert persoon_opvragen(FARID).huisnummer == "7A"
    assert persoon_opvragen(ONBEKEND) is None


@pytest.mark.django_db
def test_bron_legt_elke_bevraging_vast_in_het_logboek(brp_settings):
    voor = Dataverwerking.objects.count()
    BrpBron().opvragen([AMINA])
    nieuw = Dataverwerking.objects.order_by("pk").last()
    assert Dataverwerking.objects.count() == voor + 1
    assert nieuw.activiteit.code == "brp-bevraging"
    assert "ontvangen" in nieuw.handelingen


@pytest.mark.django_db
def test_bron_zonder_brp_url(settings):
    settings.BRP_URL = ""
    with pytest.raises(BronOnbereikbaar, match="geen koppeling met de BRP"):
        BrpBron().opvragen([AMINA])
    assert not Dataverwerking.objects.exists()


@pytest.mark.django_db
def test_bron_weigert_een_persoon_die_niet_aan_het_contract_voldoet(settings, nep_server):
    nep = nep_server([Antwoord(200, {"type": "RaadpleegMetBurgerservicenummer",
                                     "personen": [{"burgerservicenummer": AMINA, "geslacht": "V"}]})])
    settings.BRP_URL, settings.BRP_API_KEY, settings.BRP_POGINGEN = nep.url, "", 1
    with pytest.raises(OngeldigAntwoord):
        BrpBron().opvragen([AMINA])
    assert Dataverwerking.objects.count() == 1  # the BSN was sent: still reported


@pytest.mark.django_db
def test_bron_onbereikbaar(settings, dichte_poort):
    settings.BRP_URL, settings.BRP_POGINGEN, settings.BRP_TIMEOUT = dichte_poort, 2, 2
    with pytest.raises(BronOnbereikbaar, match="niet bereikbaar"):
        BrpBron().opvragen([AMINA])


def test_een_onbekend_veld_geeft_een_400_van_de_standin(client_voor, caplog):
    with caplog.at_level(logging.INFO, logger="brp"), pytest.raises(BrpFout) as fout:
        client_voor(pogingen=3).raadplegen([AMINA], fields=["burgerservicenummer", "bestaatNiet"])
    assert fout.value.status == 400
    assert "invalidParams" in caplog.text and "fields" in caplog.text
    assert AMINA not in caplog.text
    assert not [r for r in caplog.records if "mislukt" in r.getMessage()]


def test_brp_velden_gaan_mee_in_het_verzoek(settings, nep_server):
    nep = nep_server([Antwoord(200, GOED)])
    settings.BRP_URL, settings.BRP_API_KEY, settings.BRP_POGINGEN = nep.url, "", 1
    settings.BRP_VELDEN = ["burgerservicenummer", "naam.geslachtsnaam"]
    BrpClient.from_settings().raadplegen([AMINA])
    assert nep.verzoeken[0]["body"]["fields"] == ["burgerservicenummer", "naam.geslachtsnaam"]
