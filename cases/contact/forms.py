from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import Contactmoment
from inburgering.documenten.verzendformulier import VerzendwijzeVelden
from inburgering.formulieren import DatumInput, DatumVeld, datum_velden

TEKSTVAK = {"rows": 3}


class ContactmomentForm(forms.ModelForm):
    class Meta:
        formfield_callback = datum_velden  # dates: DatumVeld, plausible bounds
        model = Contactmoment
        fields = [
            "datum", "soort", "deelnemers", "tolk_gebruikt", "tolk_taal", "onderwerpen", "leerroute_past",
            "afspraken", "volgende_afspraak",
        ]
        widgets = {
            "datum": DatumInput(),
            "volgende_afspraak": DatumInput(),
            "soort": forms.RadioSelect,
            "leerroute_past": forms.RadioSelect,
            "onderwerpen": forms.Textarea(attrs=TEKSTVAK),
            "afspraken": forms.Textarea(attrs=TEKSTVAK),
        }
        help_texts = {
            "leerroute_past": "Verplicht bij een voortgangsgesprek.",
            "volgende_afspraak": "Laat leeg als er nog geen afspraak is.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # RadioSelect of a blank-allowed model field offers "---------": not a real answer.
        self.fields["leerroute_past"].choices = [c for c in self.fields["leerroute_past"].choices if c[0]]
        self.fields["soort"].choices = [c for c in self.fields["soort"].choices if c[0]]


class VoortgangsgesprekUitnodigenForm(VerzendwijzeVelden):
    datum = DatumVeld(label=_("Datum gesprek"), widget=DatumInput())
    tijd = forms.TimeField(label=_("Tijd gesprek"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
                           error_messages={"invalid": _("Vul een tijd in, bijvoorbeeld 09:30.")})
    plaats = forms.CharField(label=_("Plaats gesprek"), max_length=200)
    toelichting = forms.CharField(label=_("Toelichting (komt in de brief)"), required=False,
                                  widget=forms.Textarea(attrs=TEKSTVAK))
    field_order = ["datum", "tijd", "plaats", "toelichting", "verzendwijze", "uitgereikt_op"]
