"""The agenda's reads. Every list is of dossiers the user may see (`cases.access`)."""

import hashlib
from datetime import datetime, timedelta

from django.db.models import Prefetch, QuerySet

from cases import access
from cases.models import Afspraak, AgendaFeed, Dossier
from inburgering.accounts.models import User

AGENDA_GRENS = 300  # a day or week view shows at most this many appointments (it says so when there are more)
FEED_TERUG = timedelta(days=60)
FEED_VOORUIT = timedelta(days=400)
FEED_GRENS = 1000


def _met_medewerkers(qs: QuerySet[Afspraak]) -> QuerySet[Afspraak]:
    return qs.prefetch_related(Prefetch("medewerkers", queryset=User.objects.order_by("first_name", "last_name")))


def dossier_afspraken(dossier: Dossier) -> QuerySet[Afspraak]:
    """A dossier's appointments, the latest first (the dossier was checked by the view)."""
    return _met_medewerkers(
        Afspraak.objects.filter(dossier=dossier).select_related("document").order_by("-start", "-id"))


def agenda(user: User, begin: datetime, eind: datetime) -> QuerySet[Afspraak]:
    """The user's own appointments from `begin` up to `eind`, of dossiers the user may see."""
    qs = Afspraak.objects.filter(medewerkers=user, start__lt=eind, eind__gt=begin)
    return _met_medewerkers(
        access.beperk_tot_zichtbaar(qs, user).select_related("dossier__inburgeraar").order_by("start", "id")
    )


def conflicten(medewerker_ids: list[int], start: datetime, eind: datetime) -> QuerySet[Afspraak]:
    """Appointments (not cancelled) of these medewerkers that overlap [start, eind)."""
    return (Afspraak.objects.filter(medewerkers__in=medewerker_ids, geannuleerd=False, start__lt=eind,
                                    eind__gt=start)
            .distinct().order_by("start", "id"))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def feed_van_token(token: str) -> AgendaFeed | None:
    """The feed whose token this is, of an active user; None otherwise (one query)."""
    if not token or len(token) > 100:
        return None
    return (AgendaFeed.objects.select_related("gebruiker").filter(token_hash=token_hash(token),
                                                                  gebruiker__is_active=True).first())


def feed_afspraken(user: User, nu: datetime) -> list[Afspraak]:
    """The feed's appointments: from two months back to a year ahead, cancelled ones too (a calendar then
    removes them), of dossiers the user still may see. Only what the summary needs is loaded."""
    qs = Afspraak.objects.filter(medewerkers=user, start__gte=nu - FEED_TERUG, start__lt=nu + FEED_VOORUIT)
    qs = access.beperk_tot_zichtbaar(qs, user).select_related("dossier__inburgeraar").only(
        "id", "dossier_id", "soort", "start", "eind", "kenmerk_brief", "geannuleerd", "gewijzigd_op", "versie",
        "dossier__inburgeraar__voornamen", "dossier__inburgeraar__geslachtsnaam",
    )
    return list(qs.order_by("start", "id")[:FEED_GRENS])
