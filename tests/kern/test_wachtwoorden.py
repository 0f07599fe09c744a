"""Issue 11 item 4: passwords of at least 12 characters with Django's common-password and similarity
checks, plus a Dutch list: 'aaaaaaaaaaaa', 'wachtwoord12' and 'welkom123456' are refused."""

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

import pytest

from tests.factories import UserFactory


def test_the_settings_have_the_length_the_common_list_and_the_similarity_check():
    namen = {v["NAME"].rsplit(".", 1)[1]: v for v in settings.AUTH_PASSWORD_VALIDATORS}
    assert namen["MinimumLengthValidator"]["OPTIONS"]["min_length"] == 12
    assert {"CommonPasswordValidator", "UserAttributeSimilarityValidator", "VoorspelbaarWachtwoordValidator"} <= set(namen)


@pytest.mark.parametrize("wachtwoord", [
    "aaaaaaaaaaaa", "wachtwoord12", "welkom123456", "Welkom2025!!", "Password2024!", "123456789012",
    "kort-wacht", "abababababab",
])
def test_weak_passwords_are_refused(db, wachtwoord):
    with pytest.raises(ValidationError):
        validate_password(wachtwoord)


def test_the_message_is_dutch(db):
    with pytest.raises(ValidationError) as fout:
        validate_password("welkom123456")
    assert "veelgebruikt woord" in " ".join(fout.value.messages)


def test_a_password_like_the_username_is_refused(db):
    user = UserFactory(username="jansenbeheer", first_name="Pieter", last_name="Jansenbeheer")
    with pytest.raises(ValidationError):
        validate_password("jansenbeheer1", user)


@pytest.mark.parametrize("wachtwoord", ["Paard-Fiets-Boom-42", "mijn kat eet graag vis", "Zq8#vLp2!xRt"])
def test_strong_passwords_pass(db, wachtwoord):
    validate_password(wachtwoord)
