from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Dossiers"

    def ready(self) -> None:
        from django.db.models import Q

        from inburgering.audit.verwerkingen import registreer_verwerkingsactiviteit
        from inburgering.documenten.verzending import registreer_bij_verzending

        from . import models
        from .contact.services import uitnodiging_verzonden
        from .geschiedenis import registreer_geschiedenisbron
        from .intake.services import oproep_verzonden
        from .tabs import registreer_tab

        registreer_tab(code="overzicht", label=_("Overzicht"), url_naam="cases:dossier_detail", volgorde=0)
        registreer_tab(code="intake", label=_("Intake"), url_naam="intake:intake_tab", volgorde=10)
        # Between Handhaving (40) and Documenten (50): the dossier's appointments (issue 20).
        registreer_tab(code="afspraken", label=_("Afspraken"), url_naam="agenda:afspraken", volgorde=45)
        # After Handhaving (40): every letter and upload of the dossier (issue 15).
        registreer_tab(code="documenten", label=_("Documenten"), url_naam="cases:documenten", volgorde=50)
        registreer_tab(code="geschiedenis", label=_("Geschiedenis"), url_naam="cases:dossier_geschiedenis",
                       volgorde=100)
        # Logboek Dataverwerkingen: the processing activity of each URL namespace of this app.
        for namespace, activiteit in (("cases", "dossierbeheer"), ("intake", "brede-intake"),
                                      ("contact", "leerroute-begeleiding"), ("agenda", "leerroute-begeleiding"), ("werkvoorraad", "termijnbewaking")):
            registreer_verwerkingsactiviteit(namespace, activiteit)
        # Issue 19: the Geschiedenis tab; the apps above register their own models.
        registreer_geschiedenisbron(code="dossier", model=models.Dossier, dossier=lambda d: Q(id=d.pk))
        registreer_geschiedenisbron(code="persoon", model=models.Inburgeraar, dossier=lambda d: Q(id=d.inburgeraar_id))
        for code, model in (("contactmoment", models.Contactmoment),
                            ("uitnodiging_voortgangsgesprek", models.UitnodigingVoortgangsgesprek),
                            ("intake_uitnodiging", models.Uitnodiging), ("brede_intake", models.BredeIntake),
                            ("warme_overdracht", models.WarmeOverdracht), ("termijn", models.Termijn)):
            registreer_geschiedenisbron(code=code, model=model, dossier=lambda d: Q(dossier_id=d.pk))
        # Issue 15: an oproep or invitation sent in the print batch is verzonden on the day it was posted.
        registreer_bij_verzending("intake_oproep", oproep_verzonden)
        registreer_bij_verzending("uitnodiging_voortgangsgesprek", uitnodiging_verzonden)
        # Issue 20 item 3: dossiers and letters in the search everywhere.
        from inburgering import overal_zoeken

        from .zoeken import AANBIEDERS

        for aanbieder in AANBIEDERS:
            overal_zoeken.registreer(aanbieder)
        # Issue 18: the filter forms' cached option lists go when a team or user changes. A cache, not domain
        # logic: a signal also catches the admin's and the management commands' saves, which a call would miss.
        from django.db.models.signals import m2m_changed, post_delete, post_save  # noqa: TID251

        from inburgering.accounts.models import Team, User

        from .selectors import opties_vergeten

        for model in (Team, User):
            post_save.connect(opties_vergeten, sender=model, dispatch_uid=f"opties_vergeten_{model.__name__}")
            post_delete.connect(opties_vergeten, sender=model, dispatch_uid=f"opties_vergeten_d_{model.__name__}")
        m2m_changed.connect(opties_vergeten, sender=User.groups.through, dispatch_uid="opties_vergeten_groepen")
