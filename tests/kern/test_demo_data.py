"""`manage.py demo_data`: synthetic users and dossiers, never in an environment that forbids it; the
registry of demo steps the apps fill; the fixtures in fixtures/."""

from collections import Counter
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command

import pytest

from avg import demo as avg_demo
from cases import demo
from cases.demo import demostappen, registreer_demostap
from cases.models import Dossier, Inburgeraar
from cases.rules import bsn_is_geldig
from inburgering.accounts.models import User
from inburgering.instellingen.models import GemeenteInstellingen
from leerroutes.models import Aanbieder, LeerroutesInstellingen
from pip_plans.instellingen import PipInstellingen

VERWACHTE_ROLLEN = {
    "werkcoach": "werkcoach",
    "werkcoach2": "werkcoach",
    "werkcoach3": "werkcoach",
    "consulent": "consulent",
    "manager": "manager",
    "beheerder": "beheerder",
    "privacy": "privacy",
    "privacy2": "privacy",
    "postkamer": "postkamer",
    "koppelbeheer": "koppelbeheer",
}
# avg's demo step adds these closed dossiers past their bewaartermijn (a vernietigingslijst to show).
VERNIETIGING = len(avg_demo.VOORBEELDEN)


def test_demo_data_creates_the_demo_users_with_their_role(db):
    call_command("demo_data", dossiers=30)

    gebruikers = User.objects.filter(username__in=VERWACHTE_ROLLEN)
    assert {u.username: sorted(u.groups.values_list("name", flat=True)) for u in gebruikers} == {
        naam: [rol] for naam, rol in VERWACHTE_ROLLEN.items()
    }
    assert all(u.check_password("demo") for u in gebruikers)
    assert all(u.team_id for u in gebruikers if u.username.startswith(("werkcoach", "consulent")))


def test_demo_data_creates_the_requested_dossiers_with_valid_bsns(db):
    call_command("demo_data", dossiers=30)

    assert Dossier.objects.count() == 30 + VERNIETIGING
    bsns = list(Inburgeraar.objects.values_list("bsn", flat=True))
    assert len(bsns) == len(set(bsns)) == 30 + VERNIETIGING
    assert all(bsn_is_geldig(b) for b in bsns)
    assert all(d.team_id == d.werkcoach.team_id for d in Dossier.objects.select_related("werkcoach"))
    assert Dossier.history.filter(history_change_reason="Demodata").count() == 30 + VERNIETIGING


def test_running_demo_data_twice_adds_dossiers_without_duplicating_users_or_bsns(db):
    call_command("demo_data", dossiers=5)
    call_command("demo_data", dossiers=5)

    assert User.objects.filter(username__in=VERWACHTE_ROLLEN).count() == len(VERWACHTE_ROLLEN)
    assert Inburgeraar.objects.values("bsn").distinct().count() == 10 + 2 * VERNIETIGING


def test_demo_data_with_als_leeg_skips_when_there_are_dossiers(db):
    call_command("demo_data", dossiers=3)
    call_command("demo_data", dossiers=3, als_leeg=True)
    assert Dossier.objects.count() == 3 + VERNIETIGING


def test_demo_data_is_refused_where_it_is_not_allowed(db, settings):
    settings.DEMO_DATA_ALLOWED = False

    with pytest.raises(CommandError, match="DEMO_DATA_ALLOWED"):
        call_command("demo_data", dossiers=30)

    assert not User.objects.filter(username="werkcoach").exists()
    assert not Dossier.objects.exists()


def test_demo_data_takes_some_dossiers_through_intake_and_pip_with_the_real_services(db, settings, tmp_path):
    from cases.models import Fase
    from pip_plans.models import Pip, PipStatus

    settings.MEDIA_ROOT = tmp_path
    call_command("demo_data", dossiers=60)

    fasen = set(Dossier.objects.values_list("fase", flat=True))
    assert {Fase.AANGEMELD, Fase.OVERDRACHT, Fase.INTAKE, Fase.PIP_IN_OPSTELLING, Fase.IN_UITVOERING} <= fasen
    vastgesteld = Pip.objects.filter(status=PipStatus.VASTGESTELD)
    assert vastgesteld.exists()
    assert all(pip.document_id and pip.vastgesteld_door.username == "consulent" for pip in vastgesteld)
    assert Pip.objects.filter(status=PipStatus.TER_BEOORDELING).exists()


def test_every_demo_dossier_passes_the_registration_rules_for_age_and_dates(db):
    """The demo persons are in scope on their kennisgeving date (18 up to the AOW age), and their key
    dates pass the same rules as the registration form: not in the future, huisvesting after koppeling."""
    from django.utils import timezone

    from cases import rules
    from cases.demo import demo_gebruikers, maak_dossiers
    from cases.services import aow_leeftijd_in

    vandaag = timezone.localdate()
    demo_gebruikers()
    maak_dossiers(400, vandaag=vandaag)

    fouten = []
    for d in Dossier.objects.select_related("inburgeraar"):
        leeftijd = rules.leeftijd_fout(
            geboortedatum=d.inburgeraar.geboortedatum, kennisgeving=d.datum_kennisgeving, minimum_jaren=18,
            aow_leeftijd=aow_leeftijd_in(d.datum_kennisgeving.year),
        )
        datums = rules.datum_fouten(
            vandaag=vandaag, koppeling=d.datum_koppeling, huisvesting=d.datum_huisvesting,
            datums={"kennisgeving": d.datum_kennisgeving, "koppeling": d.datum_koppeling,
                    "huisvesting": d.datum_huisvesting, "brp": d.datum_brp_vestiging},
        )
        if leeftijd or datums:
            fouten.append((d.inburgeraar.geboortedatum, d.datum_kennisgeving, leeftijd, datums))
    assert fouten == []


