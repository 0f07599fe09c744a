from django.apps import AppConfig


class BrpConfig(AppConfig):
    """Persons from the BRP (issue 14): the client of the BRP API Personen (RvIG, Haal Centraal), the source
    of person data for cases (`cases.persoonsbron`), and the nightly refresh. An integration app on top:
    it plugs into cases through the person-source registry; no lower app imports it."""

    name = "brp"
    verbose_name = "BRP"

    def ready(self) -> None:
        from cases.persoonsbron import registreer_persoonsbron
        from inburgering.audit.verwerkingen import registreer_verwerkingsactiviteit

        from . import demo
        from .bron import BrpBron

        registreer_persoonsbron(BrpBron())
        demo.registreer_demostappen()
        registreer_verwerkingsactiviteit("brp", "brp-bevraging")
