"""Capturing the Logboek Dataverwerkingen (issue 13): one `Dataverwerking` per request or task run that
processed personal data.

A per-request collector (a contextvar) gathers what happened; at the end ONE row is written, when at
least one dossier was involved or something other than a read was done. Sources:

- `inzage_vastleggen` (a dossier page) reports a read of its dossier;
- `cases.views.lijstpagina` reports a read of the dossiers on the page shown;
- django-simple-history's `post_create_historical_record`: '+' aanmaken, '~' wijzigen, '-' vernietigen,
  for the dossier of the changed object (`dossier_van`). A write that rolls back is not logged;
- `verwerking_vastleggen(handeling, dossier_ids=…, activiteit=…)`: exports and integrations;
- `verwerking(activiteit=…, naam=…)`: a context manager for a Celery task or a command, one row per run.

The processing activity of a request: the one given explicitly, else the one an app registered for the
URL namespace (`registreer_verwerkingsactiviteit`, from AppConfig.ready()), else `dossierbeheer`.

Trace context (W3C): a valid incoming `traceparent` gives the trace id and the parent span; otherwise a new
trace id. Each request gets a new span id; the response carries `traceparent` with it.
"""

import json
import re
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.http import HttpRequest
from django.utils import timezone

from .keten import hash_sjabloon
from .models import Dataverwerking, DataverwerkingDossier, Handeling, Ketenkop, VerwerkingStatus

STANDAARD_ACTIVITEIT = "dossierbeheer"  # a request that processed personal data without a registered activity

# --- the registry: URL namespace (or app label) -> activity code, filled from AppConfig.ready() --------------
_ACTIVITEITEN: dict[str, str] = {}


def registreer_verwerkingsactiviteit(sleutel: str, code: str) -> None:
    """`sleutel` is a URL namespace (e.g. "intake", "pip_plans") or an app label; `code` an entry of the
    register (`Verwerkingsactiviteit.code`; a test checks that every registered code exists). Registering
    the same key for another activity fails loudly at start-up."""
    bestaand = _ACTIVITEITEN.get(sleutel)
    if bestaand is not None and bestaand != code:
        raise ImproperlyConfigured(f"Verwerkingsactiviteit voor {sleutel!r} al geregistreerd als {bestaand!r}.")
    _ACTIVITEITEN[sleutel] = code


def geregistreerde_activiteiten() -> dict[str, str]:
    return dict(_ACTIVITEITEN)


def activiteit_voor(namespaces: Iterable[str]) -> str | None:
    """The activity of a resolved URL: its innermost namespace that is registered (then outward)."""
    for namespace in reversed(list(namespaces)):
        if namespace in _ACTIVITEITEN:
            return _ACTIVITEITEN[namespace]
    return None


# --- pure rules ---------------------------------------------------------------------------------------------
_TRACEPARENT = re.compile(r"^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$")
HISTORIE_HANDELING = {"+": Handeling.AANMAKEN, "~": Handeling.WIJZIGEN, "-": Handeling.VERNIETIGEN}


def traceparent_lezen(waarde: str | None) -> tuple[str, str] | None:
    """(trace id, parent span id) of a valid W3C `traceparent` header, or None (then a new trace starts).
    Version ff, an all-zero trace or span id, upper case hex and extra fields on version 00 are invalid."""
    if not waarde:
        return None
    treffer = _TRACEPARENT.match(waarde.strip())
    if treffer is None:
        return None
    versie, trace_id, span_id, _vlaggen, rest = treffer.groups()
    if versie == "ff" or (versie == "00" and rest) or set(trace_id) == {"0"} or set(span_id) == {"0"}:
        return None
    return trace_id, span_id


def nieuwe_trace_id() -> str:
    return secrets.token_hex(16)


def nieuwe_span_id() -> str:
    return secrets.token_hex(8)


def traceparent(trace_id: str, span_id: str) -> str:
    return f"00-{trace_id}-{span_id}-01"


def handeling_van_historie(history_type: str) -> Handeling | None:
    return HISTORIE_HANDELING.get(history_type)


