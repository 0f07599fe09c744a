"""Vernietiging (Besluit inburgering 2021 art. 9.9): the lists the job proposes and the privacy officers
review, and the core that stays of a destroyed dossier.

Nothing here holds personal data beyond the core: a list line refers to its dossier by number (a plain
integer, so the line outlives the dossier), with dates and codes. The names a privacy officer sees while
reviewing are read live from the dossier as long as it exists.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from django_fsm import FSMField, FSMModelMixin, transition
from simple_history.models import HistoricalRecords

from cases.models import EindReden, Inburgeraar


class Kerngegevens(models.Model):
    """What may stay of one destroyed dossier, at most 50 years (Besluit 9.9 lid 2): with the person's BSN,
    name, address, woonplaats and date of birth (kept on `Inburgeraar`), the way and date the plicht ended
    and the data of a vrijstelling or ontheffing."""

    inburgeraar = models.ForeignKey(Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.PROTECT,
                                    related_name="kerngegevens")
    dossier_nummer = models.PositiveBigIntegerField(_("dossiernummer"), unique=True)
    eind_reden = models.CharField(_("wijze waarop de plicht eindigde"), max_length=30, choices=EindReden.choices)
    eind_datum = models.DateField(_("datum einde plicht"))
    afsluit_grond = models.CharField(_("grond van vrijstelling of ontheffing"), max_length=100, blank=True)
    duo_besluit_datum = models.DateField(_("datum besluit DUO"), null=True, blank=True)
    vernietigd_op = models.DateField(_("overige gegevens vernietigd op"))
    bewaren_tot = models.DateField(_("kerngegevens bewaren tot en met"), db_index=True)

    class Meta:
        verbose_name = _("kerngegevens")
        verbose_name_plural = _("kerngegevens")
        ordering = ["-eind_datum", "-id"]

    def __str__(self) -> str:
        return f"Kerngegevens dossier {self.dossier_nummer}"


class LijstStatus(models.TextChoices):
    VOORGESTELD = "voorgesteld", _("Voorgesteld")
    TER_GOEDKEURING = "ter_goedkeuring", _("Ter goedkeuring")
    GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd, vernietiging loopt")
    VERNIETIGD = "vernietigd", _("Vernietigd")
    AFGEWEZEN = "afgewezen", _("Afgewezen")


OPEN_LIJST = [LijstStatus.VOORGESTELD, LijstStatus.TER_GOEDKEURING, LijstStatus.GOEDGEKEURD]


class Vernietigingslijst(FSMModelMixin, models.Model):
    """voorgesteld (by the job) → ter goedkeuring (a privacy officer prepared it, excluding lines with a
    reason) → goedgekeurd (another privacy officer approved: four eyes) → vernietigd (the destruction ran
    and left its verklaring). Or afgewezen: its lines are free for the next proposal."""

    status = FSMField(_("status"), default=LijstStatus.VOORGESTELD, choices=LijstStatus.choices, protected=True,
                      db_index=True)
    aangemaakt_op = models.DateTimeField(_("voorgesteld op"), auto_now_add=True)
    voorbereid_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("voorbereid door"), null=True,
                                        blank=True, on_delete=models.PROTECT, related_name="+")
    voorbereid_op = models.DateTimeField(_("ter goedkeuring aangeboden op"), null=True, blank=True)
    beoordeeld_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("beoordeeld door"), null=True,
                                        blank=True, on_delete=models.PROTECT, related_name="+")
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting bij de beoordeling"), blank=True)
    uitgevoerd_op = models.DateTimeField(_("vernietigd op"), null=True, blank=True)
    verklaring = models.OneToOneField("documenten.Document", verbose_name=_("verklaring van vernietiging"),
                                      null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("vernietigingslijst")
        verbose_name_plural = _("vernietigingslijsten")
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [models.Index(fields=["-aangemaakt_op", "-id"], name="avg_lijst_volgorde")]

    def __str__(self) -> str:
        return self.nummer

    @property
    def nummer(self) -> str:
        return f"VL-{self.aangemaakt_op:%Y}-{self.pk:04d}" if self.pk and self.aangemaakt_op else "VL-nieuw"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_LIJST

    @transition(field=status, source=LijstStatus.VOORGESTELD, target=LijstStatus.TER_GOEDKEURING)
    def voorbereiden(self):
        pass

    @transition(field=status, source=LijstStatus.TER_GOEDKEURING, target=LijstStatus.GOEDGEKEURD)
    def goedkeuren(self):
        pass

    @transition(field=status, source=LijstStatus.TER_GOEDKEURING, target=LijstStatus.AFGEWEZEN)
    def afwijzen(self):
        pass

    @transition(field=status, source=LijstStatus.GOEDGEKEURD, target=LijstStatus.VERNIETIGD)
    def uitgevoerd(self):
        pass


class RegelSoort(models.TextChoices):
    DOSSIER = "dossier", _("Dossier (kerngegevens blijven)")
    KERN = "kern", _("Kerngegevens (termijn van ten hoogste 50 jaar verstreken)")


class Regel(models.Model):
    """One dossier (or one dossier's core) on a list. `actief` while the list is open: a dossier is on one
    open list at most (the constraint), which makes the proposing job safe to run twice at once."""

    lijst = models.ForeignKey(Vernietigingslijst, verbose_name=_("lijst"), on_delete=models.PROTECT,
                              related_name="regels")
    soort = models.CharField(_("soort"), max_length=10, choices=RegelSoort.choices, default=RegelSoort.DOSSIER)
    dossier_nummer = models.PositiveBigIntegerField(_("dossiernummer"))
    eind_reden = models.CharField(_("einde plicht"), max_length=30, choices=EindReden.choices, blank=True)
    eind_datum = models.DateField(_("datum einde"), null=True, blank=True)
    vernietigen_vanaf = models.DateField(_("vernietigen vanaf"))
    actief = models.BooleanField(default=True)
    uitgezonderd = models.BooleanField(_("uitgezonderd"), default=False)
    uitzondering_reden = models.TextField(_("reden van uitzondering"), blank=True)
    uitstel_tot = models.DateField(_("niet opnieuw voorstellen vóór"), null=True, blank=True)
    overgeslagen_reden = models.TextField(
        _("overgeslagen bij de uitvoering"), blank=True,
        help_text=_("Een uitzondering die na de goedkeuring ontstond (bijvoorbeeld een bezwaar)."))
    vernietigd_op = models.DateTimeField(_("vernietigd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("regel van een vernietigingslijst")
        verbose_name_plural = _("regels van vernietigingslijsten")
        ordering = ["lijst", "vernietigen_vanaf", "dossier_nummer"]
        constraints = [
            models.UniqueConstraint(fields=["soort", "dossier_nummer"], condition=Q(actief=True),
                                    name="avg_regel_een_open_lijst"),
            models.UniqueConstraint(fields=["lijst", "soort", "dossier_nummer"], name="avg_regel_uniek_op_lijst"),
        ]
        indexes = [
            models.Index(fields=["dossier_nummer", "uitstel_tot"], name="avg_regel_uitstel"),
            models.Index(fields=["lijst", "vernietigen_vanaf", "dossier_nummer", "id"], name="avg_regel_volgorde"),
        ]

    def __str__(self) -> str:
        return f"{self.lijst} — dossier {self.dossier_nummer}"

    @property
    def te_vernietigen(self) -> bool:
        return not self.uitgezonderd and not self.overgeslagen_reden
