"""Appointments for the agenda tests, written straight to the database (the rules are tested elsewhere)."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from cases.models import Afspraak
from inburgering.kalender.selectors import vandaag


def morgen_om(uur: int, minuut: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(vandaag() + timedelta(days=1), time(uur, minuut)))


def afspraak(dossier, *, medewerkers=None, start=None, duur=timedelta(hours=1), soort="voortgangsgesprek",
             **extra) -> Afspraak:
    start = start or morgen_om(10)
    a = Afspraak.objects.create(dossier=dossier, soort=soort, start=start, eind=start + duur, locatie="Stadskantoor",
                                vastgelegd_door=dossier.werkcoach, **extra)
    a.medewerkers.set(medewerkers or [dossier.werkcoach])
    return a
