"""Append-only logs (DOMAIN §12, Logboek Dataverwerkingen): every read of a dossier (`InzageLog`) and
every security event (`Beveiligingslog`: failed logins, lockouts, two-factor events, role changes,
refused requests, later searches and exports).

Rows are never changed or deleted by the application: `save` refuses updates, `delete` refuses,
and the admin is read-only. A dossier is stored as a plain id so the log outlives the dossier.

Tamper evidence (issue 12 item 3), beyond the ORM:
- a hash chain (`keten.py`): each row stores `vorige_hash` and `hash`; `save` takes the log's
  `Ketenkop` row with SELECT ... FOR UPDATE, so concurrent inserts chain one after the other (on
  SQLite the IMMEDIATE transaction locks the whole database); `manage.py logboek_controleren` verifies.
- on PostgreSQL a trigger refuses UPDATE and DELETE on the log tables (migrations 0003, 0004), except a
  DELETE inside the retention function `audit_snoeien(logboek, tot)` (`bewaren.logboek_snoeien`), which
  leaves a `Ketencontrolepunt` at the pruning point so the chain still verifies from there.

The Logboek Dataverwerkingen (issue 13): `Dataverwerking`, one row per request (or task run) that
processed personal data, with its processing activity from the register `Verwerkingsactiviteit`; see
`verwerkingen.py` for how a request is captured.

What the logs hold: references, not citizens' data. `pad` (both logs) is the request path without
its query string: the application's paths hold ids only (dossier, termijn, zaak), never a BSN or a
name, and a query string (which could carry a search term) is never stored. `details` holds codes
and keyed hashes, never a term in clear.
"""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .keten import bereken_hash


class AppendOnlyError(Exception):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Een logboek kan niet worden gewijzigd.")

    def delete(self):
        raise AppendOnlyError("Een logboek kan niet worden verwijderd.")


class Ketenkop(models.Model):
    """The head of one log's hash chain: the lock concurrent inserts queue on, and the last row's
    id and hash (so removing the newest rows is detected too)."""

    logboek = models.CharField(_("logboek"), max_length=30, primary_key=True)
    laatste_id = models.BigIntegerField(_("laatste regel"), null=True, blank=True)
    laatste_hash = models.CharField(_("laatste hash"), max_length=64, blank=True)
    # The last row's tijdstip, for the one-statement insert (inburgering/audit/verwerkingen.py): a row's
    # tijdstip is never before its predecessor's, so time and id order agree.
    laatste_tijdstip = models.DateTimeField(_("tijdstip van de laatste regel"), null=True, blank=True)

    class Meta:
        verbose_name = _("kop van de hashketen")
        verbose_name_plural = _("koppen van de hashketens")

    def __str__(self) -> str:
        return f"{self.logboek}: {self.laatste_id}"


class Ketencontrolepunt(models.Model):
    """Written only by the retention function `audit_snoeien` (PostgreSQL; `bewaren.py` on SQLite): rows up to and including
    `laatste_id` were removed; the first remaining row must chain on `laatste_hash`."""

    logboek = models.CharField(_("logboek"), max_length=30, db_index=True)
    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now)
    tot = models.DateTimeField(_("verwijderd tot"))
    laatste_id = models.BigIntegerField(_("laatste verwijderde regel"))
    laatste_hash = models.CharField(_("hash van die regel"), max_length=64)
    verwijderd = models.PositiveIntegerField(_("aantal verwijderd"))

    class Meta:
        verbose_name = _("controlepunt van de hashketen")
        verbose_name_plural = _("controlepunten van de hashketens")
        ordering = ["logboek", "-laatste_id"]

    def __str__(self) -> str:
        return f"{self.logboek} tot {self.laatste_id}"


