"""The data migration accounts 0006 undoes what the old user form allowed: direct user permissions and
`is_staff` without the beheerder role."""

from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Permission

from tests.factories import BeheerderFactory, UserFactory, WerkcoachFactory

opschonen = import_module("inburgering.accounts.migrations.0006_rollen_opschonen").opschonen


def test_direct_permissions_and_staff_without_the_role_are_removed(db):
    staf = WerkcoachFactory(username="staf", is_staff=True)
    staf.user_permissions.add(*Permission.objects.all()[:5])
    beheerder = BeheerderFactory(username="fb")
    root = UserFactory(username="root", is_superuser=True, is_staff=True)

    opschonen(apps, None)

    staf.refresh_from_db(), beheerder.refresh_from_db(), root.refresh_from_db()
    assert not staf.is_staff and not staf.user_permissions.exists()
    assert beheerder.is_staff
    assert root.is_staff and root.is_superuser
