"""Round-trips through a real Celery worker: the configured broker (Redis in CI) and the embedded
filesystem broker that `make run` uses.

Each test builds a throwaway Celery app, so the project's app (``inburgering.celery_app``) keeps its
configuration, logging and queue selection. The heartbeat task does not touch the database.
"""

import os
from contextlib import contextmanager

from django.conf import settings

import pytest
from celery import Celery
from celery.contrib.testing.worker import start_worker

from inburgering import celery_app
from inburgering.accounts.tasks import heartbeat

pytestmark = pytest.mark.celery_worker

TIMEOUT = 20


@contextmanager
def running_worker(app: Celery):
    """A solo worker in a thread; afterwards the project's app is the current app again."""
    try:
        with start_worker(app, perform_ping_check=False, shutdown_timeout=15, loglevel="WARNING") as worker:
            yield worker
    finally:
        celery_app.set_current()
        celery_app.set_default()
        app.close()


def round_trip(app: Celery) -> str:
    task = app.tasks[heartbeat.name]
    result = task.delay()
    try:
        return result.get(timeout=TIMEOUT)
    finally:
        result.forget()


def test_heartbeat_round_trips_through_the_configured_broker():
    broker_url = settings.CELERY_BROKER_URL
    if os.environ.get("CI"):
        # CI must prove the production transport, not silently fall back to the embedded one.
        assert broker_url.startswith("redis://"), f"CI runs with CELERY_BROKER_URL={broker_url!r}, expected Redis"
        assert settings.CELERY_RESULT_BACKEND.startswith("redis://")

    app = Celery("inburgering-test-configured", set_as_current=False)
    app.config_from_object("django.conf:settings", namespace="CELERY")
    # A queue of its own, emptied first: a demo worker or messages left by an aborted run never interfere.
    app.conf.task_default_queue = "kern-test-heartbeat"
    assert app.conf.broker_url == broker_url
    with app.connection_for_write() as connection:
        connection.default_channel.queue_declare(queue=app.conf.task_default_queue)
        connection.default_channel.queue_purge(queue=app.conf.task_default_queue)

    with running_worker(app):
        answer = round_trip(app)

    assert answer[:4].isdigit() and "T" in answer


def test_heartbeat_round_trips_through_the_embedded_filesystem_broker(tmp_path):
    queue = tmp_path / "queue"
    for folder in ("queue", "processed", "control", "results"):
        (tmp_path / folder).mkdir()

    app = Celery(
        "inburgering-test-embedded",
        broker="filesystem://",
        backend=f"file://{tmp_path / 'results'}",
        set_as_current=False,
    )
    app.conf.update(
        broker_transport_options={
            "data_folder_in": str(queue),
            "data_folder_out": str(queue),
            "processed_folder": str(tmp_path / "processed"),
            "control_folder": str(tmp_path / "control"),
            "store_processed": False,
            "polling_interval": 0.1,
        },
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        task_acks_late=True,
    )

    with running_worker(app):
        answer = round_trip(app)

    assert answer[:4].isdigit() and "T" in answer
    # The message was consumed and its result written where we pointed the app, nowhere else.
    assert not any(queue.glob("*.msg"))
