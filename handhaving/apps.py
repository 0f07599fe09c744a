from django.apps import AppConfig


class HandhavingConfig(AppConfig):
    name = "handhaving"
    verbose_name = "Handhaving"

    def ready(self) -> None:
        from cases.termijnen import registry

        from . import termijnen

        registry.registreer(termijnen.BRON, termijnen.bereken)
