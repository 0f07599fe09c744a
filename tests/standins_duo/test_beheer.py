"""The DUO stand-in's /_beheer API, idempotency by berichtId, fault injection, persistence, notifications, mTLS."""

from __future__ import annotations

import json
import ssl
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from tests.standins import duo_standin
from tests.standins_duo import contract
from tests.standins_duo.conftest import DuoClient

pytestmark = pytest.mark.standin

AMINA, SAMIR = "999990007", "999990093"
PIP = {"dagtekeningPip": "2024-02-01", "leerroute": "B"}


# -- idempotency ---------------------------------------------------------------------------------------------


def test_the_same_berichtid_returns_the_first_answer_without_a_second_effect(duo):
    bericht_id = str(uuid.uuid4())
    eerste = duo("POST", f"/personen/{AMINA}/PIP", PIP, bericht_id=bericht_id)
    tweede = duo("POST", f"/personen/{AMINA}/PIP", PIP, bericht_id=bericht_id)
    assert (eerste.status_code, tweede.status_code) == (201, 201)
    assert len(duo.persoon(AMINA)["pips"]) == 1
    [regel] = [r for r in duo.ontvangen() if r["berichtId"] == bericht_id]
    assert regel["aantal_keer"] == 2
    assert {k: regel[k] for k in ("methode", "pad", "bsn", "status")} == {
        "methode": "POST", "pad": f"/personen/{AMINA}/PIP", "bsn": AMINA, "status": 201}  # fmt: skip


def test_a_refusal_is_repeated_for_the_same_berichtid(duo):
    bericht_id = str(uuid.uuid4())
    body = {**PIP, "niveau": "A2"}
    eerste = duo("POST", f"/personen/{AMINA}/PIP", body, bericht_id=bericht_id)
    assert duo("POST", f"/personen/{AMINA}/PIP", PIP).status_code == 201  # state changed in between
    tweede = duo("POST", f"/personen/{AMINA}/PIP", body, bericht_id=bericht_id)
    assert eerste.status_code == tweede.status_code == 403
    assert eerste.json() == tweede.json()


def test_a_berichtid_reused_for_another_message_is_400(duo):
    bericht_id = str(uuid.uuid4())
    assert duo("POST", f"/personen/{AMINA}/PIP", PIP, bericht_id=bericht_id).status_code == 201
    assert duo("GET", f"/personen/{AMINA}/PIP", bericht_id=bericht_id).status_code == 400


def test_the_log_counts_every_request(duo):
    for _ in range(3):
        duo("GET", f"/personen/{AMINA}/inburgeringsplicht")
    ontvangen = duo.ontvangen()
    assert len(ontvangen) == 3
    assert all(r["aantal_keer"] == 1 and r["status"] == 200 and r["tijd"] for r in ontvangen)


# -- fault injection -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("modus,status", [("503", 503), ("500", 500), ("401", 401), ("403-leeg", 403), ("400", 400)])
def test_storing_answers_the_next_n_requests_without_effect(duo, duo_standin, modus, status):
    assert duo_standin.beheer("POST", "/_beheer/storing", {"modus": modus, "aantal": 2}).status_code == 200
    bericht_id = str(uuid.uuid4())
    for _ in range(2):
        antwoord = duo("POST", f"/personen/{AMINA}/PIP", PIP, bericht_id=bericht_id, controleer=False)
        assert (antwoord.status_code, antwoord.content) == (status, b"")
    assert duo.persoon(AMINA)["pips"] == []
    # the retry with the same berichtId is processed once the fault is over
    assert duo("POST", f"/personen/{AMINA}/PIP", PIP, bericht_id=bericht_id).status_code == 201
    [regel] = duo.ontvangen()
    assert (regel["aantal_keer"], regel["status"]) == (3, 201)


def test_storing_traag_delays_but_answers(duo, duo_standin):
    assert duo_standin.beheer("POST", "/_beheer/storing", {"modus": "traag", "aantal": 1, "vertraging": 1.2}).ok
    begin = time.monotonic()
    assert duo("POST", f"/personen/{AMINA}/PIP", PIP).status_code == 201
    assert time.monotonic() - begin >= 1.2
    with pytest.raises(requests.Timeout):
        duo_standin.beheer("POST", "/_beheer/storing", {"modus": "traag", "aantal": 1, "vertraging": 2})
        duo("GET", f"/personen/{AMINA}/PIP", timeout=0.5)
    time.sleep(1.8)  # let the slow request finish before the next test resets the stand-in


