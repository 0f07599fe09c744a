"""Posting to the login wizard as a browser does (the field names carry the wizard's step prefix)."""

from django.urls import reverse

WACHTWOORD = "geheim-wachtwoord"  # tests/factories.py
STAP = "inlog_view-current_step"


def wachtwoord_stap(client, gebruikersnaam: str, wachtwoord: str, *, volgende: str = "", **extra):
    url = reverse("login") + (f"?next={volgende}" if volgende else "")
    return client.post(
        url, {STAP: "auth", "auth-username": gebruikersnaam, "auth-password": wachtwoord}, **extra
    )


def code_stap(client, code: str, *, stap: str = "token"):
    return client.post(reverse("login"), {STAP: stap, f"{stap}-otp_token": code})


def ingelogd(client) -> bool:
    return "_auth_user_id" in client.session
