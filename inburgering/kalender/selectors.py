"""The calendar's reads: today, the equated days, and the end of a statutory period with the Algemene
termijnenwet applied. The one home of this date glue for every app (pip_plans, handhaving, …)."""

from datetime import date

from django.utils import timezone

from . import datums
from .models import GelijkgesteldeDag


def vandaag() -> date:
    """Today in Europe/Amsterdam (TIME_ZONE): the day every rule compares with."""
    return timezone.localdate()


def gelijkgestelde_dagen(van: date, tot: date, *, verwacht: bool = True) -> frozenset[date]:
    """Days equated with holidays (Algemene termijnenwet art. 3 lid 3) from `van` up to and including
    `tot`, in one query. Pass the result as `extra_dagen` to `datums.fatale_datum`/`atw_verleng`.

    `verwacht`: whether days expected but not yet equated by a KB count. Chosen reading: yes for the
    citizen's terms (bezwaar, zienswijze — a later last day never cuts the citizen's term short, the
    default), no for the gemeente's own statutory terms (the PIP deadline: `verwacht=False`)."""
    dagen = GelijkgesteldeDag.objects.filter(datum__range=(van, tot))
    if not verwacht:
        dagen = dagen.filter(verwacht=False)
    return frozenset(dagen.values_list("datum", flat=True))


def gelijkgestelde_dagen_na(laatste_dag: date, *, verwacht: bool = True) -> frozenset[date]:
    """The equated days an Atw extension of a period ending on `laatste_dag` can meet (two weeks ahead
    is more than any run of weekend, holidays and equated days)."""
    return gelijkgestelde_dagen(laatste_dag, datums.weken_na(laatste_dag, 2), verwacht=verwacht)


def fatale_datum(laatste_dag: date, *, atw: bool, verwacht: bool = True) -> date:
    """The last day of a period, moved by the Algemene termijnenwet when it applies (art. 1 lid 1)."""
    return datums.fatale_datum(
        laatste_dag, atw=atw, extra_dagen=gelijkgestelde_dagen_na(laatste_dag, verwacht=verwacht)
    )


def bezwaar_einde(bekendmaking: date) -> date:
    """Awb 6:7/6:8: six weeks starting the day after bekendmaking, then the Algemene termijnenwet
    (art. 1; an expected equated day counts: it is the citizen's term). The same for every
    beschikking (PIP, boete)."""
    laatste = datums.bezwaartermijn_einde(bekendmaking)
    return fatale_datum(laatste, atw=datums.ATW_BEZWAAR, verwacht=True)