def dossier_van(instance, *, pad: str = "", url_kwargs: dict | None = None) -> int | None:
    """The dossier a changed object belongs to, by one generic rule, first match wins:
    1. the object IS a dossier (`settings.LOGBOEK_DOSSIER_MODEL`): its pk;
    2. the object has a `dossier_id` (a foreign key to its dossier): that;
    3. in a request: the URL's `dossier_pk`, or its `pk` when the path is under /dossiers/ (every
       dossier page is /dossiers/<pk>/…; elsewhere `pk` names other objects).
    No match: the write is not tied to a dossier (configuration, an aanbieder) and is not logged here."""
    if instance._meta.label_lower == settings.LOGBOEK_DOSSIER_MODEL.lower():
        return instance.pk
    dossier_id = getattr(instance, "dossier_id", None)
    if isinstance(dossier_id, int):
        return dossier_id
    kwargs = url_kwargs or {}
    for sleutel, alleen_onder_dossiers in (("dossier_pk", False), ("pk", True)):
        waarde = kwargs.get(sleutel)
        if isinstance(waarde, int) and (not alleen_onder_dossiers or pad.startswith("/dossiers/")):
            return waarde
    return None


def handelingen_tekst(handelingen: Iterable[str]) -> str:
    return ",".join(sorted(set(handelingen)))


# --- the collector --------------------------------------------------------------------------------------------
@dataclass
class _Voorlopig:
    """A write inside a transaction: counted once it committed, or when its transaction is still open at
    the end (a test's transaction); dropped when it rolled back."""

    verzamelaar: "Verzamelaar"
    handeling: str
    dossier_id: int | None
    gedaan: bool = False

    def __call__(self) -> None:  # transaction.on_commit
        self.gedaan = True
        self.verzamelaar.toevoegen(self.handeling, [self.dossier_id] if self.dossier_id else [])


@dataclass
class Verzamelaar:
    naam: str
    trace_id: str
    span_id: str
    parent_span_id: str = ""
    pad: str = ""
    activiteit: str | None = None
    gebruiker: object = None
    request: HttpRequest | None = None
    start: datetime = field(default_factory=timezone.now)
    handelingen: set[str] = field(default_factory=set)
    dossier_ids: set[int] = field(default_factory=set)
    voorlopig: list[tuple[str, _Voorlopig]] = field(default_factory=list)

    def toevoegen(self, handeling: str, dossier_ids: Iterable[int] = ()) -> None:
        self.handelingen.add(str(handeling))
        self.dossier_ids.update(int(i) for i in dossier_ids if i is not None)

    def schrijven_gezien(self, handeling: str, dossier_id: int | None, using: str | None) -> None:
        conn = connections[using or DEFAULT_DB_ALIAS]
        if not conn.in_atomic_block:
            self.toevoegen(handeling, [dossier_id] if dossier_id else [])
            return
        wacht = _Voorlopig(self, handeling, dossier_id)
        self.voorlopig.append((using or DEFAULT_DB_ALIAS, wacht))
        transaction.on_commit(wacht, using=using)

    def _voorlopig_afronden(self) -> None:
        for alias, wacht in self.voorlopig:
            # Still waiting in an open transaction (a test, ATOMIC_REQUESTS): count it. Rolled back: Django
            # dropped the callback, so it is neither done nor waiting.
            if not wacht.gedaan and any(item[1] is wacht for item in connections[alias].run_on_commit):
                self.toevoegen(wacht.handeling, [wacht.dossier_id] if wacht.dossier_id else [])
        self.voorlopig.clear()

    def heeft_verwerkt(self) -> bool:
        return bool(self.dossier_ids) or bool(self.handelingen - {Handeling.RAADPLEGEN})

    def vastleggen(self, *, fout: bool = False) -> Dataverwerking | None:
        """Write the one row of this request or run, when personal data was processed."""
        self._voorlopig_afronden()
        if not self.heeft_verwerkt():
            return None
        gebruiker = self.gebruiker
        if self.request is not None:
            gebruiker = getattr(self.request, "user", None)
        if gebruiker is not None and not getattr(gebruiker, "is_authenticated", False):
            gebruiker = None
        activiteit = self.activiteit
        if activiteit is None and self.request is not None and self.request.resolver_match is not None:
            activiteit = activiteit_voor(self.request.resolver_match.namespaces)
        ids = sorted(self.dossier_ids)
        regel = Dataverwerking(
            trace_id=self.trace_id, span_id=self.span_id, parent_span_id=self.parent_span_id,
            naam=self.naam[:200], handelingen=handelingen_tekst(self.handelingen or {Handeling.RAADPLEGEN}),
            activiteit_id=activiteit or STANDAARD_ACTIVITEIT, gebruiker=gebruiker,
            start=self.start, eind=timezone.now(), status=VerwerkingStatus.FOUT if fout else VerwerkingStatus.OK,
            dossier_ids=ids, pad=self.pad[:500],
        )
        if connections[DEFAULT_DB_ALIAS].vendor == "postgresql" and _in_een_keer(regel):
            return regel
        with transaction.atomic(savepoint=False):
            regel.save()
            DataverwerkingDossier.objects.bulk_create(
                [DataverwerkingDossier(verwerking=regel, dossier_id=i) for i in ids]
            )
        return regel


