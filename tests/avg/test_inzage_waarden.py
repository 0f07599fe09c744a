"""How the inzageverzoek shows a value (pure, no database): choices by label, Ja/Nee, Dutch dates, local
times, decimal commas, JSON values; ISO for the JSON export; which fields are technical."""

from datetime import UTC, date, datetime
from decimal import Decimal

from django.db import models

import pytest

from avg.inzage import is_interne_notitie, is_technisch, json_waarde, weergave
from cases.models import Dossier, Geslacht, Inburgeraar
from handhaving.models import Notitie
from inburgering.documenten.models import Document
from leerroutes.models import OntzorgingNotitie
from pip_plans.models import Pip


@pytest.mark.parametrize(("waarde", "verwacht"), [
    (None, ""), ("", ""), ([], ""), ({}, ""),
    (True, "Ja"), (False, "Nee"),
    (date(2025, 3, 7), "07-03-2025"),
    (Decimal("12.50"), "12,5"), (Decimal("50.00"), "50"), (Decimal("0.25"), "0,25"), (1.5, "1,5"),
    (3, "3"), ("tekst", "tekst"),
    (["taal", "werk"], "taal, werk"), ({"uren": Decimal("2.5"), "klaar": True}, "uren: 2,5; klaar: Ja"),
    ([{"a": 1}], '[{"a": 1}]'),
])
def test_display_values(waarde, verwacht):
    assert weergave(waarde) == verwacht


def test_an_aware_time_is_shown_in_dutch_local_time(settings):
    settings.TIME_ZONE = "Europe/Amsterdam"
    assert weergave(datetime(2025, 7, 1, 10, 5, tzinfo=UTC)) == "01-07-2025 12:05"
    assert json_waarde(datetime(2025, 7, 1, 10, 5, tzinfo=UTC)) == "2025-07-01T12:05:00+02:00"


def test_a_choice_shows_its_label():
    veld = Inburgeraar._meta.get_field("geslacht")
    assert weergave(Geslacht.VROUW, veld) == "Vrouw"
    assert weergave("onbekende-code", veld) == "onbekende-code"


@pytest.mark.parametrize(("waarde", "verwacht"), [
    (date(2025, 3, 7), "2025-03-07"), (Decimal("12.50"), "12.50"), (True, True), ("x", "x"), (None, None),
])
def test_json_values_are_iso_and_exact(waarde, verwacht):
    assert json_waarde(waarde) == verwacht


@pytest.mark.parametrize(("model", "veld", "technisch"), [
    (Dossier, "versie", True), (Dossier, "id", True), (Dossier, "eind_toelichting", False),
    (Pip, "versie", False), (Pip, "wijzigingsnummer", True),
    (Document, "html", True), (Document, "sha256", True), (Document, "bestand", True), (Document, "titel", False),
    (Notitie, "bijlage", True), (Notitie, "bijlage_naam", False),
])
def test_technical_fields(model: type[models.Model], veld: str, technisch: bool):
    assert is_technisch(model, model._meta.get_field(veld)) is technisch


def test_internal_notes_are_the_models_named_notitie():
    assert is_interne_notitie(Notitie) and is_interne_notitie(OntzorgingNotitie)
    assert not is_interne_notitie(Dossier)
