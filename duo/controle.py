"""The pre-flight check (issue 16): a message DUO would refuse never leaves the gemeente.

Two independent parts, both pure (facts in, Dutch reasons out):
- the refusal rules DUO applies (our own reading of duo-m2m/RULES.md), for the facts the app knows;
- the message itself against DUO's published contract (the `*/openapi.yml` under settings.DUO_M2M_SPEC_DIR):
  the request body's schema and the path and header parameters (bsn, bron, doel, berichtId).

A message with a reason is stored as `niet_verzonden` with the reasons; the business change itself stands
(a PIP is a beschikking: DUO's administration does not decide whether it is valid)."""

from __future__ import annotations

import functools
import logging
import re
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import jsonschema
import yaml

from . import berichten

logger = logging.getLogger(__name__)

# --- the refusal rules (RULES.md) ------------------------------------------------------------------------
VOOR_PLICHT = _("De dagtekening van het PIP ligt vóór het begin van de inburgeringsplicht.")
VOOR_VESTIGING = _("De dagtekening van het PIP ligt vóór de vestiging in de gemeente.")
VOOR_VORIG_PIP = _("De dagtekening van het gewijzigde PIP ligt vóór die van het eerste of het huidige PIP.")
A2_ONDERWIJSROUTE = _("Niveau A2 kan niet bij de onderwijsroute.")
B1_ZROUTE = _("Niveau B1 kan niet bij de Z-route.")
A2_EERSTE_PIP = _("Niveau A2 bij de B1-route kan niet op het allereerste PIP van de persoon.")
INTENSITEIT = _("De geschatte intensiteit van de B1-route hoort alleen bij een asielmigrant op de B1-route.")
GEEN_PIP = _("De gemeente heeft voor deze persoon geen geldend PIP bij DUO.")
ZROUTE_VOLDAAN = _("De inburgeringsplicht is al voldaan via de Z-route.")
IN_TOEKOMST = _("De datum ligt in de toekomst.")
VOOR_TERMIJN = _("De datum ligt vóór het begin van de inburgeringstermijn.")
NA_ZROUTE = _("De datum ligt na de datum van afronding van de Z-route.")
VERWIJTBAAR = _("De inburgeringstermijn is verstreken: DUO vraagt of dat verwijtbaar is, en dat legt de "
                "applicatie niet vast. Geef de datum met de hand door aan DUO.")
ALLEEN_ASIEL = _("Een inburgeringsaanbod geldt alleen voor een asielmigrant.")
GEEN_INSTELLINGSNUMMER = _("De aanbieder heeft geen instellingsnummer van DUO.")
GEEN_KEURMERK = _("De aanbieder heeft geen geldig keurmerk van Blik op Werk (nodig voor de B1- en Z-route).")
GEEN_TAALSCHAKEL = _("De aanbieder is niet erkend voor het taalschakeltraject (nodig voor de onderwijsroute).")
AANBOD_VOOR_PIP = _("Een datum van het inburgeringsaanbod ligt vóór de dagtekening van het PIP.")
AANBOD_BUITEN_TERMIJN = _("De einddatum van de opleiding ligt buiten de inburgeringstermijn.")
GEEN_EMAIL = _("De werkcoach heeft geen e-mailadres; DUO vraagt dat van een contactpersoon.")
GEEN_TELEFOON = _("Er is geen telefoonnummer voor de contactpersoon (gemeente-instellingen).")
CONTRACT = _("Het bericht voldoet niet aan het contract van DUO ({waar}): {fout}")


@dataclass(frozen=True)
class PipFeiten:
    dagtekening: date
    leerroute: str
    niveau: str
    b1_intensiteit: int | None
    asiel: bool
    plicht_start: date | None
    vestiging: date | None
    eerste_dagtekening: date | None  # of the dossier's first vastgesteld PIP, when this one changes it
    huidige_dagtekening: date | None  # of the version this one replaces
    eerste_pip_van_persoon: bool


