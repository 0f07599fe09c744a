"""Append-only log of every read of a dossier (DOMAIN §12, Logboek Dataverwerkingen).

Rows are never changed or deleted by the application: `save` refuses updates, `delete` refuses,
and the admin is read-only. The dossier is stored as a plain id so the log outlives the dossier.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    pass


class InzageLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Het inzagelogboek kan niet worden gewijzigd.")

    def delete(self):
        raise AppendOnlyError("Het inzagelogboek kan niet worden verwijderd.")


class InzageLog(models.Model):
    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), on_delete=models.PROTECT, related_name="+"
    )
    dossier_id = models.BigIntegerField(_("dossier"), db_index=True)
    pagina = models.CharField(_("pagina"), max_length=100)
    pad = models.CharField(_("adres"), max_length=500)
    ip_adres = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)

    objects = InzageLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("inzage")
        verbose_name_plural = _("inzagelogboek")
        ordering = ["-tijdstip", "-id"]

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.gebruiker_id} dossier {self.dossier_id} ({self.pagina})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Het inzagelogboek kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Het inzagelogboek kan niet worden verwijderd.")
