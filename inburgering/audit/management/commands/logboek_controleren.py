"""`manage.py logboek_controleren`: verify the hash chains of the inzagelog, the security log and the
Logboek Dataverwerkingen (with its dossier rows).

Exit status 0 when every chain is intact, 1 with the first broken row per log otherwise (for a
scheduled check or monitoring)."""

from django.core.management.base import BaseCommand, CommandError

from inburgering.audit.controle import alle_ketens_controleren


class Command(BaseCommand):
    help = "Controleert de hashketens van het inzagelogboek, het beveiligingslogboek en het logboek dataverwerkingen."

    def handle(self, *args, **options):
        breuken = []
        for logboek, aantal, breuk in alle_ketens_controleren():
            if breuk is None:
                self.stdout.write(f"{logboek}: {aantal} regels, keten intact.")
            else:
                breuken.append(breuk)
                self.stderr.write(f"{logboek}: keten gebroken na {aantal} goede regels — {breuk}")
        if breuken:
            raise CommandError("Logboek gewijzigd: " + "; ".join(map(str, breuken)), returncode=1)
