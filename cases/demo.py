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

from inburgering.accounts.models import Team, User
from inburgering.accounts.roles import Rol
from inburgering.instellingen.models import GemeenteInstellingen

from .agenda.demo import demo_afspraken
from .demo_bulk import opslaan_met_historie, statistieken_bijwerken
from .models import Dossier, Fase, Inburgeraar, Regime, Termijn
from .rules import Doelgroep
from .termijnen import registry
from .termijnen.bulk import _termijn as bereken_termijn

DEMO_REDEN = "Demodata"


# --- the registry of demo steps ----------------------------------------------------------------------
@dataclass(frozen=True)
class DemoOpdracht:
    """What `manage.py demo_data` was asked for."""

    dossiers: int
    seed: int
    vandaag: date
    # The DUO kennisgeving of a demo dossier lies up to this many days ago (at least 7): 120 is a
    # realistic mix of open, nearing and overdue PIP termijnen; 900 the benchmarks' worst case.
    kennisgeving_max_dagen: int = 120
    # Called with the number of dossiers made so far, after every batch (the command's progress line).
    voortgang: Callable[[int], None] | None = None


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
    aantal = maak_dossiers(opdracht.dossiers, seed=opdracht.seed, vandaag=opdracht.vandaag,
                           kennisgeving_dagen=(7, opdracht.kennisgeving_max_dagen), voortgang=opdracht.voortgang)
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
    """Consecutive 9-range numbers from `start` that pass the elfproef (about ten in eleven 8-digit
    prefixes have one). The check digit is computed, not searched: 9·d1 + … + 2·d8 − d9 ≡ 0 (mod 11)
    gives d9 = (9·d1 + … + 2·d8) mod 11, valid when it is a single digit."""
    prefix = start // 10
    while prefix <= 99_999_999:
        som = sum(int(c) * g for c, g in zip(f"{prefix:08d}", (9, 8, 7, 6, 5, 4, 3, 2), strict=True))
        controle = som % 11
        if controle <= 9 and (getal := prefix * 10 + controle) >= start:
            yield f"{getal:09d}"
        prefix += 1


@transaction.atomic
def maak_dossiers(
    aantal: int, *, seed: int = 2022, vandaag: date, batch: int = 5000, kennisgeving_dagen: tuple[int, int] = (7, 900),
    voortgang: Callable[[int], None] | None = None,
) -> int:
    """Create `aantal` synthetic inburgeraars with a dossier each, spread over doelgroepen,
    werkcoaches and teams, with their termijnen (computed in bulk by the same rules as
    `cases.termijnen.bulk`; the sweep then signals the overdue ones). The DUO kennisgeving lies
    `kennisgeving_dagen` (min, max) days ago. Every row gets its creation row in the history.
    Written per `batch` dossiers (memory stays flat): on PostgreSQL with COPY (`demo_bulk`), fast enough
    for 1 000 000; elsewhere with bulk_create. `voortgang(gemaakt)` is called after every batch."""
    rnd = random.Random(seed)
    werkcoaches = list(User.objects.filter(groups__name=Rol.WERKCOACH, team__isnull=False).select_related("team"))
    if not werkcoaches:
        raise ValueError("Er zijn geen werkcoaches met een team; maak eerst gebruikers aan.")
    hoogste = Inburgeraar.objects.filter(bsn__startswith="9").order_by("-bsn").values_list("bsn", flat=True).first()
    bsns = synthetische_bsns(int(hoogste) + 1 if hoogste else 900_000_000)
    doelgroepen, gewichten = zip(*DOELGROEP_GEWICHTEN, strict=True)
    vooraf = GemeenteInstellingen.huidig().signaal_vooraf_dagen
    calculators = registry.bulk_calculators()
    gemaakt = 0
    while gemaakt < aantal:
        n = min(batch, aantal - gemaakt)
        # The kennisgeving first: the person's age is drawn on that date, so every demo person is
        # in scope (18 up to the AOW age on the kennisgeving date, as the registration form demands).
        kennisgevingen = [vandaag - timedelta(days=rnd.randint(*kennisgeving_dagen)) for _ in range(n)]
        personen = [_persoon(rnd, next(bsns), kennisgeving) for kennisgeving in kennisgevingen]
        opslaan_met_historie(personen, Inburgeraar, reden=DEMO_REDEN)
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
        opslaan_met_historie(dossiers, Dossier, reden=DEMO_REDEN)
        # The termijnen of every registered bulk calculator, stored open (as cases.termijnen.bulk does):
        # the sweep marks the overdue ones verlopen and signals them.
        kennisgevingen = {d.pk: d.datum_kennisgeving for d in dossiers}
        termijnen = [
            bereken_termijn(dossier_id, bron, berekening, vooraf, vandaag, kennisgeving=kennisgevingen[dossier_id])
            for bron, calculator in calculators.items()
            for dossier_id, berekeningen in calculator(dossiers).items()
            for berekening in berekeningen
        ]
        opslaan_met_historie(termijnen, Termijn, reden="Berekend (bulk)")
        gemaakt += n
        if voortgang:
            voortgang(gemaakt)
    statistieken_bijwerken([Inburgeraar, Dossier, Termijn])
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
