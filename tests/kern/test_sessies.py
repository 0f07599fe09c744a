"""Sessions expire after inactivity (SESSION_IDLE_MINUTES): every request pushes the expiry ahead."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone


def test_the_idle_time_defaults_to_30_minutes_and_the_session_ends_with_the_browser(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


def test_each_request_pushes_the_expiry_a_full_idle_period_ahead(client, werkcoach, settings):
    client.force_login(werkcoach)
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=1))  # almost idle for too long

    assert client.get(reverse("cases:dossier_lijst")).status_code == 200

    verloopt = Session.objects.get().expire_date
    assert verloopt > timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)


def test_a_user_idle_past_the_expiry_is_sent_to_the_login_page(client, werkcoach):
    client.force_login(werkcoach)
    assert client.get(reverse("cases:dossier_lijst")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))  # idle for too long

    response = client.get(reverse("cases:dossier_lijst"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
