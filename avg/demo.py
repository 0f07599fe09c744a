"""avg's demo step: a few dossiers whose bewaartermijn has passed (plicht voldaan long ago, a move, a
death last week) and one that an open handhavingszaak keeps, then the nightly proposal, so `make run`
shows a vernietigingslijst to the demo privacy officers (`privacy`, `privacy2`)."""

import random
from datetime import timedelta

from simple_history.utils import bulk_create_with_history

from cases.demo import DEMO_REDEN, DemoOpdracht, _persoon, registreer_demostap, synthetische_bsns
from cases.models import Dossier, EindReden, Fase, Inburgeraar, Regime
from cases.rules import Doelgroep
from handhaving.models import Handhavingszaak
from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol
from inburgering.kalender.datums import plus_jaren

from . import services

# (eind_reden, fase, years ago the plicht ended); the last one is kept by an open zaak.
VOORBEELDEN = [
    (EindReden.VOLDAAN, Fase.AFGEROND, 6),
    (EindReden.ONTHEFFING, Fase.AFGEROND, 7),
    (EindReden.VERHUISD, Fase.BEEINDIGD, 5),
    (EindReden.OVERLEDEN, Fase.BEEINDIGD, 0),
    (EindReden.VOLDAAN, Fase.AFGEROND, 8),
]


def demo_vernietiging(opdracht: DemoOpdracht) -> str | None:
    werkcoach = User.objects.filter(groups__name=Rol.WERKCOACH, team__isnull=False).select_related("team").first()
    if werkcoach is None or opdracht.dossiers == 0:
        return None
    rnd = random.Random(opdracht.seed + 9)
    hoogste = Inburgeraar.objects.filter(bsn__startswith="9").order_by("-bsn").values_list("bsn", flat=True).first()
    bsns = synthetische_bsns(int(hoogste) + 1 if hoogste else 900_000_000)
    dossiers = []
    for reden, fase, jaren in VOORBEELDEN:
        einde = plus_jaren(opdracht.vandaag, -jaren) - timedelta(days=rnd.randint(7, 60))
        kennisgeving = plus_jaren(einde, -3)
        persoon = _persoon(rnd, next(bsns), kennisgeving)
        if reden == EindReden.OVERLEDEN:
            persoon.overleden_op = einde
        persoon = bulk_create_with_history([persoon], Inburgeraar, default_change_reason=DEMO_REDEN)[0]
        dossiers.append(Dossier(
            inburgeraar=persoon, doelgroep=Doelgroep.ASIELSTATUSHOUDER, regime=Regime.WI2021,
            datum_kennisgeving=kennisgeving, werkcoach=werkcoach, team=werkcoach.team, fase=fase,
            eind_reden=reden, eind_datum=einde,
        ))
    dossiers = bulk_create_with_history(dossiers, Dossier, default_change_reason=DEMO_REDEN)
    bewaard = dossiers[-1]
    Handhavingszaak.objects.create(
        dossier=bewaard, verplichting="pvt", omschrijving="Demodata: zaak nog niet afgesloten.",
        overtreding_datum=bewaard.eind_datum - timedelta(days=90), geopend_door=werkcoach)
    voorstel = services.voorstellen(peildatum=opdracht.vandaag)
    return f"vernietigingslijst met {voorstel.toegevoegd} dossiers voorgesteld, {voorstel.uitgesloten} uitgezonderd"


def registreer_demostappen() -> None:
    registreer_demostap("vernietiging", demo_vernietiging, 80)
