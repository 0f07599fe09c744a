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

# The hashed columns per table, fixed: a column added later is not in old rows' hashes, so adding it
# here would break every existing chain (a deliberate change needs a new chain or a checkpoint).
VELDEN = {
    "audit_inzagelog": ("tijdstip", "gebruiker_id", "dossier_id", "pagina", "pad", "ip_adres", "vorige_hash"),
    "audit_beveiligingslog": ("tijdstip", "gebeurtenis", "gebruiker_id", "gebruikersnaam", "betreft_id", "pad",
                              "ip_adres", "details", "vorige_hash"),
    "audit_dataverwerking": ("tijdstip", "trace_id", "span_id", "parent_span_id", "naam", "handelingen",
                             "activiteit_id", "gebruiker_id", "start", "eind", "status", "dossier_ids", "pad",
                             "vorige_hash"),
}


def _waarde(field, obj):
    waarde = field.get_prep_value(field.value_from_object(obj))
    if isinstance(waarde, datetime):
        return waarde.astimezone(UTC).isoformat(timespec="microseconds")
    return waarde


def inhoud(obj) -> dict:
    """The row's content as hashed: the table's fixed columns (VELDEN), by attribute name."""
    velden = {f.attname: f for f in obj._meta.concrete_fields}
    return {naam: _waarde(velden[naam], obj) for naam in VELDEN[obj._meta.db_table]}


def bereken_hash(obj) -> str:
    tekst = json.dumps(inhoud(obj), sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(tekst.encode()).hexdigest()


_OPEN = {"tijdstip": "\x00tijdstip\x00", "vorige_hash": "\x00vorige_hash\x00"}


def hash_sjabloon(obj) -> tuple[str, str, str]:
    """The hashed text of a row whose `tijdstip` and `vorige_hash` the database fills in (one INSERT
    that takes the chain's lock itself): the text before the tijdstip, between it and `vorige_hash`,
    and after it; the tijdstip goes in as its isoformat in UTC with microseconds, the hash as a JSON
    string. Same serialisation as `bereken_hash`, so verifying stays pure Python."""
    waarden = inhoud(obj) | _OPEN
    tekst = json.dumps(waarden, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    tijd, hash_ = (json.dumps(v) for v in _OPEN.values())
    voor, rest = tekst.split(tijd)
    tussen, na = rest.split(hash_)
    # The placeholders were JSON strings: the tijdstip and the hash go in with their quotes.
    return voor + '"', '"' + tussen + '"', '"' + na
