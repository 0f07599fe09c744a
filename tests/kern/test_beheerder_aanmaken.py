"""`manage.py beheerder_aanmaken` bootstraps the first beheerder instead of `createsuperuser`
(issue 11 item 1): staff, not superuser, a Rolwijziging and a security-log event; refuses a second one
unless forced; refuses a weak password."""

from django.core.management import CommandError, call_command

import pytest

from inburgering.accounts.models import Rolwijziging, User
from inburgering.accounts.roles import Rol
from inburgering.audit.models import Beveiligingslog, Gebeurtenis
from tests.factories import BeheerderFactory

STERK = "Paard-Fiets-Boom-42"


def test_it_creates_the_first_beheerder(db, monkeypatch):
    monkeypatch.setenv("BEHEERDER_WACHTWOORD", STERK)

    call_command("beheerder_aanmaken", "fb", "--email", "fb@example.org", "--geen-invoer")

    fb = User.objects.get(username="fb")
    assert fb.check_password(STERK)
    assert fb.is_staff and not fb.is_superuser
    assert fb.rol == Rol.BEHEERDER
    assert Rolwijziging.objects.get(gebruiker=fb).status == Rolwijziging.Status.DOORGEVOERD
    assert Beveiligingslog.objects.filter(gebeurtenis=Gebeurtenis.ROL_GEWIJZIGD, betreft=fb).exists()


def test_it_refuses_when_a_beheerder_exists_unless_forced(db, monkeypatch):
    BeheerderFactory()
    monkeypatch.setenv("BEHEERDER_WACHTWOORD", STERK)

    with pytest.raises(CommandError, match="al een actieve"):
        call_command("beheerder_aanmaken", "fb", "--geen-invoer")
    call_command("beheerder_aanmaken", "fb", "--geen-invoer", "--forceren")

    assert User.objects.get(username="fb").rol == Rol.BEHEERDER


def test_it_refuses_a_weak_password(db, monkeypatch):
    monkeypatch.setenv("BEHEERDER_WACHTWOORD", "welkom123456")

    with pytest.raises(CommandError, match="Wachtwoord geweigerd"):
        call_command("beheerder_aanmaken", "fb", "--geen-invoer")
    assert not User.objects.filter(username="fb").exists()
