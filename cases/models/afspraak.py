"""Appointments on a dossier (issue 20 item 2): an intake, voortgangsgesprek, driegesprek or hoorzitting
with its time, place and participants. The invitation flows (oproep brede intake, uitnodiging
voortgangsgesprek) create theirs through `cases.agenda.services`; an app above cases (handhaving's
hoorzitting) does the same. Each user's iCalendar feed is reached with a secret token of which only the
hash is stored (`AgendaFeed`)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from .contact import UitnodigingVoortgangsgesprek
from .dossier import Dossier
from .intake import Uitnodiging


class AfspraakSoort(models.TextChoices):
    INTAKE = "intake", _("Intake")
    VOORTGANGSGESPREK = "voortgangsgesprek", _("Voortgangsgesprek")
    DRIEGESPREK = "driegesprek", _("Driegesprek")
    HOORZITTING = "hoorzitting", _("Hoorzitting")


class Afspraak(models.Model):
    dossier = models.ForeignKey(Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT,
                                related_name="afspraken")
    soort = models.CharField(_("soort afspraak"), max_length=20, choices=AfspraakSoort.choices)
    start = models.DateTimeField(_("begin"))
    eind = models.DateTimeField(_("einde"))
    locatie = models.CharField(_("plaats"), max_length=200)
    medewerkers = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("medewerkers"),
                                         related_name="afspraken")
    externe_deelnemers = models.CharField(
        _("andere deelnemers"), max_length=500, blank=True,
        help_text=_("Bijvoorbeeld de taalaanbieder bij een driegesprek, of een tolk."))
    toelichting = models.TextField(_("toelichting"), blank=True)
    # The invitation letter, where the appointment came from one (issue 15: on the Documenten tab).
    uitnodiging_intake = models.OneToOneField(
        Uitnodiging, verbose_name=_("oproep intake"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="afspraak")
    uitnodiging_voortgangsgesprek = models.OneToOneField(
        UitnodigingVoortgangsgesprek, verbose_name=_("uitnodiging voortgangsgesprek"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="afspraak")
    document = models.ForeignKey(
        "documenten.Document", verbose_name=_("uitnodigingsbrief"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+")
    kenmerk_brief = models.CharField(_("kenmerk"), max_length=40, blank=True)
    geannuleerd = models.BooleanField(_("afgezegd"), default=False)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("vastgelegd door"),
                                        on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["start", "id"]
        indexes = [
            models.Index(fields=["dossier", "-start"], name="afspraak_dossier_start"),
            models.Index(fields=["start"], name="afspraak_start"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(eind__gt=models.F("start")), name="afspraak_eind_na_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.start:%d-%m-%Y %H:%M} ({self.dossier_id})"

    @property
    def kenmerk(self) -> str:
        """The invitation letter's kenmerk (INT-…, VG-…), or the appointment's own."""
        return self.kenmerk_brief or f"AFS-{self.dossier_id}-{self.pk}"


class AgendaFeed(models.Model):
    """A user's secret iCalendar address: the SHA-256 of its token, never the token itself. Renewing
    replaces the hash, so the old address stops working at once."""

    gebruiker = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"),
                                     on_delete=models.CASCADE, related_name="agendafeed")
    token_hash = models.CharField(_("hash van het token"), max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"))
    laatst_opgehaald = models.DateTimeField(_("laatst opgehaald"), null=True, blank=True)

    class Meta:
        verbose_name = _("agendalink (iCalendar)")
        verbose_name_plural = _("agendalinks (iCalendar)")

    def __str__(self) -> str:
        return f"Agendalink van {self.gebruiker_id}"
