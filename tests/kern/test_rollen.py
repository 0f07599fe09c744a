"""The roles are groups created by data migrations, so a fresh database has them."""

from django.contrib.auth.models import Group

from inburgering.accounts.roles import Rol


def test_the_data_migrations_create_every_role_group(db):
    rollen = {"werkcoach", "consulent", "manager", "beheerder", "privacy", "postkamer", "koppelbeheer"}
    assert set(Group.objects.values_list("name", flat=True)) >= rollen
    assert {r.value for r in Rol} == rollen
