"""A property-based run of DUO's Notificatie contract against our endpoint (schemathesis, in-process over WSGI
against the test database): valid and invalid requests generated from Notificatie/openapi.yml. Never a 5xx, every
answer as the contract describes it (status, API-Version header, no body where none belongs), no invalid request
accepted, and every accepted one stored exactly once."""

import copy

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

import pytest
import schemathesis
import yaml
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    status_code_conformance,
)

from duo.notificaties import contract
from duo.notificaties.models import DuoNotificatie
from tests.standins import DUO_OIN, DUO_OIN_GEMEENTE

from .conftest import TOKEN

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          negative_data_rejection]


def _schema() -> schemathesis.BaseSchema:
    ruw = copy.deepcopy(yaml.safe_load(contract.contractbestand().read_text(encoding="utf-8")))
    ruw["servers"] = [{"url": "http://testserver/duo"}]  # our base: POST /duo/notificaties
    schema = schemathesis.openapi.from_dict(ruw)
    schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE], max_examples=150)
    return schema


schema = _schema()
SNEL = settings(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


@pytest.fixture
def wsgi():
    """Django's WSGI handler in this process, on the test's database connection: as Django's test client does,
    the end of a request must not close that connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@SNEL
def test_the_endpoint_keeps_the_contract_for_generated_requests(case, wsgi):
    """bron/doel as generated (mostly not DUO → us: 403, which the contract lists)."""
    voor = DuoNotificatie.objects.count()
    antwoord = case.call(app=wsgi, headers={"Authorization": f"Token {TOKEN}"})
    case.validate_response(antwoord, checks=CHECKS)
    assert antwoord.status_code in (201, 400, 403, 405)
    if antwoord.status_code != 201:
        assert DuoNotificatie.objects.count() == voor


@pytest.mark.django_db
@schema.parametrize()
@SNEL
def test_generated_notifications_from_duo_to_us_are_stored_once(case, wsgi):
    """The same with bron = DUO and doel = this gemeente, so valid bodies reach the store: 201, one row; sent a
    second time, still 201 and no new row."""
    kop = dict(case.headers or {})
    if all(isinstance(kop.get(n), str) and len(kop[n]) == 20 for n in ("bron", "doel")):
        # Valid generated OINs replaced by other valid ones: a valid case stays valid, an invalid one invalid.
        case.headers = {**kop, "bron": DUO_OIN, "doel": DUO_OIN_GEMEENTE}
    voor = DuoNotificatie.objects.count()
    antwoord = case.call(app=wsgi, headers={"Authorization": f"Token {TOKEN}"})
    case.validate_response(antwoord, checks=CHECKS)
    assert antwoord.status_code in (201, 400, 403, 405)
    if antwoord.status_code == 201:
        assert DuoNotificatie.objects.count() in (voor, voor + 1)  # the same notification generated earlier: no row
        nogmaals = case.call(app=wsgi, headers={"Authorization": f"Token {TOKEN}"})
        assert nogmaals.status_code == 201
        assert DuoNotificatie.objects.count() <= voor + 1
    else:
        assert DuoNotificatie.objects.count() == voor
