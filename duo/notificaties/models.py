"""DUO's notifications (issue 17): the inbox, the inflow queue, DUO's facts per dossier and the differences the
nightly reconciliation finds. DUO's vocabulary (gebeurtenisId, registratieDatumTijd) so messages map 1:1."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cases.models import Dossier
from inburgering.accounts.models import Team
from inburgering.kalender import datums
from pip_plans.rules import PIP_TERMIJN_WEKEN


class NotificatieStatus(models.TextChoices):
    ONTVANGEN = "ontvangen", _("Ontvangen")  # stored, not (yet) processed
    VERWERKT = "verwerkt", _("Verwerkt")
    ONBEKENDE_CODE = "onbekende_code", _("Onbekende gebeurtenis")  # kept for the koppelbeheerder, never dropped
    FOUT = "fout", _("Fout bij verwerken")


class DuoNotificatie(models.Model):
    """One notification as DUO posted it, stored before anything else happens (the inbox). `sleutel` makes the
    same notification delivered twice (DUO retries, with or without the same berichtId) one row: one effect.

    Holds a BSN: linked to the dossier it concerns, it is destroyed with the dossier (avg: bewaartermijn);
    without a dossier it is pruned after DUO_NOTIFICATIE_BEWAARDAGEN (`duo_notificaties.snoeien`)."""

    sleutel = models.CharField(_("sleutel"), max_length=64, unique=True,
                               help_text=_("sha256 van gebeurtenisId, persoon en registratieDatumTijd"))
    bericht_id = models.UUIDField(_("berichtId"), db_index=True)
    bron = models.CharField(_("bron (OIN)"), max_length=20)
    gebeurtenis_id = models.CharField(_("gebeurtenis"), max_length=6, db_index=True)
    bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    v_nummer = models.CharField(_("V-nummer"), max_length=10, blank=True)
    registratie_datum_tijd = models.DateTimeField(_("registratiedatum bij DUO"))
    ruw = models.JSONField(_("bericht zoals ontvangen"))
    ontvangen_op = models.DateTimeField(_("ontvangen op"), auto_now_add=True, db_index=True)
    status = models.CharField(_("status"), max_length=20, choices=NotificatieStatus.choices,
                              default=NotificatieStatus.ONTVANGEN)
    # A worker claims a row until this moment; a worker killed mid-processing leaves a lease that runs out.
    bezig_tot = models.DateTimeField(null=True, blank=True)
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    fout = models.TextField(_("fout"), blank=True)
    resultaat = models.CharField(_("resultaat"), max_length=300, blank=True)
    verwerkt_op = models.DateTimeField(_("verwerkt op"), null=True, blank=True)
    dossier = models.ForeignKey(Dossier, verbose_name=_("dossier"), null=True, blank=True, on_delete=models.CASCADE,
                                related_name="duo_notificaties")

    class Meta:
        verbose_name = _("notificatie van DUO")
        verbose_name_plural = _("notificaties van DUO")
        ordering = ["-ontvangen_op", "-id"]
        indexes = [
            # the safety net (every minute): what is not processed yet
            models.Index(fields=["ontvangen_op"], condition=Q(status="ontvangen"), name="duo_notificatie_open"),
        ]

    def __str__(self) -> str:
        return f"{self.gebeurtenis_id} ({self.pk})"


class DuoInstroom(models.Model):
    """A new plichtige DUO announced (SS101, SS128, SS139, or SS120/SS121 without a dossier here), waiting in the
    team's inflow queue until a werkcoach takes it up: then the dossier is made (cases service) with DUO's date
    of kennisgeving, so the PIP clock runs from DUO's date whatever day it is taken up."""

    notificatie = models.ForeignKey(DuoNotificatie, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="instroom")
    bsn = models.CharField(_("BSN"), max_length=9)
    team = models.ForeignKey(Team, verbose_name=_("team"), on_delete=models.PROTECT, related_name="duo_instroom")
    gebeurtenis_id = models.CharField(_("gebeurtenis"), max_length=6)
    # The person as the BRP knows them (cases.persoonsbron), dates as ISO strings; empty without a BRP answer.
    persoon = models.JSONField(_("persoonsgegevens (BRP)"), default=dict, blank=True)
    # DUO's answers at the time (rules.Raadpleging → JSON), written to the dossier's "Gegevens van DUO" on take-up.
    gegevens = models.JSONField(_("gegevens van DUO"), default=dict, blank=True)
    naam = models.CharField(_("naam"), max_length=300, blank=True)
    doelgroep = models.CharField(_("doelgroep"), max_length=50, blank=True)
    datum_kennisgeving = models.DateField(_("datum kennisgeving DUO"))
    pip_klok = models.BooleanField(_("PIP-termijn loopt (SS139)"), default=False)
    korte_horizon = models.BooleanField(_("AOW-leeftijd binnen 6 maanden (SS128)"), default=False)
    eerder_pip_elders = models.BooleanField(_("eerder PIP in een andere gemeente"), default=False)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    dossier = models.ForeignKey(Dossier, verbose_name=_("dossier"), null=True, blank=True, on_delete=models.CASCADE,
                                related_name="+")
    opgepakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+")
    opgepakt_op = models.DateTimeField(_("opgepakt op"), null=True, blank=True)

    class Meta:
        verbose_name = _("instroom van DUO")
        verbose_name_plural = _("instroom van DUO")
        ordering = ["datum_kennisgeving", "id"]
        constraints = [
            # One open inflow item per person: SS101 followed by SS139 updates the same item.
            models.UniqueConstraint(fields=["bsn"], condition=Q(dossier__isnull=True), name="duo_instroom_een_open"),
        ]
        indexes = [models.Index(fields=["team", "datum_kennisgeving"], condition=Q(dossier__isnull=True),
                                name="duo_instroom_wachtrij")]

    def __str__(self) -> str:
        return f"Instroom {self.pk}"

    @property
    def pip_uiterlijk(self):
        """An indication for the queue: 10 weeks after DUO's kennisgeving (Besluit 5.3 lid 1). The exact deadline
        (Atw, BRP vestiging of an asielstatushouder) is on the dossier's PIP tab once taken up."""
        return datums.weken_na(self.datum_kennisgeving, PIP_TERMIJN_WEKEN)


