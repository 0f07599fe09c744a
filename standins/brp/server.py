"""HTTP server of the BRP stand-in: `POST /personen` per the BRP API Personen contract, plus `/_beheer`.

Stdlib `http.server` only; the contract (openapi.yaml) drives request validation, the `fields` tree and
(in strict mode) the validation of every answer before it is sent.
"""

from __future__ import annotations

import json
import logging
import re
import traceback
from datetime import date
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standins.brp.contract import Contract, OnbekendeSleutel, OnbekendVeld, filter_persoon, selectie
from standins.brp.personen import Personen, als_persoon

log = logging.getLogger("standins.brp")

PERSONEN_PADEN = ("/personen", "/haalcentraal/api/brp/personen")
JSON = "application/json; charset=utf-8"
PROBLEEM = "application/problem+json"
RFC7231 = "https://datatracker.ietf.org/doc/html/rfc7231"
TYPEN = {
    400: f"{RFC7231}#section-6.5.1",
    401: "https://datatracker.ietf.org/doc/html/rfc7235#section-3.1",
    404: f"{RFC7231}#section-6.5.4",
    405: f"{RFC7231}#section-6.5.5",
    406: f"{RFC7231}#section-6.5.6",
    415: f"{RFC7231}#section-6.5.13",
    500: f"{RFC7231}#section-6.6.1",
}
REDENEN = {
    "required": "Parameter is verplicht.",
    "pattern": "Waarde voldoet niet aan patroon.",
    "minItems": "Array bevat te weinig items.",
    "maxItems": "Array bevat te veel items.",
    "minimum": "Waarde is lager dan minimum.",
    "maximum": "Waarde is hoger dan maximum.",
    "format": "Waarde is geen geldige datum.",
    "array": "Parameter is geen array.",
    "string": "Waarde is geen string.",
    "integer": "Waarde is geen geldig getal.",
    "boolean": "Waarde is geen boolean.",
    "object": "Waarde is geen object.",
}


class Probleem(Exception):
    def __init__(self, status: int, title: str, code: str, detail: str = "", invalid_params=None, headers=None):
        super().__init__(title)
        self.status, self.title, self.code, self.detail = status, title, code, detail
        self.invalid_params = invalid_params or []
        self.headers = headers or {}


def _param(name: str, code: str, reason: str) -> dict:
    # The contract's InvalidParam: name ^[a-zA-Z0-9\._]{1,30}$, code ^[a-zA-Z0-9]{1,25}$, reason ^[a-zA-Z0-9\., ]{1,80}$
    return {
        "type": TYPEN[400],
        "name": re.sub(r"[^a-zA-Z0-9._]", "", name)[:30] or "body",
        "code": code,
        "reason": reason,
    }


def _ongeldig(params: list[dict], combinatie: bool = False) -> Probleem:
    uniek, gezien = [], set()
    for p in params:
        if (p["name"], p["code"]) not in gezien:
            gezien.add((p["name"], p["code"]))
            uniek.append(p)
    namen = ", ".join(dict.fromkeys(p["name"] for p in uniek))
    if combinatie:
        return Probleem(400, "Minimale combinatie van parameters moet worden opgegeven.", "paramsCombination",
                        f"De foutieve parameter(s) zijn {namen}."[:200], uniek)  # fmt: skip
    return Probleem(400, "Een of meerdere parameters zijn niet correct.", "paramsValidation",
                    f"De foutieve parameter(s) zijn {namen}."[:200], uniek)  # fmt: skip


