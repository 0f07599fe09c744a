"""Write use-case for a document uploaded to a dossier (issue 15). The upload rules are the kernel's
(`upload_controleren`: type by content, size, virus scan, random name). The file is written only when
the row is saved (the FileField's save, in a savepoint); a failed row write removes it again. A later
rollback of the caller's transaction leaves a file no row points to: never served (downloads go
through a row), and holding no name that says whose it is."""

import hashlib
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from cases import access
from cases.models import BijlageCategorie, DossierBijlage
from inburgering.accounts.models import User
from inburgering.documenten.uploads import upload_controleren
from inburgering.formulieren import DatumSoort, datum_fout
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import NIET_CONTROLEREN, opslaan, vergrendelen

DOSSIER_AFGESLOTEN = _("Dit dossier is afgesloten; er kan geen document meer worden toegevoegd.")
FOUT_CATEGORIE = _("Kies een categorie.")
FOUT_DATUM = _("Vul de datum van het document in.")
FOUT_OMSCHRIJVING = _("Beschrijf kort wat het document is.")
FOUT_BESTAND = _("Kies een bestand.")


def sha256_van(bestand: UploadedFile) -> str:
    """The sha256 of an uploaded file, read in chunks."""
    digest = hashlib.sha256()
    for stuk in bestand.chunks():
        digest.update(stuk)
    bestand.seek(0)
    return digest.hexdigest()


def sha256_van_bytes(inhoud: bytes) -> str:
    return hashlib.sha256(inhoud).hexdigest()


def _fouten(*, categorie: str, datum: date | None, omschrijving: str, bestand) -> dict[str, str]:
    fouten: dict[str, str] = {}
    if categorie not in BijlageCategorie.values:
        fouten["categorie"] = str(FOUT_CATEGORIE)
    if datum is None:
        fouten["datum"] = str(FOUT_DATUM)
    elif fout := datum_fout(datum, DatumSoort.DOCUMENT, vandaag=vandaag()):
        fouten["datum"] = fout
    if not omschrijving:
        fouten["omschrijving"] = str(FOUT_OMSCHRIJVING)
    if bestand is None:
        fouten["bestand"] = str(FOUT_BESTAND)
    return fouten


@transaction.atomic
def bijlage_toevoegen(
    *, dossier_id: int, categorie: str, datum: date | None, omschrijving: str, bestand: UploadedFile | None,
    by: User, versie: int | None = NIET_CONTROLEREN,
) -> DossierBijlage:
    """A werkcoach (caseload or team) or consulent adds a document to an active dossier. `versie`: only
    when a form edits the dossier itself; adding a document changes nothing of the dossier, so the
    upload form does not send it (two people may each add a document)."""
    dossier = vergrendelen(access.zichtbare_dossiers(by), pk=dossier_id,
                           mag=lambda d: access.mag_dossier_bewerken(by, d), versie=versie)
    if not dossier.is_actief:
        raise ValidationError(DOSSIER_AFGESLOTEN)
    omschrijving = (omschrijving or "").strip()
    if fouten := _fouten(categorie=categorie, datum=datum, omschrijving=omschrijving, bestand=bestand):
        raise ValidationError(fouten)
    originele_naam = (bestand.name or "")[:200]  # the user's name, as data only (the download's name)
    soort = upload_controleren(bestand, veld="bestand")  # type by content, size, virus scan; random name
    bijlage = DossierBijlage(
        dossier=dossier, categorie=categorie, datum=datum, omschrijving=omschrijving[:300],
        originele_naam=originele_naam, mime_type=soort.mime_type, grootte=bestand.size,
        sha256=sha256_van(bestand), toegevoegd_door=by,
    )
    bijlage.bestand = bestand
    try:
        with transaction.atomic():
            opslaan(bijlage, reden=f"Document toegevoegd ({bijlage.get_categorie_display()})", door=by)
    except BaseException:
        if bijlage.bestand._committed and bijlage.bestand.name:  # the file was written, the row was not
            bijlage.bestand.storage.delete(bijlage.bestand.name)
        raise
    return bijlage
