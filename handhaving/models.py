"""Handhaving (DOMAIN §9): a zaak per signal, from signaal to (as a last resort) a boete, with its
letters as immutable documents. `status` moves only through services (protected FSM); the statutory
amounts and periods are constants in `rules`, the gemeente's policy is `HandhavingInstellingen`."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from django_fsm import FSMField, FSMModelMixin, transition
from simple_history.models import HistoricalRecords

from cases.models import Dossier, Inburgeraar

from . import rules
from .rules import (
    OPEN_STATUSSEN,
    AfsluitReden,
    BesluitUitkomst,
    Betaalstatus,
    BezwaarUitkomst,
    Cautie,
    GesprekUitkomst,
    RechterUitkomst,
    Regime,
    Verplichting,
    Verwijtbaarheid,
    ZaakStatus,
    ZienswijzeWijze,
)

EURO = {"max_digits": 8, "decimal_places": 2}


def _keuzelabel(keuzes: type[models.TextChoices], waarde: str) -> str:
    try:
        return str(keuzes(waarde).label)
    except ValueError:  # a value outside the choices: shown as is, like Django's own
        return waarde


def _euro(label, default: str, **kwargs) -> models.DecimalField:
    return models.DecimalField(label, default=Decimal(default), validators=[MinValueValidator(0)], **EURO, **kwargs)


INTAKE_TERMIJN_TE_LANG = _("De nieuwe termijn na een boete voor de brede intake is volgens de wet ten hoogste "
                           "%(maanden)s maanden (Wet inburgering 2021, art. 22); een langere termijn kan niet.")


class HandhavingInstellingen(models.Model):
    """Singleton (pk=1), editable by functioneel beheer: the gemeente's POLICY only. The statutory amounts,
    caps, windows and lapse terms are constants in `rules` with their article (Besluit 7.1, Awb 5:45),
    not settings. Where policy may only stay below a legal maximum, `clean()` refuses more. Read it with
    `HandhavingInstellingen.huidig()`."""

    intake_nieuwe_termijn_maanden = models.PositiveSmallIntegerField(
        _("nieuwe termijn brede intake na een boete (maanden, ten hoogste)"), default=2,
        validators=[MinValueValidator(1)], help_text=_("Wet inburgering 2021, art. 22: ten hoogste 2 maanden."),
    )
    zienswijze_weken = models.PositiveSmallIntegerField(_("zienswijzetermijn (weken)"), default=2,
                                                        validators=[MinValueValidator(1)])
    altijd_eerst_waarschuwen = models.BooleanField(
        _("altijd eerst schriftelijk waarschuwen"), default=True,
        help_text=_("Beleid: ook bij PIP-verplichtingen, waar de wet geen waarschuwing eist, eerst een brief."),
    )
    asiel_beleid = models.TextField(
        _("beleid asielstatushouders"),
        default="De gemeente is terughoudend met boetes. Een boete aan een asielstatushouder is alleen mogelijk bij "
                "aanhoudende onwil, en die moet in het besluit worden gemotiveerd.",
        help_text=_("Wordt getoond bij het besluit over een asielstatushouder."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("instellingen handhaving")
        verbose_name_plural = _("instellingen handhaving")

    def __str__(self) -> str:
        return str(_("Instellingen handhaving"))

    def clean(self):
        super().clean()
        maximum = rules.INTAKE_NIEUWE_TERMIJN_MAANDEN_MAX
        if self.intake_nieuwe_termijn_maanden and self.intake_nieuwe_termijn_maanden > maximum:
            raise ValidationError({"intake_nieuwe_termijn_maanden": INTAKE_TERMIJN_TE_LANG % {"maanden": maximum}})

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def huidig(cls) -> "HandhavingInstellingen":
        instelling, _created = cls.objects.get_or_create(pk=1)
        return instelling

    def bedragen(self) -> rules.Bedragen:
        return rules.Bedragen(intake_nieuwe_termijn_maanden=min(self.intake_nieuwe_termijn_maanden,
                                                                rules.INTAKE_NIEUWE_TERMIJN_MAANDEN_MAX))


class EerdereBoete(models.Model):
    """A fine an earlier gemeente imposed on the person, recorded by a consulent from what that gemeente
    handed over (Wet 35 lid 4). It counts towards the cap of Besluit 7.1 lid 5, and towards the doubling
    of lid 3 when it is a Wet 23 fine whose constatering and onherroepelijk dates are known. Record only
    fines that were not herroepen or annulled; `vervallen` marks one that was annulled later."""

    inburgeraar = models.ForeignKey(Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.PROTECT,
                                    related_name="eerdere_boetes")
    gemeente = models.CharField(_("gemeente die de boete oplegde"), max_length=100)
    regime = models.CharField(_("soort boete"), max_length=20, choices=Regime.choices)
    bedrag = models.DecimalField(_("bedrag"), validators=[MinValueValidator(Decimal("0.01"))], **EURO)
    opgelegd_op = models.DateField(_("datum opgelegd (dagtekening)"))
    geconstateerd_op = models.DateField(_("overtreding geconstateerd op"), null=True, blank=True)
    onherroepelijk_op = models.DateField(_("onherroepelijk sinds"), null=True, blank=True)
    bron = models.TextField(_("bron en omschrijving"))
    vervallen = models.BooleanField(_("later herroepen of vernietigd"), default=False)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("vastgelegd door"),
                                        on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("boete van een eerdere gemeente")
        verbose_name_plural = _("boetes van eerdere gemeenten")
        ordering = ["opgelegd_op", "id"]

    def __str__(self) -> str:
        return f"{self.gemeente} {self.opgelegd_op:%d-%m-%Y} {rules.euro(self.bedrag)}"


class Handhavingszaak(FSMModelMixin, models.Model):  # mixin: refresh_from_db with the protected status
    dossier = models.ForeignKey(Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT,
                                related_name="handhavingszaken")
    verplichting = models.CharField(_("verplichting"), max_length=30, choices=Verplichting.choices)
    omschrijving = models.TextField(_("omschrijving van het signaal"))
    overtreding_datum = models.DateField(_("datum van de overtreding"),
                                         help_text=_("Vanaf deze datum loopt de verjaring van de boetebevoegdheid."))
    geconstateerd_op = models.DateField(
        _("overtreding geconstateerd op"), null=True, blank=True,
        help_text=_("De dag waarop de gemeente de overtreding vaststelde. Besluit 7.1 lid 3 telt de 12 maanden "
                    "voor een verdubbeling terug vanaf deze dag."))
    status = FSMField(_("status"), default=ZaakStatus.SIGNAAL, choices=ZaakStatus.choices, protected=True,
                      db_index=True)
    geopend_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("geopend door"),
                                     on_delete=models.PROTECT, related_name="+")
    geopend_op = models.DateTimeField(_("geopend op"), auto_now_add=True)

    # Wet 27: no fine when the bijstand was already lowered for the same conduct.
    bijstand_verlaagd = models.BooleanField(_("bijstand al verlaagd voor dezelfde gedraging"), default=False)
    bijstand_toelichting = models.TextField(_("toelichting verlaging bijstand"), blank=True)

    # waarschuwing
    waarschuwing_op = models.DateField(_("waarschuwing verzonden op"), null=True, blank=True)
    waarschuwing_toelichting = models.TextField(_("toelichting in de waarschuwing"), blank=True)
    waarschuwing_document = models.OneToOneField("documenten.Document", verbose_name=_("waarschuwingsbrief"),
                                                 null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # rapport (Awb 5:48; required before the voornemen of a Wet 23 fine, Awb 5:53)
    rapport_dagtekening = models.DateField(_("dagtekening rapport"), null=True, blank=True)
    rapport_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("rapport opgemaakt door"), null=True,
                                     blank=True, on_delete=models.PROTECT, related_name="+")
    rapport_overtreding = models.TextField(_("overtreding volgens het rapport"), blank=True)
    rapport_voorschrift = models.TextField(_("overtreden voorschrift"), blank=True)
    rapport_plaats = models.CharField(_("plaats van constatering"), max_length=200, blank=True)
    rapport_document = models.OneToOneField("documenten.Document", verbose_name=_("rapport"), null=True, blank=True,
                                            on_delete=models.PROTECT, related_name="+")
    # voornemen
    voornemen_op = models.DateField(_("voornemen verzonden op"), null=True, blank=True)
    voornemen_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("voornemen door"), null=True,
                                       blank=True, on_delete=models.PROTECT, related_name="+")
    voornemen_bedrag = models.DecimalField(_("voorgenomen boete"), null=True, blank=True, **EURO)
    voornemen_afleiding = models.JSONField(_("berekening voornemen"), default=list, blank=True)
    voornemen_toelichting = models.TextField(_("toelichting in het voornemen"), blank=True)
    zienswijze_einde = models.DateField(_("zienswijze uiterlijk"), null=True, blank=True)
    voornemen_document = models.OneToOneField("documenten.Document", verbose_name=_("voornemenbrief"),
                                              null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # zienswijze
    zienswijze_ontvangen_op = models.DateField(_("zienswijze ontvangen op"), null=True, blank=True)
    zienswijze_wijze = models.CharField(_("vorm van de zienswijze"), max_length=20, choices=ZienswijzeWijze.choices,
                                        blank=True)
    zienswijze_inhoud = models.TextField(_("inhoud van de zienswijze"), blank=True)

    # besluit
    besluit_uitkomst = models.CharField(_("besluit"), max_length=20, choices=BesluitUitkomst.choices, blank=True)
    besluit_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("besloten door"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    dagtekening = models.DateField(_("dagtekening besluit"), null=True, blank=True)
    bekendmaking = models.DateField(_("bekendmaking besluit"), null=True, blank=True)
    bezwaar_einde = models.DateField(_("einde bezwaartermijn"), null=True, blank=True)
    motivering = models.TextField(_("motivering"), blank=True)
    zienswijze_weging = models.TextField(_("weging van de zienswijze"), blank=True)
    verwijtbaarheid = models.CharField(_("verwijtbaarheid"), max_length=20, choices=Verwijtbaarheid.choices, blank=True)
    verwijtbaarheid_reden = models.TextField(_("motivering verwijtbaarheid"), blank=True)
    matiging = _euro(_("verlaging wegens bijzondere omstandigheden"), "0")
    matiging_reden = models.TextField(_("bijzondere omstandigheden"), blank=True)
    asiel_motivering = models.TextField(_("motivering aanhoudende onwil (asielstatushouder)"), blank=True)
    duo_nieuwe_termijn_maanden = models.PositiveSmallIntegerField(_("nieuwe termijn van DUO (maanden)"), null=True,
                                                                  blank=True)
    duo_nieuwe_termijn_start = models.DateField(_("start nieuwe termijn van DUO"), null=True, blank=True)
    grondbedrag = models.DecimalField(_("grondslag boete"), null=True, blank=True, **EURO)
    boetebedrag = models.DecimalField(_("boete"), null=True, blank=True, **EURO)
    afleiding = models.JSONField(_("berekening"), default=list, blank=True)
    nieuwe_termijn_einde = models.DateField(_("nieuwe termijn brede intake tot en met"), null=True, blank=True)
    verjaring_op = models.DateField(_("boetebevoegdheid vervalt na"), null=True, blank=True)
    besluit_document = models.OneToOneField("documenten.Document", verbose_name=_("boetebeschikking"), null=True,
                                            blank=True, on_delete=models.PROTECT, related_name="+")
    # bezwaar en betaling
    bezwaar_ontvangen_op = models.DateField(_("bezwaar ontvangen op"), null=True, blank=True)
    bezwaar_uitkomst = models.CharField(_("uitkomst bezwaar"), max_length=20, choices=BezwaarUitkomst.choices,
                                        blank=True)
    bezwaar_beslist_op = models.DateField(_("beslissing op bezwaar"), null=True, blank=True)
    bezwaar_bekendgemaakt_op = models.DateField(_("bekendmaking beslissing op bezwaar"), null=True, blank=True,
                                                help_text=_("Vanaf de dag erna loopt de beroepstermijn van 6 weken."))
    # beroep en hoger beroep (Awb 8:1, 6:7); the *_einde dates are computed with the Algemene termijnenwet
    beroep_einde = models.DateField(_("beroep mogelijk tot en met"), null=True, blank=True)
    beroep_ingesteld_op = models.DateField(_("beroep ingesteld op"), null=True, blank=True)
    beroep_uitkomst = models.CharField(_("uitspraak beroep"), max_length=20, choices=RechterUitkomst.choices,
                                       blank=True)
    beroep_uitspraak_op = models.DateField(_("datum uitspraak beroep"), null=True, blank=True)
    hoger_beroep_einde = models.DateField(_("hoger beroep mogelijk tot en met"), null=True, blank=True)
    hoger_beroep_ingesteld_op = models.DateField(_("hoger beroep ingesteld op"), null=True, blank=True)
    hoger_beroep_uitkomst = models.CharField(_("uitspraak hoger beroep"), max_length=20,
                                             choices=RechterUitkomst.choices, blank=True)
    hoger_beroep_uitspraak_op = models.DateField(_("datum uitspraak hoger beroep"), null=True, blank=True)
    betaalstatus = models.CharField(_("betaling"), max_length=20, choices=Betaalstatus.choices, blank=True)

    # afsluiten
    afsluit_reden = models.CharField(_("reden van afsluiten"), max_length=20, choices=AfsluitReden.choices, blank=True)
    afsluit_toelichting = models.TextField(_("toelichting afsluiten"), blank=True)
    afgesloten_op = models.DateTimeField(_("afgesloten op"), null=True, blank=True)

    versie = models.PositiveIntegerField(default=1)  # optimistic lock: raised by every save (inburgering.schrijven)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("handhavingszaak")
        verbose_name_plural = _("handhavingszaken")
        ordering = ["-geopend_op", "-id"]
        indexes = [
            models.Index(fields=["dossier", "status"]), models.Index(fields=["besluit_uitkomst", "dagtekening"]),
            # The zaken list: newest first, all or by status.
            models.Index(fields=["-geopend_op", "-id"], name="zaak_geopend"),
            models.Index(fields=["status", "-geopend_op", "-id"], name="zaak_status_geopend"),
        ]

    # Django's get_FOO_display builds a hashable dict of every (lazy) choice on each call: the zaken list
    # calls four per row (issue 18). The same labels, looked up directly.
    def get_verplichting_display(self) -> str:
        return _keuzelabel(Verplichting, self.verplichting)

    def get_status_display(self) -> str:
        return _keuzelabel(ZaakStatus, self.status)

    def get_besluit_uitkomst_display(self) -> str:
        return _keuzelabel(BesluitUitkomst, self.besluit_uitkomst)

    def get_afsluit_reden_display(self) -> str:
        return _keuzelabel(AfsluitReden, self.afsluit_reden)

    def __str__(self) -> str:
        return f"Handhavingszaak {self.pk} ({self.get_verplichting_display()})"

    @property
    def regime(self) -> str:
        return rules.regime_voor(self.verplichting)

    @property
    def regime_label(self) -> str:
        return str(rules.Regime(self.regime).label)

    @property
    def is_open(self) -> bool:
        return self.status != ZaakStatus.AFGESLOTEN

    @property
    def kenmerk(self) -> str:
        """Our reference on the zaak's letters; each letter adds its kind (-W, -R, -V, -B)."""
        return f"HH-{self.dossier_id}-{self.pk}"

    def rechtsgang(self) -> rules.Rechtsgang:
        return rules.Rechtsgang(
            bezwaar_einde=self.bezwaar_einde, bezwaar_ontvangen_op=self.bezwaar_ontvangen_op,
            bezwaar_uitkomst=self.bezwaar_uitkomst, bezwaar_beslist_op=self.bezwaar_beslist_op,
            bezwaar_bekendgemaakt_op=self.bezwaar_bekendgemaakt_op, beroep_einde=self.beroep_einde,
            beroep_ingesteld_op=self.beroep_ingesteld_op, beroep_uitkomst=self.beroep_uitkomst,
            beroep_uitspraak_op=self.beroep_uitspraak_op, hoger_beroep_einde=self.hoger_beroep_einde,
            hoger_beroep_ingesteld_op=self.hoger_beroep_ingesteld_op,
            hoger_beroep_uitkomst=self.hoger_beroep_uitkomst, hoger_beroep_uitspraak_op=self.hoger_beroep_uitspraak_op,
        )

    @property
    def herroepen(self) -> bool:
        """Herroepen on bezwaar or annulled by the court: counts for neither the cap nor the doubling."""
        return rules.vernietigd(self.rechtsgang())

    def stand(self) -> rules.ZaakStand:
        """What decides which steps the zaak allows (rules.stap_mogelijk)."""
        return rules.ZaakStand(status=self.status, besluit_uitkomst=self.besluit_uitkomst,
                               rapport=self.rapport_dagtekening is not None,
                               bezwaar_gehandhaafd=self.bezwaar_gehandhaafd)

    @property
    def bezwaar_gehandhaafd(self) -> bool:
        return self.bezwaar_uitkomst in (BezwaarUitkomst.ONGEGROND, BezwaarUitkomst.NIET_ONTVANKELIJK)

    @property
    def onherroepelijk_op(self):
        """Derived (rules.onherroepelijk_op), never stored."""
        if self.besluit_uitkomst != BesluitUitkomst.BOETE:
            return None
        return rules.onherroepelijk_op(self.rechtsgang())

    # --- transitions; called only by services ---
    @transition(field=status, source=ZaakStatus.SIGNAAL, target=ZaakStatus.GESPREK)
    def gesprek_voeren(self):
        pass

    @transition(field=status, source=ZaakStatus.GESPREK, target=ZaakStatus.WAARSCHUWING)
    def waarschuwen(self):
        pass

    # From gesprek only when the gemeente's setting to always warn first is off (checked by the rules).
    @transition(field=status, source=[ZaakStatus.GESPREK, ZaakStatus.WAARSCHUWING], target=ZaakStatus.VOORNEMEN)
    def voornemen(self):
        pass

    @transition(field=status, source=ZaakStatus.VOORNEMEN, target=ZaakStatus.BESLUIT)
    def besluiten(self):
        pass

    @transition(field=status, source=OPEN_STATUSSEN, target=ZaakStatus.AFGESLOTEN)
    def afsluiten(self):
        pass


