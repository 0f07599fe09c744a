"""DUO's Notificatie contract (contracten/duo-m2m/Notificatie/openapi.yml), read from the file itself: the request
our endpoint accepts is checked against its header parameters and its `Notificatie` schema.

JSON Schema's `pattern` is an ECMA-262 regex, where `\\d` is an ASCII digit and `$` is the end of the text; Python's
`re` (which jsonschema uses) lets `\\d` match any Unicode digit and `$` match before a final newline. Both are
checked again the ECMA way (`_STRIKT`), so a BSN in Arabic-Indic digits or a gebeurtenisId with a trailing newline
is refused as the contract means it. `date-time` (RFC 3339, with a zone) and `uuid` are checked here too:
jsonschema leaves formats unchecked without optional packages."""

import json
import re
import uuid
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from django.conf import settings

import jsonschema
import yaml

PAD = "/notificaties"
_DATUMTIJD = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})", re.ASCII)
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_STRIKT = {"bsn": re.compile(r"[0-9]{9}"), "gebeurtenisId": re.compile(r"[0-9A-Z]{1,6}")}


class OngeldigVerzoek(Exception):
    """The request does not meet the contract: 400 without body. The message names the field, never its value."""


def contractbestand() -> Path:
    return Path(settings.DUO_M2M_SPEC_DIR) / "Notificatie" / "openapi.yml"


@cache
def _contract() -> dict:
    return yaml.safe_load(contractbestand().read_text(encoding="utf-8"))


def api_versie() -> str:
    return _contract()["info"]["version"]


@cache
def _validator() -> jsonschema.Draft7Validator:
    schemas = _contract()["components"]["schemas"]
    return jsonschema.Draft7Validator(schemas["Notificatie"])


@cache
def _headers() -> list[tuple[str, dict]]:
    parameters = _contract()["components"]["parameters"]
    return [(p["name"], p["schema"]) for p in parameters.values() if p["in"] == "header"]


def registratie_moment(waarde: str) -> datetime | None:
    """registratieDatumTijd as an aware UTC datetime; None when it is no RFC 3339 date-time or lies outside what
    a datetime holds once in UTC (0001-01-01T00:30:00+01:00: found by the schemathesis run)."""
    if not _DATUMTIJD.fullmatch(waarde):
        return None
    try:
        return datetime.fromisoformat(waarde.replace("z", "Z").replace("t", "T")).astimezone(UTC)
    except (ValueError, OverflowError):
        return None


def headers_controleren(headers) -> dict[str, str]:
    """The contract's header parameters (bron, doel: 20 characters; berichtId: a UUID), all required."""
    waarden = {}
    for naam, schema in _headers():
        waarde = headers.get(naam)
        if waarde is None:
            raise OngeldigVerzoek(f"header {naam} ontbreekt")
        if not (schema.get("minLength", 0) <= len(waarde) <= schema.get("maxLength", 10_000)):
            raise OngeldigVerzoek(f"header {naam} heeft niet de juiste lengte")
        if schema.get("format") == "uuid" and not _UUID.fullmatch(waarde):
            raise OngeldigVerzoek(f"header {naam} is geen UUID")
        waarden[naam] = waarde
    return waarden


def _tekst_zonder_nul(waarde) -> bool:
    """JSON allows \\u0000 and lone surrogates (\\udb2f) in a string; PostgreSQL's jsonb and text store neither.
    Such a body is no text DUO can mean: refused as invalid, instead of failing at the insert."""
    if isinstance(waarde, str):
        if "\x00" in waarde:
            return False
        try:
            waarde.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(waarde, dict):
        return all(_tekst_zonder_nul(k) and _tekst_zonder_nul(v) for k, v in waarde.items())
    if isinstance(waarde, list):
        return all(_tekst_zonder_nul(v) for v in waarde)
    return True


def body_lezen(content_type: str, ruw: bytes) -> dict:
    """The body as JSON, valid against the `Notificatie` schema."""
    if content_type.split(";")[0].strip().lower() != "application/json":
        raise OngeldigVerzoek("Content-Type is geen application/json")
    try:
        body = json.loads(ruw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise OngeldigVerzoek("body is geen JSON") from None
    if not _tekst_zonder_nul(body):
        raise OngeldigVerzoek("body bevat een NUL-teken of een losse surrogaat (geen opslagbare tekst)")
    fout = next(iter(_validator().iter_errors(body)), None)
    if fout is not None:
        raise OngeldigVerzoek(f"body voldoet niet aan het contract ({'/'.join(map(str, fout.path)) or fout.validator})")
    for veld, patroon in _STRIKT.items():
        if veld in body and not patroon.fullmatch(body[veld]):
            raise OngeldigVerzoek(f"{veld} voldoet niet aan het patroon")
    if registratie_moment(body["registratieDatumTijd"]) is None:
        raise OngeldigVerzoek("registratieDatumTijd is geen datum-tijd")
    if isinstance(body.get("vNummer"), (bool, float)):
        raise OngeldigVerzoek("vNummer is geen geheel getal")
    return body


def bericht_id(waarde: str) -> uuid.UUID:
    return uuid.UUID(waarde)
