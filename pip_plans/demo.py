"""pip_plans' demo data: its example policy settings (a fixture in fixtures/), and demo journeys: a
few of the demo werkcoach's dossiers are taken through the real services (warme overdracht, brede
intake, PIP drafted, reviewed and vastgesteld), so `make run` shows every phase, a filled review
queue and real beschikkingen. Synthetic data only."""

from datetime import date, timedelta

from django.db import transaction

from cases.demo import DemoOpdracht, fixtures_stap, registreer_demostap
from cases.intake import services as intake
from cases.models import Dossier, Fase
from inburgering.accounts.models import User

from . import services
from .instellingen import PipInstellingen
from .models import Pip
from .rules import Leerroute

STADIA = ("overdracht", "intake", "ter_beoordeling", "vastgesteld")
MAX_DOSSIERS_VOOR_TRAJECTEN = 1000  # bulk runs (benchmarks) skip the journeys


def registreer_demostappen() -> None:
    registreer_demostap("pip-instellingen", fixtures_stap("instellingen_pip", historie=(PipInstellingen,)), 11)
    registreer_demostap("trajecten", _trajecten, 60)


def _trajecten(opdracht: DemoOpdracht) -> str:
    aantal = demo_trajecten(vandaag=opdracht.vandaag) if opdracht.dossiers <= MAX_DOSSIERS_VOOR_TRAJECTEN else 0
    return f"{aantal} daarvan doorlopen intake en PIP"


@transaction.atomic
def demo_trajecten(*, vandaag: date, aantal: int = 12) -> int:
    werkcoach = User.objects.get(username="werkcoach")
    consulent = User.objects.get(username="consulent")
    dossiers = list(
        Dossier.objects.filter(werkcoach=werkcoach, fase=Fase.AANGEMELD, datum_brp_vestiging__isnull=False,
                               datum_brp_vestiging__lte=vandaag)
        .select_related("inburgeraar").order_by("pk")[:aantal]
    )
    for i, dossier in enumerate(dossiers):
        stadium = STADIA[i % len(STADIA)]
        _overdracht(dossier, werkcoach, vandaag)
        if stadium == "overdracht":
            continue
        _intake(dossier, werkcoach, vandaag, afronden=stadium != "intake")
        if stadium == "intake":
            continue
        pip = services.pip_opstellen(dossier_id=dossier.pk, gegevens=_pip_gegevens(dossier), by=werkcoach)
        services.pip_indienen(pip_id=pip.pk, by=werkcoach)
        if stadium == "vastgesteld":
            services.pip_vaststellen(pip_id=pip.pk, dagtekening=vandaag, bekendmaking=vandaag, versie=Pip.objects.get(pk=pip.pk).wijzigingsnummer, by=consulent)
    return len(dossiers)


def _overdracht(dossier: Dossier, werkcoach: User, vandaag: date) -> None:
    intake.overdracht_vastleggen(
        dossier_id=dossier.pk, versie=0, by=werkcoach,
        gegevens={"datum": vandaag - timedelta(days=10), "plaats": "AZC Delfzijl", "coa_contactpersoon": "R. de Vries",
                  "deelnemers": "Inburgeraar, COA, werkcoach, tolk", "taalles": True,
                  "taalles_toelichting": "Twee dagdelen per week", "motivatie": "Wil snel aan het werk",
                  "eerste_afspraken": "Intake binnen drie weken"},
    )


def _intake(dossier: Dossier, werkcoach: User, vandaag: date, *, afronden: bool) -> None:
    intake.intake_opslaan(
        dossier_id=dossier.pk, versie=0, by=werkcoach, werkervaringen=[],
        gegevens={"locatie": "gemeente", "lbt_uitkomst": "haalbaar", "lbt_score": 31, "lbt_vereiste_score": 25,
                  "lbt_datum": vandaag - timedelta(days=5), "opleiding_niveau": "voortgezet", "opleiding_jaren": 10,
                  "geen_werkervaring": True, "nederlands_niveau": "A0", "zelfredzaamheid": "gemiddeld",
                  "arbeidsmogelijkheden": "Wil in de techniek werken; rijbewijs nodig", "een_op_een_gewezen": True},
    )
    if afronden:
        intake.gezondheid_opslaan(dossier_id=dossier.pk, versie=0, by=werkcoach,
                                  gegevens={"fysiek": "Geen bijzonderheden", "mentaal": "", "beperkingen": ""})
        intake.intake_afronden(dossier_id=dossier.pk, zonder_persoon=False, by=werkcoach)


def _pip_gegevens(dossier: Dossier) -> dict:
    return {
        "leerroute": Leerroute.B1, "alfabetisering": "NVT", "aanbieder": "Taalcentrum Noord",
        "b1_intensiteit": 900 if dossier.is_asiel else None, "aantal_voortgangsgesprekken": 6,
        "pvt_vorm": "groep", "pvt_intensiteit": "12 uur in 6 bijeenkomsten", "map_vorm": "groep",
        "map_intensiteit": "40 uur", "participatie": "Vrijwilligerswerk bij de voedselbank",
    }