def pip_fouten(f: PipFeiten) -> list[str]:
    fouten = []
    if f.plicht_start and f.dagtekening < f.plicht_start:
        fouten.append(VOOR_PLICHT)
    if f.vestiging and f.dagtekening < f.vestiging:
        fouten.append(VOOR_VESTIGING)
    if any(d and f.dagtekening < d for d in (f.eerste_dagtekening, f.huidige_dagtekening)):
        fouten.append(VOOR_VORIG_PIP)
    if f.niveau == "A2" and f.leerroute == "O":
        fouten.append(A2_ONDERWIJSROUTE)
    if f.niveau == "B1" and f.leerroute == "Z":
        fouten.append(B1_ZROUTE)
    if f.niveau == "A2" and f.leerroute == "B" and f.eerste_pip_van_persoon:
        fouten.append(A2_EERSTE_PIP)
    if f.b1_intensiteit and not (f.asiel and f.leerroute == "B"):
        fouten.append(INTENSITEIT)
    return [str(t) for t in fouten]


@dataclass(frozen=True)
class DatumFeiten:
    """MAP eindgesprek, PVT ondertekening or Z-route afronding (a PUT of the whole resource)."""

    datum: date | None
    vandaag: date
    heeft_pip: bool
    termijn_start: date | None
    termijn_laatste_dag: date | None
    zroute_datum: date | None = None  # the Z-route completion already registered (for MAP and PVT)
    is_zroute: bool = False


def datum_fouten(f: DatumFeiten) -> list[str]:
    fouten = []
    if not f.heeft_pip:
        fouten.append(GEEN_PIP)
    if f.zroute_datum and not f.is_zroute and f.datum and f.datum > f.zroute_datum:
        fouten.append(NA_ZROUTE)
    if f.termijn_laatste_dag and f.vandaag > f.termijn_laatste_dag:
        fouten.append(VERWIJTBAAR)  # the termijn is overrun: DUO wants verwijtbaar, which the app does not record
    if f.datum:
        if f.datum > f.vandaag:
            fouten.append(IN_TOEKOMST)
        if f.termijn_start and f.datum < f.termijn_start:
            fouten.append(VOOR_TERMIJN)

    return [str(t) for t in fouten]


@dataclass(frozen=True)
class AanbodFeiten:
    asiel: bool
    heeft_pip: bool
    leerroute: str
    instellingsnummer: str
    keurmerk_geldig: bool
    taalschakel_erkend: bool
    dagtekening: date | None
    datums: tuple[date | None, ...]  # aanbod, start, end
    einde_opleiding: date | None
    termijn_laatste_dag: date | None


def aanbod_fouten(f: AanbodFeiten) -> list[str]:
    fouten = []
    if not f.asiel:
        fouten.append(ALLEEN_ASIEL)
    if not f.heeft_pip:
        fouten.append(GEEN_PIP)
    if not f.instellingsnummer:
        fouten.append(GEEN_INSTELLINGSNUMMER)
    if f.leerroute in ("B", "Z") and not f.keurmerk_geldig:
        fouten.append(GEEN_KEURMERK)
    if f.leerroute == "O" and not f.taalschakel_erkend:
        fouten.append(GEEN_TAALSCHAKEL)
    if f.dagtekening and any(d and d < f.dagtekening for d in f.datums):
        fouten.append(AANBOD_VOOR_PIP)
    if f.einde_opleiding and f.termijn_laatste_dag and f.einde_opleiding > f.termijn_laatste_dag:
        fouten.append(AANBOD_BUITEN_TERMIJN)
    return [str(t) for t in fouten]


def contactpersoon_fouten(*, email: str, telefoon: str) -> list[str]:
    fouten = []
    if not email.strip():
        fouten.append(GEEN_EMAIL)
    if not telefoon.strip():
        fouten.append(GEEN_TELEFOON)
    return [str(t) for t in fouten]


# --- the contract (duo-m2m/*/openapi.yml) -----------------------------------------------------------------
# Python's `re` has no Unicode property classes; DUO's name pattern uses \p{L} (letters) and \p{Pd} (dashes).
# Replaced by \w (a little wider: digits and _ too) and the dash characters; DUO judges the rest.
_EIGENSCHAPPEN = {r"\p{L}": r"\w", r"\p{Pd}": "\\-\u2010-\u2015\u2212"}


def _pattern(patroon: str) -> str:
    for eigenschap, vervanging in _EIGENSCHAPPEN.items():
        patroon = patroon.replace(eigenschap, vervanging)
    return patroon


@functools.lru_cache(maxsize=32)
def contract(spec_dir: str, map_: str) -> dict:
    with open(Path(spec_dir) / map_ / "openapi.yml", encoding="utf-8") as bestand:
        return yaml.safe_load(bestand)


