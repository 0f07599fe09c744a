"""Downloading a list as CSV or Excel (issue 20 item 1). The kernel part: columns, cells, files and the
logging; it knows nothing of dossiers or lists. Each app defines its own columns and hands in the rows
from its list's own selector (so the same access rules and filter apply).

- **Every row matching the filter**, up to `settings.EXPORT_MAX_RIJEN` (default 10.000). When the list
  holds more, the file ends with a row that says so, and the page states the cap next to the links.
- **Spreadsheet formula injection** (OWASP "CSV injection"): a text cell that begins with `=`, `+`, `-`,
  `@`, a tab or a carriage return gets a leading apostrophe, so Excel or LibreOffice shows it as text
  and never evaluates it. Numbers and dates stay numbers and dates.
- **CSV** for Dutch Excel: `;` as separator, UTF-8 with a byte-order mark, CRLF line ends; dates as
  dd-mm-jjjj. Streamed row by row: constant memory.
- **XLSX** (openpyxl, write-only mode: rows go to a temporary file, not into memory); dates as dates.
- **Logging**: one security-log entry per download (`Gebeurtenis.EXPORT`: which list, which format, how
  many rows, capped or not; no filter values, no names) and one processing-log read
  (`Handeling.EXPORTEREN`) of the exported dossier set, in the request's one `Dataverwerking` row.

Queries: one for the dossier ids (the count and the processing log), one server-side cursor for the
rows (`QuerySet.iterator`), and the two log writes: constant, however many rows.
"""

import csv
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from inburgering.audit.models import Gebeurtenis, Handeling
from inburgering.audit.services import beveiliging_vastleggen
from inburgering.audit.verwerkingen import verwerking_vastleggen

STANDAARD_MAX_RIJEN = 10_000
FORMATEN = ("csv", "xlsx")
GEVAARLIJK_BEGIN = ("=", "+", "-", "@", "\t", "\r")
CSV_SCHEIDING = ";"
BOM = "\ufeff"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
CHUNK = 2000


def max_rijen() -> int:
    return int(getattr(settings, "EXPORT_MAX_RIJEN", STANDAARD_MAX_RIJEN))


@dataclass(frozen=True)
class Kolom:
    kop: str | Promise
    waarde: Callable[[Any], Any]  # the row -> a str, number, date, datetime, bool or None


# --- pure rules ----------------------------------------------------------------------------------------------
def neutraliseren(tekst: str) -> str:
    """A text that a spreadsheet would read as a formula starts with an apostrophe."""
    return f"'{tekst}" if tekst.startswith(GEVAARLIJK_BEGIN) else tekst


