from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cases.models import BijlageCategorie
from inburgering.formulieren import DatumSoort, DatumVeld


class BijlageForm(forms.Form):
    categorie = forms.ChoiceField(label=_("Categorie"), choices=BijlageCategorie.choices, widget=forms.RadioSelect)
    datum = DatumVeld(label=_("Datum van het document"), soort=DatumSoort.DOCUMENT,
                      help_text=_("De datum die op het document staat, bijvoorbeeld de datum van afgifte."))
    omschrijving = forms.CharField(label=_("Omschrijving"), max_length=300,
                                   help_text=_("Bijvoorbeeld: verblijfsvergunning, geldig tot 2031."))
    bestand = forms.FileField(label=_("Bestand"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Type, size and virus scan are checked by the service (inburgering.documenten.uploads).
        self.fields["bestand"].help_text = format_lazy(
            _("PDF, PNG, JPEG, Word (.docx), OpenDocument (.odt) of platte tekst of e-mail (.txt, .eml); "
              "ten hoogste {grens}."), grens=filesizeformat(settings.UPLOAD_MAX_BYTES))
