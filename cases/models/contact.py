"""Contactmomenten with the inburgeraar. A held voortgangsgesprek resets the voortgangsgesprek
termijn (computed by pip_plans, which owns the number agreed in the PIP); a no-show is kept for
handhaving."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from cases.contact.rules import ContactSoort, LeerroutePast

from .dossier import Dossier


class Contactmoment(models.Model):
    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="contactmomenten"
    )
    datum = models.DateField(_("datum"))
    soort = models.CharField(_("soort contact"), max_length=20, choices=ContactSoort.CHOICES)
    deelnemers = models.CharField(_("deelnemers"), max_length=500, blank=True,
                                  help_text=_("Wie waren er bij het gesprek?"))
    tolk_gebruikt = models.BooleanField(_("tolk gebruikt"), default=False)
    tolk_taal = models.CharField(_("taal van de tolk"), max_length=100, blank=True)
    onderwerpen = models.TextField(_("besproken onderwerpen"), blank=True)
    leerroute_past = models.CharField(_("past de leerroute nog?"), max_length=20, choices=LeerroutePast.CHOICES,
                                      blank=True)
    afspraken = models.TextField(_("afspraken"), blank=True)
    volgende_afspraak = models.DateField(_("volgende afspraak"), null=True, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        ordering = ["-datum", "-id"]
        indexes = [models.Index(fields=["dossier", "soort", "datum"])]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.datum:%d-%m-%Y} ({self.dossier_id})"


class UitnodigingVoortgangsgesprek(models.Model):
    """A letter inviting the person to a voortgangsgesprek (issue 15), with its verzending: by post it waits
    for the print batch (`verzonden_op` empty), handed over it is sent that day."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="voortgangsuitnodigingen"
    )
    datum = models.DateField(_("datum gesprek"))
    tijd = models.TimeField(_("tijd gesprek"))
    plaats = models.CharField(_("plaats gesprek"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)
    verzonden_op = models.DateField(_("verzonden op"), null=True, blank=True)
    document = models.OneToOneField(
        "documenten.Document", verbose_name=_("brief"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("uitnodiging voortgangsgesprek")
        verbose_name_plural = _("uitnodigingen voortgangsgesprek")
        ordering = ["-datum", "-id"]

    def __str__(self) -> str:
        return f"Uitnodiging voortgangsgesprek {self.datum:%d-%m-%Y} ({self.dossier_id})"

    @property
    def kenmerk(self) -> str:
        return f"VG-{self.dossier_id}-{self.pk}"
