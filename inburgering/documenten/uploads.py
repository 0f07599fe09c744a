"""Uploaded files (issue 12 item 5): checked by content, limited in size, stored under a random name,
and scanned for viruses when a scanner is configured.

- Allowed types, recognised by their first bytes (never by the name the user gave): PDF, PNG, JPEG,
  DOCX and ODT (zip containers whose inner parts say what they are), and plain UTF-8 text (.txt, .eml).
  Outlook's binary .msg and every other type are refused; a DOCX with macros is a .docm and refused.
- Size: `UPLOAD_MAX_MB` (default 10). `BegrensdeUploadHandler` stops writing a file to disk past that
  size but keeps counting, so the service refuses it with a Dutch message next to the field and the
  rest of the form (the typed text) stays on the page. The proxy in front (client_max_body_size)
  should still cap the request itself.
- Stored name: a random hex name with the extension of the detected type; the user's name is kept only
  as data (e.g. `Notitie.bijlage_naam`) and used as the download name.
- Virus scanner: with `CLAMD_ADDRESS` (`tcp://host:3310` or `unix:///run/clamav/clamd.ctl`) every upload is
  sent over clamd's INSTREAM protocol; "FOUND" and an unreachable or erroring scanner both refuse the file.
"""

import io
import socket
import struct
import uuid
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

FOUT_TE_GROOT = _("Het bestand is groter dan {grens}.")
FOUT_SOORT = _("Dit soort bestand kan niet worden toegevoegd. Toegestaan: PDF, PNG, JPEG, Word (.docx), "
               "OpenDocument-tekst (.odt) en platte tekst of e-mail (.txt, .eml).")
FOUT_VIRUS = _("Het bestand is geweigerd: de virusscanner vond er een virus in.")
FOUT_SCANNER = _("Het bestand kan nu niet op virussen worden gecontroleerd en is daarom niet opgeslagen. "
                 "Probeer het later opnieuw of neem contact op met functioneel beheer.")

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
DOCX_HOOFDDEEL = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@dataclass(frozen=True)
class Soort:
    extensie: str
    mime_type: str


PDF = Soort("pdf", "application/pdf")
PNG = Soort("png", "image/png")
JPEG = Soort("jpg", "image/jpeg")
DOCX = Soort("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
ODT = Soort("odt", "application/vnd.oasis.opendocument.text")
TEKST = Soort("txt", "text/plain")


def _lees(bestand) -> bytes:
    bestand.seek(0)
    inhoud = bestand.read()
    bestand.seek(0)
    return inhoud


def _zip_soort(inhoud: bytes) -> Soort | None:
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
            namen = set(archief.namelist())
            if "mimetype" in namen and archief.read("mimetype").strip() == ODT_MIMETYPE:
                return ODT
            if "[Content_Types].xml" in namen and "word/document.xml" in namen:
                typen = archief.read("[Content_Types].xml").decode("utf-8", "replace")
                if DOCX_HOOFDDEEL in typen and "vbaProject" not in typen:
                    return DOCX
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, NotImplementedError):
        return None
    return None


TEKST_EXTENSIES = (".txt", ".eml")
STUURTEKENS = bytes(set(range(32)) - {9, 10, 12, 13}) + b"\x7f"


def soort_van(inhoud: bytes, naam: str = "") -> Soort | None:
    """The allowed type the bytes are, or None. Pure: bytes (and the user's file name) in, type out.
    The name never makes a type allowed; it only narrows plain text to files the user calls .txt/.eml
    (text has no magic bytes, and an .exe can look like text in its first bytes)."""
    if inhoud.startswith(b"%PDF-"):
        return PDF
    if inhoud.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if inhoud.startswith(b"\xff\xd8\xff"):
        return JPEG
    if inhoud.startswith(b"PK\x03\x04"):
        return _zip_soort(inhoud)
    if inhoud and naam.lower().endswith(TEKST_EXTENSIES) and inhoud[:65536].translate(None, STUURTEKENS) == inhoud[:65536]:
        try:
            inhoud.decode("utf-8")
        except UnicodeDecodeError:
            return None
        return TEKST
    return None