def _params_uit_fouten(fouten) -> tuple[list[dict], bool]:
    params, alleen_verplicht = [], True
    for f in fouten:
        pad = [str(p) for p in f.absolute_path]
        if f.validator == "required":
            ontbrekend = re.match(r"'([^']+)'", f.message)
            naam = ".".join([*pad, ontbrekend.group(1)]) if ontbrekend else ".".join(pad)
            params.append(_param(naam, "required", REDENEN["required"]))
            continue
        alleen_verplicht = False
        naam = pad[0] if pad else "body"
        if f.validator == "type":
            code = f.validator_value if isinstance(f.validator_value, str) else "type"
        elif f.validator == "format":
            code = str(f.validator_value)
        else:
            code = str(f.validator)
        params.append(
            _param(
                naam,
                re.sub(r"[^a-zA-Z0-9]", "", code)[:25] or "invalid",
                REDENEN.get(code, REDENEN.get(f.validator, "Waarde is ongeldig.")),
            )
        )
    return params, alleen_verplicht


# -- matching for the search types ----------------------------------------------------------------------


def _tekst(zoek: str, waarde: str | None, begin_wildcard: bool = False) -> bool:
    """Case-insensitive match; a trailing `*` is a prefix wildcard (and a leading one for straat)."""
    if waarde is None:
        return False
    zoek, waarde = zoek.lower(), waarde.lower()
    if zoek.endswith("*"):
        return waarde.startswith(zoek[:-1])
    if begin_wildcard and zoek.startswith("*"):
        return waarde.endswith(zoek[1:])
    return zoek == waarde


def _adres(record: dict) -> dict | None:
    vp = record.get("verblijfplaats") or {}
    return vp if vp and not vp.get("land") else None


def _zelfde_huisnummer(q: dict, vp: dict) -> bool:
    if vp.get("huisnummer") != q["huisnummer"]:
        return False
    if "huisletter" in q and (vp.get("huisletter") or "").lower() != q["huisletter"].lower():
        return False
    return not (
        "huisnummertoevoeging" in q
        and (vp.get("huisnummertoevoeging") or "").lower() != q["huisnummertoevoeging"].lower()
    )


def _naam_past(q: dict, r: dict) -> bool:
    naam, geboorte = r.get("naam") or {}, r.get("geboorte") or {}
    if "geslachtsnaam" in q and not _tekst(q["geslachtsnaam"], naam.get("geslachtsnaam")):
        return False
    if "voornamen" in q and not _tekst(q["voornamen"], naam.get("voornamen")):
        return False
    if "voorvoegsel" in q and (naam.get("voorvoegsel") or "").lower() != q["voorvoegsel"].lower():
        return False
    if "geslacht" in q and (r.get("geslacht") or "").upper() != q["geslacht"].upper():
        return False
    return "geboortedatum" not in q or geboorte.get("datum") == q["geboortedatum"]


def past(querytype: str, q: dict, r: dict, persoon_api: dict) -> bool:
    vp = _adres(r)
    if querytype == "ZoekMetGeslachtsnaamEnGeboortedatum":
        return _naam_past(q, r)
    if querytype == "ZoekMetNaamEnGemeenteVanInschrijving":
        return _naam_past(q, r)  # the gemeente is checked for every type
    if querytype == "ZoekMetPostcodeEnHuisnummer":
        return bool(vp) and vp["postcode"].replace(" ", "").upper() == q["postcode"].replace(" ", "").upper() \
            and _zelfde_huisnummer(q, vp) and _naam_past(q, r)  # fmt: skip
    if querytype == "ZoekMetStraatHuisnummerEnGemeenteVanInschrijving":
        return (
            bool(vp)
            and _zelfde_huisnummer(q, vp)
            and (
                _tekst(q["straat"], vp.get("straat"), True)
                or _tekst(q["straat"], vp.get("korteStraatnaam", vp["straat"][:24]), True)
            )
        )
    vpa = persoon_api.get("verblijfplaats") or {}
    if querytype == "ZoekMetNummeraanduidingIdentificatie":
        return vpa.get("nummeraanduidingIdentificatie") == q["nummeraanduidingIdentificatie"]
    if querytype == "ZoekMetAdresseerbaarObjectIdentificatie":
        return vpa.get("adresseerbaarObjectIdentificatie") == q["adresseerbaarObjectIdentificatie"]
    return False


# -- the application ------------------------------------------------------------------------------------


