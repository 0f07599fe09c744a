"""Transactional tests here (the concurrent sweep, the real worker) end with a flush that also empties
what the data migrations created (role groups, beleidsinstellingen, kalender). As in tests/e2e: keep
a copy at the start of the session and put it back after each such test, so later tests — and the next
run with --reuse-db on PostgreSQL — still find them."""

import pytest

_basis: dict = {}


@pytest.fixture(scope="session")
def _basisgegevens(django_db_setup, django_db_blocker) -> None:
    from django.db import connection

    with django_db_blocker.unblock():
        _basis["inhoud"] = connection.creation.serialize_db_to_string()
    _basis["blocker"] = django_db_blocker


def _is_transactioneel(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


@pytest.fixture(autouse=True)
def _kopie_voor_transactionele_tests(request) -> None:
    # Taken lazily, before the first transactional test: the pure-rule tests need no database at all.
    if _is_transactioneel(request.node):
        request.getfixturevalue("_basisgegevens")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    resultaat = yield  # the function fixtures are torn down here, the flush included
    if _is_transactioneel(item) and "inhoud" in _basis:
        from django.core.management import call_command
        from django.db import connection

        with _basis["blocker"].unblock():
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            connection.creation.deserialize_db_from_string(_basis["inhoud"])
    return resultaat