class AppendOnly(models.Model):
    """A row that is written once and never changed or deleted by the application, chained by hash."""

    KETEN = ""  # the log's name in Ketenkop / Ketencontrolepunt

    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True, editable=False)
    vorige_hash = models.CharField(_("vorige hash"), max_length=64, blank=True, editable=False)
    hash = models.CharField(_("hash"), max_length=64, blank=True, editable=False)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Een logboek kan niet worden gewijzigd.")
        with transaction.atomic():
            kop, _nieuw = Ketenkop.objects.select_for_update().get_or_create(logboek=self.KETEN)
            self.tijdstip = timezone.now()  # inside the lock: time and id order agree
            self.vorige_hash = kop.laatste_hash
            self.hash = bereken_hash(self)
            super().save(*args, **kwargs)
            kop.laatste_id, kop.laatste_hash = self.pk, self.hash
            kop.save(update_fields=["laatste_id", "laatste_hash"])

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Een logboek kan niet worden verwijderd.")


InzageLogQuerySet = AppendOnlyQuerySet  # the name the tests and older code use


class InzageLog(AppendOnly):
    KETEN = "inzagelog"

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
    VERNIETIGING = "vernietiging", _("vernietiging (bewaartermijn)")
    VERZONDEN = "verzonden", _("brieven verzonden (printbatch)")
    DUO_KOPPELING = "duo_koppeling", _("koppeling met DUO geweigerd (401/403)")
    AGENDALINK = "agendalink", _("agendalink (iCalendar) aangemaakt, vernieuwd of ingetrokken")


class Beveiligingslog(AppendOnly):
    """One security event. `details` holds references and codes, never a BSN, a name or a search term
    in clear; `gebruikersnaam` is the account name that was tried (staff accounts, not citizens)."""

    KETEN = "beveiligingslog"

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


# The Logboek Dataverwerkingen's references: the data subject is a dossier (its id), never a BSN or a name.
DATA_SUBJECT_TYPE = "urn:inburgering:dossier"
RESOURCE = {"name": "inburgering", "version": "1"}


class Verwerkingsactiviteit(models.Model):
    """One entry of the register of processing activities (AVG art. 30), as data: a data migration fills
    it; the beheerder sees it read-only. The code is the primary key, so a log row names its activity
    without a lookup, and the URI in the Logboek Dataverwerkingen is stable."""

    URI_PREFIX = "urn:inburgering:verwerkingsactiviteit:"

    code = models.SlugField(_("code"), max_length=50, primary_key=True)
    naam = models.CharField(_("naam"), max_length=100)
    doel = models.TextField(_("doel"))
    grondslag = models.TextField(_("grondslag"))
    categorieen = models.CharField(_("categorieën persoonsgegevens"), max_length=300)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("verwerkingsactiviteit")
        verbose_name_plural = _("register van verwerkingsactiviteiten")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    @property
    def uri(self) -> str:
        return f"{self.URI_PREFIX}{self.code}"


class Handeling(models.TextChoices):
    """What was done with the personal data (the `name` of a Logboek Dataverwerkingen record)."""

    RAADPLEGEN = "raadplegen", _("raadplegen")
    AANMAKEN = "aanmaken", _("aanmaken")
    WIJZIGEN = "wijzigen", _("wijzigen")
    VERNIETIGEN = "vernietigen", _("vernietigen")
    EXPORTEREN = "exporteren", _("exporteren")
    VERSTREKKEN = "verstrekken", _("verstrekken")
    ONTVANGEN = "ontvangen", _("ontvangen")


class VerwerkingStatus(models.TextChoices):
    OK = "ok", _("gelukt")
    FOUT = "fout", _("fout")


