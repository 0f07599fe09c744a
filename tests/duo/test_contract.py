"""Contract tests (STYLE 18): every request the app builds for DUO, and every answer it accepts, validated
against DUO's published yml files with openapi-core — independent of the app's own pre-flight code
(duo/controle.py), so a mistake in one is caught by the other. The messages come from the real services."""

import uuid
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings

import pytest
import requests
import yaml

from duo import berichten
from duo.models import DuoBericht, Soort, Status
from leerroutes import rules as leerroute_rules
from leerroutes import services
from leerroutes.models import Map, Pvt
from leerroutes.rules import UrenCategorie as C
from pip_plans import services as pip_services
from tests import klok, versies
from tests.factories import AanbiederFactory, PipFactory, UrenFactory
from tests.versies import nu

openapi_core = pytest.importorskip("openapi_core")
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse  # noqa: E402

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global VANDAAG, DAGTEKENING
    VANDAAG = date.today()
    DAGTEKENING = VANDAAG - timedelta(days=200)


HEADERS = {"bron": settings.DUO_OIN_GEMEENTE, "doel": settings.DUO_OIN_DUO}


def _zonder_unicode_klassen(knoop):
    """Python's `re` (which openapi-core's validators use) knows no \\p{L} / \\p{Pd}, which DUO's name pattern
    uses: letters become \\w and dashes the hyphen-minus and the Unicode dashes (U+2010-2015)."""
    if isinstance(knoop, dict):
        return {k: (v.replace("\\p{L}", "\\w").replace("\\p{Pd}", "\\-\u2010-\u2015")
                    if k == "pattern" and isinstance(v, str) else _zonder_unicode_klassen(v)) for k, v in knoop.items()}
    if isinstance(knoop, list):
        return [_zonder_unicode_klassen(v) for v in knoop]
    return knoop


@pytest.fixture(scope="module")
def contracten():
    if not (settings.DUO_M2M_SPEC_DIR / "PIP" / "openapi.yml").is_file():
        pytest.skip(f"DUO's contracts not found at {settings.DUO_M2M_SPEC_DIR}")
    uit = {}
    for map_ in {route[3] for route in berichten.ROUTES.values()}:
        with open(settings.DUO_M2M_SPEC_DIR / map_ / "openapi.yml", encoding="utf-8") as bestand:
            spec = _zonder_unicode_klassen(yaml.safe_load(bestand))
        uit[map_] = openapi_core.OpenAPI.from_dict(spec)
    return uit


def _verzoek(methode: str, pad: str, body, bericht_id: str) -> requests.PreparedRequest:
    return requests.Request(methode, "http://duo.test" + pad, json=body,
                            headers={**HEADERS, "berichtId": bericht_id}).prepare()


def _antwoord(status: int, body=None) -> RequestsOpenAPIResponse:
    antwoord = requests.Response()
    antwoord.status_code = status
    antwoord.headers["API-Version"] = "1.2.0"
    if body is not None:
        import json

        antwoord._content = json.dumps(body).encode()
        antwoord.headers["Content-Type"] = "application/json"
    else:
        antwoord._content = b""
    return RequestsOpenAPIResponse(antwoord)


