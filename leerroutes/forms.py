"""The small forms of the Traject tab, one per use-case; field names match the services' keyword
arguments, so a service's ValidationError lands next to the right field. A form that edits an
existing or singleton object (PVT, MAP, an enrolment's step, the ontzorging, the begeleiding, the
dossier when closing it) carries its version (`VersieVeld`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import EindReden
from inburgering.formulieren import DatumInput, DatumVeld, UrenVeld, uren_fout
from inburgering.formulierpagina import VersieVeld

from . import rules, selectors
from .models import AfsluitGrond, LeerroutesInstellingen
from .rules import AanbiederSoort, MapUitkomst, MbSoort, StopReden, UrenBron, UrenCategorie

LEEG = [("", "---------")]  # shown as "— kies —" (inburgering.formulieren)
TEKST = {"rows": 3}


def _datum(label, *, verplicht: bool = True, help_text: str = "") -> DatumVeld:
    return DatumVeld(label=label, widget=DatumInput(), required=verplicht, help_text=help_text)


def _uren(label, *, verplicht: bool = True) -> UrenVeld:
    return UrenVeld(label=label, required=verplicht)


class InschrijvingForm(forms.Form):
    aanbieder = forms.ModelChoiceField(label=_("Aanbieder"), queryset=None)
    startdatum = _datum(_("Startdatum"))
    geplande_einddatum = _datum(_("Geplande einddatum"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanbieder"].queryset = selectors.aanbieders().filter(
            soort__in=[AanbiederSoort.TAALAANBIEDER, AanbiederSoort.ONDERWIJSINSTELLING]
        )


class DatumForm(VersieVeld):
    """A step on a dated object: an enrolment's step, the signing of the participatieverklaring."""

    datum = _datum(_("Datum"))


class StoppenForm(VersieVeld):
    reden = forms.ChoiceField(label=_("Reden"), choices=LEEG + StopReden.CHOICES)
    toelichting = forms.CharField(label=_("Toelichting"), widget=forms.Textarea(attrs=TEKST), required=False,
                                  help_text=_("Verplicht bij 'Andere reden'."))
    datum = _datum(_("Gestopt op"))


