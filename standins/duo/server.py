"""HTTP server of the DUO stand-in: the paths of the DUO M2M contracts under a base path, plus `/_beheer`.

Stdlib `http.server` only. Order for a contract request: fault injection (`/_beheer/storing`) → the
stored first answer of its berichtId → contract validation (400 without body) → `bron` an accepted gemeente
OIN and `doel` DUO's (403 without body) → person known and in scope (404) → DUO's functional checks
(403 with Foutmelding list) → the answer, validated against the contract before it is sent.
"""

from __future__ import annotations

import json
import logging
import re
import ssl
import threading
import time
import traceback
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standins.duo import regels
from standins.duo.contract import Contracten, Operatie
from standins.duo.staat import Staat

log = logging.getLogger("standins.duo")

JSON = "application/json; charset=utf-8"
STANDAARD_OIN_GEMEENTE = "00000001001589623000"
STANDAARD_GEMEENTECODE = "1979"
STANDAARD_OIN_DUO = "00000001800866472000"
STORINGEN = ("503", "500", "traag", "401", "403-leeg", "400")
CONTRACTFOUT = "CONTRACTFOUT eigen antwoord voldoet niet aan het contract"


class Antwoord(Exception):
    """Stop handling and answer with this status and (optional) JSON body."""

    def __init__(self, status: int, body=None):
        super().__init__(status)
        self.status, self.body = status, body


@dataclass
class Instellingen:
    base_pad: str = "/v1"
    gemeenten: dict[str, str] = field(default_factory=lambda: {STANDAARD_OIN_GEMEENTE: STANDAARD_GEMEENTECODE})
    oin_duo: str = STANDAARD_OIN_DUO
    beheer: bool = False
    notificatie_url: str | None = None
    notificatie_token: str | None = None


