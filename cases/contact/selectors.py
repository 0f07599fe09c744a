"""Reads for the contacts of a dossier (one query)."""

from django.db.models import QuerySet

from cases.models import Contactmoment, Dossier


def contactmomenten(dossier: Dossier) -> QuerySet[Contactmoment]:
    return Contactmoment.objects.filter(dossier=dossier).select_related("vastgelegd_door").order_by("-datum", "-id")
