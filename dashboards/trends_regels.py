"""The pure rules of the trends page (issue 20 item 7): which months, which month a date falls in, the
median and the percentage as the page shows them."""

from datetime import date

AANTAL_MAANDEN = 12


def maand_van(datum: date) -> date:
    """The month a date counts in: its first day."""
    return datum.replace(day=1)


def vorige_maand(maand: date) -> date:
    return date(maand.year - 1, 12, 1) if maand.month == 1 else date(maand.year, maand.month - 1, 1)


def volgende_maand(maand: date) -> date:
    return date(maand.year + 1, 1, 1) if maand.month == 12 else date(maand.year, maand.month + 1, 1)


def maanden(peildatum: date, aantal: int = AANTAL_MAANDEN) -> list[date]:
    """The last `aantal` months up to and including the peildatum's (which is still running), oldest first."""
    uitkomst = [maand_van(peildatum)]
    while len(uitkomst) < aantal:
        uitkomst.append(vorige_maand(uitkomst[-1]))
    return uitkomst[::-1]


def periode(maanden_: list[date]) -> tuple[date, date]:
    """[first day of the first month, first day after the last month): the range the queries read."""
    return maanden_[0], volgende_maand(maanden_[-1])


def maand_lezen(tekst: str) -> date | None:
    """A month as in a link (`2026-05`), or None when it is not one."""
    try:
        jaar, maand = tekst.split("-")
        if len(jaar) != 4 or len(maand) != 2:
            return None
        return date(int(jaar), int(maand), 1)
    except ValueError:
        return None


def mediaan(waarden: list[int]) -> float | None:
    """The median (of a number of days): the middle value, or the mean of the two middle values for an
    even count; None for no values (the page then shows a dash, not 0)."""
    if not waarden:
        return None
    geordend = sorted(waarden)
    midden = len(geordend) // 2
    if len(geordend) % 2:
        return float(geordend[midden])
    return (geordend[midden - 1] + geordend[midden]) / 2


def percentage(deel: int, geheel: int) -> float | None:
    """`deel` of `geheel` in percent, one decimal; None when `geheel` is 0 (nothing to measure)."""
    return round(100 * deel / geheel, 1) if geheel else None


def dagen(van: date, tot: date) -> int:
    return (tot - van).days

