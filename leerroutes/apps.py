from django.apps import AppConfig


class LeerroutesConfig(AppConfig):
    name = "leerroutes"
    verbose_name = "Leerroutes en onderdelen"

    def ready(self) -> None:
        from cases import haken
        from cases.termijnen import registry

        from . import termijnen
        from .services.afronden import inschrijving_stoppen_bij_einde

        registry.registreer(termijnen.BRON, termijnen.bereken)
        haken.registreer_bij_beeindigen(inschrijving_stoppen_bij_einde)
