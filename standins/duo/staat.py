"""The DUO stand-in's state: persons (seeded from personen.json), contactpersonen, the log of received
requests and the stored first answer per berichtId. Persisted to `--opslag` (atomic write) when given."""

from __future__ import annotations

import copy
import json
import os
import re
import tempfile
import threading
from datetime import date, timedelta
from pathlib import Path

STANDAARD_PERSONEN = Path(__file__).with_name("personen.json")

# Every key of a person with its empty value; a seed record may leave any of them out.
LEGE_PERSOON = {
    "bsn": None,
    "toelichting": "",
    "inburgeringsplicht": {"indicatorInburgeringsplicht": False},
    "inburgeringsplichthistorie": [],
    "doelgroep": {},
    "doelgroephistorie": [],
    "gemeentecode": None,  # woongemeente (four digits)
    "vestigingsdatum": None,  # date of settling in that gemeente
    "coa": False,  # lives in a COA location
    "coa_gemeentecode": None,  # the gemeente the COA resident is linked to
    "inburgeringstermijn": None,
    "inburgeringstermijnhistorie": [],
    "pips": [],  # [{"gemeentecode", "pip", "ontvangen"}], the last is the current PIP
    "map": None,  # {"datumEindgesprekMap", "verwijtbaar"?, "gemeentecode"}
    "pvt": None,  # {"datumOndertekeningPvt", "verwijtbaar"?, "gemeentecode"}
    "zroute": None,  # {"datumAfrondingZroute", "gemeentecode"}
    "uren": {},  # gemeentecode -> contract Gemeente object (GevolgdeUren)
    "aanbod": {},  # instellingsnummer -> {"gemeentecode", "aanbod"}
    "lbt_examennummer": None,
    "lbt_resultaten": [],
    "examenresultaten": [],
    "gratispogingen": [],
    "vrijstellingen": [],
    "ontheffingen": [],
    "demo_nieuw": False,  # the person of --demo-notificatie-na
}


def elfproef(bsn: str) -> bool:
    if not re.fullmatch(r"\d{9}", bsn or ""):
        return False
    som = sum(int(c) * w for c, w in zip(bsn[:8], range(9, 1, -1), strict=True)) - int(bsn[8])
    return som % 11 == 0 and bsn != "000000000"


def los_datums_op(waarde, vandaag: date):
    """"vandaag", "vandaag+30", "vandaag-400" (days) anywhere in a seed record become ISO dates."""
    if isinstance(waarde, dict):
        return {k: los_datums_op(v, vandaag) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [los_datums_op(v, vandaag) for v in waarde]
    if isinstance(waarde, str):
        m = re.fullmatch(r"vandaag(?:([+-])(\d+))?", waarde)
        if m:
            dagen = int(m.group(2) or 0) * (-1 if m.group(1) == "-" else 1)
            return (vandaag + timedelta(days=dagen)).isoformat()
    return waarde


def nieuwe_persoon(record: dict, vandaag: date | None = None) -> dict:
    if not elfproef(str(record.get("bsn", ""))):
        raise ValueError("bsn ontbreekt of voldoet niet aan de elfproef")
    onbekend = set(record) - set(LEGE_PERSOON)
    if onbekend:
        raise ValueError(f"onbekende sleutels: {', '.join(sorted(onbekend))}")
    persoon = copy.deepcopy(LEGE_PERSOON)
    persoon.update(copy.deepcopy(los_datums_op(record, vandaag or date.today())))
    return persoon


class Staat:
    def __init__(self, seed: Path = STANDAARD_PERSONEN, opslag: Path | None = None):
        self.seed_pad = Path(seed)
        self.opslag = Path(opslag) if opslag else None
        self.lock = threading.RLock()
        if self.opslag and self.opslag.exists():
            self.data = json.loads(self.opslag.read_text(encoding="utf-8"))
        else:
            self.data = self._seed()
            self.bewaar()

    def _seed(self) -> dict:
        ruw = json.loads(self.seed_pad.read_text(encoding="utf-8"))
        vandaag = date.today()
        personen = {}
        for record in ruw["personen"]:
            persoon = nieuwe_persoon(record, vandaag)
            personen[persoon["bsn"]] = persoon
        return {
            "personen": personen,
            "contactpersonen": {},  # id (str) -> {"id", "gegevens", "gemeentecode", "bsns": []}
            "volgend_contactpersoon_id": 1,
            "ontvangen": [],  # log, one entry per berichtId
            "antwoorden": {},  # berichtId -> {"sleutel", "status", "body"}
        }

    def reset(self) -> None:
        with self.lock:
            self.data = self._seed()
            self.bewaar()

    def bewaar(self) -> None:
        if not self.opslag:
            return
        with self.lock:
            self.opslag.parent.mkdir(parents=True, exist_ok=True)
            fd, tijdelijk = tempfile.mkstemp(prefix=".duo-standin-", dir=self.opslag.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump(self.data, f, ensure_ascii=False, indent=1)
                os.replace(tijdelijk, self.opslag)
            except BaseException:
                Path(tijdelijk).unlink(missing_ok=True)
                raise

    # -- persons --

    def persoon(self, bsn: str) -> dict | None:
        return self.data["personen"].get(bsn)

    def voeg_toe(self, record: dict) -> dict:
        persoon = nieuwe_persoon(record)
        with self.lock:
            self.data["personen"][persoon["bsn"]] = persoon
            self.bewaar()
        return persoon

    def demo_persoon(self) -> dict | None:
        return next((p for p in self.data["personen"].values() if p.get("demo_nieuw")), None)
