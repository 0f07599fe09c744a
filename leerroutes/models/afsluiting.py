"""How a dossier was closed as afgerond: plicht voldaan (with the checklist at that moment), or an
ontheffing / vrijstelling decided by DUO (kind and date of DUO's decision)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from cases.models import Dossier


class AfsluitGrond(models.TextChoices):
    # ontheffing (DUO)
    MEDISCH = "medisch", _("Ontheffing: medische gronden")
    BIO = "bijzondere_omstandigheden", _("Ontheffing: bijzondere individuele omstandigheden")
    # vrijstelling (DUO)
    DIPLOMA = "diploma", _("Vrijstelling: diploma of certificaat")
    INTEGRATIE = "aangetoonde_integratie", _("Vrijstelling: aangetoonde integratie")
    OVERIG = "overig", _("Andere grond")


ONTHEFFING_GRONDEN = [AfsluitGrond.MEDISCH, AfsluitGrond.BIO, AfsluitGrond.OVERIG]
VRIJSTELLING_GRONDEN = [AfsluitGrond.DIPLOMA, AfsluitGrond.INTEGRATIE, AfsluitGrond.OVERIG]


class Afsluiting(models.Model):
    dossier = models.OneToOneField(Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="afsluiting")
    reden = models.CharField(_("reden"), max_length=20)  # cases.EindReden: voldaan / ontheffing / vrijstelling
    grond = models.CharField(_("grond (besluit DUO)"), max_length=30, choices=AfsluitGrond.choices, blank=True)
    duo_besluit_datum = models.DateField(_("datum besluit DUO"), null=True, blank=True)
    datum = models.DateField(_("datum afronding"))
    checklist = models.JSONField(_("stand bij afronding"), default=dict, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("afsluiting")
        verbose_name_plural = _("afsluitingen")

    def __str__(self) -> str:
        return f"Afsluiting {self.dossier_id} ({self.reden})"
