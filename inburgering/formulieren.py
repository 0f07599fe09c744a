"""Form rendering in the NL Design System (Utrecht) style, for every form in the project.

Django 5.2's BoundField already links errors and help text with aria-describedby; this adds the
Utrecht classes and replaces the browser's own `required` check (English pop-ups) by aria-required,
so the server answers with a Dutch message next to the field.
"""

import re
from datetime import date
from decimal import Decimal

from django import forms
from django.db import models
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from inburgering.kalender.selectors import vandaag

WIDGET_KLASSEN = {
    "select": "utrecht-select utrecht-select--html-select",
    "selectmultiple": "utrecht-select utrecht-select--html-select",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "checkboxselectmultiple": "",
    "radioselect": "",
}
TEKSTVAK = "utrecht-textbox utrecht-textbox--html-input"
LEGE_KEUZE = "— kies —"


class UtrechtBoundField(BoundField):
    def __init__(self, form, field, name):
        # Django's blank choice is "---------"; a screen reader reads it as "dash dash dash …".
        # Fields are deep copies per form instance, so changing them here touches no other form.
        if getattr(field, "empty_label", None) == "---------":
            field.empty_label = LEGE_KEUZE
        elif isinstance(field, forms.TypedChoiceField | forms.ChoiceField) and not hasattr(field, "queryset"):
            keuzes = list(field.choices)
            if keuzes and keuzes[0] == ("", "---------"):
                field.choices = [("", LEGE_KEUZE), *keuzes[1:]]
        super().__init__(form, field, name)

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if attrs.pop("required", False):
            attrs["aria-required"] = "true"
        # No autofocus (Django's login form sets it): it skips the skip link; after an error the summary has focus.
        attrs["autofocus"] = False
        widget = widget or self.field.widget
        klasse = WIDGET_KLASSEN.get(self.widget_type, TEKSTVAK)
        if self.errors and klasse:
            klasse += " utrecht-textbox--invalid" if klasse == TEKSTVAK else ""
        bestaand = widget.attrs.get("class", "")
        attrs["class"] = f"{bestaand} {klasse}".strip()
        return attrs


class SnelleVeldgroep(UtrechtBoundField):
    """templates/forms/veld.html built in Python for a field with a label or none, outside a fieldset and
    not a checkbox (every field of the list filters): the same HTML, without a template render per field
    (issue 18: the dossier list's nine filter fields cost a quarter of its server time). Other fields use
    the template. A form opts in with `bound_field_class = SnelleVeldgroep`; tests/kern/test_veldgroep.py
    compares both."""

    def as_field_group(self):
        if self.widget_type == "checkbox" or self.use_fieldset:
            return super().as_field_group()
        fouten = self.errors
        delen = ['<div class="utrecht-form-field', " utrecht-form-field--invalid" if fouten else "", '">\n']
        if self.label:
            verplicht = (f' <span class="verplicht">({conditional_escape(gettext("verplicht"))})</span>'
                         if self.field.required else "")
            delen.append(f'\n  <div class="utrecht-form-field__label"><label class="utrecht-form-label" '
                         f'for="{conditional_escape(self.id_for_label)}">{conditional_escape(self.label)}{verplicht}'
                         f'</label></div>\n')
        delen.append("\n")
        if self.help_text:
            hulp_id = f' id="{conditional_escape(self.auto_id)}_helptext"' if self.auto_id else ""
            delen.append(f'<div class="utrecht-form-field-description utrecht-form-field__description"{hulp_id}>'
                         f'{conditional_escape(self.help_text)}</div>')
        delen.append("\n")
        if fouten:
            delen.append(f'<div class="utrecht-form-field-error-message utrecht-form-field__error-message">'
                         f'{conditional_escape(fouten)}</div>')
        delen.append(f'\n<div class="utrecht-form-field__input">{conditional_escape(self)}</div>\n\n</div>')  # the renderer strips
        return mark_safe("".join(delen))  # every value above is escaped


class Renderer(TemplatesSetting):
    field_template_name = "forms/veld.html"
    bound_field_class = UtrechtBoundField


