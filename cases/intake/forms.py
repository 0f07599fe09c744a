from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import BredeIntake, IntakeGezondheid, WarmeOverdracht, Werkervaring
from inburgering.documenten.verzendformulier import VerzendwijzeVelden
from inburgering.formulieren import DatumInput, DatumVeld, datum_velden
from inburgering.formulierpagina import VersieVeld

TEKSTVAK = {"rows": 3}
NODIG_VOOR_AFRONDEN = _("Nodig om de intake af te ronden (Besluit inburgering 2021, art. 5.2).")


class OverdrachtForm(VersieVeld, forms.ModelForm):

    class Meta:

        formfield_callback = datum_velden  # dates: DatumVeld, plausible bounds
        model = WarmeOverdracht
        fields = [
            "datum", "plaats", "coa_contactpersoon", "deelnemers", "voorinburgering", "voorinburgering_toelichting",
            "taalles", "taalles_toelichting", "vrijwilligerswerk", "vrijwilligerswerk_toelichting",
            "overige_activiteiten", "houding", "motivatie", "verwachtingen", "eerste_afspraken", "informatie_gegeven",
        ]
        widgets = {
            "datum": DatumInput(),
            **{veld: forms.Textarea(attrs=TEKSTVAK) for veld in [
                "voorinburgering_toelichting", "taalles_toelichting", "vrijwilligerswerk_toelichting",
                "overige_activiteiten", "houding", "motivatie", "verwachtingen", "eerste_afspraken",
                "informatie_gegeven",
            ]},
        }

    SECTIES = [
        (_("Het gesprek"), ["datum", "plaats", "coa_contactpersoon", "deelnemers"]),
        (_("Activiteiten in het AZC"), [
            "voorinburgering", "voorinburgering_toelichting", "taalles", "taalles_toelichting",
            "vrijwilligerswerk", "vrijwilligerswerk_toelichting", "overige_activiteiten",
        ]),
        (_("Indruk en afspraken"), ["houding", "motivatie", "verwachtingen", "eerste_afspraken", "informatie_gegeven"]),
    ]

    def secties(self):
        return [(titel, [self[v] for v in velden]) for titel, velden in self.SECTIES]


