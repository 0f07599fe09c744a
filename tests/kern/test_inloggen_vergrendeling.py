"""Issue 11 item 2: after repeated wrong passwords an account is locked (per account and client address,
never per address alone), for the application and the admin login alike; one Dutch message that does
not reveal whether the account exists; the beheerder unlocks; every step is in the security log."""

from datetime import timedelta

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

import pytest
from axes.models import AccessAttempt

from inburgering.audit.models import Beveiligingslog, Gebeurtenis
from tests.factories import WerkcoachFactory

from .inloggen_hulp import WACHTWOORD, ingelogd, wachtwoord_stap

pytestmark = pytest.mark.django_db

LIMIET = 5  # AXES_FAILURE_LIMIT (INLOG_MAX_POGINGEN) default
MELDING = "Te veel mislukte pogingen"


def _mislukt(client, gebruikersnaam: str, keer: int = LIMIET, **extra):
    for _ in range(keer):
        antwoord = wachtwoord_stap(client, gebruikersnaam, "verkeerd-wachtwoord", **extra)
    return antwoord


def test_the_right_password_works_before_the_limit(client, werkcoach):
    _mislukt(client, werkcoach.username, LIMIET - 1)
    antwoord = wachtwoord_stap(client, werkcoach.username, WACHTWOORD)
    assert antwoord.status_code == 302 and ingelogd(client)


def test_after_too_many_wrong_passwords_the_right_one_no_longer_works(client, werkcoach):
    antwoord = _mislukt(client, werkcoach.username)
    assert antwoord.status_code == 429
    assert MELDING in antwoord.content.decode()
    antwoord = wachtwoord_stap(client, werkcoach.username, WACHTWOORD)
    assert antwoord.status_code == 429
    assert not ingelogd(client)
    assert MELDING in antwoord.content.decode()


def test_an_unknown_account_gets_exactly_the_same_answers(client, werkcoach):
    bestaand = [wachtwoord_stap(client, werkcoach.username, "fout") for _ in range(LIMIET + 1)]
    onbekend = [wachtwoord_stap(client, "bestaat-niet", "fout") for _ in range(LIMIET + 1)]

    def zonder_naam(antwoord, naam):
        return antwoord.status_code, antwoord.content.decode().replace(naam, "NAAM")

    for a, b in zip(bestaand, onbekend, strict=True):
        assert a.status_code == b.status_code
        tekst_a, tekst_b = zonder_naam(a, werkcoach.username)[1], zonder_naam(b, "bestaat-niet")[1]
        # the pages differ only in the CSRF token and the echoed name
        assert ("klopt niet" in tekst_a) == ("klopt niet" in tekst_b)
        assert (MELDING in tekst_a) == (MELDING in tekst_b)


def test_the_lockout_is_per_account_and_address_not_for_the_whole_office(client, werkcoach):
    collega = WerkcoachFactory(username="collega_zelfde_kantoor")
    _mislukt(client, werkcoach.username)
    # a colleague behind the same address logs in
    assert wachtwoord_stap(client, collega.username, WACHTWOORD).status_code == 302
    client.logout()
    # the locked account from another address too (an attacker cannot lock someone out everywhere)
    assert wachtwoord_stap(client, werkcoach.username, WACHTWOORD, REMOTE_ADDR="192.0.2.44").status_code == 302


@override_settings(AXES_LOCKOUT_PARAMETERS=["username"])
def test_per_account_lockout_holds_from_every_address(client, werkcoach):
    _mislukt(client, werkcoach.username)
    assert wachtwoord_stap(client, werkcoach.username, WACHTWOORD, REMOTE_ADDR="192.0.2.44").status_code == 429


@override_settings(CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR", CLIENT_IP_PROXIES=1)
def test_behind_the_proxy_the_lockout_uses_the_real_client_address(client, werkcoach):
    _mislukt(client, werkcoach.username, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert AccessAttempt.objects.get().ip_address == "203.0.113.9"
    # another client behind the same proxy (same REMOTE_ADDR) is not locked
    assert wachtwoord_stap(
        client, werkcoach.username, WACHTWOORD, HTTP_X_FORWARDED_FOR="203.0.113.10"
    ).status_code == 302


def test_the_lock_ends_after_the_cool_off(client, werkcoach, settings):
    _mislukt(client, werkcoach.username)
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    assert wachtwoord_stap(client, werkcoach.username, WACHTWOORD).status_code == 302


def test_the_admin_login_is_the_same_door(client, beheerder):
    antwoord = client.get("/beheer/login/?next=/beheer/")
    assert antwoord.status_code == 302
    assert antwoord.url == reverse("login") + "?next=/beheer/"
    _mislukt(client, beheerder.username)
    assert wachtwoord_stap(client, beheerder.username, WACHTWOORD, volgende="/beheer/").status_code == 429
    assert not ingelogd(client)
    assert client.get("/beheer/").status_code == 302


def test_failed_logins_and_the_lockout_are_in_the_security_log(client, werkcoach):
    _mislukt(client, werkcoach.username, LIMIET + 1)
    mislukt = Beveiligingslog.objects.filter(gebeurtenis=Gebeurtenis.INLOG_MISLUKT, gebruikersnaam=werkcoach.username)
    assert mislukt.count() == LIMIET + 1
    assert Beveiligingslog.objects.filter(gebeurtenis=Gebeurtenis.VERGRENDELD).count() == 1  # once, not per try
    assert mislukt.first().ip_adres == "127.0.0.1"
    assert not Beveiligingslog.objects.filter(details__icontains="verkeerd-wachtwoord").exists()


def test_a_successful_login_is_in_the_security_log(client, werkcoach):
    wachtwoord_stap(client, werkcoach.username, WACHTWOORD)
    assert Beveiligingslog.objects.filter(gebeurtenis=Gebeurtenis.INLOG_GELUKT, gebruiker=werkcoach).count() == 1


def test_the_beheerder_unlocks_an_account(client, werkcoach, beheerder):
    _mislukt(client, werkcoach.username)
    client.force_login(beheerder)
    beheer = client.get("/beheer/").content.decode()
    assert "Inlogvergrendelingen" in beheer and "Tweestapsverificatie" in beheer
    lijst = reverse("admin:axes_accessattempt_changelist")
    assert werkcoach.username in client.get(lijst).content.decode()
    antwoord = client.post(lijst, {
        "action": "ontgrendelen", "_selected_action": list(AccessAttempt.objects.values_list("pk", flat=True)),
    })
    assert antwoord.status_code == 302
    assert not AccessAttempt.objects.exists()
    ontgrendeld = Beveiligingslog.objects.get(gebeurtenis=Gebeurtenis.ONTGRENDELD)
    assert ontgrendeld.gebruiker == beheerder and ontgrendeld.betreft == werkcoach
    client.logout()
    assert wachtwoord_stap(client, werkcoach.username, WACHTWOORD).status_code == 302


def test_only_the_beheerder_sees_the_lockouts(client, werkcoach):
    werkcoach.is_staff = True  # even with access to the admin
    werkcoach.save()
    client.force_login(werkcoach)
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403
