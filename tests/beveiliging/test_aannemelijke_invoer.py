"""Issue 12 item 8: no hours, dates or periods in 1900 or 9999. The pure rules (inburgering.formulieren)
as table tests, the bounded fields on EVERY form of the apps (introspected), and a message next to the
field on a real page."""

import importlib
import inspect
from datetime import date, timedelta
from decimal import Decimal

from django import forms
from django.urls import reverse

import pytest

from cases.models import Fase
from inburgering.formulieren import (
    DatumSoort,
    DatumVeld,
    UrenVeld,
    datum_fout,
    datum_grenzen,
    uren_fout,
)
from tests.factories import DossierFactory

VANDAAG = date(2026, 11, 30)
G, Z = DatumSoort.GEBOORTE, DatumSoort.ZAAK


@pytest.mark.parametrize(("datum", "soort", "goed"), [
    (date(1899, 12, 31), G, False),
    (date(1900, 1, 1), G, True),  # the oldest plausible birth date
    (date(1990, 5, 17), G, True),
    (VANDAAG, G, True),
    (VANDAAG + timedelta(days=1), G, False),  # not yet born
    (date(1900, 1, 1), Z, False),
    (date(2012, 12, 31), Z, False),
    (date(2013, 1, 1), Z, True),  # Wet inburgering 2013: an older dossier's kennisgeving still fits
    (VANDAAG, Z, True),
    (date(2036, 11, 30), Z, True),  # ten years ahead: the longest planning
    (date(2036, 12, 1), Z, False),
    (date(9999, 12, 31), Z, False),
    (None, Z, True),  # empty: whether it is required is the field's own rule
])
def test_plausible_dates_per_kind_issue_12_item_8(datum, soort, goed):
    assert (datum_fout(datum, soort, vandaag=VANDAAG) is None) is goed


def test_the_upper_bound_of_a_29_february():
    assert datum_grenzen(Z, vandaag=date(2028, 2, 29)) == (date(2013, 1, 1), date(2038, 2, 28))


@pytest.mark.parametrize(("aantal", "dagen", "goed"), [
    (Decimal("0"), None, False),
    (Decimal("-1"), None, False),
    (Decimal("0.25"), None, True),
    (Decimal("1000"), None, True),  # a whole route's hours in one registration
    (Decimal("1000.25"), None, False),
    (Decimal("9999"), None, False),
    (Decimal("12"), 1, True),  # at most 12 hours a day of the period
    (Decimal("12.25"), 1, False),
    (Decimal("84"), 7, True),
    (Decimal("85"), 7, False),
    (None, None, True),
])
def test_plausible_hours_per_registration_issue_12_item_8(aantal, dagen, goed):
    assert (uren_fout(aantal, dagen=dagen) is None) is goed


FORMULIER_MODULES = [
    "cases.forms", "cases.contact.forms", "cases.intake.forms", "cases.agenda.forms", "cases.termijnen.forms", "cases.bijlage.forms",
    "pip_plans.forms",
    "leerroutes.forms", "handhaving.forms", "inburgering.accounts.forms", "inburgering.accounts.admin",
    "inburgering.formulierpagina", "inburgering.audit.forms", "inburgering.documenten.verzendformulier", "avg.forms",
    "avg.inzage_forms", "duo.notificaties.forms", "duo.views",
]
UREN_NAMEN = ("uren", "aantal")


def alle_formulieren():
    for naam in FORMULIER_MODULES:
        module = importlib.import_module(naam)
        for _n, klasse in inspect.getmembers(module, inspect.isclass):
            if issubclass(klasse, forms.BaseForm) and klasse.__module__ == naam:
                yield klasse


def test_the_list_of_form_modules_is_complete():
    from pathlib import Path

    from django.conf import settings

    gevonden = {
        ".".join(p.relative_to(settings.BASE_DIR).with_suffix("").parts)
        for app in ("cases", "pip_plans", "leerroutes", "handhaving", "dashboards", "avg", "duo", "inburgering")
        for p in (Path(settings.BASE_DIR) / app).rglob("*.py")
        if "migrations" not in p.parts and (p.name == "forms.py" or "(forms.Form)" in p.read_text())
    }
    assert gevonden <= set(FORMULIER_MODULES), "a module with forms is missing from FORMULIER_MODULES"


@pytest.mark.parametrize("formulier", list(alle_formulieren()), ids=lambda k: f"{k.__module__}.{k.__name__}")
def test_every_date_and_hour_field_of_every_form_is_bounded(formulier):
    for naam, veld in formulier.base_fields.items():
        if isinstance(veld, forms.DateField):
            assert isinstance(veld, DatumVeld), f"{formulier.__name__}.{naam} is a DateField without bounds"
            if "geboorte" in naam:
                assert veld.soort == G
        if isinstance(veld, forms.DecimalField) and naam in UREN_NAMEN:
            assert isinstance(veld, UrenVeld), f"{formulier.__name__}.{naam} holds hours without bounds"


def test_a_contact_in_9999_gets_a_dutch_message_next_to_the_field(client, werkcoach):
    from tests.termijnen.test_contact import formulier

    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING)
    client.force_login(werkcoach)

    antwoord = client.post(reverse("contact:contact_nieuw", args=[dossier.pk]),
                           formulier(datum=date(9999, 12, 31), volgende_afspraak=date(1900, 1, 1)))

    assert antwoord.status_code == 200
    form = antwoord.context["form"]
    assert "niet aannemelijk" in form.errors["datum"][0]
    assert "niet aannemelijk" in form.errors["volgende_afspraak"][0]


def test_hours_over_a_day_of_the_period_get_a_message_next_to_the_field():
    from leerroutes.forms import UrenForm

    form = UrenForm({"categorie": "taal_knm", "van": "2026-11-02", "tot": "2026-11-02", "aantal": "40",
                     "bron": "werkcoach"})
    assert not form.is_valid()
    assert "12 uur per dag" in form.errors["aantal"][0]