class DuoStandin:
    """Everything but HTTP."""

    def __init__(self, staat: Staat, contracten: Contracten, instellingen: Instellingen):
        self.staat, self.contracten, self.inst = staat, contracten, instellingen
        self.storing: dict = {"modus": None, "aantal": 0, "vertraging": 0.0}
        self.storing_lock = threading.Lock()

    # -- fault injection --

    def zet_storing(self, body) -> dict:
        if not isinstance(body, dict) or body.get("modus") not in (*STORINGEN, None):
            raise Antwoord(400, {"fout": f"modus moet een van {', '.join(STORINGEN)} zijn"})
        aantal = body.get("aantal", 1)
        vertraging = body.get("vertraging", 5)
        if not isinstance(aantal, int) or aantal < 0 or not isinstance(vertraging, int | float) or vertraging < 0:
            raise Antwoord(400, {"fout": "aantal (geheel getal >= 0) en vertraging (seconden >= 0)"})
        with self.storing_lock:
            self.storing = {"modus": body.get("modus"), "aantal": aantal if body.get("modus") else 0,
                            "vertraging": float(vertraging)}  # fmt: skip
            return dict(self.storing)

    def neem_storing(self) -> dict | None:
        with self.storing_lock:
            if self.storing["modus"] and self.storing["aantal"] > 0:
                self.storing["aantal"] -= 1
                return dict(self.storing)
        return None

    # -- the log of received requests --

    def noteer(self, bericht_id: str | None, methode: str, pad: str, bsn: str | None, status: int) -> None:
        with self.staat.lock:
            ontvangen = self.staat.data["ontvangen"]
            regel = next((r for r in ontvangen if bericht_id and r["berichtId"] == bericht_id), None)
            nu = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
            if regel is None:
                ontvangen.append({"berichtId": bericht_id, "methode": methode, "pad": pad, "bsn": bsn,
                                  "status": status, "tijd": nu, "aantal_keer": 1})  # fmt: skip
            else:
                regel.update(status=status, laatst=nu, aantal_keer=regel["aantal_keer"] + 1)
            self.staat.bewaar()

    # -- a contract request --

    def verwerk(self, methode: str, pad: str, headers, ruw: bytes) -> tuple[int, object, Operatie | None]:
        """(status, body or None, operation) for a request below the base path."""
        op, pad_params, _ = self.contracten.zoek(methode, pad)
        if op is None or op.api == "Notificatie":  # /notificaties is the gemeente's API, not DUO's
            return 404, None, None
        bericht_id = headers.get("berichtId")
        sleutel = f"{methode} {pad} {_genormaliseerd(ruw)}"
        # one request at a time from here: two deliveries of one berichtId at once still have one effect
        with self.staat.lock:
            return self._eenmalig(op, pad_params, headers, ruw, bericht_id, sleutel)

    def _eenmalig(self, op: Operatie, pad_params: dict, headers, ruw: bytes, bericht_id, sleutel: str):
        eerder = self.staat.data["antwoorden"].get(bericht_id) if bericht_id else None
        if eerder is not None:
            # idempotency: the first answer again, no second effect (a reused berichtId for another message: 400)
            status, body = (eerder["status"], eerder["body"]) if eerder["sleutel"] == sleutel else (400, None)
            return status, body, op
        status, body = self._verwerk(op, pad_params, headers, ruw)
        # RULES.md "Transport": 400 (invalid request) and 403 (bron/doel not accepted) without body exist for
        # every operation, also where the contract lists no 400/403 or a 403 with a Foutmelding list
        algemeen = status in (400, 403) and body is None
        fouten = [] if algemeen else self.contracten.antwoord_fouten(op, status, body)
        if fouten:
            log.error("%s: %s %s", CONTRACTFOUT, op.naam, fouten)
            return 500, None, op
        if bericht_id and self._geldig_bericht_id(op, bericht_id):
            self.staat.data["antwoorden"][bericht_id] = {"sleutel": sleutel, "status": status, "body": body}
            self.staat.bewaar()
        return status, body, op

    def _geldig_bericht_id(self, op: Operatie, bericht_id: str) -> bool:
        schema = next((p.schema for p in op.parameters if p.naam == "berichtId"), None)
        return schema is not None and not self.contracten.fouten(schema, bericht_id)

    def _verwerk(self, op: Operatie, pad_params: dict, headers, ruw: bytes) -> tuple[int, object]:
        heeft_body = bool(ruw.strip())
        body = None
        if heeft_body:
            soort = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if soort != "application/json":
                return 400, None
            try:
                body = json.loads(ruw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                return 400, None
        fouten = self.contracten.verzoek_fouten(op, pad_params, headers, body, heeft_body)
        for naam in ("bron", "doel"):  # the contract says 20 characters; an OIN is 20 digits
            if not re.fullmatch(r"\d{20}", headers.get(naam) or ""):
                fouten.append(f"header {naam}: geen OIN van 20 cijfers")
        if fouten:
            log.info("400 %s: %s", op.naam, fouten)
            return 400, None
        gemeente = self.inst.gemeenten.get(headers["bron"])
        if gemeente is None or headers["doel"] != self.inst.oin_duo:
            log.warning("403 %s: bron %s of doel %s niet geaccepteerd (configuratiefout)", op.naam,
                        headers["bron"], headers["doel"])  # fmt: skip
            return 403, None
        vandaag = date.today()
        with self.staat.lock:
            try:
                resultaat = self._functioneel(op, pad_params, gemeente, body, vandaag)
            except regels.Weigering as w:
                log.info("403 %s: %s", op.naam, w.fouten)
                return 403, [{"fouttekst": f[:200]} for f in w.fouten]
            except regels.NietGevonden:
                return 404, None
            if op.methode != "GET":
                self.staat.bewaar()
            return resultaat

    def _functioneel(self, op: Operatie, pp: dict, gemeente: str, body, vandaag: date) -> tuple[int, object]:
        data = self.staat.data
        s = op.sjabloon
        if s == "/instellingen":
            return 200, regels.INSTELLINGEN
        if s == "/verlengingsgronden":
            return 200, regels.VERLENGINGSGRONDEN
        if s == "/contactpersonen":
            return regels.contactpersoon_post(data, gemeente, body)
        if s == "/contactpersonen/{id}":
            if op.methode == "PUT":
                return regels.contactpersoon_put(data, gemeente, pp["id"], body)
            return regels.contactpersoon_delete(data, gemeente, pp["id"])
        p = self.staat.persoon(pp["bsn"])
        if p is None or not regels.in_scope(p, gemeente, vandaag):
            raise regels.NietGevonden
        if s == "/contactpersonen/{id}/personen/{bsn}":
            if op.methode == "POST":
                return regels.contactpersoon_koppel(data, gemeente, pp["id"], pp["bsn"])
            return regels.contactpersoon_ontkoppel(data, gemeente, pp["id"], pp["bsn"])
        if op.methode == "GET":
            return regels.RAADPLEGINGEN[s](p, gemeente)
        if s == "/personen/{bsn}/PIP":
            return regels.pip_post(p, gemeente, body, vandaag) if op.methode == "POST" else regels.pip_delete(
                p, gemeente, vandaag
            )
        if s in ("/personen/{bsn}/map", "/personen/{bsn}/pvt", "/personen/{bsn}/zroute"):
            return regels.resultaat_put(p, s.rsplit("/", 1)[1], gemeente, body, vandaag)
        if s == "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}":
            if op.methode == "POST":
                return regels.aanbod_post(p, gemeente, pp["instellingsnummer"], body, vandaag)
            return regels.aanbod_delete(p, gemeente, pp["instellingsnummer"])
        if s.startswith("/personen/{bsn}/uren/"):
            return regels.uren_put(p, s, gemeente, body, vandaag)
        if s == "/personen/{bsn}/lbt/examennummer":
            return regels.lbt_afmelden(p)
        raise AssertionError(f"geen afhandeling voor {op.naam}")

    # -- notifications --

    def notificeer(self, bsn: str | None, gebeurtenis_id: str, v_nummer: int | None = None) -> int:
        """Post one notification per the Notificatie contract; the receiver's HTTP status (OSError when unreachable)."""
        if not self.inst.notificatie_url:
            raise Antwoord(409, {"fout": "de stand-in is gestart zonder --notificatie-url"})
        body = {"registratieDatumTijd": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
                "gebeurtenisId": gebeurtenis_id}  # fmt: skip
        if bsn is not None:
            body["bsn"] = bsn
        if v_nummer is not None:
            body["vNummer"] = v_nummer
        headers = {"bron": self.inst.oin_duo, "doel": next(iter(self.inst.gemeenten)), "berichtId": str(uuid.uuid4())}
        op, _, _ = self.contracten.zoek("POST", "/notificaties")
        fouten = self.contracten.verzoek_fouten(op, {}, headers, body, True)
        if fouten:
            raise Antwoord(400, {"fout": "notificatie voldoet niet aan het Notificatie-contract", "details": fouten})
        verzoek = urllib.request.Request(
            self.inst.notificatie_url, data=json.dumps(body).encode("utf-8"), method="POST",
            headers={**headers, "Content-Type": "application/json",
                     "Authorization": f"Token {self.inst.notificatie_token or ''}"},
        )  # fmt: skip
        try:
            with urllib.request.urlopen(verzoek, timeout=10) as antwoord:
                status = antwoord.status
        except urllib.error.HTTPError as fout:
            status = fout.code
        log.info("notificatie %s voor %s: ontvanger antwoordde %s", gebeurtenis_id, bsn, status)
        return status

    def demo_notificatie(self, na: float, pogingen: int = 6, tussen: float = 20.0) -> None:
        """SS139 for the demo person `na` seconds after start; retried quietly while the receiver is not there."""
        time.sleep(na)
        persoon = self.staat.demo_persoon()
        if persoon is None:
            log.warning("demo-notificatie: geen persoon met demo_nieuw in de data")
            return
        for poging in range(1, pogingen + 1):
            try:
                status = self.notificeer(persoon["bsn"], "SS139")
                if status < 500 and status != 404:
                    return
                reden = f"status {status}"
            except (OSError, Antwoord) as fout:
                reden = str(fout)
            log.info("demo-notificatie SS139 poging %d/%d niet afgeleverd (%s)", poging, pogingen, reden)
            time.sleep(tussen)
        log.warning("demo-notificatie SS139 voor %s niet afgeleverd na %d pogingen", persoon["bsn"], pogingen)


def _genormaliseerd(ruw: bytes) -> str:
    """The body for comparing two deliveries of one berichtId: JSON regardless of key order and spacing."""
    try:
        return json.dumps(json.loads(ruw.decode("utf-8")), sort_keys=True) if ruw.strip() else ""
    except (UnicodeDecodeError, json.JSONDecodeError):
        return ruw.decode("utf-8", "replace")


def maak_handler(app: DuoStandin):
    base = app.inst.base_pad.rstrip("/")

    class Handler(BaseHTTPRequestHandler):
        server_version = "DuoStandin/1.0"
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):
            log.info("%s %s", self.address_string(), format % args)

        def _stuur(self, status: int, body=None, headers: dict | None = None) -> None:
            data = b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            if body is not None:
                self.send_header("Content-Type", JSON)
            self.send_header("Content-Length", str(len(data)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            if data:
                self.wfile.write(data)

        def _ruw(self) -> bytes:
            lengte = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(lengte) if lengte else b""

        def _afhandelen(self, methode: str) -> None:
            pad = self.path.split("?")[0]
            ruw = self._ruw()
            try:
                if pad.startswith("/_beheer/"):
                    self._beheer(methode, pad.rstrip("/"), ruw)
                elif pad == base or pad.startswith(base + "/"):
                    self._contract(methode, pad[len(base):] or "/", ruw)
                else:
                    self._stuur(404)
            except Antwoord as a:
                self._stuur(a.status, a.body)
            except ConnectionError:  # the client gave up (a timeout during "traag"): nothing to answer
                log.info("client verbrak de verbinding: %s %s", methode, pad)
                self.close_connection = True
            except Exception:
                log.error("onverwachte fout:\n%s", traceback.format_exc())
                self._stuur(500)

        def _contract(self, methode: str, pad: str, ruw: bytes) -> None:
            bsn = (re.search(r"/personen/(\d{9})(?:/|$)", pad) or [None, None])[1]
            bericht_id = self.headers.get("berichtId")
            storing = app.neem_storing()
            if storing and storing["modus"] != "traag":
                status = {"403-leeg": 403}.get(storing["modus"]) or int(storing["modus"])
                app.noteer(bericht_id, methode, pad, bsn, status)
                self._stuur(status)
                return
            if storing:
                time.sleep(storing["vertraging"])
            status, body, op = app.verwerk(methode, pad, self.headers, ruw)
            app.noteer(bericht_id, methode, pad, bsn, status)
            self._stuur(status, body, {"API-Version": op.versie} if op else None)

        def _beheer(self, methode: str, pad: str, ruw: bytes) -> None:
            try:
                body = json.loads(ruw.decode("utf-8")) if ruw.strip() else None
            except (UnicodeDecodeError, json.JSONDecodeError):
                raise Antwoord(400, {"fout": "body is geen JSON"}) from None
            if methode == "GET" and pad == "/_beheer/ontvangen":
                with app.staat.lock:
                    self._stuur(200, [{k: r[k] for k in ("berichtId", "methode", "pad", "bsn", "status", "tijd",
                                                          "aantal_keer")} for r in app.staat.data["ontvangen"]])  # fmt: skip
                return
            gevonden = re.fullmatch(r"/_beheer/personen/(\d{9})", pad)
            if methode == "GET" and gevonden:
                with app.staat.lock:
                    persoon = app.staat.persoon(gevonden.group(1))
                    if persoon is None:
                        raise Antwoord(404, {"fout": "onbekend BSN"})
                    koppelingen = [cp["id"] for cp in app.staat.data["contactpersonen"].values()
                                   if gevonden.group(1) in cp["bsns"]]  # fmt: skip
                    self._stuur(200, {**persoon, "contactpersonen": koppelingen})
                return
            if methode == "GET" and pad == "/_beheer/storing":
                self._stuur(200, app.storing)
                return
            if methode != "POST":
                raise Antwoord(404, {"fout": "onbekend beheer endpoint"})
            if not app.inst.beheer:
                raise Antwoord(403, {"fout": "start de stand-in met --beheer om de toestand te wijzigen"})
            if pad == "/_beheer/storing":
                self._stuur(200, app.zet_storing(body))
            elif pad == "/_beheer/reset":
                app.staat.reset()
                app.zet_storing({"modus": None})
                self._stuur(200, {"reset": True})
            elif pad == "/_beheer/personen":
                try:
                    persoon = app.staat.voeg_toe(body if isinstance(body, dict) else {})
                except ValueError as fout:
                    raise Antwoord(400, {"fout": str(fout)}) from None
                self._stuur(201, persoon)
            elif pad == "/_beheer/notificeer":
                if not isinstance(body, dict) or not isinstance(body.get("gebeurtenisId"), str):
                    raise Antwoord(400, {"fout": "gebeurtenisId ontbreekt"})
                try:
                    status = app.notificeer(body.get("bsn"), body["gebeurtenisId"], body.get("vNummer"))
                except OSError as fout:
                    raise Antwoord(502, {"fout": f"ontvanger niet bereikbaar: {fout}"}) from None
                self._stuur(status, {"status": status})
            else:
                raise Antwoord(404, {"fout": "onbekend beheer endpoint"})

        def do_GET(self):
            self._afhandelen("GET")

        def do_POST(self):
            self._afhandelen("POST")

        def do_PUT(self):
            self._afhandelen("PUT")

        def do_DELETE(self):
            self._afhandelen("DELETE")

        def do_PATCH(self):
            self._afhandelen("PATCH")

    return Handler


def maak_server(host: str, port: int, app: DuoStandin, tls: ssl.SSLContext | None = None) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer((host, port), maak_handler(app))
    server.daemon_threads = True
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    return server


def tls_context(cert: str, key: str, client_ca: str) -> ssl.SSLContext:
    """mutual TLS: our certificate, and a client certificate signed by `client_ca` is required."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(cert, key)
    context.load_verify_locations(client_ca)
    context.verify_mode = ssl.CERT_REQUIRED
    return context
