from django.apps import AppConfig


class LeerroutesConfig(AppConfig):
    name = "leerroutes"
    verbose_name = "Leerroutes en onderdelen"

    def ready(self) -> None:
        from cases.termijnen import registry

        from . import termijnen

        registry.registreer(termijnen.BRON, termijnen.bereken)
