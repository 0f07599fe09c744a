from django import forms
from django.utils.timezone import localdate
from django.utils.translation import gettext_lazy as _

from cases.forms import SnelleSelect, WerkcoachKeuze, opties_uit_cache
from cases.models import SignaalSoort
from cases.selectors import Bereik
from inburgering.formulieren import DatumInput, DatumVeld, SnelleVeldgroep

from . import rules

NOTITIE_VERPLICHT = _("Schrijf kort op wat u met dit signaal heeft gedaan.")
DATUM_VERPLICHT = _("Vul de datum in waarop het signaal terug moet komen.")
DATUM_ONGELDIG = _("Vul een geldige datum in, bijvoorbeeld 31-12-2025.")
OMSCHRIJVING_VERPLICHT = _("Beschrijf het aandachtspunt.")


class SignaalFilterForm(forms.Form):
    bound_field_class = SnelleVeldgroep  # the field groups in Python (issue 18), same HTML

    zoek = forms.CharField(label=_("Zoek op naam of BSN"), required=False)
    bereik = forms.ChoiceField(
        label=_("Welke dossiers"), required=False, widget=SnelleSelect,
        choices=[(Bereik.MIJN, _("Mijn dossiers")), (Bereik.TEAM, _("Mijn team")), (Bereik.ALLE, _("Alle dossiers"))],
    )
    soort = forms.ChoiceField(
        label=_("Soort signaal"), required=False, widget=SnelleSelect, choices=[("", _("Alle soorten")), *SignaalSoort.choices]
    )
    team = forms.ModelChoiceField(label=_("Team"), required=False, queryset=None, empty_label=_("Alle teams"),
                                  widget=SnelleSelect)
    werkcoach = WerkcoachKeuze(label=_("Werkcoach"), required=False, queryset=None,
                               empty_label=_("Alle werkcoaches"), widget=SnelleSelect)

    def __init__(self, *args, teams, werkcoaches, bereiken: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        self.fields["werkcoach"].queryset = werkcoaches
        opties_uit_cache(self.fields["team"], "teams")
        opties_uit_cache(self.fields["werkcoach"], "werkcoaches")
        self.fields["bereik"].choices = [c for c in self.fields["bereik"].choices if c[0] in bereiken]
        self.standaard_bereik = bereiken[0]

    def waarden(self) -> dict:
        if not self.is_bound:
            return {"bereik": self.standaard_bereik}
        self.is_valid()  # invalid fields drop out of cleaned_data; the valid ones still filter
        data = self.cleaned_data
        return {
            "bereik": data.get("bereik") or self.standaard_bereik,
            "zoek": data.get("zoek", ""),
            "soort": data.get("soort", ""),
            "team": data["team"].pk if data.get("team") else None,
            "werkcoach": data["werkcoach"].pk if data.get("werkcoach") else None,
        }


class AfhandelenForm(forms.Form):
    notitie = forms.CharField(
        label=_("Notitie"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wat heeft u gedaan of afgesproken? De notitie komt in de geschiedenis van het dossier."),
        error_messages={"required": NOTITIE_VERPLICHT},
    )


class WegzettenForm(forms.Form):
    tot = DatumVeld(
        label=_("Wegzetten tot"), widget=DatumInput(),
        help_text=_("Het signaal verdwijnt van de werkvoorraad en komt op deze datum terug."),
        error_messages={"required": DATUM_VERPLICHT, "invalid": DATUM_ONGELDIG},
    )

    def clean_tot(self):
        tot = self.cleaned_data["tot"]
        if fout := rules.wegzetten_fout(tot=tot, vandaag=localdate()):
            raise forms.ValidationError(fout)
        return tot


class AandachtspuntForm(forms.Form):
    omschrijving = forms.CharField(
        label=_("Omschrijving"), max_length=300, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Het aandachtspunt komt op de werkvoorraad tot iemand het afhandelt."),
        error_messages={"required": OMSCHRIJVING_VERPLICHT},
    )
