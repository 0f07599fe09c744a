"""Pure rules for registering a contactmoment. Facts in, Dutch errors out, no database."""

from datetime import date

from django.utils.translation import gettext_lazy as _

DATUM_TOEKOMST = _("Deze datum ligt in de toekomst.")
VOLGENDE_NA_DATUM = _("De volgende afspraak ligt na de datum van dit contact.")
LEERROUTE_PAST_VERPLICHT = _("Geef aan of de leerroute nog past.")
TOLK_TAAL_VERPLICHT = _("Vul de taal van de tolk in.")


class ContactSoort:
    VOORTGANGSGESPREK = "voortgangsgesprek"
    HUISBEZOEK = "huisbezoek"
    TELEFONISCH = "telefonisch"
    NO_SHOW = "no_show"
    CHOICES = [
        (VOORTGANGSGESPREK, _("Voortgangsgesprek")),
        (HUISBEZOEK, _("Huisbezoek")),
        (TELEFONISCH, _("Telefonisch contact")),
        (NO_SHOW, _("Niet verschenen (no-show)")),
    ]


class LeerroutePast:
    JA = "ja"
    NEE = "nee"
    OVERSTAP = "overstap_adviseren"
    CHOICES = [(JA, _("Ja")), (NEE, _("Nee")), (OVERSTAP, _("Overstap adviseren"))]


def contact_fouten(
    *, soort: str, datum: date, vandaag: date, leerroute_past: str, volgende_afspraak: date | None,
    tolk_gebruikt: bool, tolk_taal: str,
) -> dict[str, str]:
    """A contact lies in the past (or today); a voortgangsgesprek says whether the leerroute still fits
    (Besluit 5.3 lid 4: the gesprek is about the voortgang of the PIP); a no-show records no content."""
    fouten: dict[str, str] = {}
    if datum > vandaag:
        fouten["datum"] = str(DATUM_TOEKOMST)
    if volgende_afspraak is not None and volgende_afspraak <= datum:
        fouten["volgende_afspraak"] = str(VOLGENDE_NA_DATUM)
    if soort == ContactSoort.VOORTGANGSGESPREK and not leerroute_past:
        fouten["leerroute_past"] = str(LEERROUTE_PAST_VERPLICHT)
    if tolk_gebruikt and not tolk_taal.strip():
        fouten["tolk_taal"] = str(TOLK_TAAL_VERPLICHT)
    return fouten



GESPREK_VERLEDEN = _("De datum van het gesprek ligt in het verleden.")
PLAATS_VERPLICHT = _("Vul de plaats van het gesprek in.")


def uitnodiging_fouten(*, datum: date, plaats: str, vandaag: date) -> dict[str, str]:
    """An invitation is for a conversation still to come (today or later), at a named place."""
    fouten: dict[str, str] = {}
    if datum < vandaag:
        fouten["datum"] = str(GESPREK_VERLEDEN)
    if not plaats.strip():
        fouten["plaats"] = str(PLAATS_VERPLICHT)
    return fouten
