"""The calendar's reads: today, the equated days, and the end of a statutory period with the Algemene
termijnenwet applied. The one home of this date glue for every app (pip_plans, handhaving, …)."""

from datetime import date

from django.utils import timezone

from inburgering.instellingen.models import GemeenteInstellingen

from . import datums
from .models import AtwInstelling, GelijkgesteldeDag


def vandaag() -> date:
    """Today in Europe/Amsterdam (TIME_ZONE): the day every rule compares with."""
    return timezone.localdate()


def gelijkgestelde_dagen(van: date, tot: date) -> frozenset[date]:
    """Days equated with holidays (Algemene termijnenwet art. 3 lid 3) from `van` up to and including
    `tot`, in one query. Pass the result as `extra_dagen` to `datums.fatale_datum`/`atw_verleng`."""
    return frozenset(GelijkgesteldeDag.objects.filter(datum__range=(van, tot)).values_list("datum", flat=True))


def gelijkgestelde_dagen_na(laatste_dag: date) -> frozenset[date]:
    """The equated days an Atw extension of a period ending on `laatste_dag` can meet (two weeks ahead
    is more than any run of weekend, holidays and equated days)."""
    return gelijkgestelde_dagen(laatste_dag, datums.weken_na(laatste_dag, 2))


def fatale_datum(laatste_dag: date, *, atw: bool) -> date:
    """The last day of a period, moved by the Algemene termijnenwet when it applies (art. 1 lid 1)."""
    return datums.fatale_datum(laatste_dag, atw=atw, extra_dagen=gelijkgestelde_dagen_na(laatste_dag))


def bezwaar_einde(bekendmaking: date) -> date:
    """Awb 6:7/6:8: six weeks starting the day after bekendmaking, then the Algemene termijnenwet.
    The same for every beschikking (PIP, boete)."""
    laatste = datums.bezwaartermijn_einde(bekendmaking, GemeenteInstellingen.huidig().bezwaar_weken)
    return fatale_datum(laatste, atw=AtwInstelling.huidig().bezwaar)
