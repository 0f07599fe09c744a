from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import AfspraakSoort
from inburgering.formulieren import DatumInput, DatumVeld

TIJD_FOUT = _("Vul een tijd in, bijvoorbeeld 09:30.")


def _tijdveld(label):
    return forms.TimeField(label=label, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
                           error_messages={"invalid": TIJD_FOUT, "required": TIJD_FOUT})


class MedewerkerKeuze(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class AfspraakForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort afspraak"), choices=AfspraakSoort.choices, widget=forms.RadioSelect,
                              error_messages={"required": _("Kies de soort afspraak.")})
    datum = DatumVeld(label=_("Datum"), widget=DatumInput(),
                      error_messages={"required": _("Vul de datum van de afspraak in.")})
    begintijd = _tijdveld(_("Begintijd"))
    eindtijd = _tijdveld(_("Eindtijd"))
    locatie = forms.CharField(label=_("Plaats"), max_length=200,
                              help_text=_("Bijvoorbeeld: Stadskantoor, spreekkamer 2."),
                              error_messages={"required": _("Vul de plaats van de afspraak in.")})
    medewerkers = MedewerkerKeuze(
        label=_("Medewerkers"), queryset=None, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één medewerker die bij de afspraak is."),
                        "invalid_choice": _("Kies medewerkers uit de lijst.")})
    externe_deelnemers = forms.CharField(
        label=_("Andere deelnemers"), max_length=500, required=False,
        help_text=_("Bijvoorbeeld de taalaanbieder bij een driegesprek, of een tolk. Geen namen van de "
                    "inburgeraar of het BSN."))
    toelichting = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    toch_inplannen = forms.BooleanField(
        label=_("Toch inplannen"), required=False,
        help_text=_("Alleen nodig als een medewerker op dat moment al een afspraak heeft."))

    def __init__(self, *args, medewerkers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["medewerkers"].queryset = medewerkers
