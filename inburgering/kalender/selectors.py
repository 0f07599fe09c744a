from datetime import date

from .models import GelijkgesteldeDag


def gelijkgestelde_dagen(van: date, tot: date) -> frozenset[date]:
    """Days equated with holidays (Algemene termijnenwet art. 3 lid 3) from `van` up to and including
    `tot`, in one query. Pass the result as `extra_dagen` to `datums.fatale_datum`/`atw_verleng`."""
    return frozenset(GelijkgesteldeDag.objects.filter(datum__range=(van, tot)).values_list("datum", flat=True))
