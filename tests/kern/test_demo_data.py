"""`manage.py demo_data`: synthetic users and dossiers, never in an environment that forbids it."""

from django.core.management import CommandError, call_command

import pytest

from cases.demo import DEMO_GEBRUIKERS
from cases.models import Dossier, Inburgeraar
from cases.rules import bsn_is_geldig
from inburgering.accounts.models import User

VERWACHTE_ROLLEN = {
    "werkcoach": "werkcoach",
    "werkcoach2": "werkcoach",
    "werkcoach3": "werkcoach",
    "consulent": "consulent",
    "manager": "manager",
    "beheerder": "beheerder",
}


def test_demo_data_creates_the_six_demo_users_with_their_role(db):
    call_command("demo_data", dossiers=30)

    gebruikers = User.objects.filter(username__in=VERWACHTE_ROLLEN)
    assert {u.username: sorted(u.groups.values_list("name", flat=True)) for u in gebruikers} == {
        naam: [rol] for naam, rol in VERWACHTE_ROLLEN.items()
    }
    assert all(u.check_password("demo") for u in gebruikers)
    assert all(u.team_id for u in gebruikers if u.username.startswith(("werkcoach", "consulent")))


def test_demo_data_creates_the_requested_dossiers_with_valid_bsns(db):
    call_command("demo_data", dossiers=30)

    assert Dossier.objects.count() == 30
    bsns = list(Inburgeraar.objects.values_list("bsn", flat=True))
    assert len(bsns) == len(set(bsns)) == 30
    assert all(bsn_is_geldig(b) for b in bsns)
    assert all(d.team_id == d.werkcoach.team_id for d in Dossier.objects.select_related("werkcoach"))
    assert Dossier.history.filter(history_change_reason="Demodata").count() == 30


def test_running_demo_data_twice_adds_dossiers_without_duplicating_users_or_bsns(db):
    call_command("demo_data", dossiers=5)
    call_command("demo_data", dossiers=5)

    assert User.objects.filter(username__in=VERWACHTE_ROLLEN).count() == len(DEMO_GEBRUIKERS)
    assert Inburgeraar.objects.values("bsn").distinct().count() == 10


def test_demo_data_with_als_leeg_skips_when_there_are_dossiers(db):
    call_command("demo_data", dossiers=3)
    call_command("demo_data", dossiers=3, als_leeg=True)
    assert Dossier.objects.count() == 3


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
