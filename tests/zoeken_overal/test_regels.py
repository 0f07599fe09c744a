"""The pure rules of the search everywhere: what a term is, kenmerken, the registry."""

from django.core.exceptions import ImproperlyConfigured

import pytest

from cases.zoeken import soort_term
from inburgering import overal_zoeken
from inburgering.overal_zoeken import Aanbieder, Groep, Zoekvraag, kenmerk_delen


@pytest.mark.parametrize(("term", "soort"), [
    ("111222333", ("bsn", "111222333")),  # passes the elfproef
    ("111.222.333", ("bsn", "111222333")),  # typed with dots
    (" 11122 2333 ", ("bsn", "111222333")),
    ("11222333", ("geen", "")),  # 8 digits get a leading zero: 011222333 fails the elfproef
    ("111222334", ("geen", "")),  # fails the elfproef: no BSN, and no other kind of number
    ("1234567890", ("v_nummer", "1234567890")),
    ("12345", ("geen", "")),
    ("Haddad", ("naam", "Haddad")),
    ("  van Dijk ", ("naam", "van Dijk")),
    ("PIP-12-1", ("naam", "PIP-12-1")),  # not digits: the name search (finds no one) besides the kenmerken
])
def test_a_term_is_a_bsn_only_when_it_passes_the_elfproef(term, soort):
    assert soort_term(term) == soort


@pytest.mark.parametrize(("kenmerk", "voorvoegsel", "achtervoegsel", "delen"), [
    ("PIP-12-3", "PIP", False, (12, 3)),
    ("PIP-12-3-W", "PIP", False, None),
    ("HH-12-3-W", "HH", True, (12, 3)),
    ("HH-12-3", "HH", True, (12, 3)),
    ("HH-12", "HH", True, None),
    ("HH-A-3", "HH", True, None),
    ("PIP-12-3", "HH", True, None),
    ("XPIP-12-3", "PIP", False, None),
])
def test_kenmerk_parts(kenmerk, voorvoegsel, achtervoegsel, delen):
    assert kenmerk_delen(kenmerk, voorvoegsel, achtervoegsel=achtervoegsel) == delen


def test_a_kenmerk_is_read_upper_case_without_spaces():
    assert Zoekvraag(user=None, term=" pip-12 -1 ", token="").kenmerk == "PIP-12-1"


def test_the_apps_register_their_providers_in_order():
    assert [a.sleutel for a in sorted(overal_zoeken._AANBIEDERS.values(), key=lambda a: a.volgorde)] == [
        "dossiers", "pips", "handhaving", "brieven"]


def test_registering_another_provider_under_a_taken_key_fails():
    ander = Aanbieder(sleutel="dossiers", volgorde=1, mag=lambda u: True, zoeken=lambda v: Groep("x", "x"))
    with pytest.raises(ImproperlyConfigured):
        overal_zoeken.registreer(ander)


def test_an_empty_term_searches_nothing():
    assert overal_zoeken.zoeken(object(), "   ") == []
