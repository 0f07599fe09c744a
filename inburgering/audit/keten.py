"""The hash chain over the append-only logs (issue 12 item 3).

Each row stores `vorige_hash` (the `hash` of the row before it in the same log, by id) and `hash` =
SHA-256 over the canonical JSON of its content plus `vorige_hash`. Changing, removing or inserting a
row anywhere breaks the chain from that row on; `manage.py logboek_controleren` walks it.

Pure functions over field values, so the migration that fills the chain for existing rows and the
models compute the same hash.
"""

import hashlib
import json
from datetime import UTC, datetime

NIET_GEHASHT = {"id", "hash"}


def _waarde(field, obj):
    waarde = field.get_prep_value(field.value_from_object(obj))
    if isinstance(waarde, datetime):
        return waarde.astimezone(UTC).isoformat(timespec="microseconds")
    return waarde


def inhoud(obj) -> dict:
    """The row's content as hashed: every concrete field except id and hash, by column name."""
    return {f.attname: _waarde(f, obj) for f in obj._meta.concrete_fields if f.attname not in NIET_GEHASHT}


def bereken_hash(obj) -> str:
    tekst = json.dumps(inhoud(obj), sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(tekst.encode()).hexdigest()
