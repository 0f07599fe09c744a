"""Hours followed, the one ledger behind every hour count (Z-route progress, PVT ≥ 12 h, MAP norm,
afschalen ≥ 600 NT2 hours). PVT sessions and maatschappelijke-begeleiding activities with hours
write their row here through the services, so nothing is counted twice."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from cases.models import Dossier
from leerroutes.rules import ActiviteitNormGrond, CursusNormGrond, UrenBron, UrenCategorie, ZNorm

from .aanbieder import Aanbieder


class Uren(models.Model):
    dossier = models.ForeignKey(Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="uren")
    categorie = models.CharField(_("categorie"), max_length=30, choices=UrenCategorie.CHOICES)
    van = models.DateField(_("periode van"))
    tot = models.DateField(_("periode tot en met"))
    aantal = models.DecimalField(_("aantal uren"), max_digits=6, decimal_places=2)
    bron = models.CharField(_("bron"), max_length=20, choices=UrenBron.CHOICES, default=UrenBron.WERKCOACH)
    tijdens_intake = models.BooleanField(_("gevolgd tijdens de brede intake"), default=False)
    aanbieder = models.ForeignKey(
        Aanbieder, verbose_name=_("aanbieder"), null=True, blank=True, on_delete=models.PROTECT, related_name="uren"
    )
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)
    pvt_sessie = models.OneToOneField(
        "leerroutes.PvtSessie", null=True, blank=True, on_delete=models.CASCADE, related_name="uren_regel"
    )
    mb_activiteit = models.OneToOneField(
        "leerroutes.MbActiviteit", null=True, blank=True, on_delete=models.CASCADE, related_name="uren_regel"
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("uren")
        verbose_name_plural = _("uren")
        ordering = ["dossier", "van", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(aantal__gt=0), name="uren_aantal_positief"),
            models.CheckConstraint(condition=Q(tot__gte=F("van")), name="uren_periode"),
        ]
        indexes = [models.Index(fields=["dossier", "categorie"])]

    def __str__(self) -> str:
        return f"{self.aantal} uur {self.get_categorie_display()} ({self.van}–{self.tot})"


class ZRouteNorm(models.Model):
    """A lowered Z-route hour norm for one dossier, with its ground (Besluit 3.14 lid 8–10; DUO's
    medical partial ontheffing for the activity hours). Replaces the 800 hours where recorded."""

    dossier = models.OneToOneField(
        Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="z_route_norm"
    )
    cursus_uren = models.PositiveSmallIntegerField(
        _("verlaagde norm taalles en KNM (uren)"), null=True, blank=True,
        help_text=_("Leeg: de 800 uur van Besluit 3.14."),
    )
    cursus_grond = models.CharField(
        _("grond verlaging taalles en KNM"), max_length=30, choices=CursusNormGrond.CHOICES, blank=True
    )
    activiteit_uren = models.PositiveSmallIntegerField(
        _("verlaagde norm participatie (uren)"), null=True, blank=True,
        help_text=_("Alleen asielstatushouders. Leeg: de 800 uur van Besluit 3.14."),
    )
    activiteit_grond = models.CharField(
        _("grond verlaging participatie"), max_length=30, choices=ActiviteitNormGrond.CHOICES, blank=True
    )
    toelichting = models.TextField(
        _("waarop de verlaging berust"), blank=True,
        help_text=_("Bijvoorbeeld het besluit van DUO (datum, kenmerk) of de verklaring van de school."),
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, related_name="+"
    )
    versie = models.PositiveIntegerField(default=1)  # optimistic lock: edited through a form
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("urennorm Z-route")
        verbose_name_plural = _("urennormen Z-route")

    def __str__(self) -> str:
        return f"Urennorm Z-route {self.dossier_id}"

    @property
    def feiten(self) -> ZNorm:
        return ZNorm(cursus_uren=self.cursus_uren, cursus_grond=self.cursus_grond,
                     activiteit_uren=self.activiteit_uren, activiteit_grond=self.activiteit_grond,
                     toelichting=self.toelichting)