def queries_per_verwerking() -> int:
    """What writing one row costs a request (the query-count tests use it): one statement on PostgreSQL;
    through the model elsewhere (SQLite): savepoint, chain head, row, head update, release, dossier rows."""
    return 1 if connections[DEFAULT_DB_ALIAS].vendor == "postgresql" else 6


_VELDEN = ("trace_id", "span_id", "parent_span_id", "naam", "handelingen", "activiteit_id", "gebruiker_id",
           "start", "eind", "status", "pad")
_IN_EEN_KEER = f"""
    WITH kop AS (
        SELECT laatste_hash, laatste_tijdstip FROM {Ketenkop._meta.db_table} WHERE logboek = %(keten)s FOR UPDATE
    ), k AS (
        SELECT laatste_hash, GREATEST(%(nu)s::timestamptz, laatste_tijdstip) AS tijdstip FROM kop
    ), regel AS (
        INSERT INTO {Dataverwerking._meta.db_table} (tijdstip, vorige_hash, hash, dossier_ids, {", ".join(_VELDEN)})
        SELECT tijdstip, laatste_hash, encode(sha256(convert_to(
                   %(voor)s || to_char(tijdstip AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '+00:00'
                   || %(tussen)s || laatste_hash || %(na)s, 'UTF8')), 'hex'),
               %(dossier_ids)s::jsonb, {", ".join(f"%({v})s" for v in _VELDEN)}
        FROM k
        RETURNING id, tijdstip, vorige_hash, hash
    ), kop_bij AS (
        UPDATE {Ketenkop._meta.db_table}
        SET laatste_id = regel.id, laatste_hash = regel.hash, laatste_tijdstip = regel.tijdstip
        FROM regel WHERE logboek = %(keten)s
    ), dossiers AS (
        INSERT INTO {DataverwerkingDossier._meta.db_table} (verwerking_id, dossier_id)
        SELECT regel.id, unnest(%(ids)s::bigint[]) FROM regel
    )
    SELECT id, tijdstip, vorige_hash, hash FROM regel"""


def _in_een_keer(regel: Dataverwerking) -> bool:
    """PostgreSQL: the row, its place in the hash chain (lock, hash, head) and its dossier rows in ONE
    statement, so a read costs one round trip. The tijdstip is the time now, but never before the
    previous row's (kept on the locked head), so time and id order agree as with the model's save. False when the chain has
    no head yet (the first row ever goes through the model, which creates it)."""
    voor, tussen, na = hash_sjabloon(regel)
    waarden = {v: getattr(regel, v) for v in _VELDEN}
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(_IN_EEN_KEER, {
            **waarden, "keten": Dataverwerking.KETEN, "nu": timezone.now(), "voor": voor, "tussen": tussen, "na": na,
            "dossier_ids": json.dumps(regel.dossier_ids), "ids": regel.dossier_ids,
        })
        rij = cursor.fetchone()
    if rij is None:
        return False
    regel.pk, regel.tijdstip, regel.vorige_hash, regel.hash = rij
    regel._state.adding = False
    return True


