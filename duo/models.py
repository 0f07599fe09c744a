"""The outbox of the messages the gemeente sends to DUO (issue 16, DESIGN "DUO").

A `DuoBericht` is written by a hook in the same transaction as the business change (a PIP vastgesteld, a
MAP eindgesprek, hours …), so a change that rolls back leaves no message and a change that commits always
has one. The drain (`duo.verzenden`) sends the messages of one person in order; `bericht_id` is made once
and sent on every attempt, so DUO (which deduplicates on it) never processes a message twice."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cases.models import Dossier


class Soort(models.TextChoices):
    PIP = "pip", _("PIP")
    CONTACTPERSOON = "contactpersoon", _("Contactpersoon")
    INBURGERINGSAANBOD = "inburgeringsaanbod", _("Inburgeringsaanbod")
    MAP = "map", _("MAP-eindgesprek")
    PVT = "pvt", _("Ondertekening participatieverklaring")
    ZROUTE = "zroute", _("Afronding Z-route")
    UREN_TAALLES = "uren_taalles", _("Gevolgde uren: participatie als taalles")
    UREN_ACTIVITEITEN = "uren_activiteiten", _("Gevolgde uren: participatieactiviteiten (intake)")
    UREN_INTAKE = "uren_intake", _("Gevolgde uren: taalles en KNM (intake)")


class Status(models.TextChoices):
    WACHTEND = "wachtend", _("Wachtend")
    BEZIG = "bezig", _("Bezig")
    VERZONDEN = "verzonden", _("Verzonden")
    GEWEIGERD = "geweigerd", _("Geweigerd door DUO")
    NIET_VERZONDEN = "niet_verzonden", _("Niet verzonden (controle)")
    DODE_LETTER = "dode_letter", _("Niet af te leveren")


# Statuses that hold the person's later messages back: the order of what DUO receives is the order of the
# changes. A refused (geweigerd) or never-sent (niet_verzonden) message does not block: DUO has its own
# state for the person and the next message is judged on its own.
BLOKKEREND = (Status.WACHTEND, Status.BEZIG, Status.DODE_LETTER)
AFGEROND = (Status.VERZONDEN, Status.GEWEIGERD, Status.NIET_VERZONDEN)


class DuoBericht(models.Model):
    dossier = models.ForeignKey(Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT,
                                related_name="duo_berichten")
    # The order key of the drain: the person (never the BSN: an id), so a second dossier of the same person
    # waits behind the first one's messages too.
    persoon_id = models.PositiveBigIntegerField(_("persoon"), db_index=False)
    bericht_id = models.UUIDField(_("berichtId"), default=uuid.uuid4, unique=True, editable=False)
    soort = models.CharField(_("soort"), max_length=30, choices=Soort.choices)
    methode = models.CharField(_("methode"), max_length=6)
    pad = models.CharField(_("pad"), max_length=200, help_text=_("Het pad onder DUO_URL, met het BSN erin."))
    body = models.JSONField(_("inhoud"), null=True, blank=True)
    # A contactpersoon link: the werkcoach to link (DUO's id of them is known only after registering there).
    contactpersoon = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("contactpersoon"), null=True,
                                       blank=True, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.WACHTEND)
    redenen = models.JSONField(_("redenen (controle of antwoord DUO)"), default=list, blank=True)
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    volgende_poging_op = models.DateTimeField(_("volgende poging op"), null=True, blank=True)
    bezig_tot = models.DateTimeField(_("bezig tot (lease)"), null=True, blank=True)
    laatste_http_status = models.PositiveSmallIntegerField(_("laatste HTTP-status"), null=True, blank=True)
    laatste_fout = models.CharField(_("laatste fout"), max_length=300, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    laatst_geprobeerd_op = models.DateTimeField(_("laatst geprobeerd op"), null=True, blank=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("aangemaakt door"), null=True,
                                        blank=True, on_delete=models.PROTECT, related_name="+")
    versie = models.PositiveIntegerField(default=1)  # the "opnieuw proberen" form's optimistic lock

    class Meta:
        verbose_name = _("DUO-bericht")
        verbose_name_plural = _("DUO-berichten")
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [
            # the drain: the open messages per person, oldest first
            models.Index(fields=["persoon_id", "id"], condition=Q(status__in=["wachtend", "bezig", "dode_letter"]),
                         name="duobericht_open_per_persoon"),
            models.Index(fields=["volgende_poging_op"], condition=Q(status__in=["wachtend", "bezig"]),
                         name="duobericht_te_doen"),
            # the outbox screen: filter on status / soort, newest first; the dossier tab
            models.Index(fields=["status", "-aangemaakt_op"], name="duobericht_status"),
            models.Index(fields=["soort", "-aangemaakt_op"], name="duobericht_soort"),
            models.Index(fields=["dossier", "-aangemaakt_op"], name="duobericht_dossier"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.bericht_id}"


class DuoContactpersoon(models.Model):
    """DUO's id of a werkcoach registered as contactpersoon (POST /contactpersonen answers with it).
    Staff data, not the inburgeraar's."""

    gebruiker = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), on_delete=models.PROTECT,
                                     related_name="duo_contactpersoon")
    duo_id = models.PositiveIntegerField(_("id bij DUO"))
    geregistreerd_op = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("contactpersoon bij DUO")
        verbose_name_plural = _("contactpersonen bij DUO")

    def __str__(self) -> str:
        return f"{self.gebruiker} ({self.duo_id})"


class KoppelingMelding(models.Model):
    """A visible alert for the koppelbeheerder: DUO refused the connection itself (401, 403 without body).
    Open until someone marks it handled; no personal data (references and codes)."""

    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    http_status = models.PositiveSmallIntegerField(_("HTTP-status"))
    tekst = models.CharField(_("melding"), max_length=300)
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("melding over de koppeling")
        verbose_name_plural = _("meldingen over de koppeling")
        ordering = ["-aangemaakt_op", "-id"]

    def __str__(self) -> str:
        return self.tekst
