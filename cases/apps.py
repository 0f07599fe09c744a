from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Dossiers"

    def ready(self) -> None:
        from .tabs import registreer_tab

        registreer_tab(code="overzicht", label=_("Overzicht"), url_naam="cases:dossier_detail", volgorde=0)
        registreer_tab(code="intake", label=_("Intake"), url_naam="intake:intake_tab", volgorde=10)
        registreer_tab(code="geschiedenis", label=_("Geschiedenis"), url_naam="cases:dossier_geschiedenis",
                       volgorde=100)
