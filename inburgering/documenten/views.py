import io
import re

from django.http import FileResponse

from .models import Document
from .services import document_inhoud

_ONVEILIG_IN_BESTANDSNAAM = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def document_response(document: Document) -> FileResponse:
    """Serve a stored document as a PDF download, after verifying its sha256.

    No permission check here: the calling view decides who may see the document (normally the
    dossier's access rule, with `inzage_vastleggen` for the Logboek Dataverwerkingen) before calling
    this. Raises `DocumentGemanipuleerd` when the file on disk was changed.
    """
    inhoud = document_inhoud(document)
    naam = _ONVEILIG_IN_BESTANDSNAAM.sub(" ", document.titel).strip() or "document"
    response = FileResponse(
        io.BytesIO(inhoud), as_attachment=True, filename=f"{naam}.pdf", content_type=document.mime_type
    )
    # Documents hold personal data: no shared or browser cache.
    response["Cache-Control"] = "private, no-store"
    return response
