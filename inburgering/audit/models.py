"""Append-only logs (DOMAIN §12, Logboek Dataverwerkingen): every read of a dossier (`InzageLog`) and
every security event (`Beveiligingslog`: failed logins, lockouts, two-factor events, role changes,
refused requests, later searches and exports).

Rows are never changed or deleted by the application: `save` refuses updates, `delete` refuses,
and the admin is read-only. A dossier is stored as a plain id so the log outlives the dossier.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Een logboek kan niet worden gewijzigd.")

    def delete(self):
        raise AppendOnlyError("Een logboek kan niet worden verwijderd.")


class AppendOnly(models.Model):
    """A row that is written once and never changed or deleted by the application."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Een logboek kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Een logboek kan niet worden verwijderd.")


InzageLogQuerySet = AppendOnlyQuerySet  # the name the tests and older code use


class InzageLog(AppendOnly):
    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), on_delete=models.PROTECT, related_name="+"
    )
    dossier_id = models.BigIntegerField(_("dossier"), db_index=True)
    pagina = models.CharField(_("pagina"), max_length=100)
    pad = models.CharField(_("adres"), max_length=500)
    ip_adres = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)

    class Meta:
        verbose_name = _("inzage")
        verbose_name_plural = _("inzagelogboek")
        ordering = ["-tijdstip", "-id"]

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.gebruiker_id} dossier {self.dossier_id} ({self.pagina})"


class Gebeurtenis(models.TextChoices):
    INLOG_GELUKT = "inlog_gelukt", _("inloggen gelukt")
    INLOG_MISLUKT = "inlog_mislukt", _("inloggen mislukt")
    VERGRENDELD = "vergrendeld", _("account vergrendeld")
    ONTGRENDELD = "ontgrendeld", _("account ontgrendeld")
    UITGELOGD = "uitgelogd", _("uitgelogd")
    TWEEFACTOR = "tweefactor", _("tweestapsverificatie")
    ROL_GEWIJZIGD = "rol_gewijzigd", _("rol gewijzigd")
    WACHTWOORD_GEWIJZIGD = "wachtwoord_gewijzigd", _("wachtwoord gewijzigd")
    GEWEIGERD = "geweigerd", _("verzoek geweigerd (403)")
    ZOEKOPDRACHT = "zoekopdracht", _("zoekopdracht")
    EXPORT = "export", _("export")


class Beveiligingslog(AppendOnly):
    """One security event. `details` holds references and codes, never a BSN, a name or a search term
    in clear; `gebruikersnaam` is the account name that was tried (staff accounts, not citizens)."""

    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    gebeurtenis = models.CharField(_("gebeurtenis"), max_length=30, choices=Gebeurtenis.choices, db_index=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    gebruikersnaam = models.CharField(_("gebruikersnaam"), max_length=150, blank=True)
    betreft = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("betreft gebruiker"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+", help_text=_("Bij een rolwijziging of ontgrendeling: wie."),
    )
    pad = models.CharField(_("adres"), max_length=500, blank=True)
    ip_adres = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("beveiligingsgebeurtenis")
        verbose_name_plural = _("beveiligingslogboek")
        ordering = ["-tijdstip", "-id"]
        indexes = [models.Index(fields=["gebeurtenis", "-tijdstip"], name="beveiliging_soort_tijd")]

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.get_gebeurtenis_display()} {self.gebruikersnaam}"
