"""Financieel ontzorgen (Participatiewet art. 56a): for 6 months (setting) from the first day of
bijstand the college pays the vaste lasten from the benefit, in the person's name."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from cases.models import Dossier

from .aanbieder import Aanbieder


class Ontzorging(models.Model):
    dossier = models.OneToOneField(
        Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="ontzorging"
    )
    uitvoerder = models.ForeignKey(
        Aanbieder, verbose_name=_("uitvoerende organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    asielvergunning_bepaalde_tijd = models.BooleanField(_("verblijfsvergunning asiel voor bepaalde tijd"), default=False)
    bijstand_start = models.DateField(_("eerste dag recht op bijstand"))
    einde = models.DateField(_("einde (laatste dag)"), help_text=_("Berekend: de wettelijke periode vanaf de eerste dag bijstand."))
    verlengd_tot = models.DateField(_("verlengd tot en met"), null=True, blank=True)
    verlenging_reden = models.TextField(_("reden verlenging"), blank=True)
    beeindigd_op = models.DateField(_("eerder beëindigd op"), null=True, blank=True)
    beeindig_reden = models.TextField(_("reden eerder einde"), blank=True)
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("financieel ontzorgen")
        verbose_name_plural = _("financieel ontzorgen")
        constraints = [models.CheckConstraint(condition=Q(einde__gte=F("bijstand_start")), name="ontzorging_periode")]

    def __str__(self) -> str:
        return f"Ontzorgen {self.dossier_id}"

    @property
    def geplande_laatste_dag(self):
        return self.verlengd_tot or self.einde

    @property
    def laatste_dag(self):
        return self.beeindigd_op or self.geplande_laatste_dag


class VasteLast(models.Model):
    ontzorging = models.ForeignKey(Ontzorging, on_delete=models.PROTECT, related_name="vaste_lasten")
    soort = models.CharField(_("soort"), max_length=100, help_text=_("Uit de lijst in de gemeente-instellingen."))
    begunstigde = models.CharField(_("betalen aan"), max_length=200)
    bedrag = models.DecimalField(_("bedrag per maand"), max_digits=10, decimal_places=2)
    van = models.DateField(_("vanaf"))
    tot = models.DateField(_("tot en met"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("vaste last")
        verbose_name_plural = _("vaste lasten")
        ordering = ["ontzorging", "soort", "van"]
        constraints = [models.CheckConstraint(condition=Q(bedrag__gt=0), name="vaste_last_bedrag_positief")]

    def __str__(self) -> str:
        return f"{self.soort}: € {self.bedrag} aan {self.begunstigde}"


class OntzorgingNotitie(models.Model):
    """Coaching towards financial self-reliance; continues until the person manages alone."""

    ontzorging = models.ForeignKey(Ontzorging, on_delete=models.PROTECT, related_name="notities")
    datum = models.DateField(_("datum"))
    tekst = models.TextField(_("notitie"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("coachingsnotitie")
        verbose_name_plural = _("coachingsnotities")
        ordering = ["ontzorging", "-datum", "-id"]

    def __str__(self) -> str:
        return f"{self.datum}: {self.tekst[:40]}"