class Dataverwerking(AppendOnly):
    """One processing of personal data: one request or one task run (Logboek Dataverwerkingen, Logius).

    References only: the data subjects are dossier ids (`dossier_ids`, and one `DataverwerkingDossier`
    per dossier for "what happened to dossier X"), never a BSN or a name; `pad` is the path without its
    query string. `handelingen` is the sorted, comma-separated set of `Handeling` codes (no code is part
    of another, so `handelingen__contains=code` filters on both databases)."""

    KETEN = "dataverwerkingen"

    # Every index costs each request that logs (one row per request): only the ones a query uses, no
    # duplicates (issue 18): the time index below covers `tijdstip`, the activity and user indexes their keys.
    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now, editable=False)
    trace_id = models.CharField(_("trace-id"), max_length=32)
    span_id = models.CharField(_("span-id"), max_length=16)
    parent_span_id = models.CharField(_("bovenliggende span-id"), max_length=16, blank=True)
    naam = models.CharField(_("naam"), max_length=200, help_text=_("De URL-naam of de naam van de taak."))
    handelingen = models.CharField(_("handelingen"), max_length=200)
    activiteit = models.ForeignKey(
        Verwerkingsactiviteit, verbose_name=_("verwerkingsactiviteit"), on_delete=models.PROTECT, related_name="+",
        db_index=False,
    )
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", db_index=False,
    )
    start = models.DateTimeField(_("begin"))
    eind = models.DateTimeField(_("einde"))
    status = models.CharField(_("status"), max_length=4, choices=VerwerkingStatus.choices)
    dossier_ids = models.JSONField(_("dossiers"), default=list, blank=True)
    pad = models.CharField(_("adres"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("dataverwerking")
        verbose_name_plural = _("logboek dataverwerkingen")
        ordering = ["-tijdstip", "-id"]
        indexes = [
            # The privacy officer's list: newest first, and newest first within an activity or a user.
            models.Index(fields=["-tijdstip", "-id"], name="verwerking_tijd"),
            models.Index(fields=["activiteit", "-tijdstip"], name="verwerking_activiteit_tijd"),
            models.Index(fields=["gebruiker", "-tijdstip"], name="verwerking_gebruiker_tijd"),
            # A trace id looked up from another system's log (equality only: no pattern index).
            models.Index(fields=["trace_id"], name="verwerking_trace"),
        ]

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.naam} ({self.handelingen})"

    @property
    def handelingen_lijst(self) -> list[str]:
        return [h for h in self.handelingen.split(",") if h]

    def handelingen_labels(self) -> list[str]:
        labels = dict(Handeling.choices)
        return [str(labels.get(h, h)) for h in self.handelingen_lijst]

    def als_standaard(self) -> dict:
        """This row in the shape of the Logboek Dataverwerkingen standard (Logius): one record per dossier
        would repeat the span; we give the data subjects as a list of references."""
        return {
            "trace_id": self.trace_id,
            "span_id": self.span_id,
            "parent_span_id": self.parent_span_id or None,
            "name": self.handelingen,
            "status_code": 1 if self.status == VerwerkingStatus.OK else 2,
            "start_time": self.start.isoformat(),
            "end_time": self.eind.isoformat(),
            "resource": RESOURCE,
            "attributes": {
                "dpl.core.processing_activity_id": f"{Verwerkingsactiviteit.URI_PREFIX}{self.activiteit_id}",
                "dpl.core.data_subject_id": [str(i) for i in self.dossier_ids],
                "dpl.core.data_subject_id_type": DATA_SUBJECT_TYPE,
                "inburgering.naam": self.naam,
            },
        }


class DataverwerkingDossier(models.Model):
    """One dossier of a `Dataverwerking`, for "what happened to dossier X" through an index. Append-only
    like its parent (written once with it, removed only with it by the retention function); not in the
    hash chain itself: the parent's hashed `dossier_ids` is the truth, `controle.py` compares."""

    verwerking = models.ForeignKey(Dataverwerking, on_delete=models.PROTECT, related_name="dossiers")
    dossier_id = models.BigIntegerField(_("dossier"))

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("dossier van een dataverwerking")
        verbose_name_plural = _("dossiers van dataverwerkingen")
        indexes = [models.Index(fields=["dossier_id", "verwerking"], name="verwerking_dossier")]

    def __str__(self) -> str:
        return f"{self.verwerking_id}: dossier {self.dossier_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Een logboek kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Een logboek kan niet worden verwijderd.")
