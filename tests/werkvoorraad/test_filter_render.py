"""The list filters' selects are rendered in Python (cases.forms.SnelleSelect, issue 18): the HTML must be
exactly what Django's widget templates give, for every select of both filter forms, bound and unbound,
with a selected value and with characters that must be escaped."""

from django import forms

import pytest

from cases import selectors
from cases.forms import FilterForm, SnelleSelect
from cases.selectors import Bereik
from cases.termijnen.forms import SignaalFilterForm
from tests.factories import TeamFactory, WerkcoachFactory


def _via_sjablonen(form, naam: str) -> str:
    """The field rendered the same way, by Django's own Select and its templates."""
    widget = form.fields[naam].widget
    return form[naam].as_widget(widget=forms.Select(attrs=widget.attrs, choices=widget.choices))


def _formulieren(data):
    teams, werkcoaches = selectors.teams(), selectors.werkcoaches()
    alle = [Bereik.MIJN, Bereik.TEAM, Bereik.ALLE]
    return [
        FilterForm(data, teams=teams, werkcoaches=werkcoaches, standaard_bereik=Bereik.MIJN, bereiken=alle),
        SignaalFilterForm(data, teams=teams, werkcoaches=werkcoaches, bereiken=alle),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("gebonden", [False, True])
def test_the_fast_select_gives_the_templates_html(gebonden):
    team = TeamFactory(naam='Team "Oost" & <West>')
    coach = WerkcoachFactory(first_name="Anne-Marie", last_name="d'Oliveira & Zn", team=team)
    data = {"bereik": "team", "fase": "lopend", "team": str(team.pk), "werkcoach": str(coach.pk),
            "soort": "verlopen", "sorteer": "naam"} if gebonden else None

    gezien = 0
    for form in _formulieren(data):
        for naam, veld in form.fields.items():
            if not isinstance(veld.widget, SnelleSelect):
                continue
            snel = str(form[naam])
            assert snel == _via_sjablonen(form, naam), naam
            gezien += 1
            if gebonden and naam == "werkcoach":
                assert f'<option value="{coach.pk}" selected>' in snel
                assert "d&#x27;Oliveira &amp; Zn" in snel
    assert gezien == 12  # every select of both forms: 7 + 5
