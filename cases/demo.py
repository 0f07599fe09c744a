"""Synthetic demo data: persons who do not exist, with BSNs in the 9-range that pass the elfproef.

`manage.py demo_data` runs the registered demo steps in order (`registreer_demostap`): each app adds
its own, so cases never names the apps above it. What is data rather than code (teams, users,
aanbieders, example policy settings) lives as Django fixtures in fixtures/ (`laad_fixtures`); this
module generates the dossiers. Also used by benchmarks and tests.
"""

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import models, transaction

from simple_history.utils import bulk_create_with_history

from inburgering.accounts.models import Team, User
from inburgering.accounts.roles import Rol
from inburgering.instellingen.models import GemeenteInstellingen

from . import rules
from .agenda.demo import demo_afspraken
from .models import Dossier, Fase, Inburgeraar, Regime
from .rules import Doelgroep
from .termijnen.bulk import termijnen_bulk_aanmaken

DEMO_REDEN = "Demodata"


# --- the registry of demo steps ----------------------------------------------------------------------
@dataclass(frozen=True)
class DemoOpdracht:
    """What `manage.py demo_data` was asked for."""

    dossiers: int
    seed: int
    vandaag: date


# A step makes its part of the demo and may say what it made, for the command's report.
DemoFunctie = Callable[[DemoOpdracht], str | None]


@dataclass(frozen=True)
class Demostap:
    naam: str
    functie: DemoFunctie
    volgorde: int


_STAPPEN: dict[str, Demostap] = {}


def registreer_demostap(naam: str, functie: DemoFunctie, volgorde: int) -> None:
    """Called from an app's AppConfig.ready(). A second registration of a name is a programming error."""
    if naam in _STAPPEN:
        raise ImproperlyConfigured(f"De demostap {naam!r} is al geregistreerd.")
    _STAPPEN[naam] = Demostap(naam=naam, functie=functie, volgorde=volgorde)


def demostappen() -> list[Demostap]:
    return sorted(_STAPPEN.values(), key=lambda stap: (stap.volgorde, stap.naam))


def laad_fixtures(*namen: str, historie: tuple[type[models.Model], ...] = ()) -> None:
    """Load fixtures from fixtures/ with Django's loaddata: rows are matched by primary or natural key,
    so loading again resets them to the fixture. loaddata writes no history; rows of the `historie`
    models that have none yet get their creation record, as if a service had stored them."""
    call_command("loaddata", *namen, verbosity=0)
    for model in historie:
        zonder = model.objects.exclude(pk__in=model.history.values(model._meta.pk.attname))
        model.history.bulk_history_create(list(zonder), default_change_reason=DEMO_REDEN)


def fixtures_stap(*namen: str, historie: tuple[type[models.Model], ...] = ()) -> DemoFunctie:
    """A demo step that only loads fixtures."""
    def stap(opdracht: DemoOpdracht) -> None:
        laad_fixtures(*namen, historie=historie)

    return stap


def registreer_demostappen() -> None:
    """cases' own steps: the gemeente settings and the demo users first, the dossiers after the apps
    above have loaded their settings and reference data."""
    registreer_demostap("gemeente", fixtures_stap("instellingen_gemeente", historie=(GemeenteInstellingen,)), 10)
    registreer_demostap("gebruikers", demo_gebruikers, 20)
    registreer_demostap("dossiers", _dossiers, 50)
    registreer_demostap("afspraken", demo_afspraken, 65)  # issue 20: after the journeys of the apps above


def demo_gebruikers(opdracht: DemoOpdracht | None = None) -> None:
    """The demo teams and users of fixtures/demo_gebruikers.json, all with password "demo". The
    beheerder is staff, not superuser: the role group's permissions are what functioneel beheer may do
    (handhaving/migrations/0002_beheerder_rechten)."""
    laad_fixtures("demo_gebruikers", historie=(Team,))


def _dossiers(opdracht: DemoOpdracht) -> str:
    # Kennisgevingen of the last four months: a realistic mix of open, nearing and overdue PIP termijnen.
    aantal = maak_dossiers(opdracht.dossiers, seed=opdracht.seed, vandaag=opdracht.vandaag, kennisgeving_dagen=(7, 120))
    return f"{aantal} dossiers aangemaakt"


# --- synthetic persons and dossiers ------------------------------------------------------------------
VOORNAMEN = ["Amina", "Yusuf", "Mariam", "Ahmad", "Samira", "Tesfay", "Selam", "Omar", "Huda", "Dawit",
             "Nour", "Khaled", "Rahel", "Hassan", "Layla", "Ibrahim", "Fatma", "Mehmet", "Olena", "Dmytro"]
ACHTERNAMEN = ["Haddad", "Tesfamariam", "Al-Khatib", "Yilmaz", "Gebremedhin", "Hosseini", "Nasser",
               "Abdi", "Kovalenko", "Rahimi", "Mansour", "Tekle", "Darwish", "Osman", "Shevchenko", "Farah"]
