"""The pre-flight check (duo/controle.py): DUO's refusal rules as tables of cases, and the contract check
of the message against DUO's yml files."""

import uuid
from dataclasses import replace
from datetime import date

from django.conf import settings

import pytest

from duo import controle
from duo.models import Soort

PIP = controle.PipFeiten(
    dagtekening=date(2026, 3, 10), leerroute="B", niveau="B1", b1_intensiteit=None, asiel=True,
    plicht_start=date(2026, 1, 1), vestiging=date(2026, 2, 1), eerste_dagtekening=None, huidige_dagtekening=None,
    eerste_pip_van_persoon=True,
)


@pytest.mark.parametrize(("wijziging", "fout"), [
    ({}, None),
    ({"dagtekening": date(2025, 12, 31), "vestiging": None}, controle.VOOR_PLICHT),
    ({"dagtekening": date(2026, 1, 1), "vestiging": None}, None),  # on the day itself: allowed
    ({"vestiging": date(2026, 3, 11)}, controle.VOOR_VESTIGING),
    ({"huidige_dagtekening": date(2026, 3, 11)}, controle.VOOR_VORIG_PIP),
    ({"eerste_dagtekening": date(2026, 3, 11)}, controle.VOOR_VORIG_PIP),
    ({"niveau": "A2", "leerroute": "O"}, controle.A2_ONDERWIJSROUTE),
    ({"niveau": "B1", "leerroute": "Z"}, controle.B1_ZROUTE),
    ({"niveau": "A2"}, controle.A2_EERSTE_PIP),
    ({"niveau": "A2", "eerste_pip_van_persoon": False}, None),
    ({"b1_intensiteit": 600}, None),
    ({"b1_intensiteit": 600, "asiel": False}, controle.INTENSITEIT),
    ({"b1_intensiteit": 600, "leerroute": "O", "niveau": ""}, controle.INTENSITEIT),
])
def test_pip_refusal_rules(wijziging, fout):
    fouten = controle.pip_fouten(replace(PIP, **wijziging))
    assert fouten == ([str(fout)] if fout else [])


DATUM = controle.DatumFeiten(datum=date(2026, 6, 1), vandaag=date(2026, 6, 2), heeft_pip=True,
                             termijn_start=date(2026, 3, 11), termijn_laatste_dag=date(2029, 3, 10))


@pytest.mark.parametrize(("wijziging", "fout"), [
    ({}, None),
    ({"heeft_pip": False}, controle.GEEN_PIP),
    ({"datum": date(2026, 6, 3)}, controle.IN_TOEKOMST),
    ({"datum": date(2026, 6, 2)}, None),  # today: allowed
    ({"datum": date(2026, 3, 10)}, controle.VOOR_TERMIJN),
    ({"datum": date(2029, 3, 1), "vandaag": date(2029, 3, 11)}, controle.VERWIJTBAAR),  # overrun: today past it
    ({"datum": date(2029, 3, 1), "vandaag": date(2029, 3, 10)}, None),  # today is the termijn's last day
    ({"zroute_datum": date(2026, 5, 1)}, controle.NA_ZROUTE),
    ({"zroute_datum": date(2026, 5, 1), "is_zroute": True}, None),
])
def test_map_pvt_zroute_refusal_rules(wijziging, fout):
    assert controle.datum_fouten(replace(DATUM, **wijziging)) == ([str(fout)] if fout else [])


AANBOD = controle.AanbodFeiten(
    asiel=True, heeft_pip=True, leerroute="B", instellingsnummer="0000012345", keurmerk_geldig=True,
    taalschakel_erkend=False, dagtekening=date(2026, 3, 10), datums=(date(2026, 3, 20), date(2026, 4, 1), None),
    einde_opleiding=date(2027, 4, 1), termijn_laatste_dag=date(2029, 3, 10),
)


@pytest.mark.parametrize(("wijziging", "fout"), [
    ({}, None),
    ({"asiel": False}, controle.ALLEEN_ASIEL),
    ({"heeft_pip": False}, controle.GEEN_PIP),
    ({"instellingsnummer": ""}, controle.GEEN_INSTELLINGSNUMMER),
    ({"keurmerk_geldig": False}, controle.GEEN_KEURMERK),
    ({"leerroute": "O", "keurmerk_geldig": False}, controle.GEEN_TAALSCHAKEL),
    ({"leerroute": "O", "keurmerk_geldig": False, "taalschakel_erkend": True}, None),
    ({"datums": (date(2026, 3, 9),)}, controle.AANBOD_VOOR_PIP),
    ({"einde_opleiding": date(2029, 3, 11)}, controle.AANBOD_BUITEN_TERMIJN),
])
def test_inburgeringsaanbod_refusal_rules(wijziging, fout):
    assert controle.aanbod_fouten(replace(AANBOD, **wijziging)) == ([str(fout)] if fout else [])


