"""The tests' own reading of the BRP contract (standins/brp/openapi.yaml).

Deliberately independent of the stand-in's code: if the stand-in's idea of the contract drifts from
the yaml, these checks disagree with it.
"""

from __future__ import annotations

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


@cache
def _validator(schema: str) -> Draft202012Validator:
    registry = Registry().with_resource(URI, Resource.from_contents(document(), default_specification=DRAFT202012))
    return Draft202012Validator(
        {"$ref": f"{URI}{PREFIX}{schema}"}, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def fouten(schema: str, instantie) -> list[str]:
    """Errors of `instantie` against a schema, following OpenAPI discriminators (which jsonschema ignores)."""
    berichten = [f"{list(f.absolute_path)}: {f.message}" for f in _validator(schema).iter_errors(instantie)]
    definitie = document()["components"]["schemas"][schema]
    if "discriminator" in definitie and isinstance(instantie, dict):
        disc = definitie["discriminator"]
        sub = disc["mapping"].get(instantie.get(disc["propertyName"]))
        if sub is None:
            berichten.append(f"onbekende {disc['propertyName']}: {instantie.get(disc['propertyName'])!r}")
        else:
            berichten += fouten(sub.removeprefix(PREFIX), instantie)
    return berichten


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
