"""Expired sessions (which can hold a search term: a name or a BSN) are removed by the nightly task."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.utils import timezone

import pytest

from inburgering.accounts.tasks import sessies_opruimen

pytestmark = pytest.mark.django_db


def test_expired_sessions_go_and_live_ones_stay():
    Session.objects.create(session_key="verlopen", session_data="x", expire_date=timezone.now() - timedelta(minutes=1))
    Session.objects.create(session_key="geldig", session_data="x", expire_date=timezone.now() + timedelta(minutes=30))
    sessies_opruimen()
    assert list(Session.objects.values_list("session_key", flat=True)) == ["geldig"]
