"""Issue 11 item 3: two-factor login (TOTP + recovery codes), enrolment, mandatory per role, the
beheerder's reset, and the events in the security log."""

from base64 import b32decode

from django.test import override_settings
from django.urls import reverse

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from inburgering.audit.models import Beveiligingslog, Gebeurtenis

from .inloggen_hulp import STAP, WACHTWOORD, code_stap, ingelogd, wachtwoord_stap

pytestmark = pytest.mark.django_db

VERPLICHT = override_settings(TWEEFACTOR_VERPLICHT_ROLLEN=["consulent", "manager", "beheerder"])


def _code(key: bytes) -> str:
    return f"{totp(key):06d}"


@pytest.fixture
def apparaat(werkcoach):
    return TOTPDevice.objects.create(user=werkcoach, name="default", confirmed=True)


@pytest.fixture
def herstelcodes(werkcoach):
    device = StaticDevice.objects.create(user=werkcoach, name="backup")
    for token in ("herstel01", "herstel02"):
        StaticToken.objects.create(device=device, token=token)
    return device


def test_an_enrolled_user_needs_the_code_after_the_password(client, werkcoach, apparaat):
    antwoord = wachtwoord_stap(client, werkcoach.username, WACHTWOORD)
    assert antwoord.status_code == 200 and not ingelogd(client)
    assert "Code uit de authenticator-app" in antwoord.content.decode()
    antwoord = code_stap(client, _code(apparaat.bin_key))
    assert antwoord.status_code == 302 and ingelogd(client)
    assert Beveiligingslog.objects.filter(
        gebeurtenis=Gebeurtenis.TWEEFACTOR, gebruiker=werkcoach, details__actie="geverifieerd"
    ).exists()


def test_a_wrong_code_does_not_log_in_and_is_logged(client, werkcoach, apparaat):
    wachtwoord_stap(client, werkcoach.username, WACHTWOORD)
    goed = int(_code(apparaat.bin_key))
    antwoord = code_stap(client, f"{(goed + 1) % 1_000_000:06d}")
    assert antwoord.status_code == 200 and not ingelogd(client)
    assert "Deze code klopt niet" in antwoord.content.decode()
    assert Beveiligingslog.objects.filter(
        gebeurtenis=Gebeurtenis.TWEEFACTOR, gebruikersnaam=werkcoach.username, details__actie="code_onjuist"
    ).exists()


def test_a_recovery_code_logs_in_once(client, werkcoach, apparaat, herstelcodes):
    wachtwoord_stap(client, werkcoach.username, WACHTWOORD)
    antwoord = client.post(reverse("login"), {STAP: "token", "wizard_goto_step": "backup"})
    assert "Herstelcode" in antwoord.content.decode()
    assert code_stap(client, "herstel01", stap="backup").status_code == 302 and ingelogd(client)
    client.logout()
    wachtwoord_stap(client, werkcoach.username, WACHTWOORD)
    client.post(reverse("login"), {STAP: "token", "wizard_goto_step": "backup"})
    antwoord = code_stap(client, "herstel01", stap="backup")
    assert not ingelogd(client) and "al gebruikt" in antwoord.content.decode()


def test_a_user_without_a_device_logs_in_with_the_password_where_it_is_optional(client, consulent):
    assert wachtwoord_stap(client, consulent.username, WACHTWOORD).status_code == 302
    assert client.get(reverse("cases:dossier_lijst")).status_code == 200


def _inschrijven(client, volg: bool = True):
    """Walks the enrolment wizard as the browser does; returns the secret key."""
    url = reverse("two_factor:setup")
    pagina = client.get(url)
    assert pagina.status_code == 200
    pagina = client.post(url, {"inschrijven_view-current_step": "welcome"}, follow=True)
    assert "QR-code" in pagina.content.decode()
    key = b32decode(pagina.context["secret_key"] + "=" * (-len(pagina.context["secret_key"]) % 8))
    antwoord = client.post(url, {"inschrijven_view-current_step": "generator", "generator-token": _code(key)})
    assert antwoord.status_code == 302, antwoord.content.decode()[:3000]
    return key


