"""factory_boy factories with a trait per lifecycle state (`DossierFactory(beeindigd=True)`)."""

from datetime import date, timedelta

from django.contrib.auth.models import Group

import factory

from cases.demo import synthetische_bsns
from cases.models import Dossier, EindReden, Fase, Inburgeraar
from cases.rules import Doelgroep
from inburgering.accounts.models import Team, User
from inburgering.accounts.roles import Rol

_bsns = synthetische_bsns(950_000_000)


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("naam",)

    naam = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Sequence(lambda n: f"Voornaam{n}")
    last_name = "Test"
    team = factory.SubFactory(TeamFactory)
    password = factory.django.Password("geheim-wachtwoord")

    @factory.post_generation
    def rol(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=Rol(extracted).value))


def _met_rol(standaard: Rol):
    """A post-generation hook adding the role's group; `XFactory(rol=...)` overrides it."""

    @factory.post_generation
    def rol(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get(name=Rol(extracted or standaard).value))

    return rol


class WerkcoachFactory(UserFactory):
    rol = _met_rol(Rol.WERKCOACH)


class ConsulentFactory(UserFactory):
    rol = _met_rol(Rol.CONSULENT)


class ManagerFactory(UserFactory):
    rol = _met_rol(Rol.MANAGER)
    team = None


class BeheerderFactory(UserFactory):
    rol = _met_rol(Rol.BEHEERDER)
    team = None
    is_staff = True


class InburgeraarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inburgeraar

    bsn = factory.LazyFunction(lambda: next(_bsns))
    voornamen = "Amina"
    geslachtsnaam = factory.Sequence(lambda n: f"Testpersoon{n:05d}")
    geboortedatum = date(1990, 5, 17)
    geslacht = "V"


class DossierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dossier

    inburgeraar = factory.SubFactory(InburgeraarFactory)
    doelgroep = Doelgroep.ASIELSTATUSHOUDER
    datum_kennisgeving = factory.LazyFunction(lambda: date.today() - timedelta(days=30))
    werkcoach = factory.SubFactory(WerkcoachFactory)
    team = factory.LazyAttribute(lambda o: o.werkcoach.team)

    class Params:
        beeindigd = factory.Trait(fase=Fase.BEEINDIGD, eind_reden=EindReden.VERHUISD)


