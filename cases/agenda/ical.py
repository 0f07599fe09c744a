"""A small iCalendar (RFC 5545) writer for the agenda feed: CRLF line ends, lines folded at 75 octets
(never inside a UTF-8 character), TEXT values escaped (§3.3.11), times in UTC (§3.3.5, form #2), so the
feed needs no VTIMEZONE. Pure: no database, no settings."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

CRLF = "\r\n"
MAX_OCTETS = 75


def tekst(waarde: str) -> str:
    """Escape a TEXT value (§3.3.11): backslash, semicolon, comma and newline."""
    waarde = waarde.replace("\r\n", "\n").replace("\r", "\n")
    return (waarde.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n"))


def vouwen(regel: str) -> str:
    """Fold one content line (§3.1): no line longer than 75 octets without its CRLF; a continuation line
    starts with one space. Splits between characters, never inside a multi-octet UTF-8 sequence."""
    delen: list[str] = []
    huidig, octets = "", 0
    for teken in regel:
        lengte = len(teken.encode("utf-8"))
        ruimte = MAX_OCTETS if not delen else MAX_OCTETS - 1  # the leading space counts
        if octets + lengte > ruimte:
            delen.append(huidig)
            huidig, octets = "", 0
        huidig += teken
        octets += lengte
    delen.append(huidig)
    return (CRLF + " ").join(delen)


def utc(moment: datetime) -> str:
    """DATE-TIME in UTC (§3.3.5 form #2): 19980119T070000Z. A naive datetime is refused."""
    if moment.tzinfo is None:
        raise ValueError("Een iCalendar-tijd heeft een tijdzone nodig.")
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


@dataclass(frozen=True)
class Gebeurtenis:
    uid: str
    start: datetime
    eind: datetime
    samenvatting: str
    gewijzigd: datetime  # DTSTAMP and LAST-MODIFIED: when the appointment was last revised (§3.8.7.2)
    volgnummer: int = 0  # SEQUENCE: raised with every revision
    beschrijving: str = ""
    url: str = ""
    afgezegd: bool = False


def _eigenschap(naam: str, waarde: str) -> str:
    return vouwen(f"{naam}:{waarde}") + CRLF


def kalender(gebeurtenissen: Iterable[Gebeurtenis], *, naam: str, prodid: str) -> str:
    """One VCALENDAR with a VEVENT per appointment, as a str to encode as UTF-8 (text/calendar)."""
    uit = [
        _eigenschap("BEGIN", "VCALENDAR"),
        _eigenschap("VERSION", "2.0"),
        _eigenschap("PRODID", prodid),
        _eigenschap("CALSCALE", "GREGORIAN"),
        _eigenschap("X-WR-CALNAME", tekst(naam)),
    ]
    for g in gebeurtenissen:
        uit += [
            _eigenschap("BEGIN", "VEVENT"),
            _eigenschap("UID", g.uid),
            _eigenschap("DTSTAMP", utc(g.gewijzigd)),
            _eigenschap("LAST-MODIFIED", utc(g.gewijzigd)),
            _eigenschap("SEQUENCE", str(g.volgnummer)),
            _eigenschap("DTSTART", utc(g.start)),
            _eigenschap("DTEND", utc(g.eind)),
            _eigenschap("SUMMARY", tekst(g.samenvatting)),
            _eigenschap("STATUS", "CANCELLED" if g.afgezegd else "CONFIRMED"),
        ]
        if g.beschrijving:
            uit.append(_eigenschap("DESCRIPTION", tekst(g.beschrijving)))
        if g.url:
            uit.append(_eigenschap("URL", g.url))
        uit.append(_eigenschap("END", "VEVENT"))
    uit.append(_eigenschap("END", "VCALENDAR"))
    return "".join(uit)
