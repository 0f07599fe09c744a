from django import forms
from django.utils.translation import gettext_lazy as _

from inburgering.accounts.models import User
from inburgering.formulieren import DatumSoort, DatumVeld

from .models import Handeling, Verwerkingsactiviteit


class VerwerkingenFilterForm(forms.Form):
    """The filters of the Logboek Dataverwerkingen (GET: ids and codes only, no personal data). Invalid
    values drop out; the rest filter."""

    activiteit = forms.ModelChoiceField(label=_("Verwerkingsactiviteit"), required=False,
                                        queryset=Verwerkingsactiviteit.objects.order_by("naam"),
                                        empty_label=_("Alle activiteiten"))
    handeling = forms.ChoiceField(label=_("Handeling"), required=False,
                                  choices=[("", _("Alle handelingen")), *Handeling.choices])
    dossier = forms.IntegerField(label=_("Dossiernummer"), required=False, min_value=1, max_value=2**63 - 1)
    gebruiker = forms.ModelChoiceField(label=_("Gebruiker"), required=False,
                                       queryset=User.objects.order_by("username"), empty_label=_("Alle gebruikers"))
    van = DatumVeld(label=_("Vanaf"), required=False, soort=DatumSoort.ZAAK)
    tot = DatumVeld(label=_("Tot en met"), required=False, soort=DatumSoort.ZAAK)

    def waarden(self) -> dict:
        self.is_valid()
        return {naam: self.cleaned_data.get(naam) for naam in self.fields}
