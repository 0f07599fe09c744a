"""The pure mapping gebeurtenisId → actie (RULES.md "What DUO notifies") and the small rules around it."""

import pytest

from cases.intake.rules import LbtUitkomst
from cases.models import EindReden
from duo.notificaties import rules
from duo.notificaties.rules import Actie, Raadpleging


@pytest.mark.parametrize(("code", "actie"), [
    ("SS101", Actie.INSTROOM), ("SS128", Actie.INSTROOM), ("SS139", Actie.INSTROOM),
    ("SS120", Actie.VESTIGING), ("SS121", Actie.VESTIGING),
    ("SS102", Actie.TERMIJN), ("SS103", Actie.TERMIJN), ("SS104", Actie.TERMIJN),
    ("SS106", Actie.AFRONDEN), ("SS107", Actie.AFRONDEN), ("SS108", Actie.AFRONDEN),
    ("SS110", Actie.BEEINDIGEN), ("SS111", Actie.BEEINDIGEN),
    ("SS124", Actie.DOELGROEP), ("SS125", Actie.DOELGROEP),
    ("SS131", Actie.LBT), ("SS199", Actie.EXAMEN),
    ("SS126", Actie.SIGNAAL), ("SS127", Actie.SIGNAAL), ("SS109", Actie.SIGNAAL), ("SS137", Actie.SIGNAAL),
    ("SS999", Actie.ONBEKEND), ("X", Actie.ONBEKEND), ("", Actie.ONBEKEND),
])
def test_each_event_of_the_rules_table_maps_to_its_action(code, actie):
    assert rules.regel_voor(code).actie == actie


def test_every_code_of_rules_md_is_in_the_table():
    codes = {"SS101", "SS128", "SS139", "SS129", "SS130", "SS120", "SS121", "SS124", "SS125", "SS109", "SS110",
             "SS111", "SS106", "SS107", "SS108", "SS137", "SS131", "SS102", "SS103", "SS104", "SS199", "SS112",
             "SS140", "SS126", "SS127", "SS132", "SS133", "SS135", "SS136", "SS141", "SS142", "SS122", "SS123",
             *(f"SS{n}" for n in range(113, 120))}
    assert codes <= set(rules.GEBEURTENISSEN)


def test_the_flags_of_the_new_plichtige_events():
    assert rules.regel_voor("SS139").pip_klok and not rules.regel_voor("SS101").pip_klok
    assert rules.regel_voor("SS128").korte_horizon
    assert rules.regel_voor("SS121").eerder_pip and not rules.regel_voor("SS120").eerder_pip
    assert Raadpleging.PLICHT in rules.regel_voor("SS139").raadplegen


def test_plicht_met_and_ended_carry_the_dossiers_reason():
    assert rules.regel_voor("SS106").eind_reden == EindReden.VOLDAAN
    assert rules.regel_voor("SS107").eind_reden == EindReden.VRIJSTELLING
    assert rules.regel_voor("SS108").eind_reden == EindReden.ONTHEFFING
    assert rules.regel_voor("SS110").eind_reden == EindReden.PLICHT_VERVALLEN
    assert rules.regel_voor("SS111").eind_reden == EindReden.OVERLEDEN


def test_only_no_leerroute_and_no_aanbod_are_urgent():
    assert {c for c, r in rules.GEBEURTENISSEN.items() if r.urgent} == {"SS126", "SS127"}


def test_the_termijn_extensions_name_their_ground():
    assert rules.regel_voor("SS103").termijn_grond == "ambtshalve"
    assert rules.regel_voor("SS104").termijn_grond == "op_aanvraag"
    assert rules.regel_voor("SS102").termijn_grond == ""


def test_the_key_ignores_the_bericht_id_and_distinguishes_the_facts():
    a = rules.sleutel(gebeurtenis_id="SS139", bsn="999990093", v_nummer="", registratie="2026-11-30T10:00:00Z")
    assert a == rules.sleutel(gebeurtenis_id="SS139", bsn="999990093", v_nummer="", registratie="2026-11-30T10:00:00Z")
    assert a != rules.sleutel(gebeurtenis_id="SS101", bsn="999990093", v_nummer="", registratie="2026-11-30T10:00:00Z")
    assert a != rules.sleutel(gebeurtenis_id="SS139", bsn="999990093", v_nummer="", registratie="2026-11-30T10:00:01Z")


@pytest.mark.parametrize(("header", "verwacht", "geldig"), [
    ("Token geheim", "geheim", True), ("Token fout", "geheim", False), ("Bearer geheim", "geheim", False),
    ("", "geheim", False), ("Token ", "", False), ("Token geheim", "", False),
])
def test_the_token(header, verwacht, geldig):
    assert rules.token_geldig(header=header, verwacht=verwacht) is geldig


def test_the_certificate_subject_must_name_duo():
    assert rules.certificaat_geldig(subject="CN=DUO,serialNumber=00000001800866472000", verwacht="00000001800866472000")
    assert not rules.certificaat_geldig(subject="CN=iemand,serialNumber=1", verwacht="00000001800866472000")
    assert not rules.certificaat_geldig(subject="anything", verwacht="")


@pytest.mark.parametrize(("duo", "uitkomst"), [
    ("B1-route haalbaar", LbtUitkomst.HAALBAAR), ("B1-route niet haalbaar", LbtUitkomst.NIET_HAALBAAR),
    ("Onbekend", LbtUitkomst.ONBEKEND), (None, LbtUitkomst.ONBEKEND),
])
def test_lbt_results_map_to_the_intakes_terms(duo, uitkomst):
    assert rules.lbt_uitkomst(duo) == uitkomst


def test_scores_dates_and_doelgroep():
    assert rules.score("71,50") == 71 and rules.score("") is None and rules.score("x") is None
    assert str(rules.datum("2024-02-29")) == "2024-02-29" and rules.datum("2024-02-30") is None
    assert rules.doelgroep({"gedetailleerdeDoelgroep": "Gezinsvormer"}) == "Gezinsvormer"
    assert rules.doelgroep({"gedetailleerdeDoelgroep": "Onzin"}) is None


def test_an_earlier_pip_elsewhere():
    assert rules.eerder_pip_elders([{"gemeentecode": "0014", "pip": {}}], eigen_gemeentecode="1979")
    assert not rules.eerder_pip_elders([{"gemeentecode": "1979", "pip": {}}], eigen_gemeentecode="1979")
    assert not rules.eerder_pip_elders(None, eigen_gemeentecode="1979")


def test_differences_list_what_differs_and_what_one_side_lacks():
    assert rules.verschillen(gemeente={"a": "1", "b": "2", "c": ""}, duo={"a": "1", "b": "3", "d": "4"}) == [
        ("b", "2", "3"), ("d", "", "4")]
