"""The dashboard's counted stand (issue 18). Counting every dossier, signal and termijn of a gemeente on
each visit grows with the gemeente; above `selectors.LIVE_TOT` dossiers the dashboard shows the numbers
as counted by the scheduled task (`dashboards.stand_bijwerken`, CELERY_BEAT_SCHEDULE) and says when."""

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class DashboardStand(models.Model):
    """One row: the numbers of the last count. Aggregates only (counts per werkcoach id, fase, route,
    termijn kind, handhaving stap): no personal data."""

    berekend_op = models.DateTimeField(_("geteld op"))
    dossiers = models.PositiveIntegerField(_("dossiers bij de telling"))
    gegevens = models.JSONField(_("aantallen"), encoder=DjangoJSONEncoder)

    class Meta:
        verbose_name = _("stand van het dashboard")
        verbose_name_plural = _("standen van het dashboard")

    def __str__(self) -> str:
        return f"Dashboard {self.berekend_op:%Y-%m-%d %H:%M}"
