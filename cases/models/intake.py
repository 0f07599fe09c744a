"""Warme overdracht, brede intake (with its restricted health section) and the intake summons."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from cases.intake.rules import LbtUitkomst, LbtVrijstelling

from .dossier import Dossier


class WarmeOverdracht(models.Model):
    """The driegesprek inburgeraar + COA + werkcoach, preferably at the AZC (DOMAIN §3)."""

    dossier = models.OneToOneField(
        Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="warme_overdracht"
    )
    datum = models.DateField(_("datum driegesprek"))
    plaats = models.CharField(_("plaats (AZC)"), max_length=200)
    coa_contactpersoon = models.CharField(_("contactpersoon COA"), max_length=200)
    deelnemers = models.CharField(_("deelnemers"), max_length=500, help_text=_("Wie namen deel aan het gesprek?"))
    voorinburgering = models.BooleanField(_("voorinburgering gevolgd"), default=False)
    voorinburgering_toelichting = models.TextField(_("toelichting voorinburgering"), blank=True)
    taalles = models.BooleanField(_("taalles gevolgd in het AZC"), default=False)
    taalles_toelichting = models.TextField(_("toelichting taalles"), blank=True)
    vrijwilligerswerk = models.BooleanField(_("vrijwilligerswerk gedaan"), default=False)
    vrijwilligerswerk_toelichting = models.TextField(_("toelichting vrijwilligerswerk"), blank=True)
    overige_activiteiten = models.TextField(_("andere activiteiten in het AZC"), blank=True)
    houding = models.TextField(_("houding"), blank=True)
    motivatie = models.TextField(_("motivatie"), blank=True)
    verwachtingen = models.TextField(_("verwachtingen"), blank=True)
    eerste_afspraken = models.TextField(_("eerste afspraken"), blank=True)
    informatie_gegeven = models.TextField(_("informatie gegeven over wat er nu komt"), blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, related_name="+"
    )
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("warme overdracht")
        verbose_name_plural = _("warme overdrachten")

    def __str__(self) -> str:
        return f"Warme overdracht {self.dossier_id}"


class OpleidingNiveau(models.TextChoices):
    GEEN = "geen", _("Geen onderwijs")
    BASIS = "basis", _("Basisonderwijs")
    VOORTGEZET = "voortgezet", _("Voortgezet onderwijs")
    BEROEPS = "beroeps", _("Middelbaar beroepsonderwijs")
    HOGER = "hoger", _("Hoger onderwijs (hbo/universiteit)")


class NederlandsNiveau(models.TextChoices):
    GEEN = "geen", _("Geen")
    A0 = "A0", "A0"
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", _("B1 of hoger")


class Zelfredzaamheid(models.TextChoices):
    LAAG = "laag", _("Laag: heeft veel hulp nodig")
    GEMIDDELD = "gemiddeld", _("Gemiddeld")
    HOOG = "hoog", _("Hoog: regelt de meeste zaken zelf")


class IntakeLocatie(models.TextChoices):
    AZC = "azc", _("In het AZC")
    GEMEENTE = "gemeente", _("Bij de gemeente")
    THUIS = "thuis", _("Thuis")


class Geletterdheid(models.TextChoices):
    ANALFABEET = "A", _("Analfabeet")
    ANDERS_GEALFABETISEERD = "AA", _("Anders-gealfabetiseerd")
    GEALFABETISEERD = "NVT", _("Gealfabetiseerd in het Latijnse schrift")


class BredeIntake(models.Model):
    """One per dossier; saved as a draft as often as needed, then afgerond (Wet 14, Besluit 5.2)."""

    dossier = models.OneToOneField(
        Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="brede_intake"
    )
    reden_zonder_overdracht = models.TextField(_("reden intake zonder warme overdracht"), blank=True)
    locatie = models.CharField(_("locatie van de intake"), max_length=20, choices=IntakeLocatie.choices, blank=True)
    tolk_gebruikt = models.BooleanField(_("tolk gebruikt"), default=False)
    tolk_taal = models.CharField(_("taal van de tolk"), max_length=100, blank=True)
    een_op_een_gewezen = models.BooleanField(
        _("gewezen op het recht op gesprekken zonder anderen"), default=False,
        help_text=_("Besluit 5.2: het recht om de intakegesprekken één op één te voeren (alleen professionals)."),
    )
    # opleiding en werk
    opleiding_niveau = models.CharField(_("hoogst afgeronde opleiding"), max_length=20,
                                        choices=OpleidingNiveau.choices, blank=True)
    opleiding_jaren = models.PositiveSmallIntegerField(_("jaren onderwijs"), null=True, blank=True,
                                                       validators=[MaxValueValidator(40)])
    opleiding_land = models.CharField(_("land van de opleiding"), max_length=100, blank=True)
    diplomas = models.TextField(_("diploma's en certificaten"), blank=True)
    geen_werkervaring = models.BooleanField(_("geen werkervaring"), default=False)
    # taal
    talen = models.CharField(_("talen die de persoon spreekt"), max_length=300, blank=True)
    geletterdheid = models.CharField(_("geletterdheid"), max_length=3, choices=Geletterdheid.choices, blank=True)
    nederlands_niveau = models.CharField(_("niveau Nederlands"), max_length=4, choices=NederlandsNiveau.choices,
                                         blank=True)
    # financiën, gezin, wonen, netwerk
    inkomen = models.TextField(_("inkomen"), blank=True)
    schulden = models.TextField(_("schulden"), blank=True)
    partner = models.TextField(_("partner"), blank=True)
    kinderen_leeftijden = models.CharField(_("leeftijden van de kinderen"), max_length=100, blank=True,
                                           help_text=_("Gescheiden door komma's, bijvoorbeeld: 2, 5, 11."))
    vve_besproken = models.BooleanField(_("mogelijkheden voor- en vroegschoolse educatie besproken"), default=False)
    vve_opties = models.TextField(_("afspraken of wensen voor- en vroegschoolse educatie"), blank=True)
    huisvesting = models.TextField(_("huisvesting"), blank=True)
    sociaal_netwerk = models.TextField(_("sociaal netwerk"), blank=True)
    # participatie
    arbeidsmogelijkheden = models.TextField(_("mogelijkheden voor arbeidsparticipatie"), blank=True)
    participatie_wensen = models.TextField(_("wensen voor werk en participatie"), blank=True)
    zelfredzaamheid = models.CharField(_("mate van zelfredzaamheid"), max_length=20,
                                       choices=Zelfredzaamheid.choices, blank=True)
    zelfredzaamheid_toelichting = models.TextField(_("toelichting zelfredzaamheid"), blank=True)
    motivatie_ambities = models.TextField(_("motivatie en ambities"), blank=True)
    mb_nodig = models.BooleanField(_("maatschappelijke begeleiding nodig"), default=False)
    mb_toelichting = models.TextField(_("toelichting maatschappelijke begeleiding"), blank=True)
    # leerbaarheidstoets
    lbt_uitkomst = models.CharField(_("uitslag leerbaarheidstoets"), max_length=20, choices=LbtUitkomst.CHOICES,
                                    blank=True)
    lbt_score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    lbt_vereiste_score = models.PositiveSmallIntegerField(_("vereiste score"), null=True, blank=True)
    lbt_datum = models.DateField(_("datum toets"), null=True, blank=True)
    lbt_vrijstelling = models.CharField(_("vrijstelling van de toets"), max_length=20,
                                        choices=LbtVrijstelling.CHOICES, blank=True)
    lbt_geen_reden = models.TextField(_("reden dat de toets (nog) niet is afgenomen"), blank=True)
    # afronden
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    afgerond_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("afgerond door"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    zonder_medewerking = models.BooleanField(
        _("afgerond zonder de persoon"), default=False,
        help_text=_("Na de derde oproep zonder verschijnen (Wet inburgering 2021, art. 14 lid 2)."),
    )
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("brede intake")
        verbose_name_plural = _("brede intakes")
        # issue 20 item 7: the trends page reads the intakes afgerond per month
        indexes = [models.Index(fields=["afgerond_op"], condition=Q(afgerond_op__isnull=False),
                                name="brede_intake_afgerond")]

    def __str__(self) -> str:
        return f"Brede intake {self.dossier_id}"

    @property
    def is_afgerond(self) -> bool:
        return self.afgerond_op is not None


class Werkervaring(models.Model):
    intake = models.ForeignKey(BredeIntake, on_delete=models.CASCADE, related_name="werkervaringen")
    beroep = models.CharField(_("beroep of functie"), max_length=200)
    land = models.CharField(_("land"), max_length=100, blank=True)
    jaren = models.PositiveSmallIntegerField(_("aantal jaren"), null=True, blank=True,
                                             validators=[MaxValueValidator(60)])
    omschrijving = models.CharField(_("omschrijving"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("werkervaring")
        verbose_name_plural = _("werkervaringen")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.beroep


class IntakeGezondheid(models.Model):
    """Special-category data (DOMAIN §4, §12): readable only by the assigned werkcoach and
    consulenten; every read is logged. Kept in its own table so no query fetches it by accident."""

    intake = models.OneToOneField(BredeIntake, on_delete=models.CASCADE, related_name="gezondheid")
    fysiek = models.TextField(_("lichamelijke gezondheid"), blank=True)
    mentaal = models.TextField(_("psychische gezondheid"), blank=True)
    beperkingen = models.TextField(_("beperkingen die de inburgering raken"), blank=True)
    versie = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gezondheid (intake)")
        verbose_name_plural = _("gezondheid (intake)")

    def __str__(self) -> str:
        return f"Gezondheid {self.intake_id}"

    @property
    def is_ingevuld(self) -> bool:
        return bool(self.fysiek.strip() or self.mentaal.strip() or self.beperkingen.strip())


class Uitnodiging(models.Model):
    """A summons for the brede intake with its response term; no-shows feed handhaving (Wet 14, 22)."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="intake_uitnodigingen"
    )
    volgnummer = models.PositiveSmallIntegerField(_("oproep"))
    # The bekendmaking (issue 15): the day of handover, or the day the postkamer posted the print batch;
    # empty while the letter waits for the post.
    verzonden_op = models.DateField(_("verzonden op"), null=True, blank=True)
    gesprek_op = models.DateField(_("datum gesprek"))
    tijd = models.TimeField(_("tijd gesprek"), null=True, blank=True)
    plaats = models.CharField(_("plaats gesprek"), max_length=200, blank=True)
    meenemen = models.TextField(_("meenemen naar het gesprek"), blank=True)
    document = models.OneToOneField(
        "documenten.Document", verbose_name=_("brief"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    reactie_uiterlijk = models.DateField(_("reageren uiterlijk op"), null=True, blank=True)
    waarschuwing_op = models.DateField(_("schriftelijke waarschuwing verzonden op"), null=True, blank=True)
    verschenen = models.BooleanField(_("verschenen"), null=True, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("uitnodiging intake")
        verbose_name_plural = _("uitnodigingen intake")
        ordering = ["dossier", "volgnummer"]
        constraints = [models.UniqueConstraint(fields=["dossier", "volgnummer"], name="uitnodiging_volgnummer_uniek")]

    def __str__(self) -> str:
        return f"Oproep {self.volgnummer} ({self.dossier_id})"

    @property
    def kenmerk(self) -> str:
        return f"INT-{self.dossier_id}-{self.volgnummer}"
