"""The two fields every form that makes a letter to a person has (issue 15): by post through the postkamer's
print batch, or handed over in person on a date. One definition, so the PIP, the oproepen and the handhaving
letters ask it the same way; `verzendkeuze` turns the form's answer into the services' arguments."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from inburgering.formulieren import DatumInput, DatumVeld

from .verzending import GEEN_ADRES

POST, UITREIKING = "post", "uitreiking"
POST_UITLEG = _("Per post, met de printbatch van de postkamer. De brief geldt als verzonden op de dag dat de batch "
                "is gepost.")


class VerzendwijzeVelden(forms.Form):
    """Mix into a form (`class MijnForm(VersieVeld, VerzendwijzeVelden)`); set `post_uitleg` to say what
    the posting day starts for this letter. Without an address (`heeft_adres=False`) the reason post is
    impossible stands next to the field and handing over is preselected."""

    post_uitleg = POST_UITLEG

    verzendwijze = forms.ChoiceField(label=_("Verzending"), widget=forms.RadioSelect, initial=POST,
                                     choices=[(POST, POST_UITLEG), (UITREIKING, _("Persoonlijk uitgereikt"))])
    uitgereikt_op = DatumVeld(
        label=_("Uitgereikt op"), widget=DatumInput(), required=False,
        help_text=_("Alleen bij persoonlijk uitreiken: de dag van uitreiking is de dag van verzending (bekendmaking)."),
    )

    def __init__(self, *args, heeft_adres: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verzendwijze"].choices = [(POST, self.post_uitleg), (UITREIKING, _("Persoonlijk uitgereikt"))]
        if not heeft_adres:
            self.fields["verzendwijze"].help_text = GEEN_ADRES
            self.fields["verzendwijze"].initial = UITREIKING

    def verzending(self) -> dict:
        """The services' arguments: `per_post` and `uitgereikt_op`."""
        return verzendkeuze({k: self.cleaned_data.get(k) for k in ("verzendwijze", "uitgereikt_op")})


def verzendkeuze(data: dict) -> dict:
    """The form's cleaned data with `verzendwijze` turned into the services' `per_post` (and no handover date
    by post)."""
    data = dict(data)
    per_post = data.pop("verzendwijze", UITREIKING) == POST
    uitgereikt_op: date | None = data.pop("uitgereikt_op", None)
    return {**data, "per_post": per_post, "uitgereikt_op": None if per_post else uitgereikt_op}
