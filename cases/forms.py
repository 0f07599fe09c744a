from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from inburgering.accounts.models import User
from inburgering.formulieren import LEGE_KEUZE, DatumInput, DatumVeld, SnelleVeldgroep, datum_velden
from inburgering.formulierpagina import VersieVeld

from . import access, selectors
from .models import BEEINDIG_REDENEN, BRP_VELDEN, Bron, Dossier, EindReden, Fase, Inburgeraar
from .rules import BSN_ONGELDIG, DoelgroepKort, bsn_is_geldig, normaliseer_bsn, tolk_fout
from .selectors import LOPEND, SORTERINGEN, Bereik, DossierFilter, filteropties
from .termijnen.soorten import soorten

GESLACHT_KIEZEN = _("Kies het geslacht; 'Anders / onbekend' als het niet bekend is.")


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html in Python."""
    return "".join(
        f" {naam}" if waarde is True else f' {naam}="{conditional_escape(str(waarde))}"'
        for naam, waarde in attrs.items() if waarde is not False
    )


class SnelleSelect(forms.Select):
    """The same HTML as Django's select.html (one `select_option.html` include per option), built in
    Python: the list's filter form has nine fields, the werkcoach choice one option per werkcoach, and
    rendering them through the widget templates was a third of the list page's server time (issue 18).
    tests/werkvoorraad/test_filter_render.py compares the output with the templates'."""

    def render(self, name, value, attrs=None, renderer=None):
        # Widget.get_context gives the name and attributes without building an option dict per choice
        # (ChoiceWidget.optgroups); the choices are walked here by the same rules: None is "", a choice
        # whose label is a list is a group, and only the first option with a chosen value is selected.
        widget = forms.Widget.get_context(self, name, value, attrs)["widget"]
        gekozen, al_gekozen = set(widget["value"]), False
        delen = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
        for optie_waarde, optie_label in self.choices:
            groep = optie_waarde if isinstance(optie_label, list | tuple) else None
            opties = optie_label if groep is not None else [("" if optie_waarde is None else optie_waarde, optie_label)]
            if groep:
                delen.append(f'\n  <optgroup label="{conditional_escape(groep)}">')
            for waarde, label in opties:
                gekozen_hier = not al_gekozen and str(waarde) in gekozen
                al_gekozen |= gekozen_hier
                delen.append(f'\n  <option value="{conditional_escape(str(waarde))}"{" selected" if gekozen_hier else ""}>'
                             f'{conditional_escape(label)}</option>\n')
            if groep:
                delen.append("\n  </optgroup>")
        delen.append("\n</select>")
        return mark_safe("".join(delen))  # every value above is escaped


class _OptiesUitCache(BaseChoiceIterator):
    """Read when the widget renders, not before: an export builds the same form and renders nothing
    (a BaseChoiceIterator: Django's normalize_choices leaves it unread)."""

    def __init__(self, leeg, soort: str):
        self.leeg, self.soort = leeg, soort

    def __iter__(self):
        yield ("", self.leeg)
        yield from filteropties(self.soort)

    def __len__(self) -> int:
        return 1 + len(filteropties(self.soort))


def opties_uit_cache(veld: forms.ModelChoiceField, soort: str) -> None:
    """The field's options rendered from `cases.selectors.filteropties` (cached) instead of a query per
    request (issue 18); the same HTML. Validation keeps using the field's queryset."""
    veld.widget.choices = _OptiesUitCache(veld.empty_label, soort)


class WerkcoachKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj} ({obj.team})" if obj.team_id else str(obj)


