"""Issue 11 item 6: after login each role lands on its own start page: werkcoach, consulent and manager
on their dossiers (the list opens on the role's scope), the beheerder in /beheer/ (not on 'Geen
toegang'); a user without a role is refused."""

from django.conf import settings
from django.urls import reverse

import pytest

from tests.factories import UserFactory
from tests.kern.inloggen_hulp import WACHTWOORD, wachtwoord_stap


@pytest.mark.parametrize(("rol", "bestemming"), [
    ("werkcoach", "/dossiers/"),
    ("consulent", "/dossiers/"),
    ("manager", "/dossiers/"),
    ("beheerder", "/beheer/"),
])
def test_after_login_each_role_lands_on_its_start_page(client, request, rol, bestemming):
    user = request.getfixturevalue(rol)

    antwoord = wachtwoord_stap(client, user.username, WACHTWOORD, follow=True)

    assert antwoord.status_code == 200
    assert antwoord.redirect_chain[-1][0] == bestemming


def test_the_login_redirect_is_the_dispatching_start_page():
    assert reverse(settings.LOGIN_REDIRECT_URL) == "/start/"


def test_the_home_page_sends_the_beheerder_to_beheer(client, beheerder):
    client.force_login(beheerder)
    assert client.get("/")["Location"] == "/beheer/"


@pytest.mark.parametrize("url", ["/start/", "/"])
def test_a_user_without_a_role_is_refused(client, db, url):
    client.force_login(UserFactory(username="zonderrol"))
    assert client.get(url).status_code == 403


def test_anonymous_goes_to_the_login(client, db):
    assert client.get("/start/")["Location"].startswith(reverse("login"))
