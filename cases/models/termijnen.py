"""Termijnen (deadlines) and signalen (worklist items). Deadlines are data: the app that owns a fact
computes its termijnen and pushes them here (cases.termijnen.services.termijnen_bijwerken); a
Celery sweep watches them (DESIGN.md "Termijnen and the worklist")."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from cases.models.dossier import Dossier
from cases.termijnen.soorten import soort_label, soort_regels


class TermijnStatus(models.TextChoices):
    OPEN = "open", _("Open")
    GEHAALD = "gehaald", _("Gehaald")
    VERLOPEN = "verlopen", _("Verlopen")
    OPGESCHORT = "opgeschort", _("Opgeschort")
    VERVALLEN = "vervallen", _("Vervallen")
    # The citizen's term (bezwaar, zienswijze) passed: no missed deadline of the gemeente (DOMAIN §8).
    VERSTREKEN = "verstreken", _("Verstreken (termijn van de burger)")


class Termijn(models.Model):
    dossier = models.ForeignKey(Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="termijnen")
    # The kinds are registered by the apps that compute them (cases.termijnen.registry), not a closed
    # list here: a new kind needs no change or migration of cases.
    soort = models.CharField(_("soort"), max_length=30)
    # Distinguishes several termijnen of one kind in a dossier, e.g. the bezwaartermijn per beschikking.
    sleutel = models.CharField(_("sleutel"), max_length=50, blank=True, default="")
    bron = models.CharField(_("bron"), max_length=30, help_text=_("De app die de termijn berekent."))
    basisdatum = models.DateField(_("basisdatum"))
    streefdatum = models.DateField(_("streefdatum"))
    berekende_fatale_datum = models.DateField(_("berekende fatale datum"))
    fatale_datum = models.DateField(_("fatale datum"), help_text=_("Berekende fatale datum plus opgeschorte dagen."))
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=TermijnStatus.choices, default=TermijnStatus.OPEN)
    gehaald_op = models.DateField(_("gehaald op"), null=True, blank=True)
    opgeschorte_dagen = models.PositiveIntegerField(_("opgeschorte dagen"), default=0)
    nadert_gesignaleerd = models.BooleanField(default=False)
    bijgewerkt_op = models.DateTimeField(auto_now=True)
    # issue 18: a copy of the dossier's datum_kennisgeving, the dossier list's sort key, so the list filtered
    # on a termijn and its status reads its page from one index in the list's order (termijn_lijst_volgorde)
    # instead of probing the termijnen of every dossier in that order. Kept equal by the termijnen services
    # (termijnen_bijwerken follows a changed date), the bulk writers and save().
    dossier_kennisgeving = models.DateField(_("datum kennisgeving van het dossier"), editable=False)
    history = HistoricalRecords(excluded_fields=["bijgewerkt_op", "nadert_gesignaleerd", "dossier_kennisgeving"])

    class Meta:
        verbose_name = _("termijn")
        verbose_name_plural = _("termijnen")
        ordering = ["fatale_datum", "id"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "soort", "sleutel"], name="termijn_uniek_per_dossier"),
        ]
        indexes = [
            # The sweep's two scans, each on open rows only (healthchecks' partial-index pattern).
            # (fatale datum, id) with the dossier: the start page's "deze week" reads its first 20 in this order
            # and counts them without the table (issue 18: 40 → 0.6 ms and 55 → 16 ms at 1M dossiers).
            models.Index(fields=["fatale_datum", "id"], include=["dossier"], condition=Q(status="open"),
                         name="termijn_open_fataal"),
            models.Index(fields=["streefdatum"], condition=Q(status="open", nadert_gesignaleerd=False),
                         name="termijn_open_nadert"),
            # The dossier list's termijn filter ("PIP-termijn verlopen"): the dossier ids of one soort and status.
            models.Index(fields=["soort", "status", "dossier"], name="termijn_soort_status"),
            # issue 18: the dossier list filtered on a termijn and its status, in the list's order.
            models.Index(fields=["soort", "status", "-dossier_kennisgeving", "-dossier"], name="termijn_lijst_volgorde"),
            # issue 20 item 7: the trends page reads the termijnen gehaald per month (PIP vaststellen)
            models.Index(fields=["soort", "gehaald_op"], condition=Q(gehaald_op__isnull=False),
                         name="termijn_soort_gehaald"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.dossier_id}): {self.fatale_datum}"

    def save(self, *args, **kwargs) -> None:
        if self.dossier_kennisgeving is None:
            self.dossier_kennisgeving = self.dossier.datum_kennisgeving
        super().save(*args, **kwargs)

    def get_soort_display(self) -> str:
        return soort_label(self.soort)

    @property
    def mag_vrij_opschorten(self) -> bool:
        """Only the gemeente's own working terms (DOMAIN §8; the kind's registered rules)."""
        return soort_regels(self.soort).vrij_opschorten


class TermijnOpschorting(models.Model):
    """The suspension ledger: resuming moves the termijn's dates by the suspended days — unless
    `verschuift` is off: a suspension of a statutory termijn ended because a statutory fatale datum
    moves only on its legal ground (DOMAIN §8); it stays in the ledger as a record, moving nothing."""

    termijn = models.ForeignKey(Termijn, on_delete=models.CASCADE, related_name="opschortingen")
    van = models.DateField(_("van"))
    tot = models.DateField(_("tot en met"), null=True, blank=True)
    reden = models.CharField(_("reden"), max_length=300)
    verschuift = models.BooleanField(_("verschuift de termijn"), default=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    hervat_door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("opschorting")
        verbose_name_plural = _("opschortingen")
        ordering = ["van", "id"]
        constraints = [
            models.UniqueConstraint(fields=["termijn"], condition=Q(tot__isnull=True), name="een_lopende_opschorting"),
        ]

    def __str__(self) -> str:
        return f"{self.van} – {self.tot or '…'}"


class SignaalSoort(models.TextChoices):
    NADERT = "nadert", _("Termijn nadert")
    VERLOPEN = "verlopen", _("Termijn verlopen")
    AANDACHTSPUNT = "aandachtspunt", _("Aandachtspunt")
    BRP = "brp", _("Melding uit de BRP")  # a move out of the gemeente (issue 14)
    DUO = "duo", _("Melding over DUO")  # a message DUO refused or would refuse (issue 16)


class Signaal(models.Model):
    dossier = models.ForeignKey(Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="signalen")
    termijn = models.ForeignKey(Termijn, verbose_name=_("termijn"), null=True, blank=True, on_delete=models.CASCADE,
                                related_name="signalen")
    soort = models.CharField(_("soort"), max_length=20, choices=SignaalSoort.choices)
    # The termijn's fatale datum when the signal was made: a termijn whose dates moved (DUO extended it,
    # a suspension ended) and that nears or expires again gets a new signal for its new date.
    termijn_fatale_datum = models.DateField(_("fatale datum bij signalering"), null=True, blank=True)
    omschrijving = models.CharField(_("omschrijving"), max_length=300, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True, db_index=True)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                        related_name="+")
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    afgehandeld_door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                         related_name="+")
    notitie = models.TextField(_("notitie"), blank=True)
    gesnoozed_tot = models.DateField(_("weggezet tot"), null=True, blank=True)
    # The werkvoorraad's sort key, stored so the worklist reads its page from one partial index instead of
    # joining and sorting every open signal: verlopen first (0), then the termijn's current fatale datum
    # (kept up to date by the termijnen services when it moves; none for an aandachtspunt: last).
    urgentie = models.PositiveSmallIntegerField(_("urgentie"), default=1, editable=False)
    sorteer_fatale_datum = models.DateField(_("fatale datum van de termijn"), null=True, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["urgentie", "sorteer_fatale_datum"])

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["-aangemaakt_op", "-id"]
        constraints = [
            # A second sweep creates nothing: one signal per (termijn, kind, fatale datum).
            models.UniqueConstraint(fields=["termijn", "soort", "termijn_fatale_datum"],
                                    condition=Q(termijn__isnull=False), name="signaal_uniek_per_termijndatum"),
        ]
        indexes = [
            models.Index(fields=["dossier"], condition=Q(afgehandeld_op__isnull=True), name="signaal_open"),
            models.Index(fields=["urgentie", "sorteer_fatale_datum", "aangemaakt_op", "id"],
                         condition=Q(afgehandeld_op__isnull=True), name="signaal_werkvoorraad"),
        ]

    def get_soort_display(self) -> str:
        # Django's own builds a hashable dict of every (lazy) choice on each call; the werkvoorraad calls
        # this twice per row (issue 18). The same label.
        try:
            return str(SignaalSoort(self.soort).label)
        except ValueError:
            return self.soort

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.dossier_id})"

    def save(self, *args, **kwargs) -> None:
        self.urgentie = signaal_urgentie(self.soort)
        if self.termijn_id is not None and self.sorteer_fatale_datum is None:
            self.sorteer_fatale_datum = self.termijn.fatale_datum
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.afgehandeld_op is None


def signaal_urgentie(soort: str) -> int:
    """The werkvoorraad's first sort key: an expired termijn before everything else."""
    return 0 if soort == SignaalSoort.VERLOPEN else 1
