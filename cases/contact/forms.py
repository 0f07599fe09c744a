from django import forms

from cases.models import Contactmoment
from inburgering.formulieren import DatumInput, datum_velden

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
