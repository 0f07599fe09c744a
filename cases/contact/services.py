"""Write use-case for contactmomenten."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from cases import access
from cases.models import Contactmoment
from cases.termijnen.services import termijnen_herberekenen
from inburgering.accounts.models import User
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import opslaan, vergrendelen

from . import rules

DOSSIER_AFGESLOTEN = _("Dit dossier is afgesloten; er kan geen contact meer worden vastgelegd.")
VELDEN = (
    "datum", "soort", "deelnemers", "tolk_gebruikt", "tolk_taal", "onderwerpen", "leerroute_past", "afspraken",
    "volgende_afspraak",
)


@transaction.atomic
def contactmoment_vastleggen(*, dossier_id: int, gegevens: dict[str, Any], by: User) -> Contactmoment:
    """Record a contact with the inburgeraar, by the werkcoach (caseload or team) or a consulent.
    A held voortgangsgesprek resets the voortgangsgesprek termijn (Besluit 5.3 lid 4: the number
    agreed in the PIP); a no-show is kept as it is, for handhaving (Wet 22), and resets nothing."""
    dossier = vergrendelen(access.zichtbare_dossiers(by), pk=dossier_id, mag=lambda d: access.mag_dossier_bewerken(by, d))
    if not dossier.is_actief:
        raise ValidationError(DOSSIER_AFGESLOTEN)
    gegevens = {veld: gegevens.get(veld) for veld in VELDEN}
    for tekstveld in ("deelnemers", "tolk_taal", "onderwerpen", "leerroute_past", "afspraken"):
        gegevens[tekstveld] = gegevens[tekstveld] or ""
    gegevens["tolk_gebruikt"] = bool(gegevens["tolk_gebruikt"])
    if gegevens["soort"] not in dict(rules.ContactSoort.CHOICES):
        raise ValidationError({"soort": str(_("Kies de soort contact."))})
    fouten = rules.contact_fouten(
        soort=gegevens["soort"], datum=gegevens["datum"], vandaag=vandaag(),
        leerroute_past=gegevens["leerroute_past"], volgende_afspraak=gegevens["volgende_afspraak"],
        tolk_gebruikt=gegevens["tolk_gebruikt"], tolk_taal=gegevens["tolk_taal"],
    )
    if fouten:
        raise ValidationError(fouten)
    contact = Contactmoment(dossier=dossier, vastgelegd_door=by, **gegevens)
    opslaan(contact, reden=f"{contact.get_soort_display()} vastgelegd", door=by)
    termijnen_herberekenen(dossier_id=dossier.pk, by=by)
    return contact
