"""Configuration: strict environment parsing and production settings that refuse to start insecurely."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import pytest

from inburgering import env

BASE_DIR = Path(__file__).resolve().parents[2]


# --- env parsing ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("true", True), ("TRUE", True), ("1", True), ("yes", True), ("on", True),
     ("false", False), ("0", False), ("no", False), (" Off ", False)],
)
def test_boolean_accepts_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("TEST_VLAG", raw)
    assert env.boolean("TEST_VLAG", default=not expected) is expected


@pytest.mark.parametrize("raw", ["maybe", "ja", "2", "truee"])
def test_boolean_refuses_nonsense(monkeypatch, raw):
    monkeypatch.setenv("TEST_VLAG", raw)
    with pytest.raises(ImproperlyConfigured, match="TEST_VLAG"):
        env.boolean("TEST_VLAG", False)


@pytest.mark.parametrize("raw", ["abc", "1.5", "12 uur", "0x10"])
def test_integer_refuses_nonsense(monkeypatch, raw):
    monkeypatch.setenv("TEST_GETAL", raw)
    with pytest.raises(ImproperlyConfigured, match="TEST_GETAL"):
        env.integer("TEST_GETAL", 5)


def test_integer_enforces_its_minimum(monkeypatch):
    monkeypatch.setenv("TEST_GETAL", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env.integer("TEST_GETAL", 5, minimum=1)
    monkeypatch.setenv("TEST_GETAL", "7")
    assert env.integer("TEST_GETAL", 5, minimum=1) == 7


@pytest.mark.parametrize("raw", ["a.nl,,b.nl", "a.nl,", ",a.nl", " , "])
def test_strings_refuse_an_empty_item(monkeypatch, raw):
    monkeypatch.setenv("TEST_LIJST", raw)
    with pytest.raises(ImproperlyConfigured, match="empty item"):
        env.strings("TEST_LIJST", [])


def test_strings_split_and_strip(monkeypatch):
    monkeypatch.setenv("TEST_LIJST", "a.nl, b.nl ,c.nl")
    assert env.strings("TEST_LIJST", []) == ["a.nl", "b.nl", "c.nl"]


def test_unset_or_empty_falls_back_to_the_default(monkeypatch):
    monkeypatch.delenv("TEST_NIET_GEZET", raising=False)
    monkeypatch.setenv("TEST_LEEG", "")
    assert env.string("TEST_NIET_GEZET", "standaard") == "standaard"
    assert env.boolean("TEST_LEEG", True) is True
    assert env.integer("TEST_LEEG", 3) == 3
    assert env.strings("TEST_LEEG", ["x"]) == ["x"]


def test_a_required_variable_without_default_is_refused(monkeypatch):
    monkeypatch.delenv("TEST_VERPLICHT", raising=False)
    with pytest.raises(ImproperlyConfigured, match="TEST_VERPLICHT is required"):
        env.string("TEST_VERPLICHT")


def test_choice_refuses_an_unknown_option(monkeypatch):
    monkeypatch.setenv("TEST_KEUZE", "LUID")
    with pytest.raises(ImproperlyConfigured, match="must be one of"):
        env.choice("TEST_KEUZE", ("INFO", "DEBUG"), "INFO")


# --- production settings, in a clean process -----------------------------------------------------


def production_env(**overrides: str | None) -> dict[str, str]:
    """A stripped environment: nothing from the developer's shell or CI leaks in."""
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "inburgering.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "inburgering.gemeente.example",
        "DATABASE_URL": "sqlite:////tmp/inburgering-check.sqlite3",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    }
    for name, value in overrides.items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    return environment


def manage(*args: str, environment: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(BASE_DIR / "manage.py"), *args],
        cwd=BASE_DIR, env=environment, capture_output=True, text=True, timeout=60, check=False,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "CELERY_BROKER_URL"])
def test_production_refuses_to_start_without_a_required_variable(missing):
    result = manage("check", environment=production_env(**{missing: None}))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_production_refuses_debug():
    result = manage("check", environment=production_env(DEBUG="true"))
    assert result.returncode != 0
    assert "DEBUG must be false" in result.stderr


def test_production_refuses_a_nonsense_value():
    result = manage("check", environment=production_env(SECURE_SSL_REDIRECT="maybe"))
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT='maybe' is not a boolean" in result.stderr


def test_production_passes_the_deployment_checklist_without_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", environment=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
