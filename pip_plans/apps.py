from django.apps import AppConfig


class PipPlansConfig(AppConfig):
    name = "pip_plans"
    verbose_name = "PIP"

    def ready(self) -> None:
        from cases.termijnen import registry

        from . import termijnen

        registry.registreer(termijnen.BRON, termijnen.bereken)
        registry.registreer_bulk(termijnen.BRON, termijnen.bereken_nieuwe_dossiers)
