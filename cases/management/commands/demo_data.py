from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cases.demo import demo_gebruikers, maak_dossiers
from cases.models import Dossier


class Command(BaseCommand):
    help = "Laadt synthetische demodata: demogebruikers (wachtwoord 'demo') en N dossiers."

    def add_arguments(self, parser):
        parser.add_argument("--dossiers", type=int, default=60, help="Aantal dossiers (standaard 60).")
        parser.add_argument("--seed", type=int, default=2022)
        parser.add_argument(
            "--als-leeg", action="store_true", help="Alleen laden als er nog geen dossiers zijn (voor make run)."
        )

    def handle(self, *args, dossiers: int, seed: int, als_leeg: bool, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError("Demodata is in deze omgeving niet toegestaan (DEMO_DATA_ALLOWED is uit).")
        if dossiers < 0:
            raise CommandError("--dossiers moet 0 of meer zijn.")
        demo_gebruikers()
        # This command lives in cases for historical reasons; cases never imports leerroutes or
        # pip_plans at module level (DESIGN.md layering), so the higher apps' demo data is imported here.
        from leerroutes.demo import demo_aanbieders

        demo_aanbieders()
        if als_leeg and Dossier.objects.exists():
            self.stdout.write("Er zijn al dossiers; demodata overgeslagen.")
            return
        start = timezone.now()
        # Kennisgevingen of the last four months: a realistic mix of open, nearing and overdue PIP termijnen.
        aantal = maak_dossiers(dossiers, seed=seed, vandaag=timezone.localdate(), kennisgeving_dagen=(7, 120))
        from pip_plans.demo import demo_trajecten

        trajecten = demo_trajecten(vandaag=timezone.localdate()) if dossiers <= 1000 else 0
        duur = (timezone.now() - start).total_seconds()
        self.stdout.write(self.style.SUCCESS(
            f"{aantal} dossiers aangemaakt in {duur:.1f} s; {trajecten} daarvan doorlopen intake en PIP."
        ))
