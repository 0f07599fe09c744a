"""pip_plans' policy settings [WET]/[BELEID], DOMAIN §8: the PIP and inburgering terms, schakelen,
voortgangsgesprekken and the duration of financieel ontzorgen (a PIP afspraak, stated in the
beschikking). One row beside the GemeenteInstellingen singleton, edited on its beheer screen
(`pip_plans/admin.py`). Read with `PipInstellingen.huidig()`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from inburgering.instellingen.models import AppInstellingen


class PipInstellingen(AppInstellingen):
    pip_termijn_weken = models.PositiveSmallIntegerField(_("termijn PIP vaststellen (weken)"), default=10)
    pip_verlenging_weken = models.PositiveSmallIntegerField(
        _("uiterste termijn na ontvangst informatie derde (weken)"), default=2
    )
    inburgeringstermijn_jaren = models.PositiveSmallIntegerField(_("inburgeringstermijn (jaren)"), default=3)
    schakel_maanden = models.PositiveSmallIntegerField(_("schakelen toegestaan tot (maanden)"), default=18)
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
