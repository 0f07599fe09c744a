"""Switch the four-eyes rule on role grants on or off (`GemeenteInstellingen.rollen_tweede_beheerder`).
On the server only: in /beheer/ the setting is read-only, else a beheerder could switch it off and
grant a role alone — the very escalation the rule guards against. The history records the change."""

from django.core.management.base import BaseCommand

from inburgering.instellingen.models import GemeenteInstellingen


class Command(BaseCommand):
    help = "Goedkeuring door een tweede beheerder bij het toekennen van rollen aan- of uitzetten."

    def add_arguments(self, parser):
        parser.add_argument("stand", choices=["aan", "uit"])

    def handle(self, *args, stand, **options):
        instellingen = GemeenteInstellingen.huidig()
        instellingen.rollen_tweede_beheerder = stand == "aan"
        instellingen._change_reason = f"manage.py rollen_goedkeuring {stand}"
        instellingen.save()
        self.stdout.write(self.style.SUCCESS(f"Goedkeuring door een tweede beheerder: {stand}."))
