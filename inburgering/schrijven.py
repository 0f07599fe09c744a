"""One way to write a use case (STYLE habit 15): the preamble every service runs before it changes a
row, and the one way it saves.

    zaak = vergrendelen(zichtbare_zaken(by), pk=zaak_id, mag=lambda z: mag_bewerken(by, z), versie=versie)
    ... validate with the pure rules, change ...
    opslaan(zaak, reden="Gesprek vastgelegd", door=by)

- `vergrendelen` locks the row with SELECT … FOR UPDATE inside the caller's transaction, so two writers
  of one row queue instead of interleaving; the queryset the caller passes already carries the
  visibility rule (a row the user may not see does not exist for them: DoesNotExist, a 404 in a view).
- The version check is strict (optimistic lock for forms): a form that edits an existing or singleton
  object sends the version it showed; a stale *or missing* version is refused with one Dutch message.
  An object that does not exist yet has version 0, so two people who opened the same empty form cannot
  both save it.
- `opslaan` records the history user and reason and raises the version on every change of a stored
  versioned row, also when no person makes the change (a Celery task, the DUO or BRP exchange): those
  pass a named system user (`inburgering.accounts.systeem.systeemgebruiker`).
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy as _

M = TypeVar("M", bound=Model)

VERSIE_VEROUDERD = _(
    "Iemand anders heeft dit intussen gewijzigd. Uw invoer is niet opgeslagen; u ziet die hieronder nog. "
    "Laad de pagina opnieuw en voer uw wijziging nog eens in."
)
VERSIE_CODE = "versie"
NIET_CONTROLEREN: Any = object()  # "this write is not a form edit": no version is compared


def versieveld(obj_of_model: Model | type[Model]) -> str | None:
    """The optimistic-lock field of a model: `versie`, or the name it sets in `VERSIEVELD`
    (a PIP's `versie` is its version number, so its lock is `wijzigingsnummer`)."""
    naam = getattr(obj_of_model, "VERSIEVELD", "versie")
    try:
        obj_of_model._meta.get_field(naam)
    except Exception:
        return None
    return naam


def versie_van(obj: Model | None) -> int:
    """The version a form shows: 0 for an object that does not exist yet."""
    if obj is None:
        return 0
    veld = versieveld(obj)
    return getattr(obj, veld) if veld else 0


def versie_controleren(obj: Model | None, versie: int | None) -> None:
    """Strict: a missing version is as stale as a wrong one (a lost update otherwise slips through)."""
    if versie is None or versie != versie_van(obj):
        raise ValidationError(VERSIE_VEROUDERD, code=VERSIE_CODE)


def vergrendelen(
    queryset: QuerySet[M], *, mag: Callable[[M], bool] | None = None, versie: int | None = NIET_CONTROLEREN,
    **lookup: Any,
) -> M:
    """Lock one row of `queryset` (FOR UPDATE OF the row itself, not its joins), then check that the
    user may change it (`mag`, PermissionDenied otherwise) and, for a form edit, its version."""
    obj = queryset.select_for_update(of=("self",)).get(**lookup)
    if mag is not None and not mag(obj):
        raise PermissionDenied
    if versie is not NIET_CONTROLEREN:
        versie_controleren(obj, versie)
    return obj


def enkel_vergrendelen(queryset: QuerySet[M], *, versie: int | None = NIET_CONTROLEREN) -> M | None:
    """Lock the one row of a singleton (e.g. a dossier's PVT), which may not exist yet (version 0)."""
    obj = queryset.select_for_update(of=("self",)).first()
    if versie is not NIET_CONTROLEREN:
        versie_controleren(obj, versie)
    return obj


def opslaan(obj: Model, *, reden: str, door: Model | None) -> None:
    """Save with the history reason and user, set explicitly (not only by the request middleware), so a
    change made by a Celery task or a command is attributed too. A stored versioned row gets the next
    version, so every open form on it is now stale."""
    veld = versieveld(obj)
    if veld and obj.pk is not None and not obj._state.adding:
        setattr(obj, veld, getattr(obj, veld) + 1)
    obj._change_reason = reden
    obj._history_user = door
    obj.save()
