"""The list filters' field groups built in Python (inburgering.formulieren.SnelleVeldgroep, issue 18) give
exactly the HTML of templates/forms/veld.html: with and without a label, required or not, with help text
and errors (characters that must be escaped included), without ids, for every kind of widget the filters
use; a checkbox and a fieldset keep the template."""

from django import forms

import pytest

from cases.forms import FilterForm
from cases.selectors import Bereik
from cases.termijnen.forms import SignaalFilterForm
from inburgering.formulieren import DatumVeld, SnelleVeldgroep, UtrechtBoundField


class _Velden(forms.Form):
    tekst = forms.CharField(label='Naam & "bijnaam" <b>', help_text="Zoals in de <BRP> & elders.", max_length=5)
    optioneel = forms.CharField(label="Optioneel", required=False)
    zonder_label = forms.CharField(label="", required=False)
    keuze = forms.ChoiceField(label="Keuze", choices=[("a", "A & B"), ("b", "<C>")], help_text="Kies één.")
    vak = forms.CharField(label="Toelichting", widget=forms.Textarea, required=False)
    datum = DatumVeld(label="Datum")
    vinkje = forms.BooleanField(label="Akkoord", required=False, help_text="Vink aan.")
    rondjes = forms.ChoiceField(label="Route", choices=[("b1", "B1"), ("z", "Z")], widget=forms.RadioSelect)


class _Snel(_Velden):
    bound_field_class = SnelleVeldgroep


def _paren(data, **kwargs):
    """(fast, template) pairs for every field of one form."""
    snel, sjabloon = _Snel(data, **kwargs), _Velden(data, **kwargs)
    assert all(type(sjabloon[n]) is UtrechtBoundField for n in sjabloon.fields)
    return [(naam, snel[naam].as_field_group(), sjabloon[naam].as_field_group()) for naam in snel.fields]


@pytest.mark.parametrize("data", [None, {}, {"tekst": "veel te lang & <fout>", "keuze": "x", "datum": "31-02-2025"},
                                  {"tekst": "Anne", "keuze": "a", "datum": "17-03-2025", "vinkje": "on"}])
@pytest.mark.parametrize("auto_id", ["id_%s", False])
def test_the_python_field_group_gives_the_templates_html(data, auto_id):
    for naam, snel, sjabloon in _paren(data, auto_id=auto_id):
        assert snel == sjabloon, naam


def test_an_invalid_field_shows_its_dutch_error_next_to_it_in_both():
    snel = _Snel({"tekst": ""})["tekst"].as_field_group()
    assert "utrecht-form-field--invalid" in snel and "utrecht-form-field__error-message" in snel
    assert snel == _Velden({"tekst": ""})["tekst"].as_field_group()


@pytest.mark.django_db
@pytest.mark.parametrize("data", [None, {"bereik": "team", "fase": "lopend", "zoek": "<Haddad> & co", "soort": "x"}])
def test_the_list_filters_use_the_fast_group_with_the_same_html(data):
    from cases import selectors

    alle = [Bereik.MIJN, Bereik.TEAM, Bereik.ALLE]
    for form in (FilterForm(data, teams=selectors.teams(), werkcoaches=selectors.werkcoaches(),
                            standaard_bereik=Bereik.MIJN, bereiken=alle),
                 SignaalFilterForm(data, teams=selectors.teams(), werkcoaches=selectors.werkcoaches(), bereiken=alle)):
        for naam in form.fields:
            veld = form[naam]
            assert isinstance(veld, SnelleVeldgroep), naam
            assert veld.as_field_group() == UtrechtBoundField.as_field_group(veld), naam
