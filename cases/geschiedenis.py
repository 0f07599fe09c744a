"""The Geschiedenis tab of a dossier (issue 19): every change recorded by django-simple-history of the
dossier, its person and what hangs off it — intake, contact, termijnen here; the PIP, the traject and
handhaving from the apps above, which register their models in their AppConfig.ready():

    registreer_geschiedenisbron(code="pip", model=Pip, dossier=lambda d: Q(dossier_id=d.pk))

so cases never names the apps above it. In Dutch: the model's verbose_name, the field's verbose_name
and the label of a choice (also of an FSM state), never a code ('intake → pip_in_opstelling').

One page costs a fixed number of queries however long the history grows: the events of all sources
are one UNION query (source, history_id, date), sorted and sliced in the database; then per source on
the page one query for its records (with the user and the id of the previous record of the same row)
and one for those previous records, for the diff."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import CharField, OuterRef, Q, Subquery, Value
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from cases.models import Dossier

# Never shown as a change: the optimistic lock and bookkeeping timestamps.
NOOIT_TONEN = {"versie", "gewijzigd_op", "bijgewerkt_op", "aangemaakt_op"}

ACTIES = {"+": _("aangemaakt"), "~": _("gewijzigd"), "-": _("verwijderd")}


@dataclass(frozen=True)
class Geschiedenisbron:
    code: str
    model: type[models.Model]  # the tracked model (with `history = HistoricalRecords()`)
    dossier: Callable[[Dossier], Q]  # its historical records of this dossier
    zonder: frozenset[str] = field(default_factory=frozenset)  # fields never shown as a change

    @property
    def label(self) -> str:
        return capfirst(self.model._meta.verbose_name)

    def historie(self) -> models.QuerySet:
        return self.model.history.all()


_BRONNEN: dict[str, Geschiedenisbron] = {}


def registreer_geschiedenisbron(*, code: str, model: type[models.Model], dossier: Callable[[Dossier], Q],
                                zonder: Iterable[str] = ()) -> None:
    """A second registration of the same code is a programming error, not an override."""
    if code in _BRONNEN:
        raise ImproperlyConfigured(f"De geschiedenisbron {code!r} is al geregistreerd.")
    if not hasattr(model, "history"):
        raise ImproperlyConfigured(f"{model.__name__} heeft geen geschiedenis (HistoricalRecords).")
    _BRONNEN[code] = Geschiedenisbron(code=code, model=model, dossier=dossier, zonder=frozenset(zonder))


def bronnen() -> list[Geschiedenisbron]:
    return list(_BRONNEN.values())


@dataclass(frozen=True)
class Gebeurtenis:
    tijdstip: datetime.datetime
    door: object  # User | None
    wat: str  # "Dossier gewijzigd", "PIP aangemaakt"
    reden: str
    velden: list[tuple[str, str, str]]  # (label, old, new), all in words


def gebeurtenissen(dossier: Dossier) -> models.QuerySet:
    """All events of the dossier, newest first, as (bron, history_id, history_date) rows: paginate this,
    then turn one page into Gebeurtenis objects with `uitwerken`."""
    delen = [
        bron.historie().filter(bron.dossier(dossier))
        .annotate(geschiedenisbron=Value(bron.code, output_field=CharField()))
        .values_list("geschiedenisbron", "history_id", "history_date")
        .order_by()  # the historical models' default ordering: SQLite allows no ORDER BY inside a UNION part
        for bron in bronnen()
    ]
    eerste, *rest = delen
    return eerste.union(*rest, all=True).order_by("-history_date", "-history_id")


def uitwerken(rijen: Iterable[tuple[str, int, datetime.datetime]]) -> list[Gebeurtenis]:
    rijen = list(rijen)
    per_bron: dict[str, list[int]] = {}
    for code, history_id, _datum in rijen:
        per_bron.setdefault(code, []).append(history_id)
    records = {}
    for code, ids in per_bron.items():
        bron = _BRONNEN[code]
        eerder = bron.historie().filter(id=OuterRef("id")).filter(
            Q(history_date__lt=OuterRef("history_date"))
            | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
        ).order_by("-history_date", "-history_id").values("history_id")[:1]
        nieuw = list(bron.historie().filter(history_id__in=ids).select_related("history_user")
                     .annotate(geschiedenis_vorige_id=Subquery(eerder)))
        vorige_ids = [r.geschiedenis_vorige_id for r in nieuw if r.geschiedenis_vorige_id is not None]
        vorige = {r.history_id: r for r in bron.historie().filter(history_id__in=vorige_ids)} if vorige_ids else {}
        for record in nieuw:
            records[code, record.history_id] = (bron, record, vorige.get(record.geschiedenis_vorige_id))
    return [_gebeurtenis(*records[code, history_id]) for code, history_id, _datum in rijen]


def _gebeurtenis(bron: Geschiedenisbron, record, vorige) -> Gebeurtenis:
    velden = []
    if vorige is not None and record.history_type == "~":
        for veld in _getoonde_velden(bron):
            oud, nieuw = getattr(vorige, veld.attname), getattr(record, veld.attname)
            if oud != nieuw:
                velden.append((capfirst(str(veld.verbose_name)), waarde_in_woorden(veld, oud),
                               waarde_in_woorden(veld, nieuw)))
    return Gebeurtenis(
        tijdstip=record.history_date,
        door=record.history_user,
        wat=_("%(wat)s %(actie)s") % {"wat": bron.label, "actie": ACTIES.get(record.history_type, "")},
        reden=record.history_change_reason or "",
        velden=velden,
    )


def _getoonde_velden(bron: Geschiedenisbron) -> list[models.Field]:
    """The tracked model's own fields that the history copies, without keys (an id says nothing; the
    change reason names the new werkcoach or team) and without bookkeeping."""
    historisch = {f.name for f in bron.model.history.model._meta.concrete_fields}
    return [
        f for f in bron.model._meta.concrete_fields
        if f.name in historisch and not f.primary_key and not f.is_relation
        and f.name not in NOOIT_TONEN and f.name not in bron.zonder
        and not getattr(f, "auto_now", False) and not getattr(f, "auto_now_add", False)
    ]


def waarde_in_woorden(veld: models.Field, waarde) -> str:
    """A stored value as the user reads it: the choice's label, ja/nee, a Dutch date; '—' for empty."""
    if waarde is None or waarde == "" or waarde == []:
        return "—"
    if veld.choices:
        return str(dict(veld.flatchoices).get(waarde, waarde))
    if isinstance(waarde, bool):
        return str(_("ja") if waarde else _("nee"))
    if isinstance(waarde, datetime.datetime):
        return formats.date_format(timezone.localtime(waarde), "j F Y H:i")
    if isinstance(waarde, datetime.date):
        return formats.date_format(waarde, "j F Y")
    return str(waarde)
