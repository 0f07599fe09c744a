"""Connections are reused with a health check (issue 18): a new connection per request halves the
throughput of cheap pages."""

import os

import pytest


@pytest.mark.skipif("DATABASE_CONN_MAX_AGE" in os.environ, reason="set by the environment")
def test_a_connection_is_reused_for_60_seconds_and_checked_before_reuse(settings):
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] == 60
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


@pytest.mark.django_db
@pytest.mark.skipif("DATABASE_PARALLEL_WORKERS" in os.environ, reason="set by the environment")
def test_this_apps_postgresql_connections_start_no_parallel_workers():
    # Small, index-driven page queries: a parallel worker's start (~5 ms) costs more than it saves.
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "0"


@pytest.mark.parametrize(("waarde", "verwacht"), [("0", "-c max_parallel_workers_per_gather=0"),
                                                   ("2", "-c max_parallel_workers_per_gather=2"), ("-1", None)])
def test_the_parallel_workers_setting_reaches_postgresql_as_a_startup_option(monkeypatch, waarde, verwacht):
    import importlib

    import inburgering.settings.base as basis

    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/x")
    monkeypatch.setenv("DATABASE_PARALLEL_WORKERS", waarde)
    try:
        herladen = importlib.reload(basis)
        assert herladen.DATABASES["default"].get("OPTIONS", {}).get("options") == verwacht
    finally:
        monkeypatch.undo()
        importlib.reload(basis)
