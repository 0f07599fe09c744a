"""Issue 11 item 4: every logged-in user changes his own password on 'Wachtwoord wijzigen', reachable
from the header; weak passwords are refused next to the field; the security log records the change."""

from django.urls import reverse

import pytest

from inburgering.audit.models import Beveiligingslog, Gebeurtenis
from tests.e2e.conftest import WACHTWOORD

URL = "/account/wachtwoord/"


def test_the_url():
    assert reverse("accounts:wachtwoord_wijzigen") == URL


@pytest.mark.parametrize("rol", ["werkcoach", "consulent", "manager", "beheerder"])
def test_every_role_reaches_the_page_from_the_header(client, request, rol):
    client.force_login(request.getfixturevalue(rol))
    start = client.get("/", follow=True)
    if rol != "beheerder":
        assert f'href="{URL}"' in start.content.decode()
    assert client.get(URL).status_code == 200


def test_the_admin_password_link_goes_to_this_page(client, beheerder):
    client.force_login(beheerder)
    antwoord = client.get(reverse("admin:password_change"))
    assert antwoord.status_code in (301, 302) and antwoord["Location"] == URL


def test_anonymous_goes_to_the_login(client):
    assert client.get(URL)["Location"].startswith(reverse("login"))


def test_the_user_changes_his_password_and_stays_logged_in(client, werkcoach):
    client.force_login(werkcoach)
    nieuw = "Paard-Fiets-Boom-42"

    antwoord = client.post(URL, {"old_password": WACHTWOORD, "new_password1": nieuw, "new_password2": nieuw})

    assert antwoord.status_code == 302
    werkcoach.refresh_from_db()
    assert werkcoach.check_password(nieuw)
    assert client.get("/").status_code == 200  # the session survived (update_session_auth_hash)
    log = Beveiligingslog.objects.get(gebeurtenis=Gebeurtenis.WACHTWOORD_GEWIJZIGD)
    assert log.gebruiker == werkcoach and log.betreft == werkcoach


@pytest.mark.parametrize("zwak", ["aaaaaaaaaaaa", "wachtwoord12", "welkom123456", "kort"])
def test_a_weak_password_is_refused_next_to_the_field(client, werkcoach, zwak):
    client.force_login(werkcoach)

    antwoord = client.post(URL, {"old_password": WACHTWOORD, "new_password1": zwak, "new_password2": zwak})

    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors["new_password2"]
    werkcoach.refresh_from_db()
    assert werkcoach.check_password(WACHTWOORD)
    assert not Beveiligingslog.objects.filter(gebeurtenis=Gebeurtenis.WACHTWOORD_GEWIJZIGD).exists()


def test_a_wrong_old_password_is_refused(client, werkcoach):
    client.force_login(werkcoach)
    nieuw = "Paard-Fiets-Boom-42"
    antwoord = client.post(URL, {"old_password": "fout", "new_password1": nieuw, "new_password2": nieuw})
    assert antwoord.context["form"].errors["old_password"]