class UrenForm(forms.Form):
    categorie = forms.ChoiceField(label=_("Categorie"), choices=LEEG + UrenCategorie.CHOICES)
    van = _datum(_("Periode van"))
    tot = _datum(_("Periode tot en met"))
    aantal = _uren(_("Aantal uren"))
    bron = forms.ChoiceField(label=_("Bron"), choices=UrenBron.CHOICES, initial=UrenBron.WERKCOACH)
    aanbieder = forms.ModelChoiceField(
        label=_("Aanbieder"), queryset=None, required=False,
        help_text=_("NT2-uren tellen voor afschalen alleen bij een instelling met keurmerk of taalschakeltraject, "
                    "en voor de Z-route alleen bij een instelling met keurmerk (Besluit 3.14 lid 2 a)."),
    )
    tijdens_intake = forms.BooleanField(label=_("Gevolgd tijdens de brede intake"), required=False)
    toelichting = forms.CharField(label=_("Toelichting"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanbieder"].queryset = selectors.aanbieders()

    def clean(self):
        data = super().clean()
        van, tot, aantal = data.get("van"), data.get("tot"), data.get("aantal")
        if van and tot and tot >= van and (fout := uren_fout(aantal, dagen=(tot - van).days + 1)):
            self.add_error("aantal", fout)
        return data


class ZRouteNormForm(VersieVeld):
    """A lowered Z-route hour norm with its ground (Besluit 3.14 lid 8–10; DUO's medical partial
    ontheffing). Leave a norm empty to keep the 800 hours."""

    cursus_uren = forms.IntegerField(
        label=_("Verlaagde norm taalles en KNM (uren)"), required=False, min_value=0,
        help_text=_("Leeg: 800 uur (Besluit 3.14)."),
    )
    cursus_grond = forms.ChoiceField(label=_("Grond verlaging taalles en KNM"), choices=rules.CursusNormGrond.CHOICES,
                                     required=False)
    activiteit_uren = forms.IntegerField(
        label=_("Verlaagde norm participatie (uren)"), required=False, min_value=0,
        help_text=_("Alleen asielstatushouders. Leeg: 800 uur (Besluit 3.14)."),
    )
    activiteit_grond = forms.ChoiceField(label=_("Grond verlaging participatie"),
                                         choices=rules.ActiviteitNormGrond.CHOICES, required=False)
    toelichting = forms.CharField(
        label=_("Waarop de verlaging berust"), widget=forms.Textarea(attrs=TEKST), required=False,
        help_text=_("Bijvoorbeeld het besluit van DUO (datum, kenmerk) of de verklaring van de school."),
    )


class ExamenForm(forms.Form):
    onderdeel = forms.ChoiceField(label=_("Onderdeel"), choices=LEEG + rules.Examenonderdeel.CHOICES)
    niveau = forms.ChoiceField(label=_("Niveau"), choices=LEEG + rules.ExamenNiveau.CHOICES, required=False,
                               help_text=_("Verplicht bij de taalexamens; bij KNM leeg laten."))
    datum = _datum(_("Examendatum"))
    resultaat = forms.ChoiceField(label=_("Resultaat"), choices=LEEG + rules.Resultaat.CHOICES)
    reden_geen_resultaat = forms.ChoiceField(
        label=_("Reden geen resultaat"), choices=LEEG + rules.RedenGeenResultaat.CHOICES, required=False,
        help_text=_("Alleen bij 'Geen resultaat'."),
    )


class _UitvoerderForm(forms.Form):
    aanbieder = forms.ModelChoiceField(label=_("Uitvoerder"), queryset=None, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanbieder"].queryset = selectors.aanbieders()


class _ThemasForm(VersieVeld, _UitvoerderForm):
    themas = forms.MultipleChoiceField(label=_("Behandelde thema's"), widget=forms.CheckboxSelectMultiple,
                                       required=False)


class PvtForm(_ThemasForm):
    geplande_start = _datum(_("Geplande start"), verplicht=False)
    vroege_start_reden = forms.CharField(
        label=_("Reden eerdere start"), widget=forms.Textarea(attrs=TEKST), required=False,
        help_text=_("Alleen nodig als een asielstatushouder eerder start dan de termijn na huisvesting."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themas"].choices = rules.pvt_themas(LeerroutesInstellingen.huidig().pvt_extra_themas_lijst)
        self.order_fields(["aanbieder", "geplande_start", "vroege_start_reden", "themas"])


class MapForm(_ThemasForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themas"].choices = rules.MAP_THEMAS


class PvtSessieForm(forms.Form):
    datum = _datum(_("Datum"))
    uren = _uren(_("Uren"))
    onderwerp = forms.CharField(label=_("Onderwerp"), max_length=200)
    activiteit = forms.BooleanField(label=_("Activiteit of excursie"), required=False)
    aanwezig = forms.BooleanField(label=_("Aanwezig"), required=False, initial=True)


class EindgesprekForm(VersieVeld):
    datum = _datum(_("Datum eindgesprek"))
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), choices=LEEG + MapUitkomst.CHOICES)
    verslag = forms.CharField(label=_("Verslag"), widget=forms.Textarea(attrs=TEKST), required=False)


class OntzorgingForm(VersieVeld):
    uitvoerder = forms.ModelChoiceField(label=_("Uitvoerende organisatie"), queryset=None)
    bijstand_start = _datum(_("Eerste dag recht op bijstand"))
    asielvergunning_bepaalde_tijd = forms.BooleanField(
        label=_("Heeft een verblijfsvergunning asiel voor bepaalde tijd"), required=False,
        help_text=_("Niet voor gezinsleden met een reguliere vergunning (Participatiewet art. 56a)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["uitvoerder"].queryset = selectors.aanbieders()


class VasteLastForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort"))
    begunstigde = forms.CharField(label=_("Betalen aan"), max_length=200)
    bedrag = forms.DecimalField(label=_("Bedrag per maand (euro)"), max_digits=10, decimal_places=2)
    van = _datum(_("Vanaf"))
    tot = _datum(_("Tot en met"), verplicht=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        soorten = LeerroutesInstellingen.huidig().ontzorging_vaste_lasten_lijst
        self.fields["soort"].choices = LEEG + [(s, s) for s in soorten]


class VerlengenForm(VersieVeld):
    nieuw_einde = _datum(_("Nieuwe einddatum"))
    reden = forms.CharField(label=_("Reden van de verlenging"), widget=forms.Textarea(attrs=TEKST))


class VroegEindeForm(VersieVeld):
    datum = _datum(_("Laatste dag"))
    reden = forms.CharField(label=_("Reden"), widget=forms.Textarea(attrs=TEKST))


class NotitieForm(forms.Form):
    datum = _datum(_("Datum"))
    tekst = forms.CharField(label=_("Notitie"), widget=forms.Textarea(attrs={"rows": 4}))


class BegeleidingForm(VersieVeld, _UitvoerderForm):
    pass


class MbActiviteitForm(_UitvoerderForm):
    soort = forms.ChoiceField(label=_("Soort"), choices=LEEG + MbSoort.CHOICES)
    datum = _datum(_("Datum"))
    uren = _uren(_("Uren"), verplicht=False)
    notitie = forms.CharField(label=_("Notitie"), widget=forms.Textarea(attrs=TEKST), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanbieder"].label = _("Uitgevoerd door")
        self.order_fields(["soort", "datum", "uren", "aanbieder", "notitie"])


class AfrondenForm(VersieVeld):
    reden = forms.ChoiceField(
        label=_("Reden"), widget=forms.RadioSelect,
        choices=[(EindReden.VOLDAAN, EindReden.VOLDAAN.label), (EindReden.ONTHEFFING, EindReden.ONTHEFFING.label),
                 (EindReden.VRIJSTELLING, EindReden.VRIJSTELLING.label)],
    )
    datum = _datum(_("Datum afronding"))
    grond = forms.ChoiceField(label=_("Grond (besluit DUO)"), choices=LEEG + AfsluitGrond.choices, required=False,
                              help_text=_("Alleen bij ontheffing of vrijstelling."))
    duo_besluit_datum = _datum(_("Datum besluit DUO"), verplicht=False, help_text=_("Alleen bij ontheffing of vrijstelling."))
    toelichting = forms.CharField(label=_("Toelichting"), widget=forms.Textarea(attrs=TEKST), required=False)


class AanbiederFilterForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort"), choices=[("", _("Alle soorten")), *AanbiederSoort.CHOICES],
                              required=False)
    keurmerk = forms.ChoiceField(
        label=_("Keurmerk Blik op Werk"), required=False,
        choices=[("", _("Alle")), ("ja", _("Met geldig keurmerk")), ("nee", _("Zonder geldig keurmerk"))],
    )
