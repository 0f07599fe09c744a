from django import forms
from django.utils.translation import gettext_lazy as _

from inburgering.formulieren import DatumVeld
from inburgering.formulierpagina import VersieVeld


class UitzonderenForm(VersieVeld):
    reden = forms.CharField(
        label=_("Reden"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
        help_text=_("Waarom deze gegevens nog nodig zijn, bijvoorbeeld een lopende procedure of een verzoek "
                    "om inzage. Geen persoonsgegevens: de reden staat op de lijst."),
    )
    uitstel_tot = DatumVeld(label=_("Niet opnieuw voorstellen vóór"),
                            help_text=_("Tot deze datum komt het dossier niet op een nieuwe lijst."))


class AanbiedenForm(VersieVeld):
    pass


class BeoordelenForm(VersieVeld):
    besluit = forms.ChoiceField(
        label=_("Besluit"), widget=forms.RadioSelect,
        choices=[("goedkeuren", _("Goedkeuren: de gegevens worden nu vernietigd")),
                 ("afwijzen", _("Afwijzen: de dossiers komen op een volgende lijst"))],
    )
    toelichting = forms.CharField(label=_("Toelichting"), required=False, max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 3}),
                                  help_text=_("Verplicht bij afwijzen."))
