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
