"""Writing and reading stored documents. The caller owns the transaction and the permission check."""

import hashlib
import hmac

from django.core.files.base import ContentFile
from django.db import transaction

from inburgering.accounts.models import User

from .models import Document
from .pdf import render_pdf

FOUT_GEMANIPULEERD = "Het bestand van document {id} komt niet overeen met de vastgelegde SHA-256; het is gewijzigd."


class DocumentGemanipuleerd(Exception):
    """The stored file no longer matches the sha256 recorded when the document was made."""


def document_opslaan(
    *, template_naam: str, template_versie: str, context: dict, titel: str, soort: str, by: User
) -> Document:
    """Render a template to PDF/A once and store it as an immutable Document (DESIGN "Documents").

    Rendering happens before anything is written, so a template error stores nothing. The row is written
    in a savepoint inside the caller's transaction; if that write fails the file is removed again.
    If the caller's transaction rolls back later, the file stays behind without a row (Django has no
    on-rollback hook); such an orphan holds nothing that a row points to, and is never served.
    """
    html, pdf = render_pdf(template_naam=template_naam, context=context, titel=titel)
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
    )
    # The file name carries no personal data (a titel may hold a name); the storage makes it unique.
    document.bestand.save(f"{soort}-{sha256[:16]}.pdf", ContentFile(pdf), save=False)
    try:
        with transaction.atomic():
            document.save()
    except BaseException:
        document.bestand.storage.delete(document.bestand.name)
        raise
    return document


def document_inhoud(document: Document) -> bytes:
    """The document's PDF bytes, after checking them against the stored sha256."""
    with document.bestand.storage.open(document.bestand.name, "rb") as bestand:
        inhoud = bestand.read()
    if not hmac.compare_digest(hashlib.sha256(inhoud).hexdigest(), document.sha256):
        raise DocumentGemanipuleerd(FOUT_GEMANIPULEERD.format(id=document.pk))
    return inhoud