class BrpStandin:
    """Everything but HTTP: answers a parsed POST /personen body with the response body (or raises Probleem)."""

    def __init__(self, personen: Personen, contract: Contract | None = None, streng: bool = True):
        self.personen = personen
        self.contract = contract or Contract()
        self.streng = streng

    def zoek(self, body) -> dict:
        if not isinstance(body, dict):
            raise _ongeldig([_param("body", "object", REDENEN["object"])])
        querytype = body.get("type")
        if querytype not in self.contract.query_typen:
            if "type" not in body:
                raise _ongeldig([_param("type", "required", REDENEN["required"])], combinatie=True)
            raise _ongeldig([_param("type", "value", "Waarde is geen geldig zoektype.")])
        # the subschema of the type (discriminator) includes PersonenQuery through its allOf;
        # all errors found are reported once: schema errors, unexpected parameters, unknown fields
        params, alleen_verplicht = _params_uit_fouten(self.contract.fouten(self.contract.query_typen[querytype], body))
        for naam in sorted(set(body) - self.contract.parameters(querytype)):
            params.append(_param(naam, "unknownParam", "Parameter is niet verwacht."))
            alleen_verplicht = False

        schema = self.contract.persoon_schema(querytype)
        boom = self.contract.boom(schema)
        sel: dict = {}
        fields = body.get("fields")
        if isinstance(fields, list) and all(isinstance(f, str) for f in fields):
            try:
                sel = selectie(boom, fields)
            except OnbekendVeld as fout:
                reden = (
                    "Parameter bevat een niet toegestane veldnaam."
                    if fout.automatisch
                    else "Parameter bevat een niet bestaande veldnaam."
                )
                params.append(_param("fields", "fields", reden))
                alleen_verplicht = False
        if params:
            raise _ongeldig(params, combinatie=alleen_verplicht)

        vandaag = date.today()
        gemeente = body.get("gemeenteVanInschrijving")
        gevonden: list[dict] = []
        if querytype == "RaadpleegMetBurgerservicenummer":
            records = [self.personen.record(bsn) for bsn in dict.fromkeys(body["burgerservicenummer"])]
            kandidaten = [(r, als_persoon(r, vandaag)) for r in records if r is not None]
        else:
            kandidaten = []
            for r in self.personen.alle():
                if r.get("overlijden") and not body.get("inclusiefOverledenPersonen"):
                    continue
                api = als_persoon(r, vandaag)
                if past(querytype, body, r, api):
                    kandidaten.append((r, api))
        for record, api in kandidaten:
            if gemeente and record.get("gemeenteVanInschrijving") != gemeente:
                continue
            gevonden.append(filter_persoon(api, boom, sel, streng=self.streng and schema == "Persoon"))
        return {"type": querytype, "personen": gevonden}

    def controleer_record(self, record: dict) -> None:
        """A changed record must still give a valid contract Persoon (else the change is refused)."""
        try:
            persoon = als_persoon(record)
        except (KeyError, ValueError, TypeError, AttributeError, IndexError) as fout:
            raise ValueError(f"de wijziging geeft een onvolledige persoon ({type(fout).__name__} {fout})") from None
        fouten = self.contract.fouten("Persoon", persoon)
        if fouten:
            raise ValueError(f"de wijziging geeft een persoon die niet aan het contract voldoet ({fouten[0].message})")

    def controleer_antwoord(self, antwoord: dict) -> None:
        fouten = self.contract.fouten("PersonenQueryResponse", antwoord)
        if fouten:
            beschrijving = "; ".join(f"{'/'.join(map(str, f.absolute_path))}: {f.message}" for f in fouten[:5])
            log.error("eigen antwoord voldoet niet aan het contract: %s", beschrijving)
            raise Probleem(
                500,
                "Interne server fout.",
                "serverError",
                "Het antwoord van de stand-in voldoet niet aan het contract.",
            )


