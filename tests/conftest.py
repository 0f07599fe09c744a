import pytest

from tests.factories import (
    BeheerderFactory,
    ConsulentFactory,
    DossierFactory,
    ManagerFactory,
    TeamFactory,
    WerkcoachFactory,
)


@pytest.fixture
def team(db):
    return TeamFactory(naam="Team Noord")


@pytest.fixture
def ander_team(db):
    return TeamFactory(naam="Team Zuid")


@pytest.fixture
def werkcoach(team):
    return WerkcoachFactory(username="wc", team=team)


@pytest.fixture
def collega(team):
    """A werkcoach in the same team."""
    return WerkcoachFactory(username="collega", team=team)


@pytest.fixture
def werkcoach_ander_team(ander_team):
    return WerkcoachFactory(username="wc_zuid", team=ander_team)


@pytest.fixture
def consulent(team):
    return ConsulentFactory(username="consulent", team=team)


@pytest.fixture
def manager(db):
    return ManagerFactory(username="manager")


@pytest.fixture
def beheerder(db):
    return BeheerderFactory(username="beheerder")


@pytest.fixture
def dossier(werkcoach):
    return DossierFactory(werkcoach=werkcoach)
