"""pytest: SQLite by default, PostgreSQL when DATABASE_URL is set (CI).

Tests keep their files (filesystem broker, Celery results, media) in var/test, apart from the
`make run` instance in var/, so a running demo never picks up a test's messages or vice versa.
"""

import os
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-only-insecure-key")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("VAR_DIR", str(Path(__file__).resolve().parent.parent.parent / "var" / "test"))

from .base import *  # noqa: F403
from .base import DATABASES, MIDDLEWARE, VAR_DIR

DEMO_DATA_ALLOWED = True
# Fast hashing for test users; PBKDF2 (the default) also verifies the demo users' fixture passwords.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", "django.contrib.auth.hashers.PBKDF2PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "test-media"
# WhiteNoise serves collected files in production; tests serve from the finders (no collectstatic).
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise.")]

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not Django's in-memory default, so `--reuse-db` (pyproject addopts) keeps the migrated
    # test database between runs and a second run starts in seconds.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}

for _map in ("celery/queue", "celery/processed", "celery/results", "celery/control"):
    (VAR_DIR / _map).mkdir(parents=True, exist_ok=True)

# Two-factor is optional here so the tests that log in with force_login keep working; the two-factor
# tests switch it on per test (override_settings).
TWEEFACTOR_VERPLICHT_ROLLEN: list[str] = []

# No BRP unless a test starts the stand-in and points BRP_URL at it (tests/brp, tests/e2e): registration
# then falls back to the hand form, as for a gemeente without the connection.
BRP_URL = ""

# No DUO unless a test points DUO_URL at the stand-in (tests/duo): messages are written and wait. A Celery worker
# subprocess started by a test (tests/duo/test_standin.py) gets the stand-in's URL through DUO_TEST_URL.
DUO_URL = os.environ.get("DUO_TEST_URL", "")
DUO_NOTIFICATIE_TOKEN = "test-duo-notificatie"  # issue 17: DUO's notifications to us
