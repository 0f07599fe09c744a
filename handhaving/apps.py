from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandhavingConfig(AppConfig):
    name = "handhaving"
    verbose_name = "Handhaving"

    def ready(self) -> None:
        from django.db.models import Q

        from cases.geschiedenis import registreer_geschiedenisbron
        from cases.tabs import registreer_tab
        from cases.termijnen import registry
        from cases.termijnen.soorten import registreer_soorten
        from inburgering.audit.verwerkingen import registreer_verwerkingsactiviteit
        from inburgering.documenten.verzending import registreer_bij_verzending

        from . import services, termijnen

        registreer_tab(code="handhaving", label=_("Handhaving"), url_naam="handhaving:tab", volgorde=40)
        registreer_soorten(termijnen.HandhavingTermijn, bron=termijnen.BRON, regels=termijnen.REGELS)
        registry.registreer(termijnen.BRON, termijnen.bereken)
        registreer_verwerkingsactiviteit("handhaving", "handhaving")  # Logboek Dataverwerkingen
        # The print batch's posting day is the day each letter is sent (issue 15).
        registreer_bij_verzending("handhaving_waarschuwing", services.waarschuwing_verzonden)
        registreer_bij_verzending("handhaving_voornemen", services.voornemen_verzonden)
        registreer_bij_verzending("handhaving_boetebeschikking", services.boetebeschikking_bekendgemaakt)
        # Issue 19: the handhavingszaak, its talks and notes on the dossier's Geschiedenis tab.
        from .models import Gesprek, Handhavingszaak, Notitie

        registreer_geschiedenisbron(code="handhavingszaak", model=Handhavingszaak, dossier=lambda d: Q(dossier_id=d.pk))
        for code, model in (("handhaving_gesprek", Gesprek), ("handhaving_notitie", Notitie)):
            registreer_geschiedenisbron(code=code, model=model, dossier=lambda d: Q(zaak__dossier_id=d.pk))
        from inburgering import overal_zoeken

        from .zoeken import AANBIEDER

        overal_zoeken.registreer(AANBIEDER)  # issue 20 item 3: a zaak by its kenmerk
