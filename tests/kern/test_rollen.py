"""The four roles are groups created by a data migration, so a fresh database has them."""

from django.contrib.auth.models import Group

from inburgering.accounts.roles import Rol


def test_the_data_migration_creates_the_four_role_groups(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {"werkcoach", "consulent", "manager", "beheerder"}
    assert {r.value for r in Rol} == {"werkcoach", "consulent", "manager", "beheerder"}
