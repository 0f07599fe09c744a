"""Documents a werkcoach uploads to a dossier (issue 15, the Documenten tab): a copy of a residence
permit, a diploma, a medical statement, a letter. Checked on upload (inburgering.documenten.uploads:
type by content, size, virus scan), stored under a random name, with the sha256 computed at upload
and verified at every download. The user's file name is kept only as data, to name the download."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from .dossier import Dossier


class BijlageCategorie(models.TextChoices):
    IDENTITEIT = "identiteit", _("Identiteit en verblijf")
    DIPLOMA = "diploma", _("Diploma of certificaat")
    MEDISCH = "medisch", _("Medisch")
    CORRESPONDENTIE = "correspondentie", _("Correspondentie")
    OVERIG = "overig", _("Overig")


class DossierBijlage(models.Model):
    dossier = models.ForeignKey(Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT,
                                related_name="bijlagen")
    categorie = models.CharField(_("categorie"), max_length=20, choices=BijlageCategorie.choices)
    datum = models.DateField(_("datum van het document"))
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    # The stored name is random (upload_controleren), never the user's: no personal data in a path.
    bestand = models.FileField(_("bestand"), upload_to="dossiers/bijlagen/%Y/%m/", max_length=255)
    originele_naam = models.CharField(_("oorspronkelijke bestandsnaam"), max_length=200, blank=True,
                                      help_text=_("Alleen gebruikt als naam van de download; nooit in een URL."))
    mime_type = models.CharField(_("MIME-type"), max_length=100)
    grootte = models.PositiveBigIntegerField(_("grootte (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    toegevoegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("toegevoegd door"),
                                        on_delete=models.PROTECT, related_name="+")
    toegevoegd_op = models.DateTimeField(_("toegevoegd op"), auto_now_add=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bijlage bij het dossier")
        verbose_name_plural = _("bijlagen bij het dossier")
        ordering = ["-toegevoegd_op", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(sha256__regex=r"^[0-9a-f]{64}$"),
                                   name="dossierbijlage_sha256_hex"),
        ]

    def __str__(self) -> str:
        return f"{self.get_categorie_display()} {self.datum:%d-%m-%Y} ({self.dossier_id})"
