"""`make run`: zero set-up defaults (SQLite, filesystem broker, console e-mail) and demo data."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
os.environ.setdefault("DEBUG", "true")
# `make run` starts the BRP stand-in (standins/brp) on this port with this key.
os.environ.setdefault("BRP_URL", "http://127.0.0.1:8091")
os.environ.setdefault("BRP_API_KEY", "dev-brp-sleutel")
# ... and the DUO stand-in (standins/duo), which posts its notifications with this token (issue 17).
os.environ.setdefault("DUO_NOTIFICATIE_TOKEN", "dev-duo-notificatie")
# The demo SS139 (Samir Osman) arrives in the inflow queue of the demo werkcoach's team.
os.environ.setdefault("DUO_INSTROOM_TEAM", "Team Delfzijl")

from celery.schedules import crontab

from .base import *  # noqa: F403

DEMO_DATA_ALLOWED = True
# `make run`: the demo users log in with their password only; two-factor can be enrolled but is optional
# unless TWEEFACTOR_VERPLICHT_ROLLEN is set.
if not os.environ.get("TWEEFACTOR_VERPLICHT_ROLLEN"):
    TWEEFACTOR_VERPLICHT_ROLLEN: list[str] = []

# The embedded defaults keep their state in VAR_DIR: SQLite file, broker queue, results, beat schedule.
for _map in ("celery/queue", "celery/processed", "celery/results", "celery/control", "media"):
    (VAR_DIR / _map).mkdir(parents=True, exist_ok=True)  # noqa: F405

# The demo: the BRP stand-in moves one person and lets one die a few minutes after `make run` starts;
# refresh every five minutes so the werkvoorraad shows it the same afternoon, not the next night.
CELERY_BEAT_SCHEDULE["brp-verversen"]["schedule"] = crontab(minute="*/5")  # noqa: F405
