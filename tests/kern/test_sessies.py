"""Sessions expire after inactivity (SESSION_IDLE_MINUTES): a request pushes the expiry ahead, with at most
one session write a minute (inburgering.accounts.sessies)."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from inburgering.accounts.sessies import AANGERAAKT


def test_the_idle_time_defaults_to_30_minutes_and_the_session_ends_with_the_browser(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is False
    assert settings.SESSIE_AANRAKEN_SECONDEN == 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


def _laatst_aangeraakt(client, seconden_geleden: int) -> None:
    sessie = client.session
    sessie[AANGERAAKT] -= seconden_geleden
    sessie.save()


def test_a_request_a_minute_after_the_last_renewal_pushes_the_expiry_a_full_idle_period_ahead(
    client, werkcoach, settings
):
    client.force_login(werkcoach)
    _laatst_aangeraakt(client, 61)
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


def test_requests_within_a_minute_of_the_last_renewal_write_no_session(client, werkcoach):
    client.force_login(werkcoach)  # the login stamps the session

    with CaptureQueriesContext(connection) as vastgelegd:
        for _ in range(3):
            assert client.get(reverse("cases:dossier_lijst")).status_code == 200
    _laatst_aangeraakt(client, 61)
    with CaptureQueriesContext(connection) as na_een_minuut:
        assert client.get(reverse("cases:dossier_lijst")).status_code == 200

    def schrijft_sessie(q):
        return q["sql"].startswith(("UPDATE", "INSERT")) and "django_session" in q["sql"]

    assert not [q for q in vastgelegd.captured_queries if schrijft_sessie(q)]
    assert len([q for q in na_een_minuut.captured_queries if schrijft_sessie(q)]) == 1
