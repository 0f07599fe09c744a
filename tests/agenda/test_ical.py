"""The iCalendar writer against RFC 5545: CRLF, folding at 75 octets, TEXT escaping, UTC times."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from cases.agenda import ical

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def ontvouwen(inhoud: str) -> list[str]:
    """RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab is removed."""
    return inhoud.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def test_rfc_text_example_is_escaped_as_in_the_rfc():
    # §3.3.11: "Project XYZ Final Review\nConference Room - 3B\nCome Prepared."
    assert ical.tekst("Project XYZ Final Review\nConference Room - 3B\nCome Prepared.") == \
        "Project XYZ Final Review\\nConference Room - 3B\\nCome Prepared."


@pytest.mark.parametrize(("invoer", "uit"), [
    ("a,b;c\\d", "a\\,b\\;c\\\\d"),
    ("regel 1\r\nregel 2", "regel 1\\nregel 2"),
    ("dubbele punt: blijft", "dubbele punt: blijft"),
])
def test_text_escaping(invoer, uit):
    assert ical.tekst(invoer) == uit


def test_rfc_folding_example_unfolds_to_the_long_line():
    # §3.1: the folded DESCRIPTION of the RFC unfolds to one line.
    gevouwen = "DESCRIPTION:This is a lo\r\n ng description\r\n  that exists on a long line."
    assert ontvouwen(gevouwen) == ["DESCRIPTION:This is a long description that exists on a long line."]


def test_a_short_line_is_not_folded():
    assert ical.vouwen("SUMMARY:kort") == "SUMMARY:kort"
    assert ical.vouwen("X" * 75) == "X" * 75


def test_long_lines_fold_at_75_octets_and_unfold_to_the_original():
    regel = "DESCRIPTION:" + "abcdefghij" * 30
    gevouwen = ical.vouwen(regel)
    delen = gevouwen.split("\r\n")
    assert len(delen) > 1
    assert all(len(deel.encode()) <= 75 for deel in delen)
    assert all(deel.startswith(" ") for deel in delen[1:])
    assert ontvouwen(gevouwen) == [regel]


def test_folding_never_splits_a_utf8_character():
    regel = "SUMMARY:" + "é€ü" * 40  # 2-, 3- and 2-octet characters
    delen = ical.vouwen(regel).split("\r\n")
    for deel in delen:
        assert len(deel.encode("utf-8")) <= 75
        deel.encode("utf-8").decode("utf-8")  # each physical line is whole UTF-8 on its own
    assert ontvouwen(ical.vouwen(regel)) == [regel]


def test_utc_times_as_in_the_rfc_example():
    # §3.3.5 form #2: 19980119T070000Z is 08:00 in Amsterdam (CET, UTC+1) on 19 January 1998.
    assert ical.utc(datetime(1998, 1, 19, 8, 0, tzinfo=AMSTERDAM)) == "19980119T070000Z"
    assert ical.utc(datetime(2026, 7, 1, 9, 30, tzinfo=AMSTERDAM)) == "20260701T073000Z"  # CEST, UTC+2
    with pytest.raises(ValueError):
        ical.utc(datetime(2026, 7, 1, 9, 30))


def test_a_calendar_has_crlf_lines_and_the_required_properties():
    moment = datetime(2026, 12, 1, 9, 0, tzinfo=AMSTERDAM)
    inhoud = ical.kalender([
        ical.Gebeurtenis(uid="afspraak-1@voorbeeld.nl", start=moment, eind=moment.replace(hour=10),
                         samenvatting="Voortgangsgesprek – A.B. – VG-12-3", gewijzigd=datetime(2026, 11, 1, tzinfo=UTC),
                         volgnummer=2, url="https://voorbeeld.nl/dossiers/12/afspraken/"),
        ical.Gebeurtenis(uid="afspraak-2@voorbeeld.nl", start=moment, eind=moment.replace(hour=11),
                         samenvatting="Intake, deel 1", gewijzigd=datetime(2026, 11, 1, tzinfo=UTC), afgezegd=True),
    ], naam="Afspraken", prodid="-//Test//NL")

    assert inhoud.endswith("END:VCALENDAR\r\n")
    assert "\n" not in inhoud.replace("\r\n", "")  # no bare LF or CR
    regels = ontvouwen(inhoud)[:-1]
    assert regels[:3] == ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//NL"]
    assert regels.count("BEGIN:VEVENT") == regels.count("END:VEVENT") == 2
    assert "UID:afspraak-1@voorbeeld.nl" in regels
    assert "DTSTAMP:20261101T000000Z" in regels
    assert "DTSTART:20261201T080000Z" in regels and "DTEND:20261201T090000Z" in regels
    assert "SEQUENCE:2" in regels
    assert "SUMMARY:Voortgangsgesprek – A.B. – VG-12-3" in regels
    assert "SUMMARY:Intake\\, deel 1" in regels
    assert "STATUS:CANCELLED" in regels and "STATUS:CONFIRMED" in regels
    assert all(len(r.encode()) <= 75 for r in inhoud.split("\r\n"))