NATIONALITEITEN = ["Syrisch", "Eritrees", "Afghaans", "Turks", "Jemenitisch", "Iraaks", "Marokkaans", "Somalisch"]
TALEN = ["Arabisch", "Tigrinya", "Dari", "Turks", "Koerdisch", "Somalisch", "Engels"]
DOELGROEP_GEWICHTEN = [
    (Doelgroep.ASIELSTATUSHOUDER, 55), (Doelgroep.GEZINSHERENIGER_ASIEL, 12), (Doelgroep.GEZINSVORMER_ASIEL, 3),
    (Doelgroep.GEZINSHERENIGER, 10), (Doelgroep.GEZINSVORMER, 12), (Doelgroep.GEESTELIJK_BEDIENAAR, 1),
    (Doelgroep.OVERIG, 7),
]


def synthetische_bsns(start: int = 900_000_000) -> Iterator[str]:
    """Consecutive 9-range numbers that pass the elfproef (about one in eleven)."""
    getal = start
    while getal <= 999_999_999:
        kandidaat = f"{getal:09d}"
        if rules.bsn_is_geldig(kandidaat):
            yield kandidaat
        getal += 1


@transaction.atomic
def maak_dossiers(
    aantal: int, *, seed: int = 2022, vandaag: date, batch: int = 5000, kennisgeving_dagen: tuple[int, int] = (7, 900)
) -> int:
    """Create `aantal` synthetic inburgeraars with a dossier each, spread over doelgroepen,
    werkcoaches and teams, with their termijnen (computed in bulk by the same rules; the sweep then
    signals the overdue ones). The DUO kennisgeving lies `kennisgeving_dagen` (min, max) days ago.
    Fast enough for 100 000 (bulk inserts with history rows)."""
    rnd = random.Random(seed)
    werkcoaches = list(User.objects.filter(groups__name=Rol.WERKCOACH, team__isnull=False).select_related("team"))
    if not werkcoaches:
        raise ValueError("Er zijn geen werkcoaches met een team; maak eerst gebruikers aan.")
    hoogste = Inburgeraar.objects.filter(bsn__startswith="9").order_by("-bsn").values_list("bsn", flat=True).first()
    bsns = synthetische_bsns(int(hoogste) + 1 if hoogste else 900_000_000)
    doelgroepen, gewichten = zip(*DOELGROEP_GEWICHTEN, strict=True)
    gemaakt = 0
    while gemaakt < aantal:
        n = min(batch, aantal - gemaakt)
        # The kennisgeving first: the person's age is drawn on that date, so every demo person is
        # in scope (18 up to the AOW age on the kennisgeving date, as the registration form demands).
        kennisgevingen = [vandaag - timedelta(days=rnd.randint(*kennisgeving_dagen)) for _ in range(n)]
        personen = [_persoon(rnd, next(bsns), kennisgeving) for kennisgeving in kennisgevingen]
        personen = bulk_create_with_history(personen, Inburgeraar, default_change_reason=DEMO_REDEN)
        dossiers = []
        for persoon, kennisgeving in zip(personen, kennisgevingen, strict=True):
            coach = werkcoaches[rnd.randrange(len(werkcoaches))]
            koppeling = kennisgeving + timedelta(days=rnd.randint(0, 30))
            huisvesting = koppeling + timedelta(days=rnd.randint(0, 120))
            dossiers.append(Dossier(
                inburgeraar=persoon, doelgroep=rnd.choices(doelgroepen, gewichten)[0], regime=Regime.WI2021,
                datum_kennisgeving=kennisgeving,
                datum_koppeling=min(koppeling, vandaag),
                datum_huisvesting=huisvesting if huisvesting <= vandaag else None,
                datum_brp_vestiging=huisvesting if huisvesting <= vandaag else None,
                werkcoach=coach, team=coach.team, fase=Fase.AANGEMELD,
            ))
        dossiers = bulk_create_with_history(dossiers, Dossier, default_change_reason=DEMO_REDEN)
        termijnen_bulk_aanmaken(dossiers=dossiers, vandaag=vandaag, batch=batch)
        gemaakt += n
    return gemaakt


def _persoon(rnd: random.Random, bsn: str, kennisgeving: date) -> Inburgeraar:
    geboren = kennisgeving - timedelta(days=rnd.randint(19 * 365, 60 * 365))  # 18.9 to 59.9 years old then
    return Inburgeraar(
        bsn=bsn,
        voornamen=rnd.choice(VOORNAMEN),
        geslachtsnaam=rnd.choice(ACHTERNAMEN),
        geboortedatum=geboren,
        geslacht=rnd.choice("MV"),
        nationaliteit=rnd.choice(NATIONALITEITEN),
        talen=rnd.choice(TALEN),
        tolk_nodig=rnd.random() < 0.6,
        tolk_taal=rnd.choice(TALEN),
        woonplaats=rnd.choice(["Delfzijl", "Appingedam", "Loppersum"]),
    )