class Gesprek(models.Model):
    """A conversation with the inburgeraar about the signal, or a recorded failed attempt (prevention first)."""

    zaak = models.ForeignKey(Handhavingszaak, verbose_name=_("zaak"), on_delete=models.CASCADE,
                             related_name="gesprekken")
    datum = models.DateField(_("datum"))
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=GesprekUitkomst.choices)
    cautie = models.CharField(_("cautie (Awb 5:10a)"), max_length=20, choices=Cautie.choices, blank=True)
    verslag = models.TextField(_("verslag"))
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("vastgelegd door"),
                                        on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gesprek (handhaving)")
        verbose_name_plural = _("gesprekken (handhaving)")
        ordering = ["datum", "id"]

    def __str__(self) -> str:
        return f"{self.get_uitkomst_display()} {self.datum:%d-%m-%Y}"


BIJLAGE_EXTENSIES = ["pdf", "jpg", "jpeg", "png", "docx", "odt", "txt", "eml", "msg"]


class Notitie(models.Model):
    """Evidence the werkcoach adds: a note, optionally with an attachment (served only after an access check)."""

    zaak = models.ForeignKey(Handhavingszaak, verbose_name=_("zaak"), on_delete=models.CASCADE,
                             related_name="notities")
    datum = models.DateField(_("datum"))
    tekst = models.TextField(_("notitie"))
    bijlage = models.FileField(_("bijlage"), upload_to="handhaving/bijlagen/%Y/%m/", blank=True, max_length=255,
                               validators=[FileExtensionValidator(BIJLAGE_EXTENSIES)])
    bijlage_naam = models.CharField(_("naam van de bijlage"), max_length=200, blank=True)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("vastgelegd door"),
                                        on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("notitie (handhaving)")
        verbose_name_plural = _("notities (handhaving)")
        ordering = ["datum", "id"]

    def __str__(self) -> str:
        return self.tekst[:50]
