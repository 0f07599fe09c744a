"""Issue 11 item 6: after login each role lands on its own start page: werkcoach, consulent and manager
on the start page scoped to their role, the beheerder in /beheer/ (not on 'Geen toegang')."""

from django.conf import settings
from django.urls import reverse

import pytest

from tests.e2e.conftest import WACHTWOORD
from tests.factories import UserFactory


@pytest.mark.parametrize(("rol", "bestemming", "bereik"), [
    ("werkcoach", "/", "mijn"),
    ("consulent", "/", "team"),
    ("manager", "/", "alle"),
    ("beheerder", "/beheer/", None),
])
def test_after_login_each_role_lands_on_its_start_page(client, request, rol, bestemming, bereik):
    user = request.getfixturevalue(rol)

    antwoord = client.post(reverse("login"), {"username": user.username, "password": WACHTWOORD}, follow=True)

    assert antwoord.status_code == 200
    assert antwoord.redirect_chain[-1][0] == bestemming
    if bereik:
        assert antwoord.context["bereik"] == bereik


def test_the_login_redirect_is_the_start_page():
    assert reverse(settings.LOGIN_REDIRECT_URL) == "/"


def test_a_user_without_a_role_is_refused(client, db):
    client.force_login(UserFactory(username="zonderrol"))
    assert client.get("/").status_code == 403
