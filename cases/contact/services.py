"""Write use-case for contactmomenten."""

from datetime import date, time
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from cases import access, brieven
from cases.agenda.services import afspraak_bij_voortgangsuitnodiging
from cases.models import Contactmoment, UitnodigingVoortgangsgesprek
from cases.termijnen.services import termijnen_herberekenen
from inburgering.accounts.models import User
from inburgering.documenten.verzending import verzendwijze_fouten
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


@transaction.atomic
def voortgangsgesprek_uitnodigen(
    *, dossier_id: int, datum: date, tijd: time, plaats: str, toelichting: str = "", per_post: bool = True,
    uitgereikt_op: date | None = None, by: User,
) -> UitnodigingVoortgangsgesprek:
    """Invite the person to a voortgangsgesprek by letter (issue 15): the letter is rendered and its
    verzending created in this transaction; by post it waits for the print batch (`uitnodiging_verzonden`
    sets `verzonden_op`), handed over it is sent on `uitgereikt_op`. Not by post without an address."""
    dossier = vergrendelen(access.zichtbare_dossiers(by).select_related("inburgeraar", "werkcoach"), pk=dossier_id,
                           mag=lambda d: access.mag_dossier_bewerken(by, d))
    if not dossier.is_actief:
        raise ValidationError(DOSSIER_AFGESLOTEN)
    fouten = {
        **rules.uitnodiging_fouten(datum=datum, plaats=plaats or "", vandaag=vandaag()),
        **verzendwijze_fouten(per_post=per_post, uitgereikt_op=uitgereikt_op,
                                      heeft_adres=bool(dossier.inburgeraar.adresregels), vandaag=vandaag()),
    }
    if fouten:
        raise ValidationError(fouten)
    uitnodiging = UitnodigingVoortgangsgesprek(
        dossier=dossier, datum=datum, tijd=tijd, plaats=plaats.strip(), toelichting=toelichting or "",
        verzonden_op=None if per_post else uitgereikt_op, vastgelegd_door=by,
    )
    opslaan(uitnodiging, reden="Uitnodiging voortgangsgesprek gemaakt", door=by)  # the id is in the kenmerk
    uitnodiging.document = brieven.brief_versturen(
        dossier=dossier, template_naam=brieven.VOORTGANG_TEMPLATE, template_versie=brieven.VOORTGANG_TEMPLATE_VERSIE,
        soort=brieven.VOORTGANG_SOORT, kenmerk=uitnodiging.kenmerk,
        titel=f"Uitnodiging voortgangsgesprek {dossier.inburgeraar}",
        context=brieven.brief_context(dossier, kenmerk=uitnodiging.kenmerk, onderwerp="Uitnodiging voortgangsgesprek",
                                      uitnodiging=uitnodiging),
        per_post=per_post, uitgereikt_op=uitgereikt_op, by=by,
    )
    opslaan(uitnodiging, reden="Uitnodiging voortgangsgesprek vastgelegd", door=by)
    afspraak_bij_voortgangsuitnodiging(uitnodiging, by)  # in the agenda and the feed (issue 20)
    return uitnodiging


def uitnodiging_verzonden(verzending, datum: date, door: User) -> None:
    """The postkamer confirmed the batch with this invitation as posted on `datum`."""
    uitnodiging = vergrendelen(UitnodigingVoortgangsgesprek.objects.all(), document_id=verzending.document_id)
    uitnodiging.verzonden_op = datum
    opslaan(uitnodiging, reden=f"Verzonden op {datum:%d-%m-%Y}", door=door)
