"""The BRP API Personen contract (openapi.yaml beside this file) as the stand-in uses it.

- validation of request bodies (`PersonenQuery` + the subschema its `type` discriminator names) and of
  response bodies (`PersonenQueryResponse` + its subschema) with jsonschema Draft 2020-12, `$ref`s
  resolved within the document;
- the `fields` tree: which paths may be asked for, derived from the response schema of the query type
  (`Persoon` for RaadpleegMetBurgerservicenummer, `PersoonBeperkt` for the searches), and the filter
  that keeps only the asked fields (RvIG's rules: a group gives all of it, any part of a date or a
  table value gives the whole date/value, polymorphic objects keep their `type`, automatically
  delivered fields may not be asked for, absent values are left out).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

CONTRACT = Path(__file__).with_name("openapi.yaml")
BASIS_URI = "urn:brp-api-personen:openapi"
SCHEMA_PREFIX = "#/components/schemas/"

# Delivered automatically; asking for them in `fields` is a 400 (contract, PersonenQuery.fields).
AUTOMATISCH = {"inOnderzoek", "geheimhoudingPersoonsgegevens", "opschortingBijhouding", "rni", "verificatie"}
DATUM_SCHEMA = "AbstractDatum"
WAARDETABEL_SCHEMAS = {"Waardetabel", "AdellijkeTitelPredicaatType"}


@dataclass
class Veld:
    """A node in the fields tree."""

    soort: str  # "groep" | "datum" | "waardetabel" | "waarde"
    kinderen: dict[str, Veld] = field(default_factory=dict)
    lijst: bool = False
    polymorf: bool = False


class Contract:
    def __init__(self, pad: Path = CONTRACT):
        self.document = yaml.safe_load(Path(pad).read_text(encoding="utf-8"))
        self.schemas = self.document["components"]["schemas"]
        resource = Resource.from_contents(met_discriminators(self.document), default_specification=DRAFT202012)
        self._registry = Registry().with_resource(BASIS_URI, resource)
        self._validators: dict[str, Draft202012Validator] = {}
        self._bomen: dict[str, Veld] = {}
        self._eigenschappen_cache: dict[int, dict[str, list[dict]]] = {}

    # -- validation -------------------------------------------------------------------------------

    def validator(self, naam: str) -> Draft202012Validator:
        if naam not in self._validators:
            self._validators[naam] = Draft202012Validator(
                {
                    "$ref": f"{BASIS_URI}{SCHEMA_PREFIX}{naam}{'__polymorf' if 'discriminator' in self.schemas[naam] else ''}"
                },
                registry=self._registry,
                format_checker=Draft202012Validator.FORMAT_CHECKER,
            )
        return self._validators[naam]

    def mapping(self, basis: str) -> dict[str, str]:
        """Discriminator mapping of a schema: type value -> schema name."""
        return {k: v.removeprefix(SCHEMA_PREFIX) for k, v in self.schemas[basis]["discriminator"]["mapping"].items()}

    def fouten(self, naam: str, instantie) -> list:
        """All validation errors of `instantie` against schema `naam`, discriminators included (see
        `met_discriminators`): a `PersonenQuery` is also checked against the subschema its `type` names,
        a nested `verblijfplaats` of type Adres against `Adres`, a date of type Datum against `VolledigeDatum`."""
        return list(self.validator(naam).iter_errors(instantie))

    @cached_property
    def query_typen(self) -> dict[str, str]:
        return self.mapping("PersonenQuery")

    def parameters(self, querytype: str) -> set[str]:
        """The request properties a query type knows (its own and PersonenQuery's)."""
        return set(self._eigenschappen(self.schemas[self.query_typen[querytype]]))

    def persoon_schema(self, querytype: str) -> str:
        """The schema of one person in the response of a query type (Persoon, PersoonBeperkt, ...)."""
        response = self.schemas[self.mapping("PersonenQueryResponse")[querytype]]
        for deel in response["allOf"]:
            personen = deel.get("properties", {}).get("personen")
            if personen:
                return personen["items"]["$ref"].removeprefix(SCHEMA_PREFIX)
        raise KeyError(querytype)

    # -- the fields tree ------------------------------------------------------------------------------

    def _schema(self, s: dict) -> tuple[str | None, dict]:
        if "$ref" in s:
            naam = s["$ref"].removeprefix(SCHEMA_PREFIX)
            return naam, self.schemas[naam]
        return None, s

    def _eigenschappen(self, s: dict, diepte: int = 0) -> dict[str, list[dict]]:
        """All properties of a schema: its own, those of its allOf parts and of its discriminator subtypes.

        A name can occur in several subtypes with different schemas (verblijfadres of an Adres and of a
        VerblijfplaatsBuitenland): each name maps to the list of its schemas.
        """
        props: dict[str, list[dict]] = {}
        if diepte > 12:
            return props
        if id(s) in self._eigenschappen_cache:
            return self._eigenschappen_cache[id(s)]

        def voeg_toe(extra: dict[str, list[dict]]):
            for k, v in extra.items():
                bestaand = props.setdefault(k, [])
                bekend = {id(x) for x in bestaand}  # schema objects of the document are shared: identity suffices
                bestaand.extend(x for x in v if id(x) not in bekend)

        _, s = self._schema(s)
        voeg_toe({k: [v] for k, v in s.get("properties", {}).items()})
        for deel in s.get("allOf", []):
            naam, _ = self._schema(deel)
            if naam in ("PersonenQuery", "PersonenQueryResponse"):
                voeg_toe({k: [v] for k, v in self.schemas[naam]["properties"].items()})
                continue
            voeg_toe(self._eigenschappen(deel, diepte + 1))
        for sub in s.get("discriminator", {}).get("mapping", {}).values():
            voeg_toe(self._eigenschappen(self.schemas[sub.removeprefix(SCHEMA_PREFIX)], diepte + 1))
        self._eigenschappen_cache[id(s)] = props
        return props

    def _veld(self, schemas: list[dict], diepte: int) -> Veld:
        opgelost = [self._schema(s) for s in schemas]
        namen = {naam for naam, _ in opgelost}
        if DATUM_SCHEMA in namen:
            return Veld("datum")
        if namen & WAARDETABEL_SCHEMAS:
            return Veld("waardetabel")
        if all(s.get("type") == "array" for _, s in opgelost):
            veld = self._veld([s["items"] for _, s in opgelost], diepte)
            veld.lijst = True
            return veld
        props: dict[str, list[dict]] = {}
        for _, s in opgelost:
            for k, v in self._eigenschappen(s).items():
                props.setdefault(k, []).extend(v)
        if not props or diepte > 10:
            return Veld("waarde")
        kinderen = {k: self._veld(v, diepte + 1) for k, v in props.items() if k not in AUTOMATISCH}
        return Veld("groep", kinderen, polymorf=any("discriminator" in s for _, s in opgelost))

    def boom(self, persoon_schema: str) -> Veld:
        if persoon_schema not in self._bomen:
            self._bomen[persoon_schema] = self._veld([{"$ref": SCHEMA_PREFIX + persoon_schema}], 0)
        return self._bomen[persoon_schema]


def met_discriminators(document: dict) -> dict:
    """A copy of the OpenAPI document in which OpenAPI's `discriminator` (unknown to JSON Schema) is enforced.

    For every schema X with a discriminator a schema `X__polymorf` is added: X itself, the discriminator
    property restricted to the mapping's values, and for each value an if/then to its subschema. Every
    `$ref` to X is pointed at `X__polymorf`, except the `allOf` entries through which the subschemas
    extend X (they would recurse). Validating `PersonenQueryResponse` then checks the answer's type
    subschema, every nested verblijfplaats, nationaliteit, date, gezag against their concrete type.
    """
    doc = copy.deepcopy(document)
    schemas = doc["components"]["schemas"]
    polymorf = {naam for naam, schema in schemas.items() if "discriminator" in schema}

    def herschrijf(knoop, in_allof: bool = False):
        if isinstance(knoop, dict):
            ref = knoop.get("$ref", "")
            if not in_allof and ref.removeprefix(SCHEMA_PREFIX) in polymorf:
                knoop["$ref"] = ref + "__polymorf"
            for sleutel, waarde in knoop.items():
                if sleutel == "allOf":
                    for deel in waarde:
                        herschrijf(deel, in_allof=True)
                elif sleutel not in ("discriminator", "example"):
                    herschrijf(waarde)
        elif isinstance(knoop, list):
            for deel in knoop:
                herschrijf(deel)

    herschrijf(doc)
    for naam in polymorf:
        disc = schemas[naam]["discriminator"]
        veld = disc["propertyName"]
        schemas[f"{naam}__polymorf"] = {
            "allOf": [
                {"$ref": SCHEMA_PREFIX + naam},
                {"properties": {veld: {"enum": list(disc["mapping"])}}},
                *(
                    {"if": {"required": [veld], "properties": {veld: {"const": waarde}}}, "then": {"$ref": ref}}
                    for waarde, ref in disc["mapping"].items()
                ),
            ]
        }
    return doc


# -- fields ------------------------------------------------------------------------------------------

DATUM_DELEN = {"type", "datum", "langFormaat", "jaar", "maand", "onbekend"}
WAARDETABEL_DELEN = {"code", "omschrijving", "soort"}


class OnbekendVeld(ValueError):
    def __init__(self, index: int, pad: str, automatisch: bool):
        super().__init__(pad)
        self.index, self.pad, self.automatisch = index, pad, automatisch


def selectie(boom: Veld, fields: list[str]) -> dict:
    """The selection tree for a `fields` list: {naam: True (all of it) | {sub-selection}}.

    Raises OnbekendVeld for a path that does not exist in the tree (or names an automatic field).
    """
    resultaat: dict = {}
    for index, pad in enumerate(fields):
        delen = pad.split(".")
        veld, doel, i = boom, resultaat, 0
        while i < len(delen):
            deel = delen[i]
            if deel in AUTOMATISCH or deel not in veld.kinderen:
                raise OnbekendVeld(index, pad, deel in AUTOMATISCH)
            kind = veld.kinderen[deel]
            laatste = i == len(delen) - 1
            rest = delen[i + 1 :]
            heel = laatste or (
                len(rest) == 1
                and (
                    (kind.soort == "datum" and rest[0] in DATUM_DELEN)
                    or (kind.soort == "waardetabel" and rest[0] in WAARDETABEL_DELEN)
                )
            )
            if heel:
                doel[deel] = True
                break
            if kind.soort != "groep":
                raise OnbekendVeld(index, pad, False)
            if doel.get(deel) is True:
                break
            doel = doel.setdefault(deel, {})
            veld = kind
            i += 1
    return resultaat


class OnbekendeSleutel(Exception):
    """The stand-in's own record has a key the contract does not know (a bug: strict mode shows it)."""


def _leeg(waarde) -> bool:
    return waarde is None or waarde == {} or waarde == []


def _kopie(waarde, veld: Veld, streng: bool):
    """All of a value, but only the keys the contract knows (an unknown key raises when `streng`)."""
    if isinstance(waarde, list):
        return [k for k in (_kopie(w, veld, streng) for w in waarde) if not _leeg(k)]
    if veld.soort != "groep" or not isinstance(waarde, dict):
        return waarde
    uit = {}
    for sleutel, w in waarde.items():
        if sleutel in AUTOMATISCH:
            continue
        if sleutel == "type" and veld.polymorf:
            uit["type"] = w
            continue
        if sleutel not in veld.kinderen:
            if streng:
                raise OnbekendeSleutel(sleutel)
            continue
        k = _kopie(w, veld.kinderen[sleutel], streng)
        if not _leeg(k):
            uit[sleutel] = k
    return uit


def filter_persoon(persoon: dict, boom: Veld, sel: dict, streng: bool = False) -> dict:
    """Only the selected fields of a full person, plus the automatically delivered ones.

    `streng`: a key in `persoon` that the tree does not know is an error (use it with the full `Persoon`
    tree; a `PersoonBeperkt` tree knows fewer keys than the full person has, by design).
    """
    uit = _filter(persoon, boom, sel, streng)
    for sleutel in ("opschortingBijhouding", "geheimhoudingPersoonsgegevens", "inOnderzoek", "rni", "verificatie"):
        if sleutel in persoon:
            uit[sleutel] = persoon[sleutel]
    return uit


def _filter(waarde, veld: Veld, sel, streng: bool):
    if sel is True:
        return _kopie(waarde, veld, streng)
    if isinstance(waarde, list):
        return [k for k in (_filter(w, veld, sel, streng) for w in waarde) if not _leeg(k)]
    if not isinstance(waarde, dict):
        return None
    uit = {}
    for sleutel, subsel in sel.items():
        if sleutel in waarde:
            k = _filter(waarde[sleutel], veld.kinderen[sleutel], subsel, streng)
            if not _leeg(k):
                uit[sleutel] = k
    if uit and veld.polymorf and "type" in waarde:
        uit = {"type": waarde["type"], **uit}
    return uit
