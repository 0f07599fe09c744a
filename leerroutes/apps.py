from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeerroutesConfig(AppConfig):
    name = "leerroutes"
    verbose_name = "Leerroutes en onderdelen"

    def ready(self) -> None:
        from django.db.models import Q

        from cases import haken
        from cases.geschiedenis import registreer_geschiedenisbron
        from cases.tabs import registreer_tab
        from cases.termijnen import registry
        from cases.termijnen.soorten import registreer_soorten
        from inburgering.audit.verwerkingen import registreer_verwerkingsactiviteit
        from pip_plans import haken as pip_haken

        from . import termijnen
        from .selectors import leerroute_aanbieder_namen, nt2_uren_voor_afschalen
        from .services.afronden import inschrijving_stoppen_bij_einde
        from .services.inschrijving import inschrijving_bij_pip_vastgesteld

        registreer_tab(code="traject", label=_("Traject"), url_naam="leerroutes:traject", volgorde=30)
        registreer_soorten(termijnen.LeerrouteTermijn, bron=termijnen.BRON, regels=termijnen.REGELS)
        registry.registreer(termijnen.BRON, termijnen.bereken)
        haken.registreer_bij_beeindigen(inschrijving_stoppen_bij_einde)
        pip_haken.registreer_nt2_uren(nt2_uren_voor_afschalen)
        pip_haken.registreer_bij_vastgesteld(inschrijving_bij_pip_vastgesteld)
        pip_haken.registreer_aanbieders(leerroute_aanbieder_namen)
        registreer_verwerkingsactiviteit("leerroutes", "leerroute-begeleiding")  # Logboek Dataverwerkingen
        # Issue 19: the traject on the dossier's Geschiedenis tab.
        from . import models

        for code, model in (("inschrijving", models.Inschrijving), ("examen", models.Examen),
                            ("afsluiting", models.Afsluiting), ("pvt", models.Pvt), ("map", models.Map),
                            ("uren", models.Uren), ("z_route_norm", models.ZRouteNorm),
                            ("maatschappelijke_begeleiding", models.MaatschappelijkeBegeleiding),
                            ("ontzorging", models.Ontzorging)):
            registreer_geschiedenisbron(code=code, model=model, dossier=lambda d: Q(dossier_id=d.pk))
        registreer_geschiedenisbron(code="pvt_sessie", model=models.PvtSessie, dossier=lambda d: Q(pvt__dossier_id=d.pk))
        registreer_geschiedenisbron(code="mb_activiteit", model=models.MbActiviteit,
                                    dossier=lambda d: Q(begeleiding__dossier_id=d.pk))
