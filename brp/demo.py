"""brp's demo step (issue 14): when the BRP (the stand-in of `make run`) answers, the stand-in's scenario
persons get a dossier registered from the BRP — among them one who moves out of the gemeente and one who
dies a few minutes after start — and every demo person is refreshed from the BRP, so names and addresses
agree with it. Without a BRP the step says so and does nothing."""

from django.conf import settings
from django.db import transaction

from cases import bron_services, persoonsbron
from cases.demo import DemoOpdracht, registreer_demostap
from cases.models import Dossier, Fase, Inburgeraar
from cases.rules import Doelgroep
from cases.termijnen.services import termijnen_herberekenen
from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol
from inburgering.accounts.systeem import Systeembron, systeemgebruiker
from inburgering.kalender.datums import plus_maanden

# The stand-in's scenario persons (standins/brp/personen.json): a household, an address with a letter, a
# person who moves (after 3 minutes), one who dies (after 4), a voorvoegsel. Not 999990093 (Samir Osman,
# stateless): the DUO stand-in announces him as a new plichtige (SS139) a minute after `make run` starts, and he
# arrives in the team's "Instroom van DUO" (issue 17), not as a dossier made in advance.
SCENARIO_BSNS = ["999990007", "999990019", "999990020", "999990032", "999990044", "999990056", "999990111"]


def demo_brp(opdracht: DemoOpdracht) -> str | None:
    if not settings.BRP_URL or opdracht.dossiers == 0:
        return None
    try:
        gevonden = persoonsbron.opvragen(SCENARIO_BSNS)
    except persoonsbron.BronOnbereikbaar:
        return "BRP niet bereikbaar: demodata zonder BRP"
    werkcoach = User.objects.filter(groups__name=Rol.WERKCOACH, team__isnull=False).select_related("team").first()
    door = systeemgebruiker(Systeembron.BRP)
    nieuw = 0
    with transaction.atomic():
        for bsn in SCENARIO_BSNS:
            gegevens = gevonden.get(bsn)
            if gegevens is None or Inburgeraar.objects.filter(bsn=bsn).exists():
                continue
            persoon = Inburgeraar.objects.create(**bron_services.nieuwe_persoon(gegevens))
            kennisgeving = plus_maanden(opdracht.vandaag, -2)
            dossier = Dossier.objects.create(
                inburgeraar=persoon, doelgroep=Doelgroep.ASIELSTATUSHOUDER, datum_kennisgeving=kennisgeving,
                datum_koppeling=kennisgeving, datum_brp_vestiging=gegevens.datum_inschrijving_gemeente,
                werkcoach=werkcoach, team=werkcoach.team, fase=Fase.AANGEMELD)
            termijnen_herberekenen(dossier_id=dossier.pk, by=door)
            nieuw += 1
    resultaat = bron_services.verversen(door=door)
    return f"{nieuw} dossiers uit de BRP, {resultaat.bijgewerkt} personen bijgewerkt uit de BRP"


def registreer_demostappen() -> None:
    registreer_demostap("brp", demo_brp, 90)
