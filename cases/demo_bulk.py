"""Writing synthetic rows in bulk, for the demo data and the benchmarks (issue 18: a million dossiers).

On PostgreSQL the rows and their history rows go in with COPY (psycopg 3 `cursor.copy`): the primary keys
are taken from the table's sequence first, so dossiers can point at their persons and termijnen at their
dossiers without a RETURNING round trip per batch. Elsewhere (SQLite) `bulk_create_with_history` does the
same job. Either way `save()` is not called: a model whose save() computes something (e.g. the signal's
werkvoorraad sort key) is not written through here — the generator only writes persons, dossiers and
termijnen, whose save() computes nothing; the sweep makes the signals through its own code.
"""

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from operator import attrgetter

from django.db import connection, models
from django.utils import timezone

from simple_history.utils import bulk_create_with_history


def met_copy() -> bool:
    """COPY is used on PostgreSQL with psycopg 3 (the project's driver)."""
    if connection.vendor != "postgresql":
        return False
    from django.db.backends.postgresql.psycopg_any import is_psycopg3

    return is_psycopg3


def opslaan_met_historie(objecten: Sequence[models.Model], model: type[models.Model], *, reden: str) -> Sequence[models.Model]:
    """Store new `objecten` of `model` and one creation row each in its history (change reason `reden`),
    as `bulk_create_with_history` does. The objects get their primary key. Returns them."""
    if not objecten:
        return objecten
    if not met_copy():
        return bulk_create_with_history(list(objecten), model, default_change_reason=reden)
    velden = model._meta.concrete_fields
    pk = model._meta.pk
    for obj, nummer in zip(objecten, _reserveer(model._meta.db_table, pk.column, len(objecten)), strict=True):
        setattr(obj, pk.attname, nummer)
    waarden = [_waarde(f) for f in velden]
    rijen = [{f.attname: waarde(obj) for f, waarde in zip(velden, waarden, strict=True)} for obj in objecten]
    _copy(model._meta.db_table, [f.column for f in velden], ([r[f.attname] for f in velden] for r in rijen))
    historie = model.history.model
    _copy_historie(historie, rijen, reden=reden, tijdstip=timezone.now())
    return objecten


# Field classes (exactly these, not subclasses that may convert) whose Python value psycopg writes as
# Django's get_db_prep_save would: no conversion needed, which is most of the generator's time saved.
_RECHTSTREEKS = {models.CharField, models.TextField, models.DateField, models.DateTimeField, models.BooleanField,
                 models.IntegerField, models.PositiveIntegerField, models.PositiveSmallIntegerField,
                 models.BigIntegerField, models.AutoField, models.BigAutoField, models.EmailField}


def _waarde(veld: models.Field) -> Callable[[models.Model], object]:
    """How to read a field's database value from an unsaved object: pre_save for auto_now(_add) (the
    timestamp, as a save would set it), the attribute for plain fields, Django's conversion otherwise."""
    if getattr(veld, "auto_now", False) or getattr(veld, "auto_now_add", False):
        return lambda obj: veld.pre_save(obj, add=True)
    if type(veld) in _RECHTSTREEKS or (isinstance(veld, models.ForeignKey) and type(veld.target_field) in _RECHTSTREEKS):
        return attrgetter(veld.attname)
    return lambda obj: veld.get_db_prep_save(veld.pre_save(obj, add=True), connection)


def _copy_historie(historie: type[models.Model], rijen: list[dict], *, reden: str, tijdstip: datetime) -> None:
    """The creation rows ("+") of simple_history: the tracked fields, when, by nobody, why. The history's
    own key (history_id) comes from its column default."""
    vast = {"history_date": tijdstip, "history_change_reason": reden, "history_type": "+", "history_user_id": None}
    velden = [f for f in historie._meta.concrete_fields if not f.primary_key]
    onbekend = [f.attname for f in velden if f.attname not in vast and f.attname not in rijen[0]]
    if onbekend:  # a history field this writer does not know how to fill: refuse rather than guess
        raise ValueError(f"{historie.__name__}: onbekende historievelden {onbekend}")
    _copy(historie._meta.db_table, [f.column for f in velden],
          ([vast[f.attname] if f.attname in vast else r[f.attname] for f in velden] for r in rijen))


def _reserveer(tabel: str, kolom: str, aantal: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                       [tabel, kolom, aantal])
        return [r[0] for r in cursor.fetchall()]


def _copy(tabel: str, kolommen: list[str], rijen: Iterable[Sequence]) -> None:
    namen = ", ".join(connection.ops.quote_name(k) for k in kolommen)
    with connection.cursor() as cursor, cursor.cursor.copy(
        f"COPY {connection.ops.quote_name(tabel)} ({namen}) FROM STDIN"
    ) as copy:
        for rij in rijen:
            copy.write_row(rij)


def statistieken_bijwerken(modellen: Iterable[type[models.Model]]) -> None:
    """ANALYZE the tables of `modellen` and their history after a bulk load (PostgreSQL; SQLite plans without
    them). Without statistics the planner takes a freshly loaded million-row table for a small one: the
    first sweep after `demo_data --dossiers 1000000` ran 27 s per chunk of 5 000 instead of 0.2 s."""
    if connection.vendor != "postgresql":
        return
    tabellen = [t for model in modellen
                for t in (model._meta.db_table, *([model.history.model._meta.db_table] if hasattr(model, "history") else []))]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in tabellen))
