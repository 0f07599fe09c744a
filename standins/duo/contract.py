"""DUO's M2M contracts (contracten/duo-m2m/*/openapi.yml) as the DUO stand-in uses them.

Own code, on purpose not shared with the app: every OpenAPI 3.0 document is turned into JSON Schema
(`nullable` becomes a type union, OpenAPI-only keywords are dropped, `\\p{L}`/`\\p{Pd}` in patterns become
character ranges Python's `re` knows, local `$ref`s point into a registry resource per contract), and
each operation gets a matcher for its path template, its parameters (path and header) and its request and
response bodies.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

STANDAARD_MAP = Path(__file__).resolve().parent.parent.parent / "contracten" / "duo-m2m"
METHODEN = ("get", "post", "put", "delete", "patch")
OPENAPI_ALLEEN = {"example", "examples", "discriminator", "xml", "externalDocs", "deprecated", "nullable"}

FORMATEN = FormatChecker(formats=())


@FORMATEN.checks("date", raises=ValueError)
def _is_datum(waarde) -> bool:
    if not isinstance(waarde, str):
        return True
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", waarde):
        return False
    date.fromisoformat(waarde)
    return True


@FORMATEN.checks("date-time", raises=ValueError)
def _is_datumtijd(waarde) -> bool:
    if not isinstance(waarde, str):
        return True
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})", waarde):
        return False
    datetime.fromisoformat(waarde.replace("Z", "+00:00"))
    return True


@FORMATEN.checks("uuid")
def _is_uuid(waarde) -> bool:
    return not isinstance(waarde, str) or bool(
        re.fullmatch(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", waarde)
    )


def _patroon(p: str) -> str:
    """Unicode property classes Python's `re` lacks, as ranges (letters: Latin incl. accents, Greek, Cyrillic)."""
    return p.replace(r"\p{L}", "a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff").replace(
        r"\p{Pd}", r"\-\u2010-\u2015"
    )


def naar_json_schema(knoop, uri: str):
    """An OpenAPI 3.0 schema object (recursively) as JSON Schema 2020-12."""
    if isinstance(knoop, list):
        return [naar_json_schema(k, uri) for k in knoop]
    if not isinstance(knoop, dict):
        return knoop
    uit = {}
    for sleutel, waarde in knoop.items():
        if sleutel in OPENAPI_ALLEEN or sleutel.startswith("x-"):
            continue
        if sleutel == "$ref" and isinstance(waarde, str) and waarde.startswith("#"):
            uit["$ref"] = uri + waarde
        elif sleutel == "pattern" and isinstance(waarde, str):
            uit["pattern"] = _patroon(waarde)
        elif sleutel in ("properties", "patternProperties"):
            uit[sleutel] = {k: naar_json_schema(v, uri) for k, v in waarde.items()}
        else:
            uit[sleutel] = naar_json_schema(waarde, uri)
    if knoop.get("nullable") is True:
        if "type" in uit:
            uit["type"] = [uit["type"], "null"] if isinstance(uit["type"], str) else [*uit["type"], "null"]
        if "enum" in uit and None not in uit["enum"]:
            uit["enum"] = [*uit["enum"], None]
        if "$ref" in uit or "allOf" in uit or "oneOf" in uit or "anyOf" in uit:
            uit = {"anyOf": [{"type": "null"}, uit]}
    return uit


@dataclass
class Parameter:
    naam: str
    plek: str  # "path" | "header" | "query"
    verplicht: bool
    schema: dict


@dataclass
class Operatie:
    api: str  # folder name, e.g. "PIP"
    versie: str  # info.version, sent as API-Version
    methode: str  # "GET", ...
    sjabloon: str  # "/personen/{bsn}/PIP"
    patroon: re.Pattern
    parameters: list[Parameter]
    body_schema: dict | None
    body_verplicht: bool
    antwoorden: dict[str, dict | None] = field(default_factory=dict)  # status -> schema (None: no body)

    @property
    def naam(self) -> str:
        return f"{self.methode} {self.sjabloon}"


