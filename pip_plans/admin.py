"""Functioneel beheer: pip_plans' policy settings, an inline on the one gemeente-instellingen screen.
PIPs themselves are case data and not in the admin (DESIGN.md "Access")."""

from django.utils.translation import gettext_lazy as _

from inburgering.instellingen.admin import InstellingenInline, registreer_instellingen_inline

from .instellingen import PipInstellingen


@registreer_instellingen_inline
class PipInstellingenInline(InstellingenInline):
    model = PipInstellingen
    fieldsets = (
        # The statutory terms (PIP 10 weeks + 2, inburgeringstermijn, schakelen) are law: pip_plans.rules.
        (_("Voortgang en ontzorgen"), {"fields": ("voortgangsgesprek_weken", "ontzorging_maanden")}),
    )
