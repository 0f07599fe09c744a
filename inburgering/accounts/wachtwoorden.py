"""Password rules beyond Django's (issue 11 item 4). Django's validators check the length (12), the
similarity to the user's details, its common-password list and all-digits; its list is English, so a
Dutch 'wachtwoord12' or 'welkom123456' passes, and so does 'aaaaaaaaaaaa'. This validator refuses a
password that is one word from a (Dutch or Django's) list of common passwords padded with digits or
symbols, and one with too few different characters."""

import re

from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from inburgering.audit.models import Gebeurtenis
from inburgering.audit.services import beveiliging_vastleggen

# Dutch words people pick first (and the system's own words). Lower case, letters only.
NEDERLANDSE_WOORDEN = frozenset({
    "wachtwoord", "welkom", "geheim", "inloggen", "gebruiker", "beheerder", "beheer", "admin",
    "gemeente", "inburgering", "eemsdelta", "delfzijl", "werkcoach", "consulent", "manager", "hallo",
    "lente", "zomer", "herfst", "winter", "januari", "februari", "maart", "april", "mei", "juni", "juli",
    "augustus", "september", "oktober", "november", "december", "maandag", "dinsdag", "woensdag",
    "donderdag", "vrijdag", "zaterdag", "zondag", "nederland", "holland", "ajax", "feyenoord", "psv",
    "voetbal", "schat", "liefde", "prinses", "wachtwoordje", "test", "qwerty", "azerty", "abc", "abcdef",
})
MINIMUM_VERSCHILLENDE_TEKENS = 5


class VoorspelbaarWachtwoordValidator:
    def __init__(self) -> None:
        self._engels = CommonPasswordValidator().passwords

    def validate(self, password: str, user=None) -> None:
        if len(set(password.lower())) < MINIMUM_VERSCHILLENDE_TEKENS:
            raise ValidationError(
                _("Dit wachtwoord bestaat uit te weinig verschillende tekens. Gebruik minstens %(n)s "
                  "verschillende tekens, bijvoorbeeld een zin van een paar woorden.") % {"n": MINIMUM_VERSCHILLENDE_TEKENS},
                code="wachtwoord_eentonig",
            )
        kern = re.sub(r"[^a-z]+", "", password.lower())
        if kern and (kern in NEDERLANDSE_WOORDEN or kern in self._engels):
            raise ValidationError(
                _("Dit wachtwoord is een veelgebruikt woord met cijfers of tekens erbij en is makkelijk te raden. "
                  "Kies een zin van een paar woorden."),
                code="wachtwoord_voorspelbaar",
            )

    def get_help_text(self) -> str:
        return _("Uw wachtwoord is geen veelgebruikt woord met cijfers erbij en bevat minstens %(n)s verschillende "
                 "tekens.") % {"n": MINIMUM_VERSCHILLENDE_TEKENS}


def wachtwoord_wijzigen(request, nieuw: str) -> None:
    """The user's own password change (the form checked the old one and the rules): the session stays
    valid, the security log records it."""
    user = request.user
    user.set_password(nieuw)
    user.save(update_fields=["password"])
    update_session_auth_hash(request, user)
    beveiliging_vastleggen(Gebeurtenis.WACHTWOORD_GEWIJZIGD, request=request, betreft=user,
                           details={"door": "zelf"})