def test_storing_rejects_an_unknown_mode(duo_standin):
    assert duo_standin.beheer("POST", "/_beheer/storing", {"modus": "kapot"}).status_code == 400


def test_reset_restores_the_seed(duo, duo_standin):
    assert duo("POST", f"/personen/{AMINA}/PIP", PIP).status_code == 201
    duo_standin.reset()
    assert duo.persoon(AMINA)["pips"] == []
    assert duo.ontvangen() == []


def test_a_person_can_be_added(duo, duo_standin):
    persoon = {"bsn": "999990135", "gemeentecode": "1979", "vestigingsdatum": "2024-01-01",
               "inburgeringsplicht": {"indicatorInburgeringsplicht": True, "begindatum": "2024-01-01"},
               "doelgroep": {"indeling": "Asielstatushouder"}}  # fmt: skip
    assert duo_standin.beheer("POST", "/_beheer/personen", persoon).status_code == 201
    assert duo("GET", "/personen/999990135/inburgeringsplicht").status_code == 200
    assert duo_standin.beheer("POST", "/_beheer/personen", {**persoon, "bsn": "999990136"}).status_code == 400


def test_without_beheer_the_state_cannot_be_changed(tmp_path):
    with duo_standin(tmp_path, beheer=False) as standin:
        assert standin.beheer("POST", "/_beheer/reset").status_code == 403
        assert standin.beheer("POST", "/_beheer/storing", {"modus": "503"}).status_code == 403
        assert standin.beheer("GET", "/_beheer/ontvangen").status_code == 200


# -- persistence -----------------------------------------------------------------------------------------------


def test_state_survives_a_restart_with_opslag(tmp_path):
    opslag = tmp_path / "duo.json"
    bericht_id = str(uuid.uuid4())
    with duo_standin(tmp_path, extra_args=["--opslag", str(opslag)]) as standin:
        assert DuoClient(standin)("POST", f"/personen/{AMINA}/PIP", PIP, bericht_id=bericht_id).status_code == 201
    assert json.loads(opslag.read_text(encoding="utf-8"))["personen"][AMINA]["pips"]
    with duo_standin(tmp_path, extra_args=["--opslag", str(opslag)]) as standin:
        duo = DuoClient(standin)
        assert duo("GET", f"/personen/{AMINA}/PIP").json()["pip"]["dagtekeningPip"] == "2024-02-01"
        assert duo("POST", f"/personen/{AMINA}/PIP", PIP, bericht_id=bericht_id).status_code == 201
        assert len(duo.persoon(AMINA)["pips"]) == 1  # the berichtId is remembered too
    assert not list(tmp_path.glob(".duo-standin-*"))  # no temp files left by the atomic write


# -- notifications ---------------------------------------------------------------------------------------------


