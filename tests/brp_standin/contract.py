"""The tests' own reading of the BRP contract (standins/brp/openapi.yaml).

Deliberately independent of the stand-in's code: if the stand-in's idea of the contract drifts from
the yaml, these checks disagree with it.
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

YAML = Path(__file__).resolve().parents[2] / "standins" / "brp" / "openapi.yaml"
URI = "urn:test:brp-openapi"
PREFIX = "#/components/schemas/"


@cache
def document() -> dict:
    return yaml.safe_load(YAML.read_text(encoding="utf-8"))


def _afdwingbaar(doc: dict) -> dict:
    """JSON Schema ignores OpenAPI's `discriminator`: make it a rule. Every reference to a schema with a
    discriminator (other than the allOf through which its subtypes extend it) goes to a wrapper that
    requires the subtype the discriminator value names."""
    doc = copy.deepcopy(doc)
    schemas = doc["components"]["schemas"]
    abstract = {naam: s["discriminator"] for naam, s in schemas.items() if "discriminator" in s}

    def loop(x, erft: bool = False):
        if isinstance(x, list):
            for y in x:
                loop(y, erft)
        elif isinstance(x, dict):
            naam = x.get("$ref", "").removeprefix(PREFIX)
            if naam in abstract and not erft:
                x["$ref"] = f"{PREFIX}{naam}.concreet"
            for k, v in x.items():
                if k != "discriminator":
                    loop(v, erft=(k == "allOf"))

    loop(doc)
    for naam, disc in abstract.items():
        p = disc["propertyName"]
        schemas[f"{naam}.concreet"] = {
            "$ref": PREFIX + naam,
            "required": [p],
            "properties": {p: {"enum": sorted(disc["mapping"])}},
            "allOf": [
                {"if": {"properties": {p: {"const": k}}}, "then": {"$ref": v}} for k, v in disc["mapping"].items()
            ],
        }
    return doc


@cache
def _validator(schema: str) -> Draft202012Validator:
    doc = _afdwingbaar(document())
    registry = Registry().with_resource(URI, Resource.from_contents(doc, default_specification=DRAFT202012))
    naam = f"{schema}.concreet" if f"{schema}.concreet" in doc["components"]["schemas"] else schema
    return Draft202012Validator(
        {"$ref": f"{URI}{PREFIX}{naam}"}, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def fouten(schema: str, instantie) -> list[str]:
    """Errors of `instantie` against a schema of the contract, discriminators enforced."""
    return [f"{list(f.absolute_path)}: {f.message}" for f in _validator(schema).iter_errors(instantie)]


def _media(response) -> str:
    return response.headers.get("Content-Type", "").split(";")[0].strip()


def controleer(response) -> None:
    """Assert that an HTTP answer of POST /personen is what the contract says for its status code."""
    operatie = document()["paths"]["/personen"]["post"]["responses"]
    status = str(response.status_code)
    antwoord = operatie.get(status) or operatie["default"]
    if "$ref" in antwoord:
        antwoord = document()["components"]["responses"][antwoord["$ref"].rsplit("/", 1)[-1]]
    content = antwoord["content"]
    media_types = {m.split(";")[0].strip(): m for m in content}
    assert _media(response) in media_types, (
        f"content type {response.headers.get('Content-Type')!r} niet in {list(content)}"
    )
    if _media(response) == "application/json":
        assert "charset=utf-8" in response.headers["Content-Type"].replace(" ", "").lower()
    schema = content[media_types[_media(response)]]["schema"]["$ref"].removeprefix(PREFIX)
    body = response.json()
    problemen = fouten(schema, body)
    assert not problemen, f"antwoord {status} voldoet niet aan {schema}: {problemen}\n{body}"
    if response.status_code >= 400:
        assert body["status"] == response.status_code
