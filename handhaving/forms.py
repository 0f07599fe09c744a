from decimal import Decimal

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from inburgering.documenten.verzendformulier import VerzendwijzeVelden
from inburgering.formulieren import DatumInput, DatumVeld
from inburgering.formulierpagina import VersieVeld

from .models import ZaakStatus
from .rules import (
    DUO_NIEUWE_TERMIJN_MAANDEN,
    AfsluitReden,
    BesluitUitkomst,
    Betaalstatus,
    BezwaarUitkomst,
    Cautie,
    GesprekUitkomst,
    RechterUitkomst,
    Regime,
    Verplichting,
    Verwijtbaarheid,
    ZienswijzeWijze,
    duo_termijn_fouten,
)
from .selectors import OPEN


def _tekst(label, *, required=True, rows=3, help_text=""):
    return forms.CharField(label=label, required=required, widget=forms.Textarea(attrs={"rows": rows}),
                           help_text=help_text)


def _datum(label, *, required=True, help_text=""):
    return DatumVeld(label=label, required=required, widget=DatumInput(), help_text=help_text)


class ZaakForm(forms.Form):
    verplichting = forms.ChoiceField(label=_("Welke verplichting is niet nagekomen?"),
                                     choices=[("", "—"), *Verplichting.choices])
    overtreding_datum = _datum(_("Datum van de overtreding"),
                               help_text=_("Bijvoorbeeld de datum van de gemiste afspraak."))
    geconstateerd_op = _datum(_("Overtreding geconstateerd op"),
                              help_text=_("De dag waarop de gemeente de overtreding vaststelde. Bij een herhaling "
                                          "telt Besluit 7.1 lid 3 vanaf deze dag 12 maanden terug."))
    omschrijving = _tekst(_("Omschrijving van het signaal"), rows=4)


class EerdereBoeteForm(forms.Form):
    """Wet 35 lid 4: a fine an earlier gemeente imposed on the person (counts towards the cap, Besluit 7.1 lid 5)."""

    gemeente = forms.CharField(label=_("Gemeente die de boete oplegde"), max_length=100)
    regime = forms.ChoiceField(label=_("Soort boete"), choices=Regime.choices, widget=forms.RadioSelect)
    bedrag = forms.DecimalField(label=_("Bedrag (euro)"), min_value=Decimal("0.01"), max_digits=8, decimal_places=2)
    opgelegd_op = _datum(_("Datum opgelegd (dagtekening)"))
    geconstateerd_op = _datum(_("Overtreding geconstateerd op"), required=False,
                              help_text=_("Als bekend: dan telt een PIP-boete mee voor de verdubbeling "
                                          "(Besluit 7.1 lid 3)."))
    onherroepelijk_op = _datum(_("Onherroepelijk sinds"), required=False)
    bron = _tekst(_("Bron en omschrijving"), help_text=_("Bijvoorbeeld: brief van de gemeente van 3 maart 2026 "
                                                         "op ons verzoek (Wet inburgering 2021, art. 35 lid 4)."))


class GesprekForm(forms.Form):
    datum = _datum(_("Datum"))
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), choices=GesprekUitkomst.choices, widget=forms.RadioSelect)
    cautie = forms.ChoiceField(
        label=_("Cautie (Awb 5:10a)"), required=False, choices=Cautie.choices, widget=forms.RadioSelect,
        help_text=_("Kan het gesprek tot een boete leiden, dan vertelt u vooraf dat de inburgeraar niet hoeft te "
                    "antwoorden op vragen over de overtreding. Verplicht bij een gevoerd gesprek."))
    verslag = _tekst(_("Verslag"), rows=4, help_text=_("Wat is besproken, of welke poging is gedaan en waarom die "
                                                        "mislukte?"))


class RapportForm(VersieVeld):
    """Awb 5:48: the person, the day of constatering and the author come from the zaak and the user."""

    dagtekening = _datum(_("Dagtekening"))
    overtreding = _tekst(_("De overtreding"), rows=5,
                         help_text=_("Welke feiten zijn vastgesteld: wat deed of liet de inburgeraar, en wanneer?"))
    voorschrift = _tekst(_("Overtreden voorschrift"), rows=2)
    plaats = forms.CharField(label=_("Waar geconstateerd"), max_length=200,
                             help_text=_("Bijvoorbeeld: bij de taalschool, uit de presentielijst; op het gemeentehuis."))


