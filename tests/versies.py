"""The version a form opened now would carry (issue 9: strict optimistic locks), for tests that call
services directly."""

from django.db.models import Model

from inburgering.schrijven import versie_van


def nu(model, **lookup) -> int:
    """The object's current version in the database, or 0 while it does not exist."""
    return versie_van(model.objects.filter(**lookup).first())


def van(obj: Model) -> int:
    """The current version of a stored object (not the possibly stale one in memory)."""
    return nu(type(obj), pk=obj.pk)
