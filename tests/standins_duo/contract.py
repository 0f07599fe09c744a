"""The tests' own reading of DUO's contracts (contracten/duo-m2m/*/openapi.yml).

Deliberately independent of the stand-in's code (standins/duo/contract.py): if the stand-in's idea of the
contracts drifts from the yml files, these checks disagree with it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator, FormatChecker

CONTRACTEN = Path(__file__).resolve().parents[2] / "contracten" / "duo-m2m"


def _inline(knoop, document: dict, diepte: int = 0):
    """The schema with every local $ref replaced by its target; OpenAPI-only keywords dropped."""
    if diepte > 30:
        raise RecursionError("te diep")
    if isinstance(knoop, list):
        return [_inline(k, document, diepte + 1) for k in knoop]
    if not isinstance(knoop, dict):
        return knoop
    if "$ref" in knoop:
        doel = document
        for deel in knoop["$ref"].removeprefix("#/").split("/"):
            doel = doel[deel]
        return _inline(doel, document, diepte + 1)
    uit = {}
    for k, v in knoop.items():
        if k in ("example", "nullable", "discriminator") or k.startswith("x-"):
            continue
        if k == "pattern":  # Python's re knows no \p{..}: letters and dashes as ranges
            v = v.replace(r"\p{L}", "a-zA-ZÀ-ÖØ-öø-ɏ").replace(r"\p{Pd}", r"\-‐-―")
        uit[k] = {n: _inline(s, document, diepte + 1) for n, s in v.items()} if k == "properties" else _inline(
            v, document, diepte + 1
        )
    if knoop.get("nullable"):
        uit = {"anyOf": [{"type": "null"}, uit]}
    return uit


@cache
def operaties() -> list[tuple[str, str, re.Pattern, dict]]:
    uit = []
    for bestand in sorted(CONTRACTEN.glob("*/openapi.yml")):
        document = yaml.safe_load(bestand.read_text(encoding="utf-8"))
        for sjabloon, item in document["paths"].items():
            for methode, op in item.items():
                if methode not in ("get", "post", "put", "delete"):
                    continue
                regex = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(sjabloon)) + "$")
                antwoorden = {}
                for status, antwoord in op["responses"].items():
                    inhoud = (antwoord.get("content") or {}).get("application/json")
                    antwoorden[str(status)] = _inline(inhoud["schema"], document) if inhoud else None
                uit.append((methode.upper(), sjabloon, regex, antwoorden))
    uit.sort(key=lambda o: o[1].count("{"))
    return uit


def controleer(methode: str, pad: str, response) -> None:
    """Assert the answer fits the contract of the operation (pad: below the base path)."""
    op = next((o for o in operaties() if o[0] == methode and o[2].match(pad)), None)
    assert op is not None, f"geen operatie {methode} {pad} in de contracten"
    status = str(response.status_code)
    if status in ("400", "403") and not response.content:
        return  # RULES.md "Transport": 400 (invalid) and 403 (bron/doel refused) without body, for any operation
    assert status in op[3], f"{methode} {op[1]}: status {status} staat niet in het contract"
    schema = op[3][status]
    if schema is None:
        assert not response.content, f"{methode} {op[1]} {status} hoort geen body te hebben: {response.text}"
    else:
        fouten = [f.message for f in Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(response.json())]
        assert not fouten, f"{methode} {op[1]} {status}: {fouten}"
    assert response.headers.get("API-Version"), "API-Version header ontbreekt"