class InburgeraarForm(forms.ModelForm):
    # Plain text, not the model's max_length: people type spaces and dots; the service normalises.
    bsn = forms.CharField(
        label=_("BSN"), max_length=20, help_text=_("9 cijfers; spaties en punten mogen."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    class Meta:

        formfield_callback = datum_velden  # dates: DatumVeld, plausible bounds
        model = Inburgeraar
        fields = [
            "bsn", "v_nummer", "voornamen", "voorvoegsel", "geslachtsnaam", "geboortedatum", "geslacht",
            "nationaliteit", "talen", "tolk_nodig", "tolk_taal", "correspondentietaal", "telefoon", "email", "straat", "huisnummer",
            "postcode", "woonplaats",
        ]
        widgets = {"geboortedatum": DatumInput()}

    def __init__(self, *args, bsn_vast: bool = False, **kwargs):
        gegeven = kwargs.get("initial") or {}
        super().__init__(*args, **kwargs)
        if not self.instance.pk and "geslacht" in self.fields:
            if "geslacht" not in gegeven:
                self.initial.pop("geslacht", None)
            # No preselection (issue 19 item 4): the model's default 'Anders / onbekend' would be saved for
            # whoever does not look; a new person's geslacht is chosen on purpose.
            veld = self.fields["geslacht"]
            veld.choices = [("", LEGE_KEUZE), *[c for c in veld.choices if c[0] != ""]]
            veld.initial = None
            veld.error_messages["required"] = GESLACHT_KIEZEN
        if self.instance.pk and self.instance.bron == Bron.BRP:
            # The BRP is the source of these (issue 14): shown, never edited here; a disabled field keeps
            # its stored value whatever a POST says.
            for naam in BRP_VELDEN:
                if naam in self.fields:
                    self.fields[naam].disabled = True
                    self.fields[naam].help_text = _("Uit de BRP; wijzigt alleen via de BRP.")
        if bsn_vast or (self.instance.pk and self.instance.bron == Bron.BRP):
            self.fields["bsn"].disabled = True

    def clean_bsn(self):
        # Normalise before the model's own max_length=9 check sees "9999.93.653" (11 characters).
        return normaliseer_bsn(self.cleaned_data["bsn"])

    def validate_unique(self):
        # Uniqueness of the BSN is the service's job (it shows the existing dossier instead).
        pass

    def clean(self):
        data = super().clean()
        if fout := tolk_fout(tolk_nodig=data.get("tolk_nodig", False), tolk_taal=data.get("tolk_taal", "")):
            self.add_error("tolk_taal", fout)
        return data


class BsnForm(forms.Form):
    """Registration starts from the BSN (issue 14): the BRP's data is fetched and shown to confirm."""

    bsn = forms.CharField(
        label=_("BSN"), max_length=20, help_text=_("9 cijfers; spaties en punten mogen."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_bsn(self):
        bsn = normaliseer_bsn(self.cleaned_data["bsn"])
        if not bsn_is_geldig(bsn):
            raise forms.ValidationError(BSN_ONGELDIG)
        return bsn


class AanvullingForm(forms.ModelForm):
    """What the BRP does not know: asked at registration from the BRP."""

    class Meta:
        model = Inburgeraar
        fields = ["v_nummer", "talen", "tolk_nodig", "tolk_taal", "correspondentietaal", "telefoon", "email"]

    def clean(self):
        data = super().clean()
        if fout := tolk_fout(tolk_nodig=data.get("tolk_nodig", False), tolk_taal=data.get("tolk_taal", "")):
            self.add_error("tolk_taal", fout)
        return data


class DossierForm(forms.ModelForm):
    class Meta:
        formfield_callback = datum_velden  # dates: DatumVeld, plausible bounds
        model = Dossier
        fields = [
            "doelgroep", "regime", "datum_kennisgeving", "datum_koppeling", "datum_huisvesting",
            "datum_brp_vestiging", "datum_vestiging_na_verhuizing", "eerder_pip_elders",
        ]
        widgets = {f: DatumInput() for f in fields if f.startswith("datum_")}


class NieuwDossierExtraForm(forms.Form):
    werkcoach = WerkcoachKeuze(
        label=_("Werkcoach"), queryset=User.objects.none(), required=False,
        help_text=_("Leeg laten: uzelf, of de werkcoach van het huishouden."),
    )
    huishouden_bsn = forms.CharField(
        label=_("Hoort bij het huishouden van (BSN)"), required=False, max_length=20,
        help_text=_("BSN van een gezinslid dat al een dossier heeft. Zij krijgen dezelfde werkcoach."),
    )

    def __init__(self, *args, werkcoaches, werkcoach_verplicht: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["werkcoach"].queryset = werkcoaches
        self.fields["werkcoach"].required = werkcoach_verplicht
        if werkcoach_verplicht:
            self.fields["werkcoach"].help_text = ""


class ToewijzenForm(VersieVeld):
    werkcoach = WerkcoachKeuze(label=_("Nieuwe werkcoach"), queryset=User.objects.none())
    reden = forms.CharField(label=_("Reden"), required=False, max_length=500)

    def __init__(self, *args, werkcoaches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["werkcoach"].queryset = werkcoaches


class HerverdelenForm(ToewijzenForm):
    versie = None  # a bulk action on a list, not an edit of one dossier's form
    dossiers = forms.ModelMultipleChoiceField(queryset=Dossier.objects.none(), error_messages={
        "required": _("Selecteer ten minste één dossier."),
        "invalid_choice": _("Een of meer geselecteerde dossiers bestaan niet (meer)."),
        "invalid_pk_value": _("Een of meer geselecteerde dossiers bestaan niet (meer)."),
    })
    reden = forms.CharField(label=_("Reden van herverdeling"), max_length=500)

    def __init__(self, *args, dossiers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dossiers"].queryset = dossiers


class BeeindigenForm(VersieVeld):
    reden = forms.ChoiceField(
        label=_("Reden"), choices=[("", "—")] + [(r.value, r.label) for r in EindReden if r in BEEINDIG_REDENEN]
    )
    datum = DatumVeld(label=_("Datum"), widget=DatumInput())
    toelichting = forms.CharField(label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class FilterForm(forms.Form):
    bound_field_class = SnelleVeldgroep  # the field groups in Python (issue 18), same HTML

    zoek = forms.CharField(label=_("Zoek op naam of BSN"), required=False)
    bereik = forms.ChoiceField(
        label=_("Welke dossiers"), required=False, widget=SnelleSelect,
        choices=[(Bereik.MIJN, _("Mijn dossiers")), (Bereik.TEAM, _("Mijn team")), (Bereik.ALLE, _("Alle dossiers"))],
    )
    fase = forms.ChoiceField(
        label=_("Fase"), required=False, widget=SnelleSelect, choices=[("", _("Alle fasen")), (LOPEND, _("Alle lopende fasen")), *Fase.choices]
    )
    doelgroep = forms.ChoiceField(
        label=_("Doelgroep"), required=False, widget=SnelleSelect, choices=[("", _("Alle doelgroepen")), *DoelgroepKort.CHOICES]
    )
    team = forms.ModelChoiceField(label=_("Team"), required=False, queryset=None, empty_label=_("Alle teams"),
                                  widget=SnelleSelect)
    werkcoach = WerkcoachKeuze(label=_("Werkcoach"), required=False, queryset=None,
                               empty_label=_("Alle werkcoaches"), widget=SnelleSelect)
    sorteer = forms.ChoiceField(
        label=_("Sorteer op"), required=False, widget=SnelleSelect,
        choices=[
            ("-kennisgeving", _("Kennisgeving, nieuwste eerst")), ("kennisgeving", _("Kennisgeving, oudste eerst")),
            ("naam", _("Naam A–Z")), ("-naam", _("Naam Z–A")), ("fase", _("Fase")),
            ("werkcoach", _("Werkcoach")),
        ],
    )
    # Drill-down from the dashboard's deadline figures (cases.selectors.TERMIJN_STANDEN).
    termijn = forms.ChoiceField(
        label=_("Termijn"), required=False, widget=SnelleSelect, choices=lambda: [("", _("Alle termijnen")), *soorten()]
    )
    termijnstatus = forms.ChoiceField(
        label=_("Stand van de termijn"), required=False, widget=SnelleSelect,
        choices=[
            ("", _("Elke stand")), ("open", _("Open")), ("verlopen", _("Verlopen")), ("gehaald", _("Gehaald")),
            ("tijdig", _("Op tijd gehaald")), ("te_laat", _("Te laat gehaald")),
            ("beslist", _("Gehaald of verlopen")), ("opgeschort", _("Opgeschort")), ("vervallen", _("Vervallen")),
        ],
    )

    def __init__(self, *args, teams, werkcoaches, standaard_bereik: str, bereiken: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        self.fields["werkcoach"].queryset = werkcoaches
        opties_uit_cache(self.fields["team"], "teams")
        opties_uit_cache(self.fields["werkcoach"], "werkcoaches")
        self.fields["bereik"].choices = [c for c in self.fields["bereik"].choices if c[0] in bereiken]
        self.standaard_bereik = standaard_bereik

    def waarden(self) -> dict:
        self.is_valid()  # invalid fields drop out of cleaned_data; the valid ones still filter
        data = self.cleaned_data
        sorteer = data.get("sorteer") or "-kennisgeving"
        return {
            "bereik": data.get("bereik") or self.standaard_bereik,
            "zoek": data.get("zoek", ""),
            "fase": data.get("fase", ""),
            "doelgroep": data.get("doelgroep", ""),
            "team": data["team"].pk if data.get("team") else None,
            "werkcoach": data["werkcoach"].pk if data.get("werkcoach") else None,
            "sorteer": sorteer if sorteer in SORTERINGEN else "-kennisgeving",
            "termijn": data.get("termijn", ""),
            "termijnstatus": data.get("termijnstatus", ""),
        }


def dossierlijst_bereiken(user) -> list[str]:
    """The scopes of the dossier list this user may choose; the first is the default."""
    bereiken = [Bereik.MIJN, Bereik.TEAM] if user.is_werkcoach else []
    if access.mag_alle_dossiers_zien(user):
        bereiken.append(Bereik.ALLE)
    return bereiken


def dossierlijst_filter(user, data) -> tuple[FilterForm, DossierFilter]:
    """The dossier list's form and filter from its query data: one reading for the list, its download and the
    bulk reassign of everything matching it (no data: the user's default scope)."""
    bereiken = dossierlijst_bereiken(user)
    form = FilterForm(data, teams=selectors.teams(), werkcoaches=selectors.werkcoaches(),
                      standaard_bereik=bereiken[0], bereiken=bereiken)
    return form, DossierFilter(**form.waarden()) if data else DossierFilter(bereik=bereiken[0])


class OpschortenForm(forms.Form):
    van = DatumVeld(label=_("Opgeschort vanaf"), widget=DatumInput())
    reden = forms.CharField(label=_("Reden"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}))


class HervattenForm(forms.Form):
    tot = DatumVeld(label=_("Opgeschort tot en met"), widget=DatumInput(),
                          help_text=_("De laatste dag van de opschorting. De termijn schuift zoveel dagen op."))
