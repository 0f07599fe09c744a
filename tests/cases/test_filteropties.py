"""The list pages' filter options come from a cache (issue 18); every change of a team, a user or a user's
groups drops it, so the next page shows the change."""

from django.urls import reverse

import pytest

from cases.selectors import filteropties
from inburgering.accounts.roles import Rol
from tests.factories import TeamFactory, WerkcoachFactory


def _opties(client, url: str, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("url", ["cases:dossier_lijst", "werkvoorraad:lijst"])
def test_a_new_werkcoach_and_a_renamed_team_show_in_the_filter_after_the_options_were_cached(client, manager, url):
    team = TeamFactory(naam="Team Oost")
    WerkcoachFactory(first_name="Anna", last_name="Eerst", team=team)
    client.force_login(manager)
    url = reverse(url)
    assert "Anna Eerst (Team Oost)" in _opties(client, url, bereik="alle")  # fills the cache

    nieuw = WerkcoachFactory(first_name="Bram", last_name="Later", team=team)
    team.naam = "Team Noordoost"
    team.save()
    html = _opties(client, url, bereik="alle")

    assert f'<option value="{nieuw.pk}">Bram Later (Team Noordoost)</option>' in html
    assert f'<option value="{team.pk}">Team Noordoost</option>' in html
    assert "Team Oost" not in html


def test_a_werkcoach_who_loses_the_role_or_a_deactivated_team_leaves_the_options(db):
    team = TeamFactory(naam="Team West")
    coach = WerkcoachFactory(first_name="Cor", last_name="Weg", team=team)
    assert (coach.pk, "Cor Weg (Team West)") in filteropties("werkcoaches")
    assert (team.pk, "Team West") in filteropties("teams")

    coach.groups.remove(*coach.groups.filter(name=Rol.WERKCOACH))
    team.actief = False
    team.save()

    assert coach.pk not in dict(filteropties("werkcoaches"))
    assert team.pk not in dict(filteropties("teams"))


def test_a_submitted_werkcoach_is_validated_against_the_database_not_the_cache(client, manager):
    team = TeamFactory(naam="Team Zuid")
    coach = WerkcoachFactory(first_name="Dirk", last_name="Stil", team=team)
    client.force_login(manager)
    url = reverse("cases:dossier_lijst")
    _opties(client, url, bereik="alle")  # cached, with Dirk
    coach.is_active = False
    coach.save()

    response = client.get(url, {"bereik": "alle", "werkcoach": coach.pk})

    assert response.status_code == 200
    assert response.context["filter"].werkcoach is None  # an invalid choice drops out, as before
