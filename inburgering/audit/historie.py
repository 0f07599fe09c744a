"""Every change is versioned with who and why (DESIGN.md: simple-history on every record)."""

from django.db.models import Model

from inburgering.accounts.models import User


def opslaan(obj: Model, *, reden: str, door: User) -> None:
    """Save with the history reason and the user. The user is set explicitly (not only by the
    request middleware), so changes made by a Celery task or a command are attributed too."""
    obj._change_reason = reden
    obj._history_user = door
    obj.save()