@VERPLICHT
@pytest.mark.parametrize("rol", ["consulent", "manager", "beheerder"])
def test_a_mandatory_role_without_a_device_can_only_enrol(client, request, rol):
    user = request.getfixturevalue(rol)
    wachtwoord_stap(client, user.username, WACHTWOORD)
    assert ingelogd(client)
    for pad in (reverse("cases:dossier_lijst"), "/dashboard/", "/beheer/"):
        antwoord = client.get(pad)
        assert antwoord.status_code == 302 and antwoord.url == reverse("two_factor:setup"), pad
    _inschrijven(client)
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    assert client.get(reverse("two_factor:backup_tokens")).status_code == 200
    client.post(reverse("two_factor:backup_tokens"))
    assert StaticToken.objects.filter(device__user=user).count() == 10
    # the session is verified by the enrolment: the role's own pages open
    assert client.get(reverse("cases:dossier_lijst")).status_code != 302 or rol == "beheerder"
    acties = set(Beveiligingslog.objects.filter(
        gebeurtenis=Gebeurtenis.TWEEFACTOR, gebruiker=user).values_list("details__actie", flat=True))
    assert {"ingeschreven", "herstelcodes_aangemaakt"} <= acties


@VERPLICHT
def test_the_werkcoach_is_not_forced_by_default(client, werkcoach):
    wachtwoord_stap(client, werkcoach.username, WACHTWOORD)
    assert client.get(reverse("cases:dossier_lijst")).status_code == 200


@VERPLICHT
def test_an_enrolled_session_without_the_code_is_sent_back_to_login(client, consulent):
    TOTPDevice.objects.create(user=consulent, name="default", confirmed=True)
    client.force_login(consulent)  # a session that never gave a code
    antwoord = client.get(reverse("cases:dossier_lijst"))
    assert antwoord.status_code == 302 and antwoord.url.startswith(reverse("login"))
    assert not ingelogd(client)


@VERPLICHT
def test_the_beheerder_logs_in_to_the_admin_with_password_and_code(client, beheerder):
    key = TOTPDevice.objects.create(user=beheerder, name="default", confirmed=True).bin_key
    wachtwoord_stap(client, beheerder.username, WACHTWOORD, volgende="/beheer/")
    assert not ingelogd(client)
    antwoord = client.post(reverse("login") + "?next=/beheer/", {STAP: "token", "token-otp_token": _code(key)})
    assert antwoord.status_code == 302 and antwoord.url == "/beheer/"
    assert client.get("/beheer/").status_code == 200


def test_the_beheerder_resets_someones_two_factor(client, beheerder, werkcoach, apparaat, herstelcodes):
    client.force_login(beheerder)
    lijst = reverse("admin:otp_totp_totpdevice_changelist")
    pagina = client.get(lijst).content.decode()
    assert werkcoach.username in pagina or str(werkcoach) in pagina
    assert apparaat.key not in pagina  # the secret is never shown
    antwoord = client.post(lijst, {"action": "herstellen", "_selected_action": [apparaat.pk]})
    assert antwoord.status_code == 302
    assert not TOTPDevice.objects.filter(user=werkcoach).exists()
    assert not StaticDevice.objects.filter(user=werkcoach).exists()
    log = Beveiligingslog.objects.get(gebeurtenis=Gebeurtenis.TWEEFACTOR, details__actie="hersteld")
    assert log.gebruiker == beheerder and log.betreft == werkcoach
    client.logout()
    assert wachtwoord_stap(client, werkcoach.username, WACHTWOORD).status_code == 302  # enrols again if needed


def test_only_the_beheerder_resets(client, werkcoach, apparaat):
    werkcoach.is_staff = True
    werkcoach.save()
    client.force_login(werkcoach)
    assert client.get(reverse("admin:otp_totp_totpdevice_changelist")).status_code == 403
    assert client.get("/beheer/otp_static/staticdevice/").status_code == 404  # codes are not in the admin
