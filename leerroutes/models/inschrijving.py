"""The enrolment in the leerroute of the vastgesteld PIP (DESIGN.md: gepland → aangemeld_bij_aanbieder
→ gestart → afgerond; any active → gestopt). A route switch stops the old enrolment (its hours stay)
and a new one starts from the new PIP version."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from django_fsm import FSMField, FSMModelMixin, transition
from simple_history.models import HistoricalRecords

from cases.models import Dossier
from leerroutes.rules import InschrijvingStatus, StopReden
from pip_plans.models import Pip
from pip_plans.rules import Leerroute

from .aanbieder import Aanbieder

S = InschrijvingStatus


class Inschrijving(FSMModelMixin, models.Model):  # mixin: refresh_from_db with the protected status
    dossier = models.ForeignKey(Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="inschrijvingen")
    pip = models.ForeignKey(
        Pip, verbose_name=_("PIP-versie"), on_delete=models.PROTECT, related_name="inschrijvingen",
        help_text=_("De vastgestelde PIP-versie waaruit deze inschrijving voortkomt."),
    )
    leerroute = models.CharField(_("leerroute"), max_length=1, choices=Leerroute.CHOICES)
    aanbieder = models.ForeignKey(Aanbieder, verbose_name=_("aanbieder"), on_delete=models.PROTECT, related_name="inschrijvingen")
    startdatum = models.DateField(_("startdatum"))
    geplande_einddatum = models.DateField(_("geplande einddatum"))
    status = FSMField(_("status"), default=S.GEPLAND, choices=S.CHOICES, protected=True)
    aangemeld_op = models.DateField(_("aangemeld bij de aanbieder op"), null=True, blank=True)
    gestart_op = models.DateField(_("gestart op"), null=True, blank=True)
    afgerond_op = models.DateField(
        _("afgerond op"), null=True, blank=True,
        help_text=_("Z-route: de datum van het eindgesprek met de gemeente (datum afronding Z-route voor DUO)."),
    )
    gestopt_op = models.DateField(_("gestopt op"), null=True, blank=True)
    stop_reden = models.CharField(_("reden stoppen"), max_length=20, choices=StopReden.CHOICES, blank=True)
    stop_toelichting = models.TextField(_("toelichting stoppen"), blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("aangemaakt door"), on_delete=models.PROTECT, related_name="+"
    )
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inschrijving leerroute")
        verbose_name_plural = _("inschrijvingen leerroute")
        ordering = ["dossier", "-startdatum", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier"], condition=Q(status__in=S.ACTIEF), name="een_actieve_inschrijving_per_dossier",
                violation_error_message=_("Dit dossier heeft al een lopende inschrijving voor een leerroute."),
            ),
            models.CheckConstraint(condition=Q(geplande_einddatum__gte=F("startdatum")), name="inschrijving_einde_na_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_leerroute_display()} bij {self.aanbieder_id} ({self.get_status_display()})"

    @property
    def is_actief(self) -> bool:
        return self.status in S.ACTIEF

    # --- transitions; called only by services ---
    @transition(field=status, source=S.GEPLAND, target=S.AANGEMELD)
    def aanmelden(self, *, datum):
        self.aangemeld_op = datum

    @transition(field=status, source=S.AANGEMELD, target=S.GESTART)
    def starten(self, *, datum):
        self.gestart_op = datum

    @transition(field=status, source=S.GESTART, target=S.AFGEROND)
    def afronden(self, *, datum):
        self.afgerond_op = datum

    @transition(field=status, source=list(S.ACTIEF), target=S.GESTOPT)
    def stoppen(self, *, reden, toelichting, datum):
        self.stop_reden = reden
        self.stop_toelichting = toelichting
        self.gestopt_op = datum
