from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DuoConfig(AppConfig):
    """Sending to DUO through a transactional outbox (issue 16). An integration app on top: it plugs into
    cases (werkcoach toegewezen, the dossier tab), pip_plans (PIP vastgesteld) and leerroutes (MAP, PVT,
    Z-route, hours, enrolment) through their hooks and registries; no lower app imports it."""

    name = "duo"
    verbose_name = "DUO"

    def ready(self) -> None:
        from cases import haken as cases_haken
        from cases.tabs import registreer_tab
        from inburgering.audit.verwerkingen import registreer_verwerkingsactiviteit
        from leerroutes import haken as leerroutes_haken
        from pip_plans import haken as pip_haken

        from . import services

        pip_haken.registreer_bij_vastgesteld(services.bij_pip_vastgesteld)
        cases_haken.registreer_bij_toegewezen(services.bij_toegewezen)
        leerroutes_haken.registreer_bij_vastgelegd(services.bij_leerroute_vastgelegd)
        registreer_tab(code="duo", label=_("DUO"), url_naam="duo:dossier", volgorde=80)
        registreer_verwerkingsactiviteit("duo", "duo-melding")
