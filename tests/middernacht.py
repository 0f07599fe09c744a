"""Optional check (`make test-middernacht`, or `pytest -p tests.middernacht`): a run across midnight.

A date taken when a module is imported (collection) is stale for a test that runs after midnight in
Amsterdam: the code under test uses the new today. This plugin makes that the worst case for every test:
once collection is done it moves the process clock to noon of the next day (settings.TIME_ZONE) and lets it
tick from there, so each test runs on a later date than its module was imported on. Noon, so that the check
does not depend on the time of day it is run at and the UTC date equals the local one.

Not moved: the database server's own now() and other processes (the BRP/DUO stand-ins), which still live
on the real day. Not active in `make test`.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

import time_machine

_reis: time_machine.travel | None = None


def pytest_collection_finish(session) -> None:
    global _reis
    zone = ZoneInfo(settings.TIME_ZONE)
    morgen = datetime.now(zone).date() + timedelta(days=1)
    _reis = time_machine.travel(datetime.combine(morgen, time(12), tzinfo=zone), tick=True)
    _reis.start()


def pytest_report_header(config) -> str:
    return "middernacht: after collection the clock moves to noon of the next day (tests/middernacht.py)"


def pytest_unconfigure(config) -> None:
    if _reis is not None:
        _reis.stop()