class Ontvanger:
    """A tiny Notificatie receiver: records every POST, answers `status`."""

    def __init__(self, status: int = 201):
        self.ontvangen: list[tuple[dict, dict]] = []
        self.status = status
        ontvanger = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                ontvanger.ontvangen.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(ontvanger.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/duo/notificaties"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def ontvanger():
    o = Ontvanger()
    yield o
    o.stop()


def _controleer_notificatie(headers: dict, body: dict, bsn: str, gebeurtenis: str) -> None:
    import yaml
    from jsonschema import Draft202012Validator, FormatChecker

    document = yaml.safe_load((contract.CONTRACTEN / "Notificatie" / "openapi.yml").read_text(encoding="utf-8"))
    schema = contract._inline(document["components"]["schemas"]["Notificatie"], document)
    assert not list(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(body))
    assert body["bsn"] == bsn and body["gebeurtenisId"] == gebeurtenis
    assert headers["authorization"] == "Token geheim"
    assert headers["bron"] == "00000001800866472000" and headers["doel"] == "00000001001589623000"
    uuid.UUID(headers["berichtid"])


def test_notificeer_posts_per_the_notificatie_contract(tmp_path, ontvanger):
    with duo_standin(tmp_path, extra_args=["--notificatie-url", ontvanger.url, "--notificatie-token", "geheim"]) as s:
        antwoord = s.beheer("POST", "/_beheer/notificeer", {"bsn": AMINA, "gebeurtenisId": "SS101"})
        assert antwoord.status_code == 201
        ontvanger.status = 401
        assert s.beheer("POST", "/_beheer/notificeer", {"bsn": AMINA, "gebeurtenisId": "SS199"}).status_code == 401
        # invalid per the contract: refused before sending
        assert s.beheer("POST", "/_beheer/notificeer", {"bsn": AMINA, "gebeurtenisId": "ss-101x"}).status_code == 400
    assert len(ontvanger.ontvangen) == 2
    _controleer_notificatie(*ontvanger.ontvangen[0], AMINA, "SS101")


def test_notificeer_without_a_receiver(tmp_path, duo_standin):
    assert duo_standin.beheer("POST", "/_beheer/notificeer", {"bsn": AMINA, "gebeurtenisId": "SS101"}).status_code == 409
    with duo_standin_met_url(tmp_path, "http://127.0.0.1:9/niemand") as s:
        assert s.beheer("POST", "/_beheer/notificeer", {"bsn": AMINA, "gebeurtenisId": "SS101"}).status_code == 502


def duo_standin_met_url(tmp_path, url: str, *extra: str):
    return duo_standin(tmp_path, extra_args=["--notificatie-url", url, "--notificatie-token", "geheim", *extra])


def test_demo_notification_ss139_after_start(tmp_path, ontvanger):
    with duo_standin_met_url(tmp_path, ontvanger.url, "--demo-notificatie-na", "0.2"):
        einde = time.monotonic() + 10
        while not ontvanger.ontvangen and time.monotonic() < einde:
            time.sleep(0.05)
    [(headers, body)] = ontvanger.ontvangen
    _controleer_notificatie(headers, body, SAMIR, "SS139")


# -- mutual TLS ----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    from tests.pki import maak_pki

    return maak_pki(tmp_path_factory.mktemp("pki"))


def test_mtls_accepts_a_client_certificate_of_the_ca(tmp_path, pki):
    with duo_standin(tmp_path, tls=pki) as standin:
        assert standin.url.startswith("https://")
        duo = DuoClient(standin)
        assert duo("GET", f"/personen/{AMINA}/inburgeringsplicht").status_code == 200


def test_mtls_refuses_a_client_without_certificate(tmp_path, pki):
    from tests.pki import maak_pki

    vreemd = maak_pki(tmp_path / "vreemd")  # another CA's client certificate
    with duo_standin(tmp_path, tls=pki) as standin:
        url = f"{standin.url}/personen/{AMINA}/inburgeringsplicht"
        with pytest.raises((requests.exceptions.SSLError, requests.exceptions.ConnectionError)):
            requests.get(url, headers=standin.headers(), verify=str(pki.ca_cert), timeout=10)
        with pytest.raises((requests.exceptions.SSLError, requests.exceptions.ConnectionError)):
            requests.get(url, headers=standin.headers(), verify=str(pki.ca_cert), timeout=10,
                         cert=(str(vreemd.client_cert), str(vreemd.client_key)))  # fmt: skip
        # the server still serves afterwards
        assert DuoClient(standin)("GET", f"/personen/{AMINA}/inburgeringsplicht").status_code == 200
    assert ssl.OPENSSL_VERSION


def test_concurrent_deliveries_of_one_berichtid_have_one_effect(duo):
    from concurrent.futures import ThreadPoolExecutor

    bericht_id = str(uuid.uuid4())
    with ThreadPoolExecutor(max_workers=4) as pool:
        statussen = list(pool.map(
            lambda _: DuoClient(duo.standin)("POST", f"/personen/{AMINA}/PIP", PIP, bericht_id=bericht_id).status_code,
            range(4),
        ))  # fmt: skip
    assert statussen == [201] * 4
    assert len(duo.persoon(AMINA)["pips"]) == 1
    assert [r["aantal_keer"] for r in duo.ontvangen()] == [4]
