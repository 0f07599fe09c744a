from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PipPlansConfig(AppConfig):
    name = "pip_plans"
    verbose_name = "PIP"

    def ready(self) -> None:
        from django.db.models import Q

        from cases.afdrukken import registreer_afdrukblok
        from cases.geschiedenis import registreer_geschiedenisbron
        from cases.tabs import registreer_tab
        from cases.termijnen import registry
        from cases.termijnen.soorten import registreer_soorten
        from inburgering.audit.verwerkingen import registreer_verwerkingsactiviteit
        from inburgering.documenten.verzending import registreer_bij_verzending

        from . import afdrukken, services, termijnen

        registreer_tab(code="pip", label=_("PIP"), url_naam="pip_plans:pip_tab", volgorde=20)
        registreer_afdrukblok(code="pip", volgorde=10, functie=afdrukken.pip_blok)  # the dossier's print view
        registreer_soorten(termijnen.PipTermijn, bron=termijnen.BRON, regels=termijnen.REGELS)
        registry.registreer(termijnen.BRON, termijnen.bereken)
        registry.registreer_bulk(termijnen.BRON, termijnen.bereken_nieuwe_dossiers)
        registreer_verwerkingsactiviteit("pip_plans", "pip")  # Logboek Dataverwerkingen
        # Issue 15: a beschikking sent in the print batch is bekendgemaakt on the day it was posted.
        registreer_bij_verzending("pip_beschikking", services.beschikking_bekendgemaakt)
        # Issue 19: the PIP and its requests on the dossier's Geschiedenis tab.
        from .models import InformatieVerzoek, Pip, TermijnVerlengingDuo

        for code, model in (("pip", Pip), ("pip_informatieverzoek", InformatieVerzoek),
                            ("pip_termijnverlenging", TermijnVerlengingDuo)):
            registreer_geschiedenisbron(code=code, model=model, dossier=lambda d: Q(dossier_id=d.pk))
        from inburgering import overal_zoeken

        from .zoeken import AANBIEDER

        overal_zoeken.registreer(AANBIEDER)  # issue 20 item 3: a PIP by its kenmerk
