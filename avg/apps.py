from django.apps import AppConfig


class AvgConfig(AppConfig):
    """Privacy (issue 13, DOMAIN §12): bewaartermijn and vernietiging (Besluit inburgering 2021 art. 9.9),
    the inzageverzoek (AVG art. 15). On top of every domain app: it reads and destroys the data of all of
    them, and no lower app imports it."""

    name = "avg"
    verbose_name = "Privacy (AVG)"

    def ready(self) -> None:
        from inburgering.audit.verwerkingen import registreer_verwerkingsactiviteit

        from . import demo

        demo.registreer_demostappen()
        registreer_verwerkingsactiviteit("avg", "vernietiging")
        registreer_verwerkingsactiviteit("inzage", "inzageverzoek")