# --- Dates the NL Design System way (issue 19 item 7) ---------------------------------------------------
# One text field with its format stated in the hint ("dd-mm-jjjj"), not the browser's date picker: that one
# shows and reads the date in the browser's locale (mm/dd/yyyy on an English system), is hard to use by
# keyboard and screen reader, and differs per browser. The field reads what people type: 17-3-2025,
# 17-03-2025, 17/03/2025, 17.03.2025, 17 03 2025, 17032025, and the ISO form 2025-03-17 (what a browser
# test or an older form posts). It shows a date as dd-mm-jjjj.
DATUM_WEERGAVE = "%d-%m-%Y"
DATUM_FORMAAT_HINT = _("Formaat: dd-mm-jjjj, bijvoorbeeld 17-03-2025.")
DATUM_ONGELDIG = _("Vul een bestaande datum in als dd-mm-jjjj, bijvoorbeeld 17-03-2025.")


def datum_lezen(invoer: str) -> date | None:
    """The date in what someone typed, or None when it is not a date (pure). Day first; separators '-',
    '/', '.', or spaces; a day and month of one digit; eight digits without separators; or ISO."""
    tekst = re.sub(r"\s+", " ", (invoer or "").strip())
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", tekst):  # ISO: year first
        jaar, maand, dag = (int(d) for d in m.groups())
    elif (m := re.fullmatch(r"(\d{1,2})\s*[-/. ]\s*(\d{1,2})\s*[-/. ]\s*(\d{4})", tekst)) or (m := re.fullmatch(r"(\d{2})(\d{2})(\d{4})", tekst)):
        dag, maand, jaar = (int(d) for d in m.groups())
    else:
        return None
    try:
        return date(jaar, maand, dag)
    except ValueError:  # 31-02-2025, month 13
        return None