class IntakeForm(VersieVeld, forms.ModelForm):

    SECTIES = [
        (_("Het gesprek"), ["reden_zonder_overdracht", "locatie", "tolk_gebruikt", "tolk_taal", "een_op_een_gewezen"]),
        (_("Leerbaarheidstoets"), ["lbt_uitkomst", "lbt_score", "lbt_vereiste_score", "lbt_datum", "lbt_vrijstelling",
                                   "lbt_geen_reden"]),
        (_("Opleiding"), ["opleiding_niveau", "opleiding_jaren", "opleiding_land", "diplomas"]),
        (_("Taal"), ["talen", "geletterdheid", "nederlands_niveau"]),
        (_("Financiën"), ["inkomen", "schulden"]),
        (_("Gezin en voor- en vroegschoolse educatie"), ["partner", "kinderen_leeftijden", "vve_besproken", "vve_opties"]),
        (_("Wonen en netwerk"), ["huisvesting", "sociaal_netwerk"]),
        (_("Participatie, zelfredzaamheid en motivatie"), [
            "arbeidsmogelijkheden", "participatie_wensen", "zelfredzaamheid", "zelfredzaamheid_toelichting",
            "motivatie_ambities", "mb_nodig", "mb_toelichting",
        ]),
    ]

    class Meta:

        formfield_callback = datum_velden  # dates: DatumVeld, plausible bounds
        model = BredeIntake
        # Help on the leerbaarheidstoets, the part users misread (issue 20 item 5).
        help_texts = {
            "lbt_uitkomst": _("De uitslag die DUO van de leerbaarheidstoets geeft. Leeg laten als de toets niet "
                              "is afgenomen of als er een vrijstelling is."),
            "lbt_score": _("De behaalde score, zoals op de uitslag van DUO."),
            "lbt_vereiste_score": _("De score die nodig is voor de B1-route, ook van de uitslag van DUO. Vul score "
                                    "en vereiste score allebei in, of geen van beide."),
            "lbt_vrijstelling": _("Alleen bij een visuele beperking, of een auditieve beperking die de toets "
                                  "onmogelijk maakt (Wet inburgering 2021, art. 14 lid 6). Dan geen uitslag."),
            "lbt_geen_reden": _("Vul in als er geen uitslag en geen vrijstelling is, bijvoorbeeld: toets gepland "
                                "op een datum."),
        }
        fields = [
            "reden_zonder_overdracht", "locatie", "tolk_gebruikt", "tolk_taal", "een_op_een_gewezen",
            "lbt_uitkomst", "lbt_score", "lbt_vereiste_score", "lbt_datum", "lbt_vrijstelling", "lbt_geen_reden",
            "opleiding_niveau", "opleiding_jaren", "opleiding_land", "diplomas", "geen_werkervaring",
            "talen", "geletterdheid", "nederlands_niveau", "inkomen", "schulden", "partner", "kinderen_leeftijden",
            "vve_besproken", "vve_opties", "huisvesting", "sociaal_netwerk", "arbeidsmogelijkheden",
            "participatie_wensen", "zelfredzaamheid", "zelfredzaamheid_toelichting", "motivatie_ambities",
            "mb_nodig", "mb_toelichting",
        ]
        widgets = {
            "lbt_datum": DatumInput(),
            **{veld: forms.Textarea(attrs=TEKSTVAK) for veld in [
                "reden_zonder_overdracht", "lbt_geen_reden", "diplomas", "inkomen", "schulden", "partner",
                "vve_opties", "huisvesting", "sociaal_netwerk", "arbeidsmogelijkheden", "participatie_wensen",
                "zelfredzaamheid_toelichting", "motivatie_ambities", "mb_toelichting",
            ]},
        }

    def __init__(self, *args, zonder_overdracht: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not zonder_overdracht:
            del self.fields["reden_zonder_overdracht"]
        for veld in ("nederlands_niveau", "arbeidsmogelijkheden", "zelfredzaamheid"):
            self.fields[veld].help_text = NODIG_VOOR_AFRONDEN

    def secties(self):
        return [(titel, [self[v] for v in velden if v in self.fields]) for titel, velden in self.SECTIES]


class WerkervaringForm(forms.ModelForm):
    class Meta:
        formfield_callback = datum_velden  # dates: DatumVeld, plausible bounds
        model = Werkervaring
        fields = ["beroep", "land", "jaren", "omschrijving"]


WerkervaringFormSet = forms.formset_factory(WerkervaringForm, extra=1, can_delete=True, max_num=20,
                                            validate_max=True)


def werkervaringen_uit(formset) -> list[dict]:
    return [
        {k: v for k, v in f.cleaned_data.items() if k != "DELETE"}
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("beroep")
    ]


class GezondheidForm(VersieVeld, forms.ModelForm):

    class Meta:

        formfield_callback = datum_velden  # dates: DatumVeld, plausible bounds
        model = IntakeGezondheid
        fields = ["fysiek", "mentaal", "beperkingen"]
        widgets = {veld: forms.Textarea(attrs={"rows": 4}) for veld in ["fysiek", "mentaal", "beperkingen"]}


def zonder_versie(data: dict) -> dict:
    """The answers a service stores: the form's data without the version it was opened on."""
    return {k: v for k, v in data.items() if k != "versie"}


class UitnodigingForm(VerzendwijzeVelden):
    gesprek_op = DatumVeld(label=_("Datum gesprek"), widget=DatumInput())
    tijd = forms.TimeField(label=_("Tijd gesprek"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
                           error_messages={"invalid": _("Vul een tijd in, bijvoorbeeld 09:30.")})
    plaats = forms.CharField(label=_("Plaats gesprek"), max_length=200,
                             help_text=_("Bijvoorbeeld: Gemeentehuis Delfzijl, Johan van den Kornputplein 1."))
    meenemen = forms.CharField(label=_("Meenemen naar het gesprek"), required=False, widget=forms.Textarea(attrs=TEKSTVAK),
                               help_text=_("Laat leeg voor de standaardtekst: identiteitsbewijs en diploma's."))
    reactie_uiterlijk = DatumVeld(label=_("Reageren uiterlijk op"), widget=DatumInput(), required=False,
                                  help_text=_("Tot wanneer de persoon kan laten weten dat het niet uitkomt."))
    field_order = ["gesprek_op", "tijd", "plaats", "meenemen", "reactie_uiterlijk", "verzendwijze", "uitgereikt_op"]

    def __init__(self, *args, volgnummer: int = 1, **kwargs):
        super().__init__(*args, **kwargs)
        self.volgnummer = volgnummer


class AfrondenForm(forms.Form):
    zonder_persoon = forms.BooleanField(
        label=_("Afronden zonder de persoon (na de derde oproep zonder verschijnen)"), required=False
    )
