from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DuoNotificatiesConfig(AppConfig):
    """DUO's notifications to the gemeente (issue 17): the Notificatie endpoint, processing into work items, the
    inflow queue, raadplegingen and the nightly reconciliation. An integration app on top (inside the `duo`
    package, next to the sending half of issue 16); it plugs into cases through the tab registry; no lower app
    imports it."""

    name = "duo.notificaties"
    label = "duo_notificaties"
    verbose_name = _("Meldingen van DUO")

    def ready(self) -> None:
        from cases.tabs import registreer_tab
        from inburgering.audit.verwerkingen import registreer_verwerkingsactiviteit

        registreer_tab(code="duo_gegevens", label=_("Gegevens van DUO"), url_naam="duo_notificaties:dossier",
                       volgorde=85)
        registreer_verwerkingsactiviteit("duo_notificaties", "duo-gegevensuitwisseling")
        registreer_verwerkingsactiviteit("duo_koppeling", "duo-gegevensuitwisseling")