def celwaarde(waarde: Any, *, voor: str) -> Any:
    """The value of one cell: None empty, a bool ja/nee, numbers as they are, dates as dates in XLSX and
    dd-mm-jjjj in CSV, everything else as neutralised text."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return _("ja") if waarde else _("nee")
    if isinstance(waarde, int | float | Decimal):
        return waarde if voor == "xlsx" else str(waarde).replace(".", ",")
    if isinstance(waarde, datetime):
        lokaal = timezone.localtime(waarde) if timezone.is_aware(waarde) else waarde
        return lokaal.replace(tzinfo=None) if voor == "xlsx" else lokaal.strftime("%d-%m-%Y %H:%M")
    if isinstance(waarde, date):
        return waarde if voor == "xlsx" else waarde.strftime("%d-%m-%Y")
    return neutraliseren(str(waarde))


def afgekapt_melding(grens: int) -> str:
    return _("Let op: deze lijst telt meer dan %(grens)s rijen; de download bevat alleen de eerste %(grens)s.") % {
        "grens": f"{grens:,}".replace(",", ".")}


def regels(kolommen: list[Kolom], rijen: Iterable, *, voor: str, afgekapt: bool, grens: int) -> Iterator[list]:
    """The header row, one row per object, and — when capped — the closing notice."""
    yield [neutraliseren(str(k.kop)) for k in kolommen]
    for rij in rijen:
        yield [celwaarde(k.waarde(rij), voor=voor) for k in kolommen]
    if afgekapt:
        yield [afgekapt_melding(grens)]


# --- files ----------------------------------------------------------------------------------------------------
class _Regel:
    """A write-only file for csv.writer: each write is handed back."""

    def write(self, tekst: str) -> str:
        return tekst


def csv_stroom(rijen: Iterable[list]) -> Iterator[bytes]:
    schrijver = csv.writer(_Regel(), delimiter=CSV_SCHEIDING, lineterminator="\r\n")
    yield BOM.encode("utf-8")
    for rij in rijen:
        yield schrijver.writerow(rij).encode("utf-8")


def xlsx_bestand(rijen: Iterable[list], *, blad: str) -> tempfile.SpooledTemporaryFile:
    from openpyxl import Workbook  # imported here: only a download needs it
    from openpyxl.cell import WriteOnlyCell

    boek = Workbook(write_only=True)
    werkblad = boek.create_sheet(title=blad[:31] or "Export")
    for nummer, rij in enumerate(rijen):
        cellen = []
        for waarde in rij:
            cel = WriteOnlyCell(werkblad, value=waarde)
            if isinstance(waarde, str):
                cel.data_type = "s"  # text is never a formula, whatever it starts with
            if isinstance(waarde, datetime):
                cel.number_format = "dd-mm-yyyy hh:mm"
            elif isinstance(waarde, date):
                cel.number_format = "dd-mm-yyyy"
            if nummer == 0:
                from openpyxl.styles import Font

                cel.font = Font(bold=True)
            cellen.append(cel)
        werkblad.append(cellen)
    # Kept in memory up to 5 MB, then on disk; FileResponse closes it when the download is sent.
    bestand = tempfile.SpooledTemporaryFile(max_size=5 * 1024 * 1024)  # noqa: SIM115
    boek.save(bestand)
    bestand.seek(0)
    return bestand


# --- the view helper ------------------------------------------------------------------------------------------
def formaat_of_404(formaat: str) -> str:
    if formaat not in FORMATEN:
        raise Http404
    return formaat


def bestandsnaam(naam: str, formaat: str) -> str:
    return f"{naam}-{timezone.localdate():%Y-%m-%d}.{formaat}"


def download(
    request: HttpRequest, *, formaat: str, lijst: str, titel: str | Promise, kolommen: list[Kolom],
    rijen: QuerySet | list, dossier_veld: str | None = "dossier_id",
) -> StreamingHttpResponse | FileResponse:
    """The download of one list. `rijen`: the list's own selector (its filter and access), a QuerySet,
    or for aggregate tables a list. `dossier_veld`: the field naming the dossier of a row ("pk" for a
    dossier list; None for aggregates, which hold no personal data)."""
    formaat = formaat_of_404(formaat)
    grens = max_rijen()
    if isinstance(rijen, QuerySet):
        veld = dossier_veld or "pk"
        ids = list(rijen.values_list(veld, flat=True)[: grens + 1])
        aantal, afgekapt = min(len(ids), grens), len(ids) > grens
        dossier_ids = sorted({i for i in ids[:grens] if i is not None}) if dossier_veld else []
        stroom = rijen[:grens].iterator(chunk_size=CHUNK)
    else:
        aantal, afgekapt = min(len(rijen), grens), len(rijen) > grens
        dossier_ids = []
        stroom = iter(rijen[:grens])
    beveiliging_vastleggen(Gebeurtenis.EXPORT, request=request, details={
        "soort": "lijst", "lijst": lijst, "formaat": formaat, "rijen": aantal, "afgekapt": afgekapt,
    })
    if dossier_ids:
        verwerking_vastleggen(Handeling.EXPORTEREN, dossier_ids=dossier_ids)
    inhoud = regels(kolommen, stroom, voor=formaat, afgekapt=afgekapt, grens=grens)
    naam = bestandsnaam(lijst, formaat)
    if formaat == "csv":
        antwoord = StreamingHttpResponse(csv_stroom(inhoud), content_type=CSV_TYPE)
        antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    else:
        antwoord = FileResponse(xlsx_bestand(inhoud, blad=str(titel)), as_attachment=True, filename=naam,
                                content_type=XLSX_TYPE)
    antwoord["X-Export-Rijen"] = str(aantal)
    return antwoord

