"""The Notificatie endpoint against DUO's contract (Notificatie/openapi.yml): answers, validation, authentication,
and storing first (the same notification twice is one row; a broker that is down loses nothing)."""

import json
import logging

import pytest

from duo.notificaties import contract, services, tasks
from duo.notificaties.models import DuoNotificatie, NotificatieStatus

from .conftest import BSN_NIEUW, PAD, body, headers, posten

pytestmark = pytest.mark.django_db


@pytest.fixture
def ingepland(monkeypatch):
    """The ids handed to the broker (on commit)."""
    ids = []
    monkeypatch.setattr(tasks.verwerken_task, "apply_async", lambda args, **kw: ids.append(args[0]))
    return ids


def test_a_valid_notification_is_stored_answered_201_and_scheduled_on_commit(client, ingepland,
                                                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = posten(client, body())
    assert antwoord.status_code == 201
    assert antwoord["API-Version"] == contract.api_versie() == "1.8.0"
    assert antwoord.content == b""
    notificatie = DuoNotificatie.objects.get()
    assert (notificatie.gebeurtenis_id, notificatie.bsn, notificatie.status) == ("SS139", BSN_NIEUW, "ontvangen")
    assert notificatie.ruw == body()
    assert ingepland == [notificatie.pk]


def test_the_same_notification_twice_is_stored_once_and_scheduled_once(client, ingepland,
                                                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        eerste = posten(client, body(), bericht_id="6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f")
        zelfde = posten(client, body(), bericht_id="6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f")  # a retry
        nieuw_id = posten(client, body())  # the same notification under a new berichtId
    assert [eerste.status_code, zelfde.status_code, nieuw_id.status_code] == [201, 201, 201]
    assert DuoNotificatie.objects.count() == 1
    assert len(ingepland) == 1


def test_the_same_moment_in_another_zone_is_the_same_notification(client, ingepland):
    assert posten(client, body(tijd="2026-11-30T10:15:00+01:00")).status_code == 201
    assert posten(client, body(tijd="2026-11-30T09:15:00Z")).status_code == 201
    assert DuoNotificatie.objects.count() == 1


def test_a_vnummer_instead_of_a_bsn_is_accepted(client, ingepland):
    inhoud = {"registratieDatumTijd": "2026-11-30T10:15:00Z", "gebeurtenisId": "SS101", "vNummer": 1234567890}
    assert posten(client, inhoud).status_code == 201
    assert DuoNotificatie.objects.get().v_nummer == "1234567890"


@pytest.mark.parametrize("inhoud", [
    {"gebeurtenisId": "SS139", "bsn": BSN_NIEUW},  # registratieDatumTijd missing
    {"registratieDatumTijd": "2026-11-30T10:15:00Z", "bsn": BSN_NIEUW},  # gebeurtenisId missing
    body(tijd="30-11-2026"), body(tijd="2026-11-30"), body(tijd="2026-11-30T10:15:00"),  # no zone
    body(tijd="2026-13-30T10:15:00Z"), body(tijd="0001-01-01T00:12:01+01:00"),  # before year 1 in UTC
    body(gebeurtenis="ss139"), body(gebeurtenis="SS13999"), body(gebeurtenis=""), body(gebeurtenis="SS1\n"),
    body(bsn="12345678"), body(bsn="1234567890"), body(bsn="12345678a"), body(bsn="١٢٣٤٥٦٧٨٩"),
    body(bsn=999990093), body(vNummer=-1), body(vNummer=10_000_000_000), body(vNummer="123"), body(vNummer=1.5),
    body(vNummer=True), [], "null", 17,
])
def test_a_body_outside_the_contract_is_400_without_body_and_stores_nothing(client, inhoud, ingepland):
    antwoord = posten(client, inhoud if not isinstance(inhoud, (list, int)) else json.dumps(inhoud))
    assert antwoord.status_code == 400
    assert antwoord.content == b""
    assert antwoord["API-Version"] == "1.8.0"
    assert not DuoNotificatie.objects.exists()


@pytest.mark.parametrize("extra", [{"opmerking": "a\u0000b"}, {"\udb2f": "x"}, {"lijst": ["\udc00"]}])
def test_text_postgresql_cannot_store_is_400_not_a_server_error(client, extra, ingepland):
    """JSON may carry \\u0000 or a lone surrogate (found by the schemathesis run); jsonb stores neither."""
    antwoord = posten(client, json.dumps(body(**extra)))
    assert antwoord.status_code == 400
    assert not DuoNotificatie.objects.exists()


def test_not_json_or_another_content_type_is_400(client):
    assert posten(client, "{niet json").status_code == 400
    assert client.post(PAD, data="a=b", content_type="application/x-www-form-urlencoded",
                       headers=headers()).status_code == 400


@pytest.mark.parametrize("kop", ["bron", "doel", "berichtId"])
def test_a_missing_header_is_400(client, kop):
    verzonden = headers()
    del verzonden[kop]
    assert client.post(PAD, data=json.dumps(body()), content_type="application/json",
                       headers=verzonden).status_code == 400


@pytest.mark.parametrize("kwargs", [{"bron": "123"}, {"doel": "0" * 21}, {"bericht_id": "geen-uuid"}])
def test_a_header_outside_the_contract_is_400(client, kwargs):
    assert posten(client, body(), **kwargs).status_code == 400


def test_another_sender_or_another_receiver_is_403(client):
    assert posten(client, body(), bron="0" * 20).status_code == 403
    assert posten(client, body(), doel="0" * 20).status_code == 403
    assert not DuoNotificatie.objects.exists()


def test_without_or_with_a_wrong_token_it_is_401(client):
    assert posten(client, body(), token=None).status_code == 401
    assert posten(client, body(), token="fout").status_code == 401
    assert not DuoNotificatie.objects.exists()


def test_the_proxys_certificate_header_authenticates_in_production(client, settings):
    settings.DUO_NOTIFICATIE_TOKEN = ""
    settings.DUO_NOTIFICATIE_CERT_HEADER = "X-SSL-Client-S-DN"
    settings.DUO_NOTIFICATIE_CERT_SUBJECT = "serialNumber=00000001800866472000"
    goed = {**headers(token=None), "X-SSL-Client-S-DN": "CN=DUO,O=DUO,serialNumber=00000001800866472000"}
    fout = {**headers(token=None), "X-SSL-Client-S-DN": "CN=iemand,serialNumber=00000001001589623000"}
    assert client.post(PAD, json.dumps(body()), content_type="application/json", headers=fout).status_code == 401
    assert client.post(PAD, json.dumps(body()), content_type="application/json", headers=goed).status_code == 201


def test_no_credentials_configured_refuses_everything(client, settings):
    settings.DUO_NOTIFICATIE_TOKEN = ""
    assert posten(client, body(), token="").status_code == 401


def test_other_methods_are_405(client):
    antwoord = client.get(PAD, headers=headers())
    assert antwoord.status_code == 405 and antwoord["Allow"] == "POST"


def test_no_csrf_token_is_needed(ingepland):
    from django.test import Client

    assert posten(Client(enforce_csrf_checks=True), body()).status_code == 201


def test_no_bsn_in_the_log(client, caplog, ingepland):
    with caplog.at_level(logging.DEBUG):
        posten(client, body())
        posten(client, body())
        posten(client, body(bsn="12345678"))
    assert BSN_NIEUW not in caplog.text and "12345678" not in caplog.text


def test_broker_down_the_request_still_succeeds_and_the_safety_net_processes_the_row(
        client, django_capture_on_commit_callbacks, stub_brp, team, monkeypatch):
    """Counted fault 2/3: the broker is unreachable when the insert commits. Simulated at the hand-over (what
    kombu raises then), not by pointing the shared Celery app at a dead broker: its connection pool would
    keep that address for the tests after this one."""
    from kombu.exceptions import OperationalError

    def broker_weg(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:1. Connection refused.")

    monkeypatch.setattr(tasks.verwerken_task, "apply_async", broker_weg)
    with django_capture_on_commit_callbacks(execute=True):
        assert posten(client, body()).status_code == 201
    notificatie = DuoNotificatie.objects.get()
    assert notificatie.status == NotificatieStatus.ONTVANGEN
    assert services.te_verwerken() == [notificatie.pk]
    assert tasks.achterstand_verwerken_task() == {"verwerkt": 1}
    notificatie.refresh_from_db()
    assert notificatie.status == NotificatieStatus.VERWERKT
    assert tasks.achterstand_verwerken_task() == {}