class NotitieForm(forms.Form):
    datum = _datum(_("Datum"))
    tekst = _tekst(_("Notitie"), rows=4)
    bijlage = forms.FileField(label=_("Bijlage"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Type, size and virus scan are checked by the service (inburgering.documenten.uploads).
        self.fields["bijlage"].help_text = format_lazy(
            _("Optioneel. PDF, PNG, JPEG, Word (.docx), OpenDocument (.odt) of e-mail (.eml); ten hoogste {grens}."),
            grens=filesizeformat(settings.UPLOAD_MAX_BYTES))


class BijstandForm(VersieVeld):
    verlaagd = forms.BooleanField(label=_("De bijstand is al verlaagd voor dezelfde gedraging"), required=False)
    toelichting = _tekst(_("Toelichting"), required=False)


class WaarschuwingForm(VersieVeld, VerzendwijzeVelden):
    field_order = ["verzendwijze", "uitgereikt_op", "toelichting"]

    toelichting = _tekst(_("Toelichting in de brief"), required=False,
                         help_text=_("Wat er is gebeurd en wat de gemeente van de inburgeraar verwacht."))


def _verwijtbaarheid_velden(form: forms.Form, regime: str) -> None:
    if regime == Regime.PIP:
        form.fields["verwijtbaarheid"] = forms.ChoiceField(
            label=_("Mate van verwijtbaarheid"), choices=[("", "—"), *Verwijtbaarheid.choices],
            help_text=_("Bepaalt het percentage van de boete: 100, 75, 50 of 25 %."))
        form.fields["verwijtbaarheid_reden"] = _tekst(_("Motivering verwijtbaarheid"))


class VoornemenForm(VersieVeld, VerzendwijzeVelden):
    post_uitleg = _("Per post, met de printbatch van de postkamer. De zienswijzetermijn begint op de dag dat de "
                    "batch is gepost.")
    field_order = ["verzendwijze", "uitgereikt_op"]

    toelichting = _tekst(_("Toelichting in de brief"), required=False)

    def __init__(self, *args, regime: str, **kwargs):
        super().__init__(*args, **kwargs)
        _verwijtbaarheid_velden(self, regime)

    def clean(self):
        return {"verwijtbaarheid": "", "verwijtbaarheid_reden": "", **super().clean()}  # brede intake: none


class ZienswijzeForm(VersieVeld):
    ontvangen_op = _datum(_("Ontvangen op"))
    wijze = forms.ChoiceField(label=_("Vorm"), choices=ZienswijzeWijze.choices, widget=forms.RadioSelect)
    inhoud = _tekst(_("Wat heeft de inburgeraar naar voren gebracht?"), rows=5)


class BesluitForm(VersieVeld, VerzendwijzeVelden):
    post_uitleg = _("Per post, met de printbatch van de postkamer. De dag dat de batch is gepost is de "
                    "bekendmaking; de bezwaartermijn begint de dag erna.")
    field_order = ["uitkomst", "dagtekening", "verzendwijze", "uitgereikt_op"]

    uitkomst = forms.ChoiceField(label=_("Besluit"), choices=BesluitUitkomst.choices, widget=forms.RadioSelect)
    dagtekening = _datum(_("Dagtekening"))
    motivering = _tekst(_("Motivering"), rows=5)
    matiging = forms.DecimalField(label=_("Verlaging wegens bijzondere omstandigheden (euro)"), required=False,
                                  min_value=Decimal("0"), max_digits=8, decimal_places=2,
                                  help_text=_("Awb 5:46: alleen met een reden."))
    matiging_reden = _tekst(_("Bijzondere omstandigheden"), required=False)
    duo_nieuwe_termijn_maanden = forms.TypedChoiceField(
        label=_("Nieuwe termijn van DUO"), required=False, coerce=int, empty_value=None,
        choices=[("", _("Geen: de gewone inburgeringstermijn")),
                 *[(m, _("%(m)s maanden") % {"m": m}) for m in DUO_NIEUWE_TERMIJN_MAANDEN]],
        help_text=_("Tijdens een nieuwe termijn gelden lagere maxima (Besluit 7.1 lid 5)."))
    duo_nieuwe_termijn_start = _datum(_("Start nieuwe termijn van DUO"), required=False)

    def __init__(self, *args, zaak, **kwargs):
        super().__init__(*args, **kwargs)
        _verwijtbaarheid_velden(self, zaak.regime)
        if zaak.regime == Regime.PIP:
            for veld in ("verwijtbaarheid", "verwijtbaarheid_reden"):
                self.fields[veld].required = False  # only for a boete: checked by the rules
        if zaak.zienswijze_ontvangen_op:
            self.fields["zienswijze_weging"] = _tekst(_("Weging van de zienswijze"), rows=4,
                                                      help_text=_("Hoe is wat de inburgeraar aanvoerde meegewogen?"))
        if zaak.dossier.is_asiel:
            self.fields["asiel_motivering"] = _tekst(
                _("Motivering aanhoudende onwil (asielstatushouder)"), required=False, rows=4,
                help_text=_("Verplicht bij een boete voor een asielstatushouder."))
        if zaak.regime == Regime.BREDE_INTAKE:
            self.fields["nieuwe_termijn_einde"] = _datum(
                _("Nieuwe termijn voor de brede intake tot en met"), required=False,
                help_text=_("Verplicht bij een boete: ten hoogste 2 maanden na de dagtekening (art. 22)."))

    def clean(self):
        data = super().clean()
        for veld, fout in duo_termijn_fouten(maanden=data.get("duo_nieuwe_termijn_maanden"),
                                             start=data.get("duo_nieuwe_termijn_start")).items():
            self.add_error(veld, fout)
        return data


class BezwaarForm(VersieVeld):
    ontvangen_op = _datum(_("Bezwaar ontvangen op"))
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), required=False,
                                 choices=[("", _("Nog niet beslist")), *BezwaarUitkomst.choices])
    beslist_op = _datum(_("Datum beslissing op bezwaar"), required=False)
    bekendgemaakt_op = _datum(_("Bekendmaking van de beslissing op bezwaar"), required=False,
                              help_text=_("De dag waarop de beslissing is verzonden. Daarna loopt de beroepstermijn "
                                          "van 6 weken (Awb 6:7 en 6:8); zolang die onbekend is, is de boete niet "
                                          "onherroepelijk."))


