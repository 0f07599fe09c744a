"""Maatschappelijke begeleiding for asielstatushouders (Wet 13): starts on the day of BRP
registration in the housing gemeente; front-loaded, tapering off, no legal duration."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from cases.models import Dossier
from leerroutes.rules import MbSoort

from .aanbieder import Aanbieder


class MaatschappelijkeBegeleiding(models.Model):
    dossier = models.OneToOneField(
        Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="maatschappelijke_begeleiding"
    )
    aanbieder = models.ForeignKey(
        Aanbieder, verbose_name=_("uitvoerder"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    startdatum = models.DateField(_("start (inschrijving BRP)"))
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("maatschappelijke begeleiding")
        verbose_name_plural = _("maatschappelijke begeleiding")

    def __str__(self) -> str:
        return f"Maatschappelijke begeleiding {self.dossier_id}"


class MbActiviteit(models.Model):
    begeleiding = models.ForeignKey(MaatschappelijkeBegeleiding, on_delete=models.PROTECT, related_name="activiteiten")
    soort = models.CharField(_("soort"), max_length=20, choices=MbSoort.CHOICES)
    datum = models.DateField(_("datum"))
    uren = models.DecimalField(_("uren"), max_digits=5, decimal_places=2, null=True, blank=True)
    aanbieder = models.ForeignKey(
        Aanbieder, verbose_name=_("uitgevoerd door"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    notitie = models.TextField(_("notitie"), blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("activiteit maatschappelijke begeleiding")
        verbose_name_plural = _("activiteiten maatschappelijke begeleiding")
        ordering = ["begeleiding", "-datum", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(uren__isnull=True) | Q(uren__gt=0), name="mb_activiteit_uren_positief")
        ]

    def __str__(self) -> str:
        return f"{self.datum} {self.get_soort_display()}"
