"""Date conventions for every termijn in the system (DOMAIN.md §8 "Date conventions").

Pure functions: no database, no clock, no time zone. Every value is a calendar `date` (a day in
Europe/Amsterdam); a `datetime` is refused so that no instant is silently treated as a day.
End dates returned here are *inclusive* (the last allowed day), except where a name says DUO:
DUO's `einddatum` of the inburgeringstermijn is *exclusive* and is converted only at the boundary.

Days that the Crown equates with holidays (Algemene termijnenwet art. 3 lid 3) are data, not code:
the caller passes them in as `extra_dagen` (read them with
`inburgering.kalender.selectors.gelijkgestelde_dagen`).
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Collection
from datetime import date, datetime, timedelta
from typing import NamedTuple

__all__ = [
    "ATW_BEZWAAR",
    "ATW_ZIENSWIJZE",
    "BEZWAAR_WEKEN",
    "Inburgeringstermijn",
    "atw_verleng",
    "bezwaartermijn_einde",
    "duo_einddatum_naar_inclusief",
    "fatale_datum",
    "feestdagen",
    "hemelvaartsdag",
    "inburgeringstermijn",
    "inclusief_naar_duo_einddatum",
    "is_atw_dag_vrij",
    "koningsdag",
    "onherroepelijk_sinds",
    "pasen",
    "periode_maanden_einde",
    "plus_jaren",
    "plus_maanden",
    "vroegste_start_na_maanden",
    "weken_na",
]

EEN_DAG = timedelta(days=1)

# Statutory values: law, not policy (DOMAIN.md §8). Not settings: they change only with the law.
BEZWAAR_WEKEN = 6  # Awb 6:7: six weeks, starting the day after bekendmaking (6:8 lid 1)
ATW_BEZWAAR = True  # Algemene termijnenwet art. 1 lid 1 and art. 5: a term set by law, in weeks
ATW_ZIENSWIJZE = True  # idem: the zienswijze term of Awb 4:8 / 5:53 (weeks)
# Not for terms longer than three months or counted in months/years (Atw art. 4 lid 1 a):
# inburgeringstermijn, ontzorging, schakel window, the 13-week decision term of a fine.
ZATERDAG = 5  # date.weekday()
ZONDAG = 6


def _dag(d: date) -> date:
    """Accept a calendar day only: a `datetime` is a moment, and which day it is depends on the zone."""
    if isinstance(d, datetime) or not isinstance(d, date):
        raise TypeError(f"verwacht een datetime.date, kreeg {type(d).__name__}")
    return d


# --- weeks --------------------------------------------------------------------------------------


def weken_na(d: date, n: int) -> date:
    """Last allowed day of "within `n` weeks after `d`": `d` + 7·`n` days.

    DOMAIN.md §8: the term starts the day after `d` (Awb 6:7/6:8 for bezwaar), so after exactly
    7·n days it has run n whole weeks and that day is its last.
    """
    return _dag(d) + timedelta(weeks=n)


def bezwaartermijn_einde(bekendmaking: date, weken: int = BEZWAAR_WEKEN) -> date:
    """Last day of the bezwaartermijn *before* the Algemene termijnenwet: bekendmaking + 7·weken days.

    Awb 6:7 (six weeks) and 6:8 lid 1 (the term starts the day after bekendmaking); DOMAIN.md §5, §8.
    Apply `fatale_datum(..., atw=...)` to the result to get the fatale datum.
    """
    return weken_na(bekendmaking, weken)


def onherroepelijk_sinds(bezwaar_fatale_datum: date | None, vandaag: date, *, bezwaar_gemaakt: bool = False
                         ) -> date | None:
    """The day a beschikking became onherroepelijk (formele rechtskracht): the day after the last day
    of the bezwaartermijn (Awb 6:7, 6:8 with the Algemene termijnenwet) once that day has come, when no
    bezwaar was made. The bezwaartermijn is the citizen's term: its passing is no missed deadline of the
    gemeente (DOMAIN.md §8). None while bezwaar is still possible, or when bezwaar was made."""
    if bezwaar_fatale_datum is None or bezwaar_gemaakt:
        return None
    sinds = _dag(bezwaar_fatale_datum) + EEN_DAG
    return sinds if sinds <= _dag(vandaag) else None


# --- months and years ---------------------------------------------------------------------------


def plus_maanden(d: date, n: int) -> date:
    """The same day of the month `n` months later, clamped to that month's last day.

    DOMAIN.md §8 "N months from D": 31 Aug + 6 months → 28 Feb (29 Feb in a leap year).
    `n` may be negative.
    """
    _dag(d)
    jaar, maand_index = divmod(d.year * 12 + (d.month - 1) + n, 12)
    maand = maand_index + 1
    laatste = calendar.monthrange(jaar, maand)[1]
    return date(jaar, maand, min(d.day, laatste))


def periode_maanden_einde(start: date, n: int) -> date:
    """Inclusive last day of a period of `n` months whose first day is `start`.

    DOMAIN.md §8 and HR 1-9-2017, ECLI:NL:HR:2017:2225: the period ends on the day before the day
    with `start`'s number `n` months later; where that month has no such day, it ends on the last day
    of that month (no day is taken off after clamping). 1 Mar + 6 → 31 Aug; 31 Aug + 6 → 28 Feb
    (29 in a leap year); 29/30 Aug + 6 → 28 Feb in a common year; 28 Aug + 6 → 27 Feb.
    """
    _dag(start)
    jaar, maand_index = divmod(start.year * 12 + (start.month - 1) + n, 12)
    maand = maand_index + 1
    laatste = calendar.monthrange(jaar, maand)[1]
    if start.day > laatste:
        return date(jaar, maand, laatste)
    return date(jaar, maand, start.day) - EEN_DAG


def vroegste_start_na_maanden(d: date, n: int) -> date:
    """Earliest allowed day of something that may start only `n` months after `d`: `plus_maanden(d, n)`.

    DOMAIN.md §8: "an *earliest start* after N months is that date itself" (e.g. PVT asiel ≥ 12 months
    after huisvesting).
    """
    return plus_maanden(d, n)


def plus_jaren(d: date, n: int) -> date:
    """The same day `n` years later, clamped to the month's last day (29 Feb + 1 year → 28 Feb).

    DOMAIN.md §8 "3 years from start S" uses the same clamping as months.
    """
    return plus_maanden(d, 12 * n)


# --- inburgeringstermijn and DUO's exclusive einddatum ------------------------------------------


class Inburgeringstermijn(NamedTuple):
    """Both ends of the same term: `laatste_dag` for people (inclusive), `duo_einddatum` for DUO (exclusive)."""

    laatste_dag: date
    duo_einddatum: date


def duo_einddatum_naar_inclusief(d: date) -> date:
    """DUO's exclusive `einddatum` → the inclusive last day (the day before). DOMAIN.md §8."""
    return _dag(d) - EEN_DAG


