"""Generated documents (DESIGN "Documents"): a beschikking or letter is rendered once and kept as is.

A `Document` is immutable: `save` refuses an update, `delete` refuses, and so do the queryset's
`update()`/`delete()`; the admin is read-only. A change to the underlying decision is a new record
version with its own document. The sha256 of the file is stored so tampering can be detected
(`services.document_inhoud`). No simple_history: there is nothing to track on a row that never changes.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

FOUT_WIJZIGEN = "Een vastgelegd document kan niet worden gewijzigd; maak een nieuw document."
FOUT_VERWIJDEREN = "Een vastgelegd document kan niet worden verwijderd."


class DocumentOnveranderlijk(Exception):
    """Raised on any attempt to change or delete a stored document."""


class DocumentQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise DocumentOnveranderlijk(FOUT_WIJZIGEN)

    def delete(self):
        raise DocumentOnveranderlijk(FOUT_VERWIJDEREN)


class Document(models.Model):
    titel = models.CharField(_("titel"), max_length=200)
    soort = models.CharField(_("soort"), max_length=50, db_index=True, help_text=_("Bijvoorbeeld pip_beschikking."))
    bestand = models.FileField(_("bestand"), upload_to="documenten/%Y/%m/", max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    html = models.TextField(_("HTML"), help_text=_("De HTML waaruit de PDF is gemaakt, bewaard voor toetsing."))
    template_naam = models.CharField(_("template"), max_length=200)
    template_versie = models.CharField(_("templateversie"), max_length=50)
    mime_type = models.CharField(_("MIME-type"), max_length=100, default="application/pdf")
    grootte = models.PositiveBigIntegerField(_("grootte (bytes)"))
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True, db_index=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("aangemaakt door"), on_delete=models.PROTECT, related_name="+"
    )
    # The dossier the document is about, as a plain id: the kernel cannot point to cases (the layers).
    # The dossier's Documenten tab lists by it, and the privacy walk (avg.persoonsgegevens) collects by it.
    dossier_id = models.BigIntegerField(_("dossier"), null=True, blank=True, db_index=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["-aangemaakt_op", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="document_sha256_hex"),
        ]

    def __str__(self) -> str:
        return f"{self.titel} ({self.aangemaakt_op:%Y-%m-%d})" if self.aangemaakt_op else self.titel

    def save(self, *args, **kwargs):
        # A pk on a new instance would make Django UPDATE the existing row, so that is refused too.
        if not self._state.adding or self.pk is not None:
            raise DocumentOnveranderlijk(FOUT_WIJZIGEN)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise DocumentOnveranderlijk(FOUT_VERWIJDEREN)


# --- Verzending (issue 15): a letter goes aangemaakt → verzonden, by post in the daily print batch or handed
# over in person; the day it went is its bekendmaking (Awb 3:41), from which the bezwaartermijn runs. ----------


class VerzendWijze(models.TextChoices):
    POST = "post", _("Per post (printbatch)")
    UITREIKING = "uitreiking", _("Persoonlijk uitgereikt")


class VerzendStatus(models.TextChoices):
    AANGEMAAKT = "aangemaakt", _("Aangemaakt, wacht op verzending")
    VERZONDEN = "verzonden", _("Verzonden")


class Verzendbatch(models.Model):
    """The letters of one print run: one PDF/A with all of them and a verzendlijst. Confirming that the batch
    was posted makes that day the bekendmaking of every letter in it."""

    datum = models.DateField(_("datum"), db_index=True)
    aangemaakt_op = models.DateTimeField(_("samengesteld op"), auto_now_add=True)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("samengesteld door"),
                                        on_delete=models.PROTECT, related_name="+")
    # The letters of many persons in one file: removed once the batch is confirmed as posted.
    bundel = models.OneToOneField(Document, verbose_name=_("brieven (PDF)"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    verzendlijst = models.OneToOneField(Document, verbose_name=_("verzendlijst (PDF)"), on_delete=models.PROTECT,
                                        related_name="+")
    gepost_op = models.DateField(_("gepost op"), null=True, blank=True)
    bevestigd_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("bevestigd door"), null=True,
                                       blank=True, on_delete=models.PROTECT, related_name="+")
    bevestigd_op = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("printbatch")
        verbose_name_plural = _("printbatches")
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [models.Index(fields=["-aangemaakt_op", "-id"], name="batch_volgorde")]

    def __str__(self) -> str:
        return f"Printbatch {self.datum:%d-%m-%Y} ({self.pk})"


class Verzending(models.Model):
    """How and when one letter went out. `dossier_id` is a plain id (the kernel cannot point into cases)."""

    document = models.OneToOneField(Document, verbose_name=_("brief"), on_delete=models.PROTECT,
                                    related_name="verzending")
    dossier_id = models.BigIntegerField(_("dossier"), db_index=True)
    soort = models.CharField(_("soort brief"), max_length=50)
    kenmerk = models.CharField(_("kenmerk"), max_length=50)
    wijze = models.CharField(_("wijze"), max_length=20, choices=VerzendWijze.choices)
    status = models.CharField(_("status"), max_length=20, choices=VerzendStatus.choices,
                              default=VerzendStatus.AANGEMAAKT)
    batch = models.ForeignKey(Verzendbatch, verbose_name=_("printbatch"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="verzendingen")
    verzonden_op = models.DateField(_("verzonden of uitgereikt op"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("verzending")
        verbose_name_plural = _("verzendingen")
        ordering = ["aangemaakt_op", "id"]
        indexes = [
            models.Index(fields=["wijze", "status", "batch"], name="verzending_wachtrij"),
            # issue 20 item 3: a letter by its kenmerk, exact or as a prefix (pattern ops: LIKE 'HH-1-2-%')
            models.Index(fields=["kenmerk"], name="verzending_kenmerk", opclasses=["varchar_pattern_ops"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=VerzendStatus.AANGEMAAKT) | Q(verzonden_op__isnull=False),
                name="verzending_verzonden_heeft_datum"),
        ]

    def __str__(self) -> str:
        return f"{self.kenmerk} ({self.get_status_display()})"
