import pytest

from inburgering.accounts.roles import Rol
from tests.factories import UserFactory


@pytest.fixture
def privacy(db):
    return UserFactory(username="privacy", rol=Rol.PRIVACY, team=None)