@pytest.fixture
def alle_berichten(werkcoach, consulent):
    """One message of every kind, made by the services the way the pages make them."""
    werkcoach.email = "w.coach@eemsdelta.nl"
    werkcoach.save()
    pip = PipFactory(ter_beoordeling=True, dossier__werkcoach=werkcoach, niveau="B1", b1_intensiteit=600,
                     dossier__datum_kennisgeving=DAGTEKENING - timedelta(days=30))
    pip_services.pip_vaststellen(pip_id=pip.pk, dagtekening=DAGTEKENING, bekendmaking=DAGTEKENING,
                                 versie=versies.van(pip), by=consulent)
    dossier = pip.dossier
    services.inschrijving_aanmaken(dossier_id=dossier.pk, aanbieder_id=AanbiederFactory(
        duo_instellingsnummer="0000012345").pk, startdatum=DAGTEKENING + timedelta(days=10),
        geplande_einddatum=DAGTEKENING + timedelta(days=400), by=werkcoach)
    for categorie, intake in ((C.TAAL_KNM, True), (C.PARTICIPATIE, True), (C.PARTICIPATIE, False)):
        services.uren_vastleggen(dossier_id=dossier.pk, categorie=categorie, van=VANDAAG - timedelta(days=9),
                                 tot=VANDAAG - timedelta(days=2), aantal=Decimal("7.5"), tijdens_intake=intake,
                                 by=werkcoach)
    services.map_vastleggen(dossier_id=dossier.pk, aanbieder_id=None, themas=[c for c, _l in leerroute_rules.MAP_THEMAS],
                            versie=nu(Map, dossier_id=dossier.pk), by=werkcoach)
    UrenFactory(dossier=dossier, categorie=C.MAP_PRAKTIJK, aantal=40)
    services.map_eindgesprek_vastleggen(dossier_id=dossier.pk, datum=VANDAAG, uitkomst="voldoende",
                                        versie=nu(Map, dossier_id=dossier.pk), by=werkcoach)
    services.pvt_vastleggen(dossier_id=dossier.pk, aanbieder_id=None, geplande_start=None,
                            themas=["vrijheid", "gelijkwaardigheid", "solidariteit", "participatie"],
                            vroege_start_reden="test", versie=nu(Pvt, dossier_id=dossier.pk), by=werkcoach)
    services.pvt_sessie_vastleggen(dossier_id=dossier.pk, datum=VANDAAG - timedelta(days=5), uren=Decimal(12),
                                   onderwerp="Excursie", activiteit=True, by=werkcoach)
    services.pvt_ondertekening_vastleggen(dossier_id=dossier.pk, datum=VANDAAG,
                                          versie=nu(Pvt, dossier_id=dossier.pk), by=werkcoach)
    rijen = list(DuoBericht.objects.filter(dossier=dossier).order_by("id"))
    z = PipFactory(vastgesteld=True, leerroute="Z", niveau="", dossier__werkcoach=werkcoach, dagtekening=DAGTEKENING,
                   termijn_start=DAGTEKENING + timedelta(days=1))
    from duo import services as duo_services
    from leerroutes import haken

    inschrijving = type("Z", (), {"afgerond_op": VANDAAG})()
    duo_services.bij_leerroute_vastgelegd(haken.ZROUTE_AFGEROND, dossier=z.dossier, by=werkcoach, object=inschrijving)
    return rijen + list(DuoBericht.objects.filter(dossier=z.dossier, soort=Soort.ZROUTE))


def test_every_kind_of_message_is_made(alle_berichten):
    assert {b.soort for b in alle_berichten} == set(Soort.values)
    assert all(b.status == Status.WACHTEND for b in alle_berichten), [(b.soort, b.redenen) for b in alle_berichten]


def test_every_request_the_app_builds_is_valid_against_duos_contract(contracten, alle_berichten):
    for bericht in alle_berichten:
        pad = bericht.pad.replace("{id}", "4711")
        verzoek = _verzoek(bericht.methode, pad, bericht.body, str(bericht.bericht_id))
        contracten[berichten.ROUTES[bericht.soort][3]].validate_request(RequestsOpenAPIRequest(verzoek))


def test_the_contactpersoon_registration_is_valid_against_duos_contract(contracten):
    methode, pad, _sjabloon, map_ = berichten.CONTACTPERSOON_REGISTREREN
    body = berichten.contactpersoon_body(naam="Anne-Marie van 't Hof", email="a.hof@eemsdelta.nl", telefoon="14 0596")
    verzoek = _verzoek(methode, pad, body, str(uuid.uuid5(uuid.uuid4(), "contactpersoon-registreren")))
    contracten[map_].validate_request(RequestsOpenAPIRequest(verzoek))
    antwoord = _antwoord(201, {"id": 4711, "contactpersoongegevens": body})
    contracten[map_].validate_response(RequestsOpenAPIRequest(verzoek), antwoord)


ACCEPTED = {"POST": 201, "PUT": 200}


def test_every_answer_the_app_accepts_is_one_duo_can_give(contracten, alle_berichten):
    """What the drain treats as accepted (2xx without body) and as a functional refusal (403 Foutmelding)."""
    for bericht in alle_berichten:
        map_ = berichten.ROUTES[bericht.soort][3]
        verzoek = RequestsOpenAPIRequest(_verzoek(bericht.methode, bericht.pad.replace("{id}", "4711"), bericht.body,
                                                  str(bericht.bericht_id)))
        contracten[map_].validate_response(verzoek, _antwoord(ACCEPTED[bericht.methode]))
        if bericht.soort not in (Soort.CONTACTPERSOON, Soort.UREN_TAALLES, Soort.UREN_ACTIVITEITEN,
                                 Soort.UREN_INTAKE):  # these contracts give a 403 without body
            contracten[map_].validate_response(verzoek, _antwoord(403, [{"fouttekst": "Datum ligt in de toekomst"}]))
