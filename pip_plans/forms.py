from django import forms
from django.utils.translation import gettext_lazy as _

from cases.forms import opties_uit_cache
from inburgering.documenten.verzendformulier import VerzendwijzeVelden
from inburgering.formulieren import LEGE_KEUZE, DatumInput, DatumVeld, datum_velden
from inburgering.formulierpagina import VersieVeld

from . import haken, rules
from .models import VASTE_LASTEN, Pip, TermijnVerlengingDuo, WijzigingReden
from .rules import EXAMENONDERDELEN

PIP_VELDEN = [
    "leerroute", "niveau", "alfabetisering", "b1_intensiteit", "mag_opleiding_afmaken", "lbt_afwijking_motivering",
    "aanbieder", "leerroute_afspraken", "periode_maanden", "knm_afspraken",
    "pvt_vorm", "pvt_intensiteit", "pvt_geplande_start", "map_vorm", "map_intensiteit",
    "ontzorgen", "ontzorgen_start", "ontzorgen_vaste_lasten", "maatschappelijke_begeleiding",
    "participatie", "participatiewet", "kinderopvang", "vve_afspraken", "aantal_voortgangsgesprekken",
]
WIJZIGING_VELDEN = [
    "schakel_uitzondering", "schakel_motivering",
    "afschalen_geheel", "afschalen_onderdelen", "afschalen_nt2_uren", "afschalen_inspanning",
    "afschalen_onhaalbaar_op", "afschalen_onhaalbaar_grond",
]
SECTIES = [
    (_("Leerroute (DUO)"), ["leerroute", "niveau", "alfabetisering", "b1_intensiteit", "mag_opleiding_afmaken",
                            "lbt_afwijking_motivering"]),
    (_("Afspraken leerroute en KNM"), ["aanbieder", "leerroute_afspraken", "periode_maanden", "knm_afspraken"]),
    (_("Participatieverklaringstraject (PVT)"), ["pvt_vorm", "pvt_intensiteit", "pvt_geplande_start"]),
    (_("Module Arbeidsmarkt en Participatie (MAP)"), ["map_vorm", "map_intensiteit"]),
    (_("Financieel ontzorgen en begeleiding"), ["ontzorgen", "ontzorgen_start", "ontzorgen_vaste_lasten",
                                                 "maatschappelijke_begeleiding"]),
    (_("Participatie en voorwaarden"), ["participatie", "participatiewet", "kinderopvang", "vve_afspraken",
                                        "aantal_voortgangsgesprekken"]),
]
WIJZIGING_SECTIES = [
    (_("Schakelen"), ["schakel_uitzondering", "schakel_motivering"]),
    (_("Afschalen naar A2 (Wet inburgering 2021, art. 17 lid 3; Besluit inburgering 2021, art. 5.5)"), [
        "afschalen_onhaalbaar_op", "afschalen_onhaalbaar_grond", "afschalen_geheel", "afschalen_onderdelen",
        "afschalen_nt2_uren", "afschalen_inspanning",
    ]),
]