class GegevenSoort(models.TextChoices):
    PLICHT = "plicht", _("Inburgeringsplicht")
    DOELGROEP = "doelgroep", _("Doelgroep")
    TERMIJN = "termijn", _("Inburgeringstermijn")
    LBT = "lbt", _("Leerbaarheidstoets")
    EXAMENS = "examens", _("Examenresultaten")
    VRIJSTELLING = "vrijstelling", _("Vrijstellingen")
    ONTHEFFING = "ontheffing", _("Ontheffingen")
    PIP = "pip", _("PIP bij DUO")


class DuoGegeven(models.Model):
    """DUO's current answer about one fact of a dossier, with its source and time ("Gegevens van DUO")."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="duo_gegevens")
    soort = models.CharField(_("gegeven"), max_length=20, choices=GegevenSoort.choices)
    waarde = models.JSONField(_("waarde volgens DUO"))
    bron = models.CharField(_("bron"), max_length=100, default="DUO")  # the API path it came from
    opgehaald_op = models.DateTimeField(_("opgehaald op"))
    notificatie = models.ForeignKey(DuoNotificatie, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        verbose_name = _("gegeven van DUO")
        verbose_name_plural = _("gegevens van DUO")
        ordering = ["soort"]
        constraints = [models.UniqueConstraint(fields=["dossier", "soort"], name="duo_gegeven_uniek")]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.dossier_id})"


class DuoVerschil(models.Model):
    """A difference between the gemeente's fact and DUO's, found by the nightly reconciliation; the run replaces
    the open list, so a resolved difference disappears the next night."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="duo_verschillen")
    veld = models.CharField(_("gegeven"), max_length=50)
    gemeente = models.CharField(_("bij de gemeente"), max_length=200, blank=True)
    duo = models.CharField(_("bij DUO"), max_length=200, blank=True)
    gevonden_op = models.DateTimeField(_("gevonden op"))

    class Meta:
        verbose_name = _("verschil met DUO")
        verbose_name_plural = _("verschillen met DUO")
        ordering = ["dossier_id", "veld"]
        constraints = [models.UniqueConstraint(fields=["dossier", "veld"], name="duo_verschil_uniek")]

    def __str__(self) -> str:
        return f"{self.veld} ({self.dossier_id})"
