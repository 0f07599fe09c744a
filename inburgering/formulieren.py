"""Form rendering in the NL Design System (Utrecht) style, for every form in the project.

Django 5.2's BoundField already links errors and help text with aria-describedby; this adds the
Utrecht classes and replaces the browser's own `required` check (English pop-ups) by aria-required,
so the server answers with a Dutch message next to the field.
"""

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting

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


class Renderer(TemplatesSetting):
    field_template_name = "forms/veld.html"
    bound_field_class = UtrechtBoundField


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)
