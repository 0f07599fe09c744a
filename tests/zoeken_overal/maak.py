"""Rows the search everywhere finds: a letter (Document + Verzending) by kenmerk."""

import hashlib

from django.core.files.base import ContentFile

from inburgering.documenten.models import Document, Verzending

PDF = b"%PDF-1.7\n%test\n"


def brief(dossier, *, kenmerk: str, titel: str = "Beschikking PIP", soort: str = "pip_beschikking") -> Verzending:
    document = Document.objects.create(
        titel=titel, soort=soort, bestand=ContentFile(PDF, name="brief.pdf"), sha256=hashlib.sha256(PDF).hexdigest(),
        html="<p>brief</p>", template_naam="t.html", template_versie="1", grootte=len(PDF),
        aangemaakt_door=dossier.werkcoach, dossier_id=dossier.pk,
    )
    return Verzending.objects.create(document=document, dossier_id=dossier.pk, soort=soort, kenmerk=kenmerk,
                                     wijze="post")