def _oplossen(spec: dict, schema):
    """The schema with every local $ref replaced by what it points to and patterns made Python-readable
    (the contracts have no recursive schemas)."""
    if isinstance(schema, dict):
        if "$ref" in schema:
            doel = spec
            for deel in schema["$ref"].lstrip("#/").split("/"):
                doel = doel[deel]
            return _oplossen(spec, doel)
        uit = {k: _oplossen(spec, v) for k, v in schema.items() if k not in ("description", "x-enum-varnames")}
        if isinstance(uit.get("pattern"), str):
            uit["pattern"] = _pattern(uit["pattern"])
        return uit
    if isinstance(schema, list):
        return [_oplossen(spec, v) for v in schema]
    return schema


# Every format jsonschema knows (Draft 4's own list has no `date`, which OpenAPI 3.0 uses).
_FORMATEN = jsonschema.FormatChecker()


def _fouten(schema: dict, waarde, waar: str) -> list[str]:
    validator = jsonschema.Draft4Validator(schema, format_checker=_FORMATEN)
    uit = []
    for fout in sorted(validator.iter_errors(waarde), key=lambda f: list(f.path)):
        plek = ".".join(str(p) for p in fout.path) or waar
        uit.append(str(CONTRACT).format(waar=plek, fout=_beschrijving(fout)))
    return uit


def _beschrijving(fout: jsonschema.ValidationError) -> str:
    """jsonschema's message without the value itself (it may be a BSN)."""
    return {"required": "verplicht veld ontbreekt", "pattern": "vorm klopt niet", "format": "geen geldige datum",
            "enum": "waarde niet toegestaan", "maxLength": "te lang", "minLength": "te kort",
            "maximum": "te groot", "minimum": "te klein", "type": "verkeerd type",
            "additionalProperties": "onbekend veld"}.get(fout.validator, str(fout.validator))


def contract_fouten(*, spec_dir: str | Path, soort: str | None = None, methode: str = "", pad_sjabloon: str = "",
                    map_: str = "", body: dict | None, parameters: dict[str, str]) -> list[str]:
    """The body and the parameters of one request against its operation in the contract. `parameters`:
    the path and header values by their contract name (bsn, id, instellingsnummer, bron, doel, berichtId)."""
    if soort is not None:
        methode, _pad, pad_sjabloon, map_ = berichten.ROUTES[soort]
    try:
        spec = contract(str(spec_dir), map_)
    except (OSError, yaml.YAMLError) as fout:
        # A missing contract must not break the business change the message belongs to: DUO validates too.
        logger.error("DUO-contract %s niet te lezen (%s); bericht zonder contractcontrole", map_, type(fout).__name__)
        return []
    operatie = spec["paths"][pad_sjabloon][methode.lower()]
    fouten: list[str] = []
    for parameter in operatie.get("parameters", []):
        parameter = _oplossen(spec, parameter)
        naam = parameter["name"]
        if naam not in parameters:
            if parameter.get("required"):
                fouten.append(str(CONTRACT).format(waar=naam, fout="verplicht veld ontbreekt"))
            continue
        waarde = parameters[naam]
        if parameter["schema"].get("type") == "integer":
            waarde = int(waarde) if str(waarde).isdigit() else waarde
        if parameter["schema"].get("format") == "uuid" and not _is_uuid(str(waarde)):
            fouten.append(str(CONTRACT).format(waar=naam, fout="geen UUID"))
        fouten += _fouten(parameter["schema"], waarde, naam)
    verzoek = operatie.get("requestBody")
    if verzoek is not None:
        schema = _oplossen(spec, verzoek["content"]["application/json"]["schema"])
        if body is None and verzoek.get("required"):
            fouten.append(str(CONTRACT).format(waar="body", fout="verplicht veld ontbreekt"))
        elif body is not None:
            fouten += _fouten(schema, body, "body")
    return fouten


def _is_uuid(waarde: str) -> bool:
    try:
        uuid.UUID(waarde)
    except ValueError:
        return False
    return True


_BSN_IN_TEKST = re.compile(r"\d{9}")


def zonder_bsn(tekst: str) -> str:
    """A text for a log line or an alert: any run of nine digits masked."""
    return _BSN_IN_TEKST.sub("*********", str(tekst))
