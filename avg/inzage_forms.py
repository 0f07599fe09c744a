"""The form of the inzageverzoek page (avg.inzage_views)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.rules import BSN_ONGELDIG, bsn_is_geldig, normaliseer_bsn

KENMERK_LEEG = _("Vul het kenmerk van het verzoek in, bijvoorbeeld het zaaknummer.")
BSN_IN_KENMERK = _("Noem het BSN niet in het kenmerk: het kenmerk komt in het logboek en in de bestandsnaam.")
BSN_LEEG = _("Vul het BSN in van de persoon die om inzage vraagt.")


class InzageverzoekForm(forms.Form):
    bsn = forms.CharField(
        label=_("BSN"), max_length=20, help_text=_("9 cijfers; spaties en punten mogen."),
        error_messages={"required": BSN_LEEG},
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric", "spellcheck": "false"}),
    )
    kenmerk = forms.CharField(
        label=_("Kenmerk van het verzoek"), max_length=100,
        help_text=_("Bijvoorbeeld het zaaknummer waaronder het verzoek is geregistreerd. Staat in de export "
                    "en in het logboek; noem er geen naam of BSN in."),
        error_messages={"required": KENMERK_LEEG},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_bsn(self) -> str:
        bsn = normaliseer_bsn(self.cleaned_data["bsn"])
        if not bsn_is_geldig(bsn):
            raise forms.ValidationError(BSN_ONGELDIG)
        return bsn

    def clean_kenmerk(self) -> str:
        kenmerk = self.cleaned_data["kenmerk"].strip()
        if not kenmerk:
            raise forms.ValidationError(KENMERK_LEEG)
        return kenmerk

    def clean(self):
        data = super().clean()
        bsn, kenmerk = data.get("bsn"), data.get("kenmerk")
        if bsn and kenmerk and bsn in "".join(teken for teken in kenmerk if teken.isdigit()):
            self.add_error("kenmerk", BSN_IN_KENMERK)
        return data
