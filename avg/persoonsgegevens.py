"""Everything the system holds about a person, found from the model graph, not from a hand-kept list.

One walk serves both destruction (Besluit 9.9) and the inzageverzoek (AVG art. 15), so a new model of
any app — a letter, a DUO message, a BRP snapshot — is covered the day it gets a foreign key to a
dossier (or to anything that hangs off one): the destruction test then finds its rows gone, and the
export lists them.

The walk, from the roots (the dossiers to destroy; for the person-level data also the `Inburgeraar`):
- every row of a project model with a foreign key to a collected row, repeated to a fixpoint;
- also rows that exist only in a history table (django-simple-history keeps the rows of deleted
  objects): their ids count as collected too, so a deleted Werkervaring's history is found through the
  intake it belonged to;
- every `Document` a collected row (or its history) points to: a letter or beschikking about the person;
- every `Document` whose plain `dossier_id` (no foreign key: the kernel cannot point to cases) is a
  collected dossier — the Documenten tab lists by it;
- the history rows of every collected row.
Not collected: the core (`Kerngegevens`, the person's core fields), the logs (they hold dossier
numbers, not foreign keys, and keep their own retention), configuration, and user accounts.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models, transaction

from cases.models import Dossier, Huishouden, Inburgeraar
from inburgering.documenten.models import Document, Verzending

# The apps whose models can hold personal data about an inburgeraar (every domain app, the kernel's
# documents, and the integration apps above them as they arrive).
PROJECT_APPS = frozenset({"cases", "pip_plans", "leerroutes", "handhaving", "documenten", "avg", "duo", "brp",
                          "duo_notificaties"})  # DUO's notifications (issue 17): they hold a BSN
# Models that point to a person but are the part the law lets us keep, or are the privacy app's own
# bookkeeping (references only).
BEWAARD = frozenset({"avg.Kerngegevens", "avg.Vernietigingslijst", "avg.Regel"})
# Models a collected row points *to* that belong to the person (the walk follows those forward too).
EIGENDOM_VIA_VERWIJZING = (Document,)
# Models that hold a dossier as a plain `dossier_id` (no foreign key) and belong to the person.
PER_DOSSIER_ID = (Verzending,)
CHUNK = 500


def _history_model(model: type[models.Model]) -> type[models.Model] | None:
    """The django-simple-history model of `model`, or None."""
    manager = getattr(model, "_meta", None) and getattr(model._meta, "simple_history_manager_attribute", None)
    if manager:
        return getattr(model, manager).model
    return None


def _is_history(model: type[models.Model]) -> bool:
    return getattr(model, "instance_type", None) is not None  # simple_history's HistoricalX


def project_modellen() -> list[type[models.Model]]:
    return [m for m in apps.get_models(include_auto_created=True)
            if m._meta.app_label in PROJECT_APPS and not _is_history(m) and m._meta.label not in BEWAARD]


def _verwijzingen() -> dict[type[models.Model], list[tuple[type[models.Model], models.Field]]]:
    """Reverse edges of the graph: target model → [(model, foreign key field)]."""
    naar: dict[type[models.Model], list] = defaultdict(list)
    for model in project_modellen():
        for veld in model._meta.concrete_fields:
            if veld.is_relation and veld.related_model is not None:
                naar[veld.related_model].append((model, veld))
    return naar


def _in_stukken(ids: Iterable) -> Iterable[list]:
    ids = sorted(ids)
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


def _waarden(model, veld_naam: str, filter_veld: str, ids) -> set:
    """`veld_naam` of the rows of `model` (live and history) whose `filter_veld` is in `ids`."""
    gevonden: set = set()
    history = _history_model(model)
    pk_naam = model._meta.pk.attname
    for stuk in _in_stukken(ids):
        gevonden.update(model._base_manager.filter(**{f"{filter_veld}__in": stuk})
                        .values_list(veld_naam, flat=True))
        if history is not None:
            hist_veld = pk_naam if veld_naam == pk_naam else veld_naam
            gevonden.update(history._base_manager.filter(**{f"{filter_veld}__in": stuk})
                            .values_list(hist_veld, flat=True))
    gevonden.discard(None)
    return gevonden


@dataclass
class Verzameling:
    """The collected rows per model (primary keys), history included by the same keys."""

    rijen: dict[type[models.Model], set] = field(default_factory=lambda: defaultdict(set))

    def aantal(self) -> int:
        return sum(len(ids) for ids in self.rijen.values())

    def modellen(self) -> list[type[models.Model]]:
        return [m for m, ids in self.rijen.items() if ids]


def verzamelen(*, dossier_ids: Iterable[int], inburgeraar_id: int | None = None) -> Verzameling:
    """Every row about these dossiers; with `inburgeraar_id` also the person-level rows (anything that
    points to the person other than a dossier or the core)."""
    verzameling = Verzameling()
    naar = _verwijzingen()
    verzameling.rijen[Dossier] |= set(dossier_ids)
    te_doen: list[type[models.Model]] = [Dossier]
    if inburgeraar_id is not None:
        personen = {Inburgeraar: {inburgeraar_id}}
        for model, veld in naar.get(Inburgeraar, []):
            if model is Dossier:
                continue
            nieuw = _waarden(model, model._meta.pk.attname, veld.attname, personen[Inburgeraar])
            if nieuw - verzameling.rijen[model]:
                verzameling.rijen[model] |= nieuw
                te_doen.append(model)
    _achteruit(verzameling, naar, te_doen)
    # Kernel rows that name a dossier by its plain id (the kernel cannot point into cases): a letter's
    # verzending (issue 15).
    for model in PER_DOSSIER_ID:
        verzameling.rijen[model] |= set(model._base_manager.filter(
            dossier_id__in=verzameling.rijen[Dossier]).values_list("pk", flat=True))
    # The documents that name a collected dossier by its plain id (letters, issue 15).
    if verzameling.rijen[Dossier]:
        verzameling.rijen[Document] |= _waarden(Document, "id", "dossier_id", verzameling.rijen[Dossier])
    # Forward: the documents (letters, beschikkingen) the collected rows point to; then what hangs off
    # those documents in turn (a letter's verzending).
    for model in list(verzameling.modellen()):
        for veld in model._meta.concrete_fields:
            if veld.is_relation and veld.related_model in EIGENDOM_VIA_VERWIJZING:
                verzameling.rijen[veld.related_model] |= _waarden(
                    model, veld.attname, model._meta.pk.attname, verzameling.rijen[model])
    _achteruit(verzameling, naar, [m for m in EIGENDOM_VIA_VERWIJZING if verzameling.rijen[m]])
    return verzameling


def _achteruit(verzameling: Verzameling, naar, te_doen: list) -> None:
    """Every row pointing to a collected row, to a fixpoint."""
    while te_doen:
        doel = te_doen.pop()
        for model, veld in naar.get(doel, []):
            if model is Dossier:
                continue  # another dossier of the same person is never reached through a dossier
            nieuw = _waarden(model, model._meta.pk.attname, veld.attname, verzameling.rijen[doel]) \
                - verzameling.rijen[model]
            if nieuw:
                verzameling.rijen[model] |= nieuw
                te_doen.append(model)


def bestanden(verzameling: Verzameling) -> list[tuple]:
    """(storage, name) of every file a collected row (or its history) holds."""
    gevonden = []
    for model, ids in verzameling.rijen.items():
        for veld in model._meta.concrete_fields:
            if isinstance(veld, models.FileField):
                for naam in _waarden(model, veld.attname, model._meta.pk.attname, ids):
                    if naam:
                        gevonden.append((veld.storage, naam))
    return gevonden


def _raw_delete(model, filter_veld: str, ids) -> int:
    """Delete without signals or model overrides: a destroyed row must not leave a history row
    (simple_history records deletes), and documents and other immutable rows refuse `delete()` on purpose.
    This is the one place that removes them."""
    aantal = 0
    for stuk in _in_stukken(ids):
        qs = models.QuerySet(model=model, using=transaction.get_connection().alias).filter(
            **{f"{filter_veld}__in": stuk})
        aantal += qs._raw_delete(qs.db)
    return aantal


def wissen(verzameling: Verzameling) -> dict[str, int]:
    """Delete the collected rows and their history rows, in the caller's transaction. The foreign keys
    are deferred to the commit (PostgreSQL and SQLite alike), so the order within does not matter; it goes
    from the leaves to the dossier anyway. Returns the count per model label."""
    aantallen: dict[str, int] = {}
    for model in sorted(verzameling.modellen(), key=lambda m: m is Dossier):
        ids = verzameling.rijen[model]
        history = _history_model(model)
        if history is not None:
            aantallen[history._meta.label] = _raw_delete(history, model._meta.pk.attname, ids)
        aantallen[model._meta.label] = _raw_delete(model, model._meta.pk.attname, ids)
    return aantallen


# The core fields of a person (Besluit 9.9 lid 2); every other field is emptied.
KERNVELDEN = frozenset({"id", "bsn", "voornamen", "voorvoegsel", "geslachtsnaam", "geboortedatum", "straat",
                        "huisnummer", "postcode", "woonplaats", "adresregel1", "adresregel2", "adresregel3"})


def persoon_tot_kern(inburgeraar_id: int) -> None:
    """Reduce the person to the core: empty every other field, remove the person's history rows (they hold
    the old values) and an huishouden that no one else belongs to."""
    persoon = Inburgeraar._base_manager.get(pk=inburgeraar_id)
    leeg = {}
    for veld in Inburgeraar._meta.concrete_fields:
        if veld.name in KERNVELDEN:
            continue
        if veld.is_relation or veld.null:
            leeg[veld.attname] = None
        elif veld.has_default():
            leeg[veld.attname] = veld.get_default()
        else:
            leeg[veld.attname] = ""
    Inburgeraar._base_manager.filter(pk=inburgeraar_id).update(**leeg)
    _raw_delete(_history_model(Inburgeraar), "id", [inburgeraar_id])
    if persoon.huishouden_id and not Inburgeraar._base_manager.filter(huishouden_id=persoon.huishouden_id).exists():
        _raw_delete(_history_model(Huishouden), "id", [persoon.huishouden_id])
        _raw_delete(Huishouden, "id", [persoon.huishouden_id])


def persoon_wissen(inburgeraar_id: int) -> None:
    """Remove the person entirely (the core's term has passed and nothing else refers to them)."""
    persoon_tot_kern(inburgeraar_id)
    _raw_delete(Inburgeraar, "id", [inburgeraar_id])
