"""Bootstrap the first functioneel beheerder (issue 11 item 1). Production has no superuser login:
this command, run on the server, creates a beheerder (staff, not superuser) who then assigns every other
role in /beheer/. It refuses when an active beheerder already exists, unless --forceren (a recovery
step when every beheerder is locked out); the change is a Rolwijziging and a security-log event."""

import getpass
import os

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from inburgering.accounts import rollen
from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol

WACHTWOORD_VARIABELE = "BEHEERDER_WACHTWOORD"


class Command(BaseCommand):
    help = "Maak de eerste functioneel beheerder aan (in plaats van createsuperuser)."

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam")
        parser.add_argument("--email", default="")
        parser.add_argument("--voornaam", default="")
        parser.add_argument("--achternaam", default="")
        parser.add_argument("--forceren", action="store_true",
                            help="Ook aanmaken als er al een actieve beheerder is (herstel).")
        parser.add_argument("--geen-invoer", action="store_true",
                            help=f"Niets vragen: het wachtwoord komt uit de omgevingsvariabele {WACHTWOORD_VARIABELE}.")

    def handle(self, *args, gebruikersnaam, email, voornaam, achternaam, forceren, geen_invoer, **options):
        if rollen.actieve_beheerders() and not forceren:
            raise CommandError("Er is al een actieve functioneel beheerder; die kent rollen toe in /beheer/. "
                               "Gebruik --forceren alleen om de toegang te herstellen.")
        if User.objects.filter(username=gebruikersnaam).exists():
            raise CommandError(f"De gebruikersnaam {gebruikersnaam!r} bestaat al.")
        gebruiker = User(username=gebruikersnaam, email=email, first_name=voornaam, last_name=achternaam)
        wachtwoord = os.environ.get(WACHTWOORD_VARIABELE, "") if geen_invoer else self._vragen()
        try:
            validate_password(wachtwoord, gebruiker)
        except ValidationError as fout:
            raise CommandError("Wachtwoord geweigerd: " + " ".join(fout.messages)) from fout
        with transaction.atomic():
            gebruiker.set_password(wachtwoord)
            gebruiker.save()
            rollen.rol_wijzigen(gebruiker=gebruiker, nieuwe_rol=Rol.BEHEERDER, door=None,
                                reden="Eerste beheerder aangemaakt met manage.py beheerder_aanmaken"
                                + (" (geforceerd)" if forceren else ""))
        self.stdout.write(self.style.SUCCESS(f"Functioneel beheerder {gebruikersnaam} aangemaakt."))

    def _vragen(self) -> str:
        wachtwoord = getpass.getpass("Wachtwoord: ")
        if wachtwoord != getpass.getpass("Wachtwoord (nogmaals): "):
            raise CommandError("De wachtwoorden zijn niet gelijk.")
        return wachtwoord
