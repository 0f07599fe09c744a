"""Synthetic demo data: persons who do not exist, with BSNs in the 9-range that pass the elfproef.

Used by `manage.py demo_data` (make run, benchmarks) and by the test factories' neighbours.
"""

import random
from collections.abc import Iterator
from datetime import date, timedelta

from django.contrib.auth.models import Group
from django.db import transaction

from simple_history.utils import bulk_create_with_history

from inburgering.accounts.models import Team, User
from inburgering.accounts.roles import Rol

from . import rules
from .models import Dossier, Fase, Inburgeraar, Regime
from .rules import Doelgroep
from .termijnen.bulk import termijnen_bulk_aanmaken

DEMO_WACHTWOORD = "demo"
DEMO_GEBRUIKERS = [
    # username, voornaam, achternaam, rol, team
    ("werkcoach", "Wendy", "de Coach", Rol.WERKCOACH, "Team Delfzijl"),
    ("werkcoach2", "Willem", "Bakker", Rol.WERKCOACH, "Team Appingedam"),
    ("werkcoach3", "Fatima", "El Idrissi", Rol.WERKCOACH, "Team Delfzijl"),
    ("consulent", "Carla", "Consulent", Rol.CONSULENT, "Team Delfzijl"),
    ("manager", "Mark", "Manager", Rol.MANAGER, None),
    ("beheerder", "Bea", "Beheer", Rol.BEHEERDER, None),
]
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


def demo_gebruikers() -> dict[str, User]:
    groepen = {g.name: g for g in Group.objects.filter(name__in=[r.value for r in Rol])}
    gebruikers = {}
    for username, voornaam, achternaam, rol, teamnaam in DEMO_GEBRUIKERS:
        team = Team.objects.get_or_create(naam=teamnaam)[0] if teamnaam else None
        user, nieuw = User.objects.get_or_create(
            username=username,
            defaults={"first_name": voornaam, "last_name": achternaam, "team": team,
                      # The beheerder is staff, not superuser: the role group's permissions are what
                      # functioneel beheer may do (handhaving/migrations/0002_beheerder_rechten).
                      "email": f"{username}@example.invalid", "is_staff": rol == Rol.BEHEERDER},
        )
        if nieuw:
            user.set_password(DEMO_WACHTWOORD)
            user.save()
            user.groups.add(groepen[rol.value])
        gebruikers[username] = user
    return gebruikers


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
        personen = bulk_create_with_history(personen, Inburgeraar, default_change_reason="Demodata")
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
        dossiers = bulk_create_with_history(dossiers, Dossier, default_change_reason="Demodata")
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
