"""pip_plans' policy settings [BELEID], DOMAIN §8: the interval of voortgangsgesprekken and the
duration of financieel ontzorgen (a PIP afspraak, stated in the beschikking). The statutory terms
(PIP 10 weeks and its 2-week extension, inburgeringstermijn 3 years, schakelen 1.5 years) are law,
not settings: they live in `pip_plans.rules` with their article. One row beside the GemeenteInstellingen singleton, edited on its beheer screen
(`pip_plans/admin.py`). Read with `PipInstellingen.huidig()`."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from inburgering.instellingen.models import AppInstellingen

ONTZORGING_MAANDEN_WET = 6  # Participatiewet art. 56a lid 1


class PipInstellingen(AppInstellingen):
    voortgangsgesprek_weken = models.PositiveSmallIntegerField(
        _("standaard interval voortgangsgesprek (weken)"), default=8
    )
    ontzorging_maanden = models.PositiveSmallIntegerField(_("duur financieel ontzorgen (maanden)"), default=6)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("PIP-instellingen")
        verbose_name_plural = _("PIP-instellingen")

    def __str__(self) -> str:
        return str(_("PIP-instellingen"))

    def clean(self) -> None:
        """Policy may stay below a legal maximum, never above it: financieel ontzorgen lasts six months
        from the first day of bijstand (Participatiewet art. 56a); longer only by a separate decision."""
        if self.ontzorging_maanden is not None and self.ontzorging_maanden > ONTZORGING_MAANDEN_WET:
            raise ValidationError({"ontzorging_maanden": _(
                "Financieel ontzorgen duurt volgens de wet zes maanden (Participatiewet art. 56a); langer kan "
                "alleen met een afzonderlijk besluit, niet als standaard."
            )})
