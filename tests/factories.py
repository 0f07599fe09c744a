"""factory_boy factories with a trait per lifecycle state (`DossierFactory(beeindigd=True)`)."""

from datetime import date, timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

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




# --- intake and PIP (warme overdracht, brede intake, PIP as a beschikking) ---------------------


class WarmeOverdrachtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "cases.WarmeOverdracht"

    dossier = factory.SubFactory(DossierFactory, fase=Fase.OVERDRACHT)
    datum = factory.LazyFunction(lambda: date.today() - timedelta(days=10))
    plaats = "AZC Delfzijl"
    coa_contactpersoon = "J. de Vries (COA)"
    deelnemers = "inburgeraar, COA, werkcoach"
    vastgelegd_door = factory.LazyAttribute(lambda o: o.dossier.werkcoach)


class BredeIntakeFactory(factory.django.DjangoModelFactory):
    """A complete intake draft (LBT, opleiding, no work experience); `afgerond=True` completes it."""

    class Meta:
        model = "cases.BredeIntake"

    dossier = factory.SubFactory(DossierFactory, fase=Fase.INTAKE)
    lbt_uitkomst = "haalbaar"
    lbt_score = 60
    lbt_vereiste_score = 50
    lbt_datum = factory.LazyFunction(lambda: date.today() - timedelta(days=5))
    opleiding_niveau = "voortgezet"
    geen_werkervaring = True
    nederlands_niveau = "A0"  # Besluit 5.2: taalniveau, arbeidsparticipatie, zelfredzaamheid; lid 2: één op één
    arbeidsmogelijkheden = "Wil in de zorg werken."
    zelfredzaamheid = "gemiddeld"
    een_op_een_gewezen = True

    class Params:
        afgerond = factory.Trait(
            # Registered in the BRP by the time the intake is done: the PIP deadline can be computed (an
            # asielstatushouder without it cannot offer a PIP for review, issue 19 item 8).
            dossier=factory.SubFactory(DossierFactory, fase=Fase.PIP_IN_OPSTELLING,
                                       datum_brp_vestiging=factory.SelfAttribute("datum_kennisgeving")),
            afgerond_op=factory.LazyFunction(date.today),
            afgerond_door=factory.LazyAttribute(lambda o: o.dossier.werkcoach),
        )


class IntakeGezondheidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "cases.IntakeGezondheid"

    intake = factory.SubFactory(BredeIntakeFactory)
    fysiek = "Geen bijzonderheden."


class PipFactory(factory.django.DjangoModelFactory):
    """A concept PIP (B1-route); one trait per status: `ter_beoordeling`, `vastgesteld`, `vervangen`,
    `ingetrokken`. A vastgesteld PIP made here has no document (no PDF rendering in list tests)."""

    class Meta:
        model = "pip_plans.Pip"

    dossier = factory.SubFactory(DossierFactory, fase=Fase.PIP_IN_OPSTELLING,
                                 datum_brp_vestiging=factory.SelfAttribute("datum_kennisgeving"))
    versie = 1
    leerroute = "B"
    niveau = "B1"
    aanbieder = "Taalschool Noord"
    auteur = factory.LazyAttribute(lambda o: o.dossier.werkcoach)

    class Params:
        ter_beoordeling = factory.Trait(
            status="ter_beoordeling", ingediend_op=factory.LazyFunction(lambda: timezone.now()),
        )
        vastgesteld = factory.Trait(
            dossier=factory.SubFactory(DossierFactory, fase=Fase.IN_UITVOERING),
            status="vastgesteld",
            dagtekening=factory.LazyFunction(lambda: date.today() - timedelta(days=3)),
            bekendmaking=factory.LazyFunction(lambda: date.today() - timedelta(days=3)),
            termijn_start=factory.LazyFunction(lambda: date.today() - timedelta(days=2)),
            vastgesteld_door=factory.SubFactory(ConsulentFactory),
            vastgesteld_op=factory.LazyFunction(lambda: timezone.now()),
        )
        vervangen = factory.Trait(
            dossier=factory.SubFactory(DossierFactory, fase=Fase.IN_UITVOERING),
            status="vervangen",
            dagtekening=factory.LazyFunction(lambda: date.today() - timedelta(days=30)),
            termijn_start=factory.LazyFunction(lambda: date.today() - timedelta(days=29)),
            vastgesteld_door=factory.SubFactory(ConsulentFactory),
        )
        ingetrokken = factory.Trait(status="ingetrokken")


