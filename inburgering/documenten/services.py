"""Writing and reading stored documents. The caller owns the transaction and the permission check.

Files are written safely (issue 12 item 5): into a temporary file in the target directory, fsynced,
then hard-linked into place under a free name (never overwriting) and the directory fsynced; any error
on the way (a full disk) removes the temporary file, so no truncated beschikking stays behind.

Rolled-back transactions: Django has no on-rollback hook, and the caller owns the transaction. A
failure of the document's own row write removes the file at once; a later rollback of the caller's
transaction leaves a file no row points to. `wezen_opruimen` removes such orphans (and stray temporary
files) once they are older than a grace period that no transaction lives through; Celery beat runs it
daily (`documenten.wezen_opruimen`). An orphan is never served: downloads go through a Document row.
"""

import hashlib
import hmac
import os
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from inburgering.accounts.models import User

from .models import Document
from .pdf import render_pdf

FOUT_GEMANIPULEERD = "Het bestand van document {id} komt niet overeen met de vastgelegde SHA-256; het is gewijzigd."


class DocumentGemanipuleerd(Exception):
    """The stored file no longer matches the sha256 recorded when the document was made."""


def document_opslaan(
    *, template_naam: str, template_versie: str, context: dict, titel: str, soort: str, by: User,
    dossier_id: int | None = None,
) -> Document:
    """Render a template to PDF/A once and store it as an immutable Document (DESIGN "Documents").

    Rendering happens before anything is written, so a template error stores nothing. The row is written
    in a savepoint inside the caller's transaction; if that write fails the file is removed again.
    If the caller's transaction rolls back later, the file stays behind without a row (Django has no
    on-rollback hook); such an orphan holds nothing that a row points to, and is never served.
    `dossier_id`: the dossier the document is about (its Documenten tab, the privacy walk).
    """
    html, pdf = render_pdf(template_naam=template_naam, context=context, titel=titel)
    return pdf_opslaan(html=html, pdf=pdf, template_naam=template_naam, template_versie=template_versie,
                       titel=titel, soort=soort, by=by, dossier_id=dossier_id)


def pdf_opslaan(*, html: str, pdf: bytes, template_naam: str, template_versie: str, titel: str, soort: str,
                by: User, dossier_id: int | None = None) -> Document:
    """Store a rendered PDF (and the HTML it came from) as an immutable Document."""
    sha256 = hashlib.sha256(pdf).hexdigest()
    document = Document(
        titel=titel,
        soort=soort,
        sha256=sha256,
        html=html,
        template_naam=template_naam,
        template_versie=template_versie,
        mime_type="application/pdf",
        grootte=len(pdf),
        aangemaakt_door=by,
        dossier_id=dossier_id,
    )
    # The file name carries no personal data (a titel may hold a name); the storage makes it unique.
    document.bestand.name = _veilig_schrijven(document, f"{soort}-{sha256[:16]}.pdf", pdf)
    try:
        with transaction.atomic():
            document.save()
    except BaseException:
        document.bestand.storage.delete(document.bestand.name)
        raise
    return document


TIJDELIJK_PREFIX = ".tmp-"


def _fsync_map(map_: Path) -> None:
    fd = os.open(map_, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _veilig_schrijven(document: Document, naam: str, inhoud: bytes) -> str:
    """Write `inhoud` for the document's file field; return the stored name (relative to the storage)."""
    veld = document.bestand
    storage = veld.storage
    naam = veld.field.generate_filename(document, naam)
    try:
        storage.path(naam)
    except NotImplementedError:  # a storage without local paths (object storage): its own save
        return storage.save(naam, ContentFile(inhoud))
    map_ = Path(storage.path(naam)).parent
    map_.mkdir(parents=True, exist_ok=True)
    fd, tijdelijk = tempfile.mkstemp(dir=map_, prefix=TIJDELIJK_PREFIX, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as bestand:
            bestand.write(inhoud)
            bestand.flush()
            os.fsync(bestand.fileno())
        if settings.FILE_UPLOAD_PERMISSIONS is not None:
            os.chmod(tijdelijk, settings.FILE_UPLOAD_PERMISSIONS)
        while True:
            naam = storage.get_available_name(naam)
            try:
                os.link(tijdelijk, storage.path(naam))  # atomic and never overwrites
                break
            except FileExistsError:
                continue
        _fsync_map(map_)
    finally:
        Path(tijdelijk).unlink(missing_ok=True)
    return naam


def wezen_opruimen(*, ouder_dan: timedelta = timedelta(hours=1)) -> int:
    """Remove document files no Document row points to (a rolled-back transaction) and stray temporary
    files, once older than `ouder_dan`. Returns how many files were removed."""
    storage = Document._meta.get_field("bestand").storage
    wortel = Path(storage.path("documenten"))
    if not wortel.is_dir():
        return 0
    grens = time.time() - ouder_dan.total_seconds()
    bekend = set(Document.objects.values_list("bestand", flat=True))
    verwijderd = 0
    for pad in wortel.rglob("*"):
        if not pad.is_file() or pad.stat().st_mtime > grens:
            continue
        naam = pad.relative_to(Path(storage.location)).as_posix()
        if pad.name.startswith(TIJDELIJK_PREFIX) or naam not in bekend:
            pad.unlink(missing_ok=True)
            verwijderd += 1
    return verwijderd


def document_inhoud(document: Document) -> bytes:
    """The document's PDF bytes, after checking them against the stored sha256."""
    with document.bestand.storage.open(document.bestand.name, "rb") as bestand:
        inhoud = bestand.read()
    if not hmac.compare_digest(hashlib.sha256(inhoud).hexdigest(), document.sha256):
        raise DocumentGemanipuleerd(FOUT_GEMANIPULEERD.format(id=document.pk))
    return inhoud
