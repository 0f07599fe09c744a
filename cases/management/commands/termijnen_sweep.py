from django.core.management.base import BaseCommand

from cases.termijnen.services import termijnen_sweep


class Command(BaseCommand):
    help = ("Zoekt verlopen en naderende termijnen en maakt signalen (wat de Celery-taak dagelijks om 06:00 doet). "
            "Veilig om vaker te draaien.")

    def handle(self, *args, **options):
        resultaat = termijnen_sweep()
        self.stdout.write(f"{resultaat.verlopen} termijnen verlopen, {resultaat.nadert} naderen.")