class Contracten:
    """All contracts of a folder: find an operation for a request, validate requests and answers."""

    def __init__(self, map: Path = STANDAARD_MAP):
        self.map = Path(map)
        self.operaties: list[Operatie] = []
        self.documenten: dict[str, dict] = {}
        registry = Registry()
        for bestand in sorted(self.map.glob("*/openapi.yml")):
            api = bestand.parent.name
            document = yaml.safe_load(bestand.read_text(encoding="utf-8"))
            self.documenten[api] = document
            uri = f"urn:duo-m2m:{api}"
            registry = registry.with_resource(
                uri, Resource.from_contents(naar_json_schema(document, uri), default_specification=DRAFT202012)
            )
            self._lees_operaties(api, document, uri)
        if not self.operaties:
            raise FileNotFoundError(f"geen contracten (*/openapi.yml) in {self.map}")
        self.registry = registry
        # literal segments win over parameters: sort by number of {…} in the template
        self.operaties.sort(key=lambda o: (o.sjabloon.count("{"), o.sjabloon))
        self._validators: dict[int, Draft202012Validator] = {}

    def _lees_operaties(self, api: str, document: dict, uri: str) -> None:
        versie = str(document.get("info", {}).get("version", "1.0.0"))
        for sjabloon, item in document.get("paths", {}).items():
            gedeeld = item.get("parameters", [])
            for methode in METHODEN:
                op = item.get(methode)
                if not op:
                    continue
                params = [self._parameter(document, p, uri) for p in [*gedeeld, *op.get("parameters", [])]]
                body = (op.get("requestBody") or {}).get("content", {}).get("application/json")
                antwoorden = {}
                for status, antwoord in op.get("responses", {}).items():
                    antwoord = self._los_op(document, antwoord)
                    inhoud = (antwoord.get("content") or {}).get("application/json")
                    antwoorden[str(status)] = naar_json_schema(inhoud["schema"], uri) if inhoud else None
                regex = re.sub(r"\\\{([^}]+)\\\}", r"(?P<\1>[^/]+)", re.escape(sjabloon))
                self.operaties.append(
                    Operatie(
                        api=api,
                        versie=versie,
                        methode=methode.upper(),
                        sjabloon=sjabloon,
                        patroon=re.compile(regex + "$"),
                        parameters=params,
                        body_schema=naar_json_schema(body["schema"], uri) if body else None,
                        body_verplicht=bool((op.get("requestBody") or {}).get("required", bool(body))),
                        antwoorden=antwoorden,
                    )
                )

    @staticmethod
    def _los_op(document: dict, knoop: dict) -> dict:
        while isinstance(knoop, dict) and "$ref" in knoop:
            doel = document
            for deel in knoop["$ref"].lstrip("#/").split("/"):
                doel = doel[deel]
            knoop = doel
        return knoop

    def _parameter(self, document: dict, p: dict, uri: str) -> Parameter:
        p = self._los_op(document, p)
        return Parameter(p["name"], p["in"], bool(p.get("required")), naar_json_schema(p.get("schema", {}), uri))

    # -- lookup ------------------------------------------------------------------------------------

    def zoek(self, methode: str, pad: str) -> tuple[Operatie | None, dict[str, str], list[str]]:
        """(operation, path parameters, methods allowed on this path) for a path below the base path."""
        toegestaan: list[str] = []
        for op in self.operaties:
            m = op.patroon.match(pad)
            if not m:
                continue
            if op.methode == methode:
                return op, m.groupdict(), []
            toegestaan.append(op.methode)
        return None, {}, toegestaan

    # -- validation --------------------------------------------------------------------------------

    def validator(self, schema: dict) -> Draft202012Validator:
        sleutel = id(schema)
        if sleutel not in self._validators:
            self._validators[sleutel] = Draft202012Validator(schema, registry=self.registry, format_checker=FORMATEN)
        return self._validators[sleutel]

    def fouten(self, schema: dict, waarde) -> list[str]:
        return [
            f"{'/'.join(map(str, f.absolute_path)) or '(body)'}: {f.message}"
            for f in self.validator(schema).iter_errors(waarde)
        ]

    def verzoek_fouten(self, op: Operatie, pad_params: dict[str, str], headers, body, heeft_body: bool) -> list[str]:
        """Everything wrong with a request against its operation (empty: valid). `headers`: case-insensitive."""
        fouten: list[str] = []
        for p in op.parameters:
            if p.plek == "path":
                ruw = pad_params.get(p.naam)
            elif p.plek == "header":
                ruw = headers.get(p.naam)
            else:
                continue  # no DUO operation has query parameters
            if ruw is None:
                if p.verplicht:
                    fouten.append(f"{p.plek} {p.naam}: ontbreekt")
                continue
            waarde = _als_type(ruw, p.schema)
            fouten += [f"{p.plek} {p.naam}: {f}" for f in self.fouten(p.schema, waarde)]
        if op.body_schema is not None:
            if not heeft_body:
                if op.body_verplicht:
                    fouten.append("body: ontbreekt")
            else:
                fouten += [f"body {f}" for f in self.fouten(op.body_schema, body)]
        elif heeft_body:
            fouten.append("body: deze operatie heeft geen body")
        return fouten

    def antwoord_fouten(self, op: Operatie, status: int, body) -> list[str]:
        """Everything wrong with an answer: a status the contract does not list, a body where none belongs, …"""
        if str(status) not in op.antwoorden:
            return [f"status {status} staat niet in het contract van {op.naam}"]
        schema = op.antwoorden[str(status)]
        if schema is None:
            return [] if body is None else [f"status {status} van {op.naam} heeft geen body"]
        if body is None:
            return [f"status {status} van {op.naam} vraagt een body"]
        return self.fouten(schema, body)

    def schema(self, api: str, naam: str) -> dict:
        """A named component schema as a JSON Schema reference (for validating e.g. a Notificatie)."""
        return {"$ref": f"urn:duo-m2m:{api}#/components/schemas/{naam}"}

    def header_schema(self, api: str, naam: str) -> dict:
        for p in self.documenten[api]["components"].get("parameters", {}).values():
            if p.get("name") == naam:
                return naar_json_schema(p.get("schema", {}), f"urn:duo-m2m:{api}")
        raise KeyError(naam)


def _als_type(ruw: str, schema: dict):
    """A path/header string as the type its schema says (an integer id), or unchanged when it is not one."""
    if schema.get("type") == "integer" and re.fullmatch(r"-?\d+", ruw):
        return int(ruw)
    if schema.get("type") == "boolean" and ruw in ("true", "false"):
        return ruw == "true"
    return ruw


def kopie(waarde):
    return copy.deepcopy(waarde)
