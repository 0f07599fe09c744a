"""The rules of the kernel export module (issue 20 item 1): neutralising formulas, cell values, the cap."""

import csv
import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from inburgering import export
from inburgering.export import Kolom


@pytest.mark.parametrize("tekst", ["=SOM(A1:A3)", "+31 6 1234", "-2+3", "@SUM(1)", "\tTAB", "\rCR",
                                   '=HYPERLINK("http://evil","klik")'])
def test_a_text_a_spreadsheet_would_evaluate_gets_a_leading_apostrophe(tekst):
    assert export.neutraliseren(tekst) == "'" + tekst


@pytest.mark.parametrize("tekst", ["Jansen", "", "van der Berg", "1=1", "a@b.nl", "'al veilig"])
def test_an_ordinary_text_stays_as_it_is(tekst):
    assert export.neutraliseren(tekst) == tekst


def test_cell_values_for_csv_and_xlsx():
    assert export.celwaarde(None, voor="csv") == ""
    assert export.celwaarde(True, voor="csv") == "ja"
    assert export.celwaarde(False, voor="xlsx") == "nee"
    assert export.celwaarde(-5, voor="xlsx") == -5  # a number stays a number, also a negative one
    assert export.celwaarde(Decimal("12.50"), voor="csv") == "12,50"
    assert export.celwaarde(date(2026, 3, 9), voor="csv") == "09-03-2026"
    assert export.celwaarde(date(2026, 3, 9), voor="xlsx") == date(2026, 3, 9)
    assert export.celwaarde(datetime(2026, 3, 9, 14, 5), voor="csv") == "09-03-2026 14:05"
    assert export.celwaarde("=1+1", voor="xlsx") == "'=1+1"


KOLOMMEN = [Kolom("Naam", lambda r: r[0]), Kolom("Aantal", lambda r: r[1])]


def test_rows_start_with_the_header_and_end_with_a_notice_only_when_capped():
    rijen = list(export.regels(KOLOMMEN, [("a", 1), ("b", 2)], voor="csv", afgekapt=False, grens=2))
    assert rijen == [["Naam", "Aantal"], ["a", "1"], ["b", "2"]]
    afgekapt = list(export.regels(KOLOMMEN, [("a", 1)], voor="csv", afgekapt=True, grens=1))
    assert afgekapt[-1][0].startswith("Let op: deze lijst telt meer dan 1 rijen")


def test_the_csv_is_utf8_with_a_bom_semicolons_and_crlf():
    inhoud = b"".join(export.csv_stroom([["Naam", "Plaats"], ["Özil; Ayşe", "Delfzijl"]]))
    assert inhoud.startswith("\ufeff".encode())
    tekst = inhoud.decode("utf-8")[1:]
    assert tekst == 'Naam;Plaats\r\n"Özil; Ayşe";Delfzijl\r\n'
    assert list(csv.reader(io.StringIO(tekst), delimiter=";")) == [["Naam", "Plaats"], ["Özil; Ayşe", "Delfzijl"]]


def test_the_xlsx_holds_text_as_text_and_dates_as_dates():
    bestand = export.xlsx_bestand(
        export.regels([*KOLOMMEN, Kolom("Datum", lambda r: r[2])], [("=1+1", 3, date(2026, 1, 2))],
                      voor="xlsx", afgekapt=False, grens=10),
        blad="Dossiers",
    )
    blad = load_workbook(bestand).active
    assert blad.title == "Dossiers"
    assert [c.value for c in blad[1]] == ["Naam", "Aantal", "Datum"]
    naam, aantal, datum = blad[2]
    assert naam.value == "'=1+1" and naam.data_type == "s"
    assert aantal.value == 3
    assert datum.value.date() == date(2026, 1, 2)


def test_the_cap_comes_from_the_settings(settings):
    settings.EXPORT_MAX_RIJEN = 7
    assert export.max_rijen() == 7
    del settings.EXPORT_MAX_RIJEN
    assert export.max_rijen() == export.STANDAARD_MAX_RIJEN