def _accepteert_json(accept: str | None) -> bool:
    if not accept:
        return True
    for deel in accept.split(","):
        soort = deel.split(";")[0].strip().lower()
        if soort in ("*/*", "application/*", "application/json", "application/problem+json"):
            return True
    return False


def _is_json(content_type: str | None) -> bool:
    if not content_type:
        return False
    soort, *params = [d.strip().lower() for d in content_type.split(";")]
    if soort != "application/json":
        return False
    return all(p.replace(" ", "") in ("charset=utf-8", "charset=utf8") for p in params if p.startswith("charset"))


def maak_handler(app: BrpStandin, api_key: str | None, beheer: bool):
    class Handler(BaseHTTPRequestHandler):
        server_version = "BrpStandin/1.0"
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):
            log.info("%s %s", self.address_string(), format % args)

        # -- plumbing --

        def _stuur(self, status: int, body: dict, content_type: str, headers: dict | None = None) -> None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)

        def _probleem(self, p: Probleem) -> None:
            body = {
                "type": TYPEN.get(p.status, TYPEN[500]),
                "title": p.title,
                "status": p.status,
                "instance": f"http://{self.headers.get('Host', 'localhost')}{self.path.split('?')[0]}",
                "code": p.code,
            }
            if p.detail:  # the contract's pattern for detail: ^[a-zA-Z0-9À-ž \.\-\(\),]{1,200}$
                body["detail"] = re.sub(r"[^a-zA-Z0-9À-ž .\-(),]", " ", p.detail)[:200]
            if p.invalid_params:
                body["invalidParams"] = p.invalid_params
            if app.streng:
                schema = "BadRequestFoutbericht" if p.status == 400 else "Foutbericht"
                fouten = app.contract.fouten(schema, body)
                if fouten:
                    log.error(
                        "eigen foutbericht voldoet niet aan het contract: %s %s", body, [f.message for f in fouten]
                    )
                    body = {"type": TYPEN[500], "title": "Interne server fout.", "status": 500, "code": "serverError"}
                    p = Probleem(500, body["title"], "serverError")
            self._stuur(p.status, body, PROBLEEM, p.headers)

        def _lees_body(self):
            lengte = int(self.headers.get("Content-Length") or 0)
            ruw = self.rfile.read(lengte) if lengte else b""
            try:
                return json.loads(ruw.decode("utf-8")) if ruw else None
            except (UnicodeDecodeError, json.JSONDecodeError):
                raise Probleem(400, "Het request bevat geen geldige JSON.", "paramsValidation",
                               "De body is geen geldig JSON document.", [_param("body", "json", "Body is geen geldige JSON.")]) from None  # fmt: skip

        def _controleer_sleutel(self) -> None:
            if api_key is not None and self.headers.get("X-API-KEY") != api_key:
                raise Probleem(401, "Niet correct geauthenticeerd.", "authentication",
                               "Geef een geldige API key mee in de X-API-KEY header.",
                               headers={"WWW-Authenticate": 'ApiKey realm="brp-standin", header="X-API-KEY"'})  # fmt: skip

        def _afhandelen(self, methode: str) -> None:
            pad = self.path.split("?")[0].rstrip("/") or "/"
            try:
                if pad in PERSONEN_PADEN:
                    if methode != "POST":
                        # drain any body so the connection stays usable
                        self._lees_ongebruikt()
                        raise Probleem(405, "Methode niet toegestaan.", "methodNotAllowed", headers={"Allow": "POST"})
                    self._personen()
                elif beheer and pad.startswith("/_beheer/"):
                    self._beheer(methode, pad)
                else:
                    self._lees_ongebruikt()
                    raise Probleem(404, "Niet gevonden.", "notFound", "Deze stand-in kent alleen POST personen.")
            except Probleem as p:
                self._probleem(p)
            except Exception:
                log.error("onverwachte fout:\n%s", traceback.format_exc())
                self._probleem(Probleem(500, "Interne server fout.", "serverError",
                                        "De stand-in kon het verzoek niet afhandelen."))  # fmt: skip

        def _lees_ongebruikt(self) -> None:
            lengte = int(self.headers.get("Content-Length") or 0)
            if lengte:
                self.rfile.read(lengte)

        # -- the contract --

        def _personen(self) -> None:
            # read the body first, whatever the outcome, so keep-alive connections stay in sync
            lengte = int(self.headers.get("Content-Length") or 0)
            ruw = self.rfile.read(lengte) if lengte else b""
            self._controleer_sleutel()
            if not _accepteert_json(self.headers.get("Accept")):
                raise Probleem(406, "Gevraagde contenttype wordt niet ondersteund.", "notAcceptable",
                               "Dit endpoint levert alleen application json.")  # fmt: skip
            if not _is_json(self.headers.get("Content-Type")):
                raise Probleem(415, "Unsupported Media Type", "unsupported",
                               "De body moet application json (charset utf-8) zijn.")  # fmt: skip
            try:
                body = json.loads(ruw.decode("utf-8")) if ruw else None
            except (UnicodeDecodeError, json.JSONDecodeError):
                raise Probleem(400, "Het request bevat geen geldige JSON.", "paramsValidation",
                               "De body is geen geldig JSON document.", [_param("body", "json", "Body is geen geldige JSON.")]) from None  # fmt: skip
            try:
                antwoord = app.zoek(body)
            except OnbekendeSleutel as fout:
                log.error("persoonsrecord bevat een veld dat het contract niet kent: %s", fout)
                raise Probleem(
                    500, "Interne server fout.", "serverError", "Een persoon bevat een veld dat het contract niet kent."
                ) from None
            if app.streng:
                app.controleer_antwoord(antwoord)
            self._stuur(200, antwoord, JSON)

        # -- beheer (outside the contract) --

        def _beheer(self, methode: str, pad: str) -> None:
            body = self._lees_body() if methode in ("POST", "PUT", "PATCH") else (self._lees_ongebruikt() or None)
            self._controleer_sleutel()
            if pad == "/_beheer/reset" and methode == "POST":
                app.personen.reset()
                self._stuur(200, {"reset": True}, JSON)
                return
            gevonden = re.fullmatch(r"/_beheer/personen/(\d{9})", pad)
            if not gevonden:
                raise Probleem(404, "Niet gevonden.", "notFound", "Onbekend beheer endpoint.")
            bsn = gevonden.group(1)
            if methode == "GET":
                record = app.personen.record(bsn)
                if record is None:
                    raise Probleem(404, "Niet gevonden.", "notFound", "Deze BSN bestaat niet in de stand-in.")
                self._stuur(200, record, JSON)
            elif methode in ("POST", "PATCH"):
                try:
                    record = app.personen.wijzig(bsn, body, controle=app.controleer_record)
                except KeyError:
                    raise Probleem(404, "Niet gevonden.", "notFound", "Deze BSN bestaat niet in de stand-in.") from None
                except ValueError as fout:
                    raise Probleem(
                        400,
                        "Ongeldige wijziging.",
                        "invalidPatch",
                        re.sub(r"[^a-zA-Z0-9À-ž .,()-]", " ", str(fout))[:200],
                    ) from None
                self._stuur(200, record, JSON)
            elif methode == "DELETE":
                app.personen.herstel(bsn)
                self.send_response(HTTPStatus.NO_CONTENT)
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                raise Probleem(
                    405, "Methode niet toegestaan.", "methodNotAllowed", headers={"Allow": "GET, POST, DELETE"}
                )

        def do_POST(self):
            self._afhandelen("POST")

        def do_GET(self):
            self._afhandelen("GET")

        def do_DELETE(self):
            self._afhandelen("DELETE")

        def do_PUT(self):
            self._afhandelen("PUT")

        def do_PATCH(self):
            self._afhandelen("PATCH")

    return Handler


def maak_server(host: str, port: int, app: BrpStandin, api_key: str | None, beheer: bool) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer((host, port), maak_handler(app, api_key, beheer))
    server.daemon_threads = True
    return server