def test_a_contactpersoon_needs_an_email_and_a_phone():
    assert controle.contactpersoon_fouten(email="wc@gemeente.nl", telefoon="14 0596") == []
    assert controle.contactpersoon_fouten(email="", telefoon="") == [str(controle.GEEN_EMAIL),
                                                                     str(controle.GEEN_TELEFOON)]


# --- the contract ---------------------------------------------------------------------------------------
def _parameters(**extra):
    return {"bsn": "123456782", "bron": "0" * 20, "doel": "1" * 20, "berichtId": str(uuid.uuid4()), **extra}


@pytest.fixture
def spec_dir():
    if not (settings.DUO_M2M_SPEC_DIR / "PIP" / "openapi.yml").is_file():
        pytest.skip(f"DUO's contracts not found at {settings.DUO_M2M_SPEC_DIR}")
    return settings.DUO_M2M_SPEC_DIR


def test_a_valid_pip_passes_the_contract(spec_dir):
    body = {"dagtekeningPip": "2026-03-10", "leerroute": "B", "niveau": "B1",
            "indicatorAlfabetiseringsonderwijs": "NVT", "indicatorMagOpleidingAfmaken": False}
    assert controle.contract_fouten(spec_dir=spec_dir, soort=Soort.PIP, body=body, parameters=_parameters()) == []


@pytest.mark.parametrize(("body", "waar"), [
    ({"leerroute": "B"}, "body"),  # dagtekeningPip missing
    ({"dagtekeningPip": "10-03-2026", "leerroute": "B"}, "dagtekeningPip"),
    ({"dagtekeningPip": "2026-03-10", "leerroute": "X"}, "leerroute"),
    ({"dagtekeningPip": "2026-03-10", "leerroute": "B", "geschatteIntensiteitB1Route": 0}, "geschatteIntensiteitB1Route"),
])
def test_a_pip_that_breaks_the_contract_is_stopped_with_the_field(spec_dir, body, waar):
    fouten = controle.contract_fouten(spec_dir=spec_dir, soort=Soort.PIP, body=body, parameters=_parameters())
    assert len(fouten) == 1 and f"({waar})" in fouten[0]


def test_headers_and_path_are_checked_too(spec_dir):
    fouten = controle.contract_fouten(spec_dir=spec_dir, soort=Soort.MAP, body={},
                                      parameters=_parameters(bsn="12345678", bron="123", berichtId="geen-uuid"))
    assert {f.split("(")[1].split(")")[0] for f in fouten} == {"bsn", "bron", "berichtId"}
    assert not any("12345678" in f for f in fouten)  # never the value itself


def test_hours_out_of_range_break_the_contract(spec_dir):
    assert controle.contract_fouten(spec_dir=spec_dir, soort=Soort.UREN_TAALLES, body={"uren": 10000},
                                    parameters=_parameters())
    assert not controle.contract_fouten(spec_dir=spec_dir, soort=Soort.UREN_TAALLES, body={"uren": 9999},
                                        parameters=_parameters())


def test_a_contactpersoon_name_with_letters_and_dashes_passes(spec_dir):
    from duo import berichten

    methode, _pad, sjabloon, map_ = berichten.CONTACTPERSOON_REGISTREREN
    body = {"naam": "Anne-Marie van 't Hof", "email": "a.hof@eemsdelta.nl", "telefoonnummer": "14 0596"}
    assert controle.contract_fouten(spec_dir=spec_dir, methode=methode, pad_sjabloon=sjabloon, map_=map_, body=body,
                                    parameters=_parameters()) == []
    body["telefoonnummer"] = "bel me"
    assert controle.contract_fouten(spec_dir=spec_dir, methode=methode, pad_sjabloon=sjabloon, map_=map_, body=body,
                                    parameters=_parameters())


def test_a_missing_contract_does_not_stop_the_message(tmp_path, caplog):
    body = {"dagtekeningPip": "2026-03-10", "leerroute": "B"}
    assert controle.contract_fouten(spec_dir=tmp_path, soort=Soort.PIP, body=body, parameters=_parameters()) == []
    assert "niet te lezen" in caplog.text
