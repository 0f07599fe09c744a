"""Reads for the contacts of a dossier (one query)."""

from django.db.models import QuerySet

from cases.models import Contactmoment, Dossier, UitnodigingVoortgangsgesprek


def contactmomenten(dossier: Dossier) -> QuerySet[Contactmoment]:
    return Contactmoment.objects.filter(dossier=dossier).select_related("vastgelegd_door").order_by("-datum", "-id")


def voortgangsuitnodigingen(dossier: Dossier) -> QuerySet[UitnodigingVoortgangsgesprek]:
    """The invitations with their verzending (one query)."""
    return (UitnodigingVoortgangsgesprek.objects.filter(dossier=dossier)
            .select_related("document__verzending").order_by("-datum", "-id"))
