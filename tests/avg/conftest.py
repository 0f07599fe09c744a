from datetime import date

import pytest

from cases.models import EindReden, Fase
from inburgering.accounts.roles import Rol
from tests.factories import DossierFactory, UserFactory


@pytest.fixture
def privacy(db):
    return UserFactory(username="privacy", team=None, rol=Rol.PRIVACY)


@pytest.fixture
def privacy2(db):
    return UserFactory(username="privacy2", team=None, rol=Rol.PRIVACY)


@pytest.fixture
def oud_dossier(werkcoach):
    """Plicht voldaan in 2019: past the 5 years."""
    return DossierFactory(werkcoach=werkcoach, fase=Fase.AFGEROND, eind_reden=EindReden.VOLDAAN,
                          eind_datum=date(2019, 3, 1))
