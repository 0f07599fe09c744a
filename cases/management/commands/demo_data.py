from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cases.demo import DemoOpdracht, demostappen
from cases.models import Dossier

VOORTGANG_VANAF = 100_000


class Command(BaseCommand):
    help = "Laadt synthetische demodata: demogebruikers (wachtwoord 'demo') en N dossiers."

    def add_arguments(self, parser):
        parser.add_argument("--dossiers", type=int, default=60, help="Aantal dossiers (standaard 60).")
        parser.add_argument("--seed", type=int, default=2022)
        parser.add_argument(
            "--max-dagen", type=int, default=120, dest="max_dagen",
            help="De kennisgeving van DUO ligt 7 tot zoveel dagen terug (standaard 120; 900: bijna elke "
                 "PIP-termijn verlopen, het slechtste geval van de benchmarks).",
        )
        parser.add_argument(
            "--als-leeg", action="store_true",
            help="Alleen laden als er nog geen dossiers zijn (voor make run: wijzigingen in een bestaande "
                 "database blijven staan).",
        )

    def handle(self, *args, dossiers: int, seed: int, als_leeg: bool, max_dagen: int = 120, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError("Demodata is in deze omgeving niet toegestaan (DEMO_DATA_ALLOWED is uit).")
        if dossiers < 0:
            raise CommandError("--dossiers moet 0 of meer zijn.")
        if max_dagen < 7:
            raise CommandError("--max-dagen moet 7 of meer zijn.")
        stappen = demostappen()  # registered by the apps (cases.demo.registreer_demostap)
        if not stappen:
            raise CommandError("Er zijn geen demostappen geregistreerd.")
        if als_leeg and Dossier.objects.exists():
            self.stdout.write("Er zijn al dossiers; demodata overgeslagen.")
            return
        start = timezone.now()

        def voortgang(gemaakt: int) -> None:
            # Large runs (issue 18: a million dossiers in bulk) say how far they are, every 100 000.
            if dossiers >= VOORTGANG_VANAF and (gemaakt % VOORTGANG_VANAF == 0 or gemaakt == dossiers):
                duur = (timezone.now() - start).total_seconds()
                self.stdout.write(f"{gemaakt} van {dossiers} dossiers ({gemaakt / max(duur, 0.001):.0f} per s)")

        opdracht = DemoOpdracht(dossiers=dossiers, seed=seed, vandaag=timezone.localdate(),
                                kennisgeving_max_dagen=max_dagen, voortgang=voortgang)
        meldingen = []
        for stap in stappen:
            if melding := stap.functie(opdracht):
                meldingen.append(melding)
        duur = (timezone.now() - start).total_seconds()
        self.stdout.write(self.style.SUCCESS(f"Demodata geladen in {duur:.1f} s: {'; '.join(meldingen)}."))
