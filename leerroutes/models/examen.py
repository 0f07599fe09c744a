"""Exam results per part (DUO's Examenresultaat: onderdeel, niveau, examendatum, resultaat,
redenGeenResultaat). The attempt number is computed (`rules.pogingnummers`), never stored."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from cases.models import Dossier
from leerroutes.rules import ExamenFeit, ExamenNiveau, Examenonderdeel, RedenGeenResultaat, Resultaat


class Examen(models.Model):
    dossier = models.ForeignKey(Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="examens")
    onderdeel = models.CharField(_("onderdeel"), max_length=3, choices=Examenonderdeel.CHOICES)
    niveau = models.CharField(_("niveau"), max_length=2, choices=ExamenNiveau.CHOICES, blank=True)
    datum = models.DateField(_("examendatum"))
    resultaat = models.CharField(_("resultaat"), max_length=10, choices=Resultaat.CHOICES)
    reden_geen_resultaat = models.CharField(
        _("reden geen resultaat"), max_length=20, choices=RedenGeenResultaat.CHOICES, blank=True
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("examen")
        verbose_name_plural = _("examens")
        ordering = ["dossier", "datum", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "onderdeel", "datum"], name="examen_een_per_onderdeel_per_dag",
                violation_error_message=_("Voor dit onderdeel is op deze datum al een resultaat vastgelegd."),
            ),
            models.CheckConstraint(
                condition=Q(resultaat=Resultaat.GEEN) | Q(reden_geen_resultaat=""), name="examen_reden_alleen_bij_geen"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.onderdeel} {self.niveau} {self.datum}: {self.resultaat}"

    @property
    def feit(self) -> ExamenFeit:
        return ExamenFeit(self.onderdeel, self.niveau, self.datum, self.resultaat, self.reden_geen_resultaat)
