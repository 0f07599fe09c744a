from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "inburgering.accounts"
    label = "accounts"
    verbose_name = "Gebruikers en teams"

    def ready(self):
        # The beheerder's unlock and two-factor reset in the admin (after the admin's autodiscovery).
        from . import inlogbeheer, rechtnamen, sessies  # noqa: F401 (sessies: the login stamp's receiver)

        inlogbeheer.registreren()
        rechtnamen.registreren()  # issue 19: 'Mag team toevoegen', not 'Can add team'