def test_the_demo_dossiers_are_spread_over_doelgroepen_teams_and_werkcoaches(db):
    from django.utils import timezone

    from cases.demo import demo_gebruikers, maak_dossiers

    demo_gebruikers()
    maak_dossiers(60, vandaag=timezone.localdate())

    dossiers = list(Dossier.objects.select_related("werkcoach", "team"))
    assert {d.doelgroep_kort for d in dossiers} == {"asiel", "gezins_overig"}
    assert {d.team.naam for d in dossiers} == {"Team Delfzijl", "Team Appingedam"}
    assert {d.werkcoach.username for d in dossiers} == {"werkcoach", "werkcoach2", "werkcoach3"}


# --- the registry of demo steps -----------------------------------------------------------------------
def test_the_apps_register_their_demo_steps_in_order():
    assert [stap.naam for stap in demostappen()] == [
        "gemeente", "pip-instellingen", "leerroutes-instellingen", "gebruikers", "aanbieders", "dossiers",
        "trajecten", "afspraken", "vernietiging", "brp",
    ]


def test_registering_a_demo_step_twice_is_a_programming_error():
    with pytest.raises(ImproperlyConfigured, match="gebruikers"):
        registreer_demostap("gebruikers", lambda opdracht: None, 99)


def test_demo_data_without_registered_steps_says_so(db, monkeypatch):
    monkeypatch.setattr(demo, "_STAPPEN", {})

    with pytest.raises(CommandError, match="geen demostappen"):
        call_command("demo_data", dossiers=1)


def test_demo_data_runs_the_steps_in_order_with_what_was_asked(db, monkeypatch):
    gezien = []
    monkeypatch.setattr(demo, "_STAPPEN", {})
    registreer_demostap("tweede", lambda opdracht: gezien.append(("tweede", opdracht.dossiers)) or "klaar", 2)
    registreer_demostap("eerste", lambda opdracht: gezien.append(("eerste", opdracht.seed)), 1)
    uitvoer = StringIO()

    call_command("demo_data", dossiers=7, seed=3, stdout=uitvoer)

    assert gezien == [("eerste", 3), ("tweede", 7)]
    assert "klaar" in uitvoer.getvalue()


def test_demo_data_with_als_leeg_leaves_an_existing_database_alone(db):
    call_command("demo_data", dossiers=1)
    User.objects.filter(username="werkcoach").update(first_name="Gewijzigd")
    PipInstellingen.objects.update(voortgangsgesprek_weken=24)

    call_command("demo_data", dossiers=1, als_leeg=True)

    assert User.objects.get(username="werkcoach").first_name == "Gewijzigd"
    assert PipInstellingen.huidig().voortgangsgesprek_weken == 24


def test_demo_data_loads_the_example_settings_and_aanbieders_with_their_history(db):
    PipInstellingen.objects.update(voortgangsgesprek_weken=24)
    LeerroutesInstellingen.objects.update(map_norm_uren=1)

    call_command("demo_data", dossiers=0)

    assert PipInstellingen.huidig().voortgangsgesprek_weken == 8
    assert LeerroutesInstellingen.huidig().map_norm_uren == 40
    assert GemeenteInstellingen.huidig().naam == "Gemeente Eemsdelta"
    assert Aanbieder.objects.filter(naam="Taalschool Noord", keurmerk_nummer="1234567").exists()
    for aanbieder in Aanbieder.objects.all():
        assert [h.history_change_reason for h in aanbieder.history.all()] == ["Demodata"]


# --- the fixtures ---------------------------------------------------------------------------------------
FIXTURES = sorted((Path(settings.BASE_DIR) / "fixtures").glob("*.json"))


def test_there_are_fixtures():
    assert {f.stem for f in FIXTURES} >= {
        "demo_gebruikers", "demo_aanbieders", "instellingen_gemeente", "instellingen_pip", "instellingen_leerroutes"}


@pytest.mark.parametrize("pad", FIXTURES, ids=lambda pad: pad.stem)
def test_every_fixture_loads_twice_and_its_rows_pass_model_validation(db, pad):
    call_command("loaddata", pad.stem, verbosity=0)
    call_command("loaddata", pad.stem, verbosity=0)  # matched by primary or natural key: no duplicates

    objecten = list(serializers.deserialize("json", pad.read_text(encoding="utf-8")))
    for gedeserialiseerd in objecten:
        obj = gedeserialiseerd.object
        assert obj.pk is not None, obj  # found in the database
        type(obj).objects.get(pk=obj.pk).full_clean()
    per_model = Counter(type(o.object) for o in objecten)
    for model, aantal in per_model.items():
        assert model.objects.filter(pk__in=[o.object.pk for o in objecten]).count() == aantal


def test_the_demo_users_are_synthetic_and_their_passwords_hashed(db):
    call_command("loaddata", "demo_gebruikers", verbosity=0)

    gebruikers = User.objects.filter(username__in=VERWACHTE_ROLLEN)
    assert len(gebruikers) == len(VERWACHTE_ROLLEN)
    assert all(u.email.endswith("@example.invalid") for u in gebruikers)
    assert all(u.password.startswith("pbkdf2_sha256$") for u in gebruikers)
    assert not any(u.is_superuser for u in gebruikers)
    assert [u.username for u in gebruikers if u.is_staff] == ["beheerder"]
