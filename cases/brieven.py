"""The letters of the cases app (issue 15): the oproepen for the brede intake and the invitation to a
voortgangsgesprek. Each is rendered once into a PDF/A (`document_opslaan`) and gets its verzending
(`verzending_aanmaken`) in the caller's transaction; the letter head is `documenten/_brief_kop.html`."""

from datetime import date
from typing import Any

from cases.models import Dossier
from inburgering.accounts.models import User
from inburgering.documenten.models import Document
from inburgering.documenten.services import document_opslaan
from inburgering.documenten.verzending import verzending_aanmaken
from inburgering.instellingen.models import GemeenteInstellingen
from inburgering.kalender.selectors import vandaag

OPROEP_SOORT = "intake_oproep"
OPROEP_TEMPLATE = "cases/brieven/oproep_intake.html"
OPROEP_TEMPLATE_VERSIE = "1"
VOORTGANG_SOORT = "uitnodiging_voortgangsgesprek"
VOORTGANG_TEMPLATE = "cases/brieven/uitnodiging_voortgangsgesprek.html"
VOORTGANG_TEMPLATE_VERSIE = "1"

# The Wet 22 fine for the brede intake is fixed by Besluit 7.1 (handhaving keeps it as a setting, a layer above).
BOETE_BREDE_INTAKE = "€ 250"

def brief_context(dossier: Dossier, *, kenmerk: str, onderwerp: str, **extra: Any) -> dict[str, Any]:
    """What `_brief_kop.html` needs, plus the letter's own facts."""
    return {"gemeente": GemeenteInstellingen.huidig(), "dossier": dossier, "inburgeraar": dossier.inburgeraar,
            "datum": vandaag(), "kenmerk": kenmerk, "onderwerp": onderwerp, "boete_brede_intake": BOETE_BREDE_INTAKE,
            **extra}


def brief_versturen(*, dossier: Dossier, template_naam: str, template_versie: str, soort: str, kenmerk: str,
                    titel: str, context: dict[str, Any], per_post: bool, uitgereikt_op: date | None,
                    by: User) -> Document:
    """Render the letter and record its verzending (the caller's transaction; nothing half-saved)."""
    document = document_opslaan(template_naam=template_naam, template_versie=template_versie, context=context,
                                titel=titel, soort=soort, by=by, dossier_id=dossier.pk)
    verzending_aanmaken(document=document, dossier_id=dossier.pk, soort=soort, kenmerk=kenmerk, per_post=per_post,
                        uitgereikt_op=None if per_post else uitgereikt_op,
                        heeft_adres=bool(dossier.inburgeraar.adresregels))
    return document
