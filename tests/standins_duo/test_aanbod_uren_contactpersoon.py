"""Inburgeringsaanbod, Gevolgde uren and Contactpersoon in the DUO stand-in (RULES.md)."""

from __future__ import annotations

import pytest

from tests.standins_duo.conftest import fouten

pytestmark = pytest.mark.standin

AMINA, NOUR, YONAS = "999990007", "999990019", "999990020"
BOW, TST, ONBEKEND = "1000000001", "1000000002", "1000000099"


def aanbod(**extra) -> dict:
    return {"indicatorAlfabetiseringsonderwijs": "NVT", **extra}


def test_aanbod_is_stored_and_replaced_per_institution(duo):
    pad = f"/personen/{YONAS}/Inburgeringsaanbod/{BOW}"
    assert duo("POST", pad, aanbod(datumInburgeringsaanbod="2023-04-01")).status_code == 201
    assert duo("POST", pad, aanbod(datumInburgeringsaanbod="2023-05-01")).status_code == 201
    assert duo.persoon(YONAS)["aanbod"] == {
        BOW: {"gemeentecode": "1979", "aanbod": aanbod(datumInburgeringsaanbod="2023-05-01")}
    }
    assert duo("DELETE", pad).status_code == 204
    assert fouten(duo("DELETE", pad)) == ["Er is geen inburgeringsaanbod van deze gemeente bij deze instelling."]


def test_aanbod_only_for_an_asielmigrant_with_a_pip(duo):
    assert duo("POST", f"/personen/{NOUR}/PIP", {"dagtekeningPip": "2024-02-01", "leerroute": "B"}).status_code == 201
    assert fouten(duo("POST", f"/personen/{NOUR}/Inburgeringsaanbod/{BOW}", aanbod())) == [
        "Een inburgeringsaanbod kan alleen voor een asielstatushouder worden gemeld."
    ]
    assert fouten(duo("POST", f"/personen/{AMINA}/Inburgeringsaanbod/{BOW}", aanbod())) == [
        "Er is geen PIP voor deze persoon."
    ]


def test_aanbod_institution_must_be_on_duos_list_with_the_right_keurmerk(duo):
    assert fouten(duo("POST", f"/personen/{YONAS}/Inburgeringsaanbod/{ONBEKEND}", aanbod())) == [
        "De instelling is niet bekend bij DUO."
    ]
    assert fouten(duo("POST", f"/personen/{YONAS}/Inburgeringsaanbod/{TST}", aanbod())) == [
        "De instelling heeft geen Blik op Werk keurmerk."
    ]


def test_aanbod_dates(duo):
    pad = f"/personen/{YONAS}/Inburgeringsaanbod/{BOW}"  # PIP 2023-02-15, termijn from 2023-03-01
    assert fouten(duo("POST", pad, aanbod(datumInburgeringsaanbod="2023-01-01"))) == [
        "Een datum van het inburgeringsaanbod ligt voor de dagtekening van het huidige PIP."
    ]
    assert fouten(duo("POST", pad, aanbod(verwachteStartdatumOpleiding="2023-06-01",
                                          verwachteEinddatumOpleiding="2023-05-01"))) == [
        "De verwachte einddatum van de opleiding ligt voor de verwachte startdatum."
    ]
    assert fouten(duo("POST", pad, aanbod(datumInburgeringsaanbod="2023-06-01",
                                          verwachteStartdatumOpleiding="2023-05-01"))) == [
        "De verwachte startdatum van de opleiding ligt voor de datum van het inburgeringsaanbod."
    ]
    assert "De verwachte start- of einddatum van de opleiding ligt buiten de inburgeringstermijn." in fouten(
        duo("POST", pad, aanbod(verwachteStartdatumOpleiding="2023-02-20"))
    )


def test_gevolgde_uren_per_category(duo):
    assert duo("PUT", f"/personen/{YONAS}/uren/bredeintake/taallesknm", {"uren": 40}).status_code == 200
    assert duo("PUT", f"/personen/{YONAS}/uren/participatieactiviteiten", {"uren": 8}).status_code == 200
    assert duo("PUT", f"/personen/{YONAS}/uren/participatietaalles", {"uren": 0}).status_code == 200
    [gemeente] = duo("GET", f"/personen/{YONAS}/uren").json()
    assert gemeente["gemeentecode"] == "1979"
    assert gemeente["TaallesEnKnmBredeIntake"] == {"uren": 40}
    assert gemeente["ParticipatieactiviteitenBredeIntake"] == {"uren": 8}
    assert "bekendTot" in gemeente
    assert duo("PUT", f"/personen/{YONAS}/uren/participatietaalles", {"uren": -1}).status_code == 400


def test_contactpersoon_create_change_link_replace_and_delete(duo):
    gegevens = {"naam": "Jan-Willem d'Éclair", "email": "jw@gemeente.nl", "telefoonnummer": "0596 123456"}
    eerste = duo("POST", "/contactpersonen", gegevens)
    assert eerste.status_code == 201
    id1 = eerste.json()["id"]
    assert eerste.json()["contactpersoongegevens"] == gegevens
    id2 = duo("POST", "/contactpersonen", {**gegevens, "naam": "Fatima Zahra"}).json()["id"]
    assert duo("PUT", f"/contactpersonen/{id1}", {**gegevens, "email": "nieuw@gemeente.nl"}).status_code == 200
    assert duo("POST", f"/contactpersonen/{id1}/personen/{AMINA}").status_code == 201
    assert duo.persoon(AMINA)["contactpersonen"] == [id1]
    assert duo("POST", f"/contactpersonen/{id2}/personen/{AMINA}").status_code == 201  # replaces the link
    assert duo.persoon(AMINA)["contactpersonen"] == [id2]
    assert duo("DELETE", f"/contactpersonen/{id1}/personen/{AMINA}").status_code == 404
    assert duo("DELETE", f"/contactpersonen/{id2}").status_code == 200  # removes its links
    assert duo.persoon(AMINA)["contactpersonen"] == []
    assert duo("PUT", f"/contactpersonen/{id2}", gegevens).status_code == 404


def test_lbt_examennummer_afmelden(duo):
    assert duo("DELETE", f"/personen/{AMINA}/lbt/examennummer").status_code == 200
    assert duo("GET", f"/personen/{AMINA}/lbt/examennummer").status_code == 404
    assert duo("DELETE", f"/personen/{AMINA}/lbt/examennummer").status_code == 404
