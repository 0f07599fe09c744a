"""`cases.termijnen_sweep` through a real Celery worker on the configured broker (Redis in CI, the
embedded filesystem broker otherwise), against the real database.

Like tests/kern/test_celery.py: a throwaway Celery app configured from the settings, on a private
queue that is emptied first, so a demo worker or an aborted run never interferes."""

import os

from django.conf import settings

import pytest
from celery import Celery

from cases import tasks
from cases.models import Signaal, SignaalSoort, Termijn, TermijnStatus
from tests.factories import TermijnFactory
from tests.kern.test_celery import TIMEOUT, running_worker

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]


def test_the_sweep_task_creates_signals_through_a_real_worker():
    if os.environ.get("CI"):
        assert settings.CELERY_BROKER_URL.startswith("redis://")
    verlopen = TermijnFactory.create_batch(3, verlopen_gisteren=True)
    nadert = TermijnFactory(nadert=True)

    app = Celery("inburgering-test-sweep", set_as_current=False)
    app.config_from_object("django.conf:settings", namespace="CELERY")
    app.conf.task_default_queue = "termijnen-test-sweep"
    with app.connection_for_write() as connection:
        connection.default_channel.queue_declare(queue=app.conf.task_default_queue)
        connection.default_channel.queue_purge(queue=app.conf.task_default_queue)

    with running_worker(app):
        result = app.tasks[tasks.termijnen_sweep_task.name].delay()
        try:
            antwoord = result.get(timeout=TIMEOUT)
        finally:
            result.forget()

    assert antwoord == {"verlopen": 3, "nadert": 1}
    assert set(Signaal.objects.filter(soort=SignaalSoort.VERLOPEN).values_list("termijn_id", flat=True)) == {
        t.pk for t in verlopen}
    assert list(Signaal.objects.filter(soort=SignaalSoort.NADERT).values_list("termijn_id", flat=True)) == [nadert.pk]
    assert not Termijn.objects.filter(pk__in=[t.pk for t in verlopen], status=TermijnStatus.OPEN).exists()