def inclusief_naar_duo_einddatum(d: date) -> date:
    """Inclusive last day → DUO's exclusive `einddatum` (the day after). DOMAIN.md §8."""
    return _dag(d) + EEN_DAG


def inburgeringstermijn(start: date, jaren: int = 3) -> Inburgeringstermijn:
    """The inburgeringstermijn that starts on `start` (the day after the PIP's dagtekening).

    Wet inburgering 2021 art. 11 with DOMAIN.md §8: a period of `jaren` years, ending as
    `periode_maanden_einde` (HR 2017:2225): the last day is the day before the day with `start`'s
    number `jaren` years later, or the last day of that month where it has no such day. Dagtekening
    28 Feb 2028 → start 29 Feb 2028 → last day 28 Feb 2031, DUO's exclusive einddatum 1 Mar 2031.
    When DUO sends its own dates (extension SS103/SS104) those win; this only computes the default.
    """
    laatste_dag = periode_maanden_einde(start, 12 * jaren)
    return Inburgeringstermijn(laatste_dag, inclusief_naar_duo_einddatum(laatste_dag))


# --- Algemene termijnenwet ------------------------------------------------------------------------


def pasen(jaar: int) -> date:
    """Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a = jaar % 19
    b, c = divmod(jaar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    maand, dag = divmod(h + l_ - 7 * m + 114, 31)
    return date(jaar, maand, dag + 1)


def hemelvaartsdag(jaar: int) -> date:
    """Ascension Day: the 40th day of Easter, a Thursday (Easter + 39 days)."""
    return pasen(jaar) + timedelta(days=39)


def koningsdag(jaar: int) -> date:
    """Koningsdag: 27 April, or Saturday 26 April when the 27th is a Sunday (DOMAIN.md §8).

    Only the current king's day (since 2014); earlier years had Koninginnedag on other dates.
    """
    dag = date(jaar, 4, 27)
    return dag - EEN_DAG if dag.weekday() == ZONDAG else dag


@functools.cache
def _feestdagen(jaar: int) -> tuple[tuple[date, str], ...]:
    p = pasen(jaar)
    dagen: dict[date, list[str]] = {}
    for dag, naam in (
        (date(jaar, 1, 1), "Nieuwjaarsdag"),
        (p - timedelta(days=2), "Goede Vrijdag"),
        (p + EEN_DAG, "tweede Paasdag"),
        (koningsdag(jaar), "Koningsdag"),
        (date(jaar, 5, 5), "5 mei"),
        (hemelvaartsdag(jaar), "Hemelvaartsdag"),
        (p + timedelta(days=50), "tweede Pinksterdag"),
        (date(jaar, 12, 25), "eerste Kerstdag"),
        (date(jaar, 12, 26), "tweede Kerstdag"),
    ):
        dagen.setdefault(dag, []).append(naam)  # e.g. Hemelvaartsdag on 5 mei (2016, 2157)
    return tuple(sorted((dag, " en ".join(namen)) for dag, namen in dagen.items()))


def feestdagen(jaar: int) -> dict[date, str]:
    """The holidays of the Algemene termijnenwet in `jaar`, as {date: Dutch name}, in date order.

    Art. 3 lid 1: Nieuwjaarsdag, tweede Paasdag, tweede Pinksterdag, eerste en tweede Kerstdag,
    Hemelvaartsdag, Koningsdag and 5 mei (every year, not only lustrum years); art. 3 lid 2 equates
    Goede Vrijdag. Eerste Paas- and Pinksterdag are Sundays anyway and not listed. Days equated by
    Royal Decree (lid 3) are not here: they come from the table `GelijkgesteldeDag`.
    When two holidays coincide the names are joined ("5 mei en Hemelvaartsdag").
    """
    return dict(_feestdagen(jaar))


def is_atw_dag_vrij(d: date, extra_dagen: Collection[date]) -> bool:
    """True when a term may not end on `d`: a Saturday, Sunday, holiday (Atw art. 3 lid 1–2) or a
    day in `extra_dagen` (days equated by Royal Decree, Atw art. 3 lid 3)."""
    _dag(d)
    return d.weekday() in (ZATERDAG, ZONDAG) or d in _feestdagen_set(d.year) or d in extra_dagen


@functools.cache
def _feestdagen_set(jaar: int) -> frozenset[date]:
    return frozenset(dag for dag, _naam in _feestdagen(jaar))


def atw_verleng(d: date, extra_dagen: Collection[date]) -> date:
    """Algemene termijnenwet art. 1 lid 1: a term whose last day `d` is a Saturday, Sunday or recognised
    holiday runs on to the next day that is none of these; otherwise `d` itself.

    `extra_dagen` must cover at least the fortnight after `d` (a run of free days is never longer).
    Not applied here: art. 2 (a term of ≥ 3 days must contain two working days) — it cannot bind for
    the week-long terms of DOMAIN.md §8.
    """
    while is_atw_dag_vrij(d, extra_dagen):
        d += EEN_DAG
    return d


def fatale_datum(laatste_dag: date, *, atw: bool, extra_dagen: Collection[date]) -> date:
    """The fatale datum of a term whose last day is `laatste_dag`.

    `atw` says whether the Algemene termijnenwet applies to this kind of term (a fact of the law per
    termijn kind, e.g. `ATW_BEZWAAR`, DOMAIN.md §8); when it does the day moves past weekends and holidays.
    """
    return atw_verleng(laatste_dag, extra_dagen) if atw else _dag(laatste_dag)