_huidig: ContextVar[Verzamelaar | None] = ContextVar("dataverwerking", default=None)


def huidige_verzamelaar() -> Verzamelaar | None:
    return _huidig.get()


# --- the public API ---------------------------------------------------------------------------------------------
def verwerking_vastleggen(
    handeling: Handeling | str, *, dossier_ids: Iterable[int] = (), activiteit: str | None = None,
) -> None:
    """Report a processing of personal data (an export, a sending to DUO, a BRP query, a read) in the
    current request or `verwerking(...)` run; `activiteit` (a register code) sets the run's activity.
    Outside both (a shell), it is written at once as a run of its own."""
    verzamelaar = _huidig.get()
    if verzamelaar is None:
        with verwerking(activiteit=activiteit or STANDAARD_ACTIVITEIT, naam=str(handeling)) as los:
            los.toevoegen(handeling, dossier_ids)
        return
    if activiteit is not None:
        verzamelaar.activiteit = activiteit
    verzamelaar.toevoegen(handeling, dossier_ids)


def raadplegen_vastleggen(dossier_ids: Iterable[int]) -> None:
    """A read of these dossiers (a list page shows them); nothing when there are none."""
    ids = [i for i in dossier_ids if i is not None]
    if ids:
        verwerking_vastleggen(Handeling.RAADPLEGEN, dossier_ids=ids)


@contextmanager
def verwerking(*, activiteit: str, naam: str, gebruiker=None) -> Iterator[Verzamelaar]:
    """One `Dataverwerking` for a Celery task run or a management command: every history write, read or
    `verwerking_vastleggen` inside is collected and written as one row at the end (status fout when the
    block raises). Nested inside a request or another run: a child span of the same trace."""
    buiten = _huidig.get()
    verzamelaar = Verzamelaar(
        naam=naam, activiteit=activiteit, gebruiker=gebruiker,
        trace_id=buiten.trace_id if buiten else nieuwe_trace_id(), span_id=nieuwe_span_id(),
        parent_span_id=buiten.span_id if buiten else "",
    )
    token = _huidig.set(verzamelaar)
    try:
        yield verzamelaar
    except BaseException:
        _huidig.reset(token)
        verzamelaar.vastleggen(fout=True)
        raise
    _huidig.reset(token)
    verzamelaar.vastleggen()


def bij_historie(sender, instance, history_instance, using=None, **kwargs) -> None:
    """simple_history's post_create_historical_record: a write to a dossier's data."""
    verzamelaar = _huidig.get()
    if verzamelaar is None:
        return
    handeling = handeling_van_historie(history_instance.history_type)
    if handeling is None:
        return
    request = verzamelaar.request
    match = request.resolver_match if request is not None else None
    dossier_id = dossier_van(instance, pad=verzamelaar.pad, url_kwargs=match.kwargs if match else None)
    if dossier_id is None:
        return
    verzamelaar.schrijven_gezien(handeling, dossier_id, using)


class DataverwerkingMiddleware:
    """Opens the collector for the request and writes its one row at the end (settings: right after
    simple_history's middleware, so the history writes of the view happen inside)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        inkomend = traceparent_lezen(request.headers.get("traceparent"))
        trace_id, parent = inkomend if inkomend else (nieuwe_trace_id(), "")
        verzamelaar = Verzamelaar(
            naam="", trace_id=trace_id, span_id=nieuwe_span_id(), parent_span_id=parent,
            pad=request.path, request=request,  # the path only: a query string could carry a search term
        )
        token = _huidig.set(verzamelaar)
        try:
            response = self.get_response(request)
        except BaseException:
            _huidig.reset(token)
            verzamelaar.naam = _naam(request)
            verzamelaar.vastleggen(fout=True)
            raise
        _huidig.reset(token)
        verzamelaar.naam = _naam(request)
        verzamelaar.vastleggen(fout=response.status_code >= 400)
        response["traceparent"] = traceparent(trace_id, verzamelaar.span_id)
        return response


def _naam(request: HttpRequest) -> str:
    match = request.resolver_match
    return match.view_name if match is not None else ""