# --- leerroutes (aanbieders, enrolment, hours, exams) ------------------------------------------


class AanbiederFactory(factory.django.DjangoModelFactory):
    """A taalaanbieder with a valid Blik op Werk keurmerk; traits `taalschakeltraject`, `welzijn`,
    `zonder_keurmerk`."""

    class Meta:
        model = "leerroutes.Aanbieder"
        django_get_or_create = ("naam",)

    naam = factory.Sequence(lambda n: f"Taalaanbieder {n}")
    soort = "taalaanbieder"
    keurmerk_nummer = factory.Sequence(lambda n: f"{1000 + n}")
    keurmerk_geldig_tot = factory.LazyFunction(lambda: date.today() + timedelta(days=3 * 365))

    class Params:
        taalschakeltraject = factory.Trait(
            soort="onderwijsinstelling", keurmerk_nummer="", keurmerk_geldig_tot=None, taalschakeltraject_erkend=True,
        )
        welzijn = factory.Trait(soort="welzijnsorganisatie", keurmerk_nummer="", keurmerk_geldig_tot=None)
        zonder_keurmerk = factory.Trait(keurmerk_nummer="", keurmerk_geldig_tot=None)


class InschrijvingFactory(factory.django.DjangoModelFactory):
    """A gepland enrolment in the route of a vastgesteld PIP."""

    class Meta:
        model = "leerroutes.Inschrijving"

    pip = factory.SubFactory(PipFactory, vastgesteld=True)
    dossier = factory.LazyAttribute(lambda o: o.pip.dossier)
    leerroute = factory.LazyAttribute(lambda o: o.pip.leerroute)
    aanbieder = factory.SubFactory(AanbiederFactory)
    startdatum = factory.LazyAttribute(lambda o: o.pip.dagtekening)
    geplande_einddatum = factory.LazyAttribute(lambda o: o.pip.dagtekening + timedelta(days=365))
    aangemaakt_door = factory.LazyAttribute(lambda o: o.dossier.werkcoach)


class UrenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "leerroutes.Uren"

    dossier = factory.SubFactory(DossierFactory, fase=Fase.IN_UITVOERING)
    categorie = "taal_knm"
    van = factory.LazyFunction(lambda: date.today() - timedelta(days=30))
    tot = factory.LazyFunction(lambda: date.today() - timedelta(days=1))
    aantal = 10
    vastgelegd_door = factory.LazyAttribute(lambda o: o.dossier.werkcoach)


class ExamenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "leerroutes.Examen"

    dossier = factory.SubFactory(DossierFactory, fase=Fase.IN_UITVOERING)
    onderdeel = "LE"
    niveau = "B1"
    datum = factory.Sequence(lambda n: date.today() - timedelta(days=n + 1))
    resultaat = "Geslaagd"
    vastgelegd_door = factory.LazyAttribute(lambda o: o.dossier.werkcoach)


# --- termijnen, signalen, contactmomenten (issue 5) ---------------------------------------------


class TermijnFactory(factory.django.DjangoModelFactory):
    """An open PIP_VASTSTELLEN-like termijn, due in 30 days; traits `verlopen_gisteren` (fatale datum
    passed, still open: the sweep's work), `nadert` (streefdatum today), `gehaald`."""

    class Meta:
        model = "cases.Termijn"

    dossier = factory.SubFactory(DossierFactory)
    soort = "pip_vaststellen"
    bron = "test"
    basisdatum = factory.LazyFunction(lambda: date.today() - timedelta(days=40))
    fatale_datum = factory.LazyFunction(lambda: date.today() + timedelta(days=30))
    berekende_fatale_datum = factory.LazyAttribute(lambda o: o.fatale_datum)
    streefdatum = factory.LazyAttribute(lambda o: o.fatale_datum - timedelta(days=14))

    class Params:
        verlopen_gisteren = factory.Trait(fatale_datum=factory.LazyFunction(lambda: date.today() - timedelta(days=1)))
        nadert = factory.Trait(
            fatale_datum=factory.LazyFunction(lambda: date.today() + timedelta(days=14)),
            streefdatum=factory.LazyFunction(date.today),
        )
        gehaald = factory.Trait(status="gehaald", gehaald_op=factory.LazyFunction(date.today))


class SignaalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "cases.Signaal"

    termijn = factory.SubFactory(TermijnFactory, verlopen_gisteren=True, status="verlopen")
    dossier = factory.LazyAttribute(lambda o: o.termijn.dossier)
    soort = "verlopen"
    termijn_fatale_datum = factory.LazyAttribute(lambda o: o.termijn.fatale_datum if o.termijn else None)

    class Params:
        aandachtspunt = factory.Trait(termijn=None, dossier=factory.SubFactory(DossierFactory),
                                      soort="aandachtspunt", omschrijving="Bellen over kinderopvang")


class ContactmomentFactory(factory.django.DjangoModelFactory):
    """A held voortgangsgesprek last week; trait `no_show`."""

    class Meta:
        model = "cases.Contactmoment"

    dossier = factory.SubFactory(DossierFactory, fase=Fase.IN_UITVOERING)
    datum = factory.LazyFunction(lambda: date.today() - timedelta(days=7))
    soort = "voortgangsgesprek"
    deelnemers = "inburgeraar, werkcoach"
    leerroute_past = "ja"
    vastgelegd_door = factory.LazyAttribute(lambda o: o.dossier.werkcoach)

    class Params:
        no_show = factory.Trait(soort="no_show", leerroute_past="", deelnemers="")


# --- handhaving (issue 6) ------------------------------------------------------------------------


class UitnodigingFactory(factory.django.DjangoModelFactory):
    """An intake summons (first, not yet attended); pass `volgnummer=2, verschenen=False, waarschuwing_op=...`
    for the second summons after a written warning (Wet 14 lid 1)."""

    class Meta:
        model = "cases.Uitnodiging"

    dossier = factory.SubFactory(DossierFactory, fase=Fase.INTAKE)
    volgnummer = 1
    verzonden_op = factory.LazyFunction(lambda: date.today() - timedelta(days=40))
    gesprek_op = factory.LazyFunction(lambda: date.today() - timedelta(days=30))
    vastgelegd_door = factory.LazyAttribute(lambda o: o.dossier.werkcoach)


class HandhavingszaakFactory(factory.django.DjangoModelFactory):
    """A zaak in `signaal` about the PVT; traits `voornemen` (warning and voornemen sent, zienswijze period
    over) and `boete` (a decided €50 fine, bezwaar period running). No letters are rendered here."""

    class Meta:
        model = "handhaving.Handhavingszaak"

    dossier = factory.SubFactory(DossierFactory, fase=Fase.IN_UITVOERING)
    verplichting = "pvt"
    omschrijving = "Niet verschenen bij het participatieverklaringstraject."
    overtreding_datum = factory.LazyFunction(lambda: date.today() - timedelta(days=40))
    geconstateerd_op = factory.LazyAttribute(lambda o: o.overtreding_datum)
    geopend_door = factory.LazyAttribute(lambda o: o.dossier.werkcoach)

    class Params:
        voornemen = factory.Trait(
            status="voornemen",
            waarschuwing_op=factory.LazyFunction(lambda: date.today() - timedelta(days=30)),
            voornemen_op=factory.LazyFunction(lambda: date.today() - timedelta(days=20)),
            voornemen_bedrag=50,
            zienswijze_einde=factory.LazyFunction(lambda: date.today() - timedelta(days=6)),
            voornemen_door=factory.SubFactory(ConsulentFactory),
        )
        boete = factory.Trait(
            status="besluit", besluit_uitkomst="boete", grondbedrag=50, boetebedrag=50, betaalstatus="open",
            waarschuwing_op=factory.LazyFunction(lambda: date.today() - timedelta(days=30)),
            voornemen_op=factory.LazyFunction(lambda: date.today() - timedelta(days=20)),
            zienswijze_einde=factory.LazyFunction(lambda: date.today() - timedelta(days=6)),
            dagtekening=factory.LazyFunction(lambda: date.today() - timedelta(days=2)),
            bekendmaking=factory.LazyFunction(lambda: date.today() - timedelta(days=2)),
            bezwaar_einde=factory.LazyFunction(lambda: date.today() + timedelta(days=40)),
            besluit_door=factory.SubFactory(ConsulentFactory),
        )


class PrivacyOfficerFactory(UserFactory):
    rol = _met_rol(Rol.PRIVACY)
    team = None