class PipForm(VersieVeld, forms.ModelForm):
    """The PIP's content. On an existing concept it carries its `versie` (the PIP's lock field
    `wijzigingsnummer`, not its version number); a new PIP has none to send."""

    ontzorgen_vaste_lasten = forms.MultipleChoiceField(
        label=_("Vaste lasten die worden doorbetaald"), choices=VASTE_LASTEN, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies minstens één als financieel ontzorgen aan staat."),
    )
    afschalen_onderdelen = forms.MultipleChoiceField(
        label=_("Af te schalen examenonderdelen"), choices=EXAMENONDERDELEN, required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:

        formfield_callback = datum_velden  # dates: DatumVeld, plausible bounds
        model = Pip
        fields = PIP_VELDEN + WIJZIGING_VELDEN
        # Help on the fields users misread (issue 20 item 5); the manual (handleiding) explains the rest.
        help_texts = {
            "leerroute": _("Volg de uitslag van de leerbaarheidstoets. B1-route: taal op B1 met werk of "
                           "participatie. Onderwijsroute: taalschakeltraject naar een opleiding. Z-route: "
                           "zelfredzaamheid, als B1 en onderwijs niet haalbaar zijn."),
            "lbt_afwijking_motivering": _("Alleen als de leerroute afwijkt van de uitslag van de "
                                          "leerbaarheidstoets: leg uit waarom de andere routes niet passen."),
            "pvt_vorm": _("Participatieverklaringstraject, voor elke leerroute: minstens 12 uur over de "
                          "kernwaarden, afgesloten met het ondertekenen van de participatieverklaring."),
            "pvt_intensiteit": _("Hoeveel en hoe vaak, bijvoorbeeld: 6 bijeenkomsten van 2 uur."),
            "map_vorm": _("Module Arbeidsmarkt en Participatie: oriëntatie op werk, afgesloten met een "
                          "eindgesprek met de gemeente. Niet in de onderwijsroute."),
            "map_intensiteit": _("Hoeveel en hoe vaak, bijvoorbeeld: 10 groepsbijeenkomsten van 4 uur."),
            "ontzorgen": _("Alleen voor asielstatushouders met bijstand: de gemeente betaalt zes maanden de "
                           "vaste lasten uit de bijstand door, op naam van de persoon."),
            "ontzorgen_start": _("De eerste dag van de bijstand. Het ontzorgen duurt zes maanden vanaf die dag."),
        }
        widgets = {
            "pvt_geplande_start": DatumInput(),
            "ontzorgen_start": DatumInput(),
            "afschalen_onhaalbaar_op": DatumInput(),
            **{veld: forms.Textarea(attrs={"rows": 3}) for veld in [
                "lbt_afwijking_motivering", "leerroute_afspraken", "knm_afspraken", "maatschappelijke_begeleiding",
                "participatie", "participatiewet", "kinderopvang", "vve_afspraken", "schakel_motivering",
                "afschalen_inspanning", "afschalen_onhaalbaar_grond",
            ]},
        }

    def __init__(self, *args, wijziging: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.wijziging = wijziging
        if self.instance.pk is None:
            del self.fields["versie"]
        if not wijziging:
            for veld in WIJZIGING_VELDEN:
                del self.fields[veld]
        self.fields["niveau"].help_text = _("Leeg laten: DUO registreert B1 bij de B1- en onderwijsroute.")
        self._aanbieder_uit_register()

    def _aanbieder_uit_register(self) -> None:
        """The beoogde aanbieder is picked from the aanbieders registry (issue 19 item 4), not typed; a name
        stored before (free text, or an aanbieder since made inactive) stays a choice so nothing is lost."""
        namen = haken.aanbieder_namen()
        if namen is None or "aanbieder" not in self.fields:
            return
        huidig = self.instance.aanbieder if self.instance.pk else ""
        keuzes = [("", LEGE_KEUZE), *[(naam, naam) for naam in namen]]
        if huidig and huidig not in namen:
            keuzes.append((huidig, _("%(naam)s (niet in het register)") % {"naam": huidig}))
        oud = self.fields["aanbieder"]
        self.fields["aanbieder"] = forms.ChoiceField(
            label=oud.label, required=False, choices=keuzes,
            help_text=_("De taalaanbieders en onderwijsinstellingen uit het register van aanbieders (Beheer)."),
        )

    def clean(self):
        data = super().clean()
        fouten = rules.ontzorgen_fouten(ontzorgen=bool(data.get("ontzorgen")),
                                        vaste_lasten=data.get("ontzorgen_vaste_lasten") or [])
        for veld, fout in fouten.items():
            self.add_error(veld, fout)
        return data

    def secties(self):
        secties = SECTIES + (WIJZIGING_SECTIES if self.wijziging else [])
        return [(titel, [self[veld] for veld in velden]) for titel, velden in secties]

    def gegevens(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "versie"}


class VaststellenForm(VersieVeld, VerzendwijzeVelden):
    post_uitleg = _("Per post, met de printbatch van de postkamer. De bezwaartermijn begint na de dag waarop de "
                    "batch is gepost.")

    dagtekening = DatumVeld(label=_("Dagtekening"), widget=DatumInput())

    field_order = ["dagtekening", "verzendwijze", "uitgereikt_op"]


class TerugsturenForm(VersieVeld):
    opmerkingen = forms.CharField(label=_("Wat moet er worden aangepast?"), widget=forms.Textarea(attrs={"rows": 4}))


class WijzigingForm(forms.Form):
    reden = forms.ChoiceField(
        label=_("Reden van de wijziging"),
        choices=[("", "—")] + [(c.value, c.label) for c in WijzigingReden if c != WijzigingReden.EERSTE],
    )
    toelichting = forms.CharField(label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class IntrekkenForm(VersieVeld):
    reden = forms.CharField(label=_("Reden van intrekken"), widget=forms.Textarea(attrs={"rows": 2}))


class InformatieVerzoekForm(forms.Form):
    wat = forms.CharField(label=_("Welke informatie is nodig?"), max_length=300)
    van_wie = forms.CharField(label=_("Van wie?"), max_length=200)
    gevraagd_op = DatumVeld(label=_("Gevraagd op"), widget=DatumInput())


class OntvangenForm(VersieVeld):
    ontvangen_op = DatumVeld(label=_("Ontvangen op"), widget=DatumInput())


class TermijnVerlengingDuoForm(forms.Form):
    besluitdatum = DatumVeld(label=_("Datum besluit DUO"), widget=DatumInput())
    grond = forms.ChoiceField(label=_("Grond"), choices=TermijnVerlengingDuo.Grond.choices, widget=forms.RadioSelect)
    duo_einddatum = DatumVeld(
        label=_("Nieuwe einddatum volgens DUO"), widget=DatumInput(),
        help_text=_("Neem de datum over zoals DUO die doorgeeft: de dag ná de laatste dag van de termijn."),
    )
    toelichting = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class TeBeoordelenFilterForm(forms.Form):
    """The review queue's filter and sort (issue 20 item 4): by team, by fatale datum or submission.
    Invalid values drop out; a GET form: neither carries personal data."""

    team = forms.ModelChoiceField(label=_("Team"), required=False, queryset=None, empty_label=_("Alle teams"))
    sorteer = forms.ChoiceField(label=_("Sorteren op"), required=False, choices=[
        ("fatale_datum", _("Fatale datum, eerstvolgende eerst")),
        ("-fatale_datum", _("Fatale datum, laatste eerst")),
        ("ingediend", _("Aangeboden op, oudste eerst")),
    ])

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        opties_uit_cache(self.fields["team"], "teams")

    def waarden(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        data = self.cleaned_data
        return {"team": data["team"].pk if data.get("team") else None,
                "sorteer": data.get("sorteer") or "fatale_datum"}