class DatumInput(forms.TextInput):
    """The one date widget of every form: a text field as wide as a date, shown as dd-mm-jjjj."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"autocomplete": "off", "spellcheck": "false", "inputmode": "text",
                                "class": "datumveld", "size": "10", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, date):
            return value.strftime(DATUM_WEERGAVE)
        return super().format_value(value)


# --- Plausible input (issue 12 item 8) ---------------------------------------------------------------
# A date or a number of hours that cannot be meant (1900, 9999, a typo of a year) is refused with a Dutch
# message next to the field, before any rule of the law looks at it. The bounds, per kind of date:
# - GEBOORTE (a birth date): from 1-1-1900 up to today; no living inburgeraar is older.
# - ZAAK (every other date: kennisgeving, besluiten, gesprekken, uren, planning): from 1-1-2013 — the Wet
#   inburgering 2013, so a kennisgeving or a document of an older dossier still fits — up to ten years
#   after today: the longest planning (an inburgeringstermijn of 3 years, extended, a keurmerk) stays far
#   within it. Whether a date may lie in the future at all is the service's rule, not this one.
# Hours: more than 0 and at most UREN_MAXIMUM per registration (a whole route's hours, the B1 route
# about 600, in one entry), and at most UREN_PER_DAG for each day of the registered period.


class DatumSoort:
    GEBOORTE = "geboorte"
    ZAAK = "zaak"
    DOCUMENT = "document"  # the date of a document the person brings (a diploma may be old; none is future)


EERSTE_DATUM = {DatumSoort.GEBOORTE: date(1900, 1, 1), DatumSoort.ZAAK: date(2013, 1, 1),
                DatumSoort.DOCUMENT: date(1900, 1, 1)}
JAREN_VOORUIT = {DatumSoort.GEBOORTE: 0, DatumSoort.ZAAK: 10, DatumSoort.DOCUMENT: 0}
UREN_MAXIMUM = Decimal("1000")
UREN_PER_DAG = 12


def datum_grenzen(soort: str, *, vandaag: date) -> tuple[date, date]:
    """The first and last plausible date of this kind (pure)."""
    jaren = JAREN_VOORUIT[soort]
    try:
        laatste = vandaag.replace(year=vandaag.year + jaren)
    except ValueError:  # 29 February
        laatste = vandaag.replace(year=vandaag.year + jaren, day=28)
    return EERSTE_DATUM[soort], laatste


def datum_fout(datum: date | None, soort: str, *, vandaag: date) -> str | None:
    """Why `datum` cannot be meant, or None (pure)."""
    if datum is None:
        return None
    eerste, laatste = datum_grenzen(soort, vandaag=vandaag)
    if eerste <= datum <= laatste:
        return None
    if soort == DatumSoort.GEBOORTE:
        return str(_("Deze geboortedatum is niet mogelijk: vul een datum in vanaf %(eerste)s tot en met vandaag.")
                   % {"eerste": f"{eerste:%d-%m-%Y}"})
    return str(_("Deze datum is niet aannemelijk: vul een datum in vanaf %(eerste)s tot en met %(laatste)s.")
               % {"eerste": f"{eerste:%d-%m-%Y}", "laatste": f"{laatste:%d-%m-%Y}"})


def uren_fout(aantal: Decimal | int | None, *, dagen: int | None = None) -> str | None:
    """Why a number of hours for one registration cannot be meant, or None (pure). `dagen`: the number of
    days of its period, when it has one."""
    if aantal is None:
        return None
    if aantal <= 0:
        return str(_("Vul een aantal uren in dat groter is dan 0."))
    if aantal > UREN_MAXIMUM:
        return str(_("Dit aantal uren is niet aannemelijk voor één registratie: het is ten hoogste %(max)s.")
                   % {"max": UREN_MAXIMUM})
    if dagen is not None and dagen > 0 and aantal > UREN_PER_DAG * dagen:
        return str(_("Dit zijn meer dan %(per_dag)s uur per dag in de periode van %(dagen)s dagen; "
                     "controleer het aantal of de periode.") % {"per_dag": UREN_PER_DAG, "dagen": dagen})
    return None


class DatumVeld(forms.DateField):
    """Every date field of a form: the date widget (dd-mm-jjjj, its format in the hint), Dutch messages, and
    the plausible bounds of its kind (`soort`)."""

    default_error_messages = {"invalid": DATUM_ONGELDIG}

    def __init__(self, *, soort: str = DatumSoort.ZAAK, **kwargs):
        widget = kwargs.setdefault("widget", DatumInput())
        if widget is forms.DateInput or isinstance(widget, forms.DateInput):  # Django's own: the browser picker
            kwargs["widget"] = widget = DatumInput()
        if isinstance(widget, DatumInput):
            hulp = kwargs.get("help_text")
            kwargs["help_text"] = format_lazy("{} {}", hulp, DATUM_FORMAAT_HINT) if hulp else DATUM_FORMAAT_HINT
        super().__init__(**kwargs)
        self.soort = soort

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, date):
            return value
        datum = datum_lezen(str(value))
        if datum is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return datum

    def validate(self, value):
        super().validate(value)
        if fout := datum_fout(value, self.soort, vandaag=vandaag()):
            raise forms.ValidationError(fout, code="onaannemelijk")


class UrenVeld(forms.DecimalField):
    """A number of hours of one registration: more than 0 and at most UREN_MAXIMUM (a form with a period
    also checks the hours per day with `uren_fout(…, dagen=)`)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 6)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("widget", forms.NumberInput(attrs={"step": "0.25", "inputmode": "decimal"}))
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if fout := uren_fout(value):
            raise forms.ValidationError(fout, code="onaannemelijk")


GEBOORTE_VELDEN = ("geboortedatum",)


def datum_velden(db_field, **kwargs):
    """`Meta.formfield_callback` of every ModelForm: a model DateField becomes a DatumVeld (a birth date by
    its name), the rest as Django makes it."""
    if isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
        soort = DatumSoort.GEBOORTE if db_field.name in GEBOORTE_VELDEN else DatumSoort.ZAAK
        return db_field.formfield(form_class=DatumVeld, soort=soort, **kwargs)
    return db_field.formfield(**kwargs)
