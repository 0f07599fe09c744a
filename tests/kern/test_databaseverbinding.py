"""Connections are reused with a health check (issue 18): a new connection per request halves the
throughput of cheap pages."""

import os

import pytest


@pytest.mark.skipif("DATABASE_CONN_MAX_AGE" in os.environ, reason="set by the environment")
def test_a_connection_is_reused_for_60_seconds_and_checked_before_reuse(settings):
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] == 60
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
