from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

import pytest

from tests import klok
from tests.factories import (
    BeheerderFactory,
    ConsulentFactory,
    DossierFactory,
    ManagerFactory,
    TeamFactory,
    WerkcoachFactory,
)


@pytest.fixture(autouse=True)
def _klok() -> None:
    """The modules' VANDAAG, GISTEREN, ... as of this test, not of the import (tests/klok.py)."""
    klok.bijwerken()


@pytest.fixture
def team(db):
    return TeamFactory(naam="Team Noord")


@pytest.fixture
def ander_team(db):
    return TeamFactory(naam="Team Zuid")


@pytest.fixture
def werkcoach(team):
    return WerkcoachFactory(username="wc", team=team)


@pytest.fixture
def collega(team):
    """A werkcoach in the same team."""
    return WerkcoachFactory(username="collega", team=team)


@pytest.fixture
def werkcoach_ander_team(ander_team):
    return WerkcoachFactory(username="wc_zuid", team=ander_team)


@pytest.fixture
def consulent(team):
    return ConsulentFactory(username="consulent", team=team)


@pytest.fixture
def manager(db):
    return ManagerFactory(username="manager")


@pytest.fixture
def beheerder(db):
    return BeheerderFactory(username="beheerder")


@pytest.fixture
def dossier(werkcoach):
    return DossierFactory(werkcoach=werkcoach)


# --- Reference data after transactional tests ------------------------------------------------------
# A transactional test (the browser tests' live_server, the concurrent sweep, the real Celery worker)
# ends with a flush that also empties what the data migrations created: role groups,
# beleidsinstellingen, the kalender. Django's serialized_rollback keeps its copy on a connection object
# that is no longer the same once Playwright or a worker thread ran, and restores *before* a test. So:
# take one copy before the first transactional test and put it back after each one, then set the
# sequences past the restored ids (PostgreSQL) so later inserts don't collide.
_basis: dict = {}


def _is_transactioneel(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or "live_server" in getattr(item, "fixturenames", ())


@pytest.fixture(scope="session")
def _basisgegevens(django_db_setup, django_db_blocker) -> None:
    with django_db_blocker.unblock():
        _basis["inhoud"] = connection.creation.serialize_db_to_string()
    _basis["blocker"] = django_db_blocker


@pytest.fixture(autouse=True)
def _kopie_voor_transactionele_tests(request) -> None:
    if _is_transactioneel(request.node):
        request.getfixturevalue("_basisgegevens")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    resultaat = yield  # the function fixtures are torn down here, the flush included
    if _is_transactioneel(item) and "inhoud" in _basis:
        with _basis["blocker"].unblock():
            # Empty again without post_migrate (content types, permissions): the copy has them.
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            connection.creation.deserialize_db_from_string(_basis["inhoud"])
            sql = connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True))
            with connection.cursor() as cursor:
                for statement in sql:
                    cursor.execute(statement)
    return resultaat


# --- The BRP stand-in (issue 14): one subprocess per test session, started on first use ------------------
@pytest.fixture(scope="session")
def brp_standin_sessie(tmp_path_factory):
    from tests.standins import brp_standin

    with brp_standin(tmp_path_factory.mktemp("brp"), extra_args=["--geen-gebeurtenissen"]) as standin:
        yield standin


@pytest.fixture
def brp_standin(brp_standin_sessie, settings):
    """The app's BRP settings point at the stand-in for this test; its persons are reset afterwards."""
    import requests

    settings.BRP_URL, settings.BRP_API_KEY = brp_standin_sessie.url, brp_standin_sessie.api_key
    yield brp_standin_sessie
    requests.post(f"{brp_standin_sessie.url}/_beheer/reset", headers={"X-API-KEY": brp_standin_sessie.api_key},
                  timeout=10)


# --- The DUO stand-in (issue 16): one subprocess per test session, started on first use ------------------
@pytest.fixture(scope="session")
def duo_standin_sessie(tmp_path_factory):
    """The DUO stand-in (standins/duo) with --beheer; url includes the base path /v1 (tests.standins.DuoStandin)."""
    from tests.standins import duo_standin

    with duo_standin(tmp_path_factory.mktemp("duo")) as standin:
        yield standin


@pytest.fixture
def duo_standin(duo_standin_sessie):
    """The session's DUO stand-in, reset to its seed (persons, log of received requests, fault injection) first."""
    duo_standin_sessie.reset()
    return duo_standin_sessie


def brp_wijzigen(standin, bsn: str, wijziging: dict) -> None:
    """Change a person in the stand-in (its /_beheer API: a JSON merge patch of the internal record)."""
    import requests

    antwoord = requests.post(f"{standin.url}/_beheer/personen/{bsn}", json=wijziging,
                             headers={"X-API-KEY": standin.api_key}, timeout=10)
    assert antwoord.status_code == 200, antwoord.text
