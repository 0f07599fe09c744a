"""The one date widget (issue 19 item 7): a text field read as dd-mm-jjjj (and ISO), independent of the
browser's locale, with its format in the hint and a Dutch message."""

from datetime import date

from django import forms

import pytest

from inburgering.formulieren import DATUM_ONGELDIG, DatumInput, DatumVeld, datum_lezen


@pytest.mark.parametrize("invoer", [
    "17-03-2025", "17-3-2025", "17/03/2025", "17.03.2025", "17 03 2025", " 17-03-2025 ", "17032025", "2025-03-17",
    "17 - 3 - 2025",
])
def test_what_people_type_is_read_day_first(invoer):
    assert datum_lezen(invoer) == date(2025, 3, 17)


@pytest.mark.parametrize("invoer", ["31-02-2025", "17-13-2025", "03-17-2025", "2025/03/17", "17-03-25", "morgen", "",
                                    "1732025", "2025-02-30"])
def test_what_is_not_a_date_is_none(invoer):
    assert datum_lezen(invoer) is None


class Formulier(forms.Form):
    datum = DatumVeld(label="Datum")
    met_uitleg = DatumVeld(label="Besluit", required=False, help_text="Zoals DUO hem doorgeeft.")


def test_the_field_is_a_text_field_shown_as_dd_mm_jjjj_with_the_format_in_its_hint():
    form = Formulier(initial={"datum": date(2025, 3, 7)})
    html = str(form["datum"])
    assert 'type="text"' in html and 'value="07-03-2025"' in html and 'type="date"' not in html
    assert str(form.fields["datum"].help_text) == "Formaat: dd-mm-jjjj, bijvoorbeeld 17-03-2025."
    assert str(form.fields["met_uitleg"].help_text) == "Zoals DUO hem doorgeeft. Formaat: dd-mm-jjjj, bijvoorbeeld 17-03-2025."
    assert 'aria-describedby="id_datum_helptext"' in html


def test_a_wrong_date_gets_the_dutch_message_and_keeps_what_was_typed():
    form = Formulier({"datum": "31-02-2025"})
    assert not form.is_valid()
    assert form.errors["datum"] == [str(DATUM_ONGELDIG)]
    assert 'value="31-02-2025"' in str(form["datum"])


def test_iso_and_dutch_input_both_give_the_date():
    assert Formulier({"datum": "2025-03-17"}).is_valid()
    form = Formulier({"datum": "17-3-2025"})
    assert form.is_valid() and form.cleaned_data["datum"] == date(2025, 3, 17)


def test_a_django_date_widget_is_replaced_and_another_widget_is_kept():
    assert isinstance(DatumVeld(widget=forms.DateInput).widget, DatumInput)
    assert isinstance(DatumVeld(widget=forms.HiddenInput).widget, forms.HiddenInput)