class BeroepForm(VersieVeld):
    beroep_ingesteld_op = _datum(_("Beroep ingesteld op"), required=False)
    beroep_uitkomst = forms.ChoiceField(label=_("Uitspraak van de rechtbank"), required=False,
                                        choices=[("", _("Nog geen uitspraak")), *RechterUitkomst.choices])
    beroep_uitspraak_op = _datum(_("Datum uitspraak rechtbank"), required=False,
                                 help_text=_("Vanaf de dag erna loopt de termijn voor hoger beroep (6 weken)."))
    hoger_beroep_ingesteld_op = _datum(_("Hoger beroep ingesteld op"), required=False)
    hoger_beroep_uitkomst = forms.ChoiceField(label=_("Uitspraak in hoger beroep"), required=False,
                                              choices=[("", _("Nog geen uitspraak")), *RechterUitkomst.choices])
    hoger_beroep_uitspraak_op = _datum(_("Datum uitspraak hoger beroep"), required=False)


class BetalingForm(VersieVeld):
    betaalstatus = forms.ChoiceField(label=_("Betaling"), choices=Betaalstatus.choices, widget=forms.RadioSelect)


class AfsluitenForm(VersieVeld):
    reden = forms.ChoiceField(label=_("Reden van afsluiten"), choices=AfsluitReden.choices, widget=forms.RadioSelect)
    toelichting = _tekst(_("Toelichting"), required=False, help_text=_("Verplicht bij 'Andere reden'."))


class ZaakFilterForm(forms.Form):
    """The filters of the zaken list (the dashboard links here); invalid values drop out, the rest filter."""

    status = forms.ChoiceField(label=_("Stap"), required=False,
                               choices=[("", _("Elke stap")), (OPEN, _("Alle open zaken")), *ZaakStatus.choices])
    afsluit_reden = forms.ChoiceField(label=_("Reden van afsluiten"), required=False,
                                      choices=[("", _("Elke reden")), *AfsluitReden.choices])
    boete_jaar = forms.IntegerField(label=_("Boete beslist in jaar"), required=False, min_value=2000,
                                    max_value=2100, help_text=_("Zonder boetes die in bezwaar zijn herroepen."))


    def waarden(self) -> dict:
        self.is_valid()
        data = self.cleaned_data
        return {"status": data.get("status") or "", "afsluit_reden": data.get("afsluit_reden") or "",
                "boete_jaar": data.get("boete_jaar")}