class BegrensdeUploadHandler(TemporaryFileUploadHandler):
    """Django's temporary-file handler that writes at most UPLOAD_MAX_BYTES + 1 bytes of a file; the
    file's `size` is still the size that was sent, so `upload_controleren` refuses it."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.geschreven = 0

    def receive_data_chunk(self, raw_data, start):
        ruimte = settings.UPLOAD_MAX_BYTES + 1 - self.geschreven
        if ruimte > 0:
            deel = raw_data[:ruimte]
            self.file.write(deel)
            self.geschreven += len(deel)


# --- clamd ------------------------------------------------------------------------------------------


class ScannerOnbereikbaar(Exception):
    pass


def _verbinden(adres: str, timeout: float) -> socket.socket:
    if adres.startswith("unix://"):
        sok = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sok.settimeout(timeout)
        sok.connect(adres.removeprefix("unix://"))
        return sok
    host, _sep, poort = adres.removeprefix("tcp://").rpartition(":")
    return socket.create_connection((host.strip("[]"), int(poort)), timeout=timeout)


def clamd_scan(inhoud: bytes, adres: str, *, timeout: float = 30.0, blok: int = 64 * 1024) -> str | None:
    """Scan bytes with clamd (INSTREAM). Returns the virus name, or None when clean; raises
    ScannerOnbereikbaar when the scanner cannot be reached or answers an error."""
    try:
        with _verbinden(adres, timeout) as sok:
            sok.sendall(b"zINSTREAM\0")
            for start in range(0, len(inhoud), blok):
                deel = inhoud[start:start + blok]
                sok.sendall(struct.pack("!L", len(deel)) + deel)
            sok.sendall(struct.pack("!L", 0))
            antwoord = b""
            while not antwoord.endswith(b"\0"):
                stuk = sok.recv(4096)
                if not stuk:
                    break
                antwoord += stuk
    except (OSError, ValueError) as fout:
        raise ScannerOnbereikbaar(str(fout)) from fout
    tekst = antwoord.rstrip(b"\0").decode("utf-8", "replace").strip()
    if tekst.endswith(" OK"):
        return None
    if tekst.endswith(" FOUND"):
        return tekst.removeprefix("stream:").removesuffix(" FOUND").strip() or "onbekend"
    raise ScannerOnbereikbaar(tekst or "geen antwoord")


# --- the check a service calls ------------------------------------------------------------------------


def upload_controleren(bestand: UploadedFile, *, veld: str) -> Soort:
    """Refuse a file that is too large, of a type not allowed, or infected (Dutch message on `veld`);
    return the detected type. Also gives the file a random name with that type's extension."""
    grens = settings.UPLOAD_MAX_BYTES
    if bestand.size is not None and bestand.size > grens:
        raise ValidationError({veld: FOUT_TE_GROOT.format(grens=filesizeformat(grens))})
    inhoud = _lees(bestand)
    if len(inhoud) > grens:
        raise ValidationError({veld: FOUT_TE_GROOT.format(grens=filesizeformat(grens))})
    soort = soort_van(inhoud, bestand.name or "")
    if soort is None:
        raise ValidationError({veld: FOUT_SOORT})
    if settings.CLAMD_ADDRESS:
        try:
            virus = clamd_scan(inhoud, settings.CLAMD_ADDRESS, timeout=settings.CLAMD_TIMEOUT)
        except ScannerOnbereikbaar as fout:
            raise ValidationError({veld: FOUT_SCANNER}) from fout
        if virus is not None:
            raise ValidationError({veld: FOUT_VIRUS})
    bestand.name = f"{uuid.uuid4().hex}.{soort.extensie}"
    return soort
