"""PVT (participatieverklaringstraject, Besluit 3.1) and MAP (module arbeidsmarkt en participatie,
Besluit 3.2): one record per dossier each. Their hours live in `Uren`."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from cases.models import Dossier
from leerroutes.rules import MapUitkomst

from .aanbieder import Aanbieder


class Pvt(models.Model):
    dossier = models.OneToOneField(Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="pvt")
    aanbieder = models.ForeignKey(
        Aanbieder, verbose_name=_("uitvoerder"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    geplande_start = models.DateField(_("geplande start"), null=True, blank=True)
    vroege_start_reden = models.TextField(
        _("reden eerdere start"), blank=True,
        help_text=_("Alleen nodig als een asielstatushouder eerder start dan de termijn na huisvesting."),
    )
    themas = models.JSONField(_("behandelde thema's"), default=list, blank=True)
    ondertekend_op = models.DateField(_("datum ondertekening participatieverklaring"), null=True, blank=True)
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("PVT")
        verbose_name_plural = _("PVT's")

    def __str__(self) -> str:
        return f"PVT {self.dossier_id}"


class PvtSessie(models.Model):
    """A meeting or an activity/excursion that puts a core value into practice; attendance is
    registered by the college (Besluit 3.1)."""

    pvt = models.ForeignKey(Pvt, verbose_name=_("PVT"), on_delete=models.PROTECT, related_name="sessies")
    datum = models.DateField(_("datum"))
    uren = models.DecimalField(_("uren"), max_digits=5, decimal_places=2)
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    activiteit = models.BooleanField(_("activiteit of excursie"), default=False)
    aanwezig = models.BooleanField(_("aanwezig"), default=True)
    tijdens_intake = models.BooleanField(_("tijdens de brede intake"), default=False)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("PVT-bijeenkomst")
        verbose_name_plural = _("PVT-bijeenkomsten")
        ordering = ["pvt", "datum", "id"]
        constraints = [models.CheckConstraint(condition=Q(uren__gt=0), name="pvt_sessie_uren_positief")]

    def __str__(self) -> str:
        return f"{self.datum} {self.onderwerp}"


class Map(models.Model):
    dossier = models.OneToOneField(
        Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="map_traject"
    )
    aanbieder = models.ForeignKey(
        Aanbieder, verbose_name=_("uitvoerder"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    themas = models.JSONField(_("behandelde thema's"), default=list, blank=True)
    eindgesprek_op = models.DateField(_("datum eindgesprek"), null=True, blank=True)
    eindgesprek_uitkomst = models.CharField(
        _("uitkomst eindgesprek"), max_length=20, choices=MapUitkomst.CHOICES, blank=True
    )
    eindgesprek_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("eindgesprek gevoerd door"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    eindgesprek_verslag = models.TextField(_("verslag eindgesprek"), blank=True)
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("MAP")
        verbose_name_plural = _("MAP's")

    def __str__(self) -> str:
        return f"MAP {self.dossier_id}"
