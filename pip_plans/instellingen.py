"""pip_plans' policy settings [BELEID], DOMAIN §8: the interval of voortgangsgesprekken and the
duration of financieel ontzorgen (a PIP afspraak, stated in the beschikking). The statutory terms
(PIP 10 weeks and its 2-week extension, inburgeringstermijn 3 years, schakelen 1.5 years) are law,
not settings: they live in `pip_plans.rules` with their article. One row beside the GemeenteInstellingen singleton, edited on its beheer screen
(`pip_plans/admin.py`). Read with `PipInstellingen.huidig()`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from inburgering.instellingen.models import AppInstellingen


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
