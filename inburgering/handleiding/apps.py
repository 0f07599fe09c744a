from django.apps import AppConfig


class HandleidingConfig(AppConfig):
    name = "inburgering.handleiding"
    label = "handleiding"
    verbose_name = "Handleiding"

    def ready(self) -> None:
        from . import secties

        secties.registreer_standaard()
