"""Beleidsinstellingen: one editable record per installation, defaults from DOMAIN.md §8 and §11
(Eemsdelta). [BELEID] and [?] values live here, never as constants in code."""

from decimal import Decimal
from typing import Self

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

EURO = {"max_digits": 10, "decimal_places": 2}


def _percentage(label: str, default: int) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(label, default=default, validators=[MaxValueValidator(100)])


def _euro(label: str, default: str) -> models.DecimalField:
    return models.DecimalField(label, default=Decimal(default), validators=[MinValueValidator(0)], **EURO)


class GemeenteInstellingen(models.Model):
    """Singleton (pk=1). Read it with `GemeenteInstellingen.huidig()`."""

    PK = 1

    naam = models.CharField(_("naam gemeente"), max_length=100, default="Gemeente Eemsdelta")
    oin = models.CharField(
        _("OIN"),
        max_length=20,
        default="00000001234567890000",
        validators=[RegexValidator(r"^\d{20}$", _("Een OIN bestaat uit precies 20 cijfers."))],
        help_text=_("Organisatie-identificatienummer (20 cijfers), gebruikt als 'bron' richting DUO."),
    )
    gemeentecode = models.CharField(
        _("gemeentecode"), max_length=4, default="1979",
        validators=[RegexValidator(r"^\d{4}$", _("Een gemeentecode bestaat uit precies 4 cijfers."))],
        help_text=_("De CBS-gemeentecode (Eemsdelta: 1979). Staat een inburgeraar volgens de BRP in een andere "
                    "gemeente ingeschreven, dan meldt het systeem de verhuizing aan de werkcoach."),
    )
    briefhoofd = models.TextField(
        _("briefhoofd"), default="Gemeente Eemsdelta\nPostbus 0000\n9930 AA Delfzijl", blank=True
    )
    retouradres = models.CharField(
        _("retouradres"), max_length=200, default="Retouradres: Postbus 0000, 9930 AA Delfzijl", blank=True,
        help_text=_("Eén regel boven het adres van elke brief (vensterenvelop)."),
    )
    telefoonnummer = models.CharField(
        _("telefoonnummer voor inburgeraars"), max_length=30, default="14 0596", blank=True,
        help_text=_("Staat bij de contactpersoon op elke brief."),
    )
    minimum_leeftijd = models.PositiveSmallIntegerField(
        _("minimumleeftijd inburgeringsplicht"), default=18, help_text=_("Wet inburgering 2021: 18 jaar.")
    )

    # Expected route split [BELEID]: Eemsdelta 20/60/20 (national 25/60/15).
    verwachting_onderwijsroute = _percentage(_("verwachting onderwijsroute (%)"), 20)
    verwachting_b1_route = _percentage(_("verwachting B1-route (%)"), 60)
    verwachting_z_route = _percentage(_("verwachting Z-route (%)"), 20)

    # Budgets per inburgeraar (voorzieningen) [BELEID, DOMAIN §11].
    budget_leerroute_asiel = _euro(_("budget leerroute asiel"), "10000")
    budget_map_asiel = _euro(_("budget MAP asiel"), "136")
    budget_map_gezins = _euro(_("budget MAP gezins/overig"), "195")
    budget_mb_asiel = _euro(_("budget maatschappelijke begeleiding asiel"), "1944")
    budget_pvt = _euro(_("budget PVT"), "216")
    budget_tolk_asiel = _euro(_("budget tolkvoorziening asiel"), "417")
    budget_tolk_gezins = _euro(_("budget tolkvoorziening gezins/overig"), "179")
    uitvoeringskosten_per_jaar = _euro(_("uitvoeringskosten per jaar"), "157000")

    # Policy term lengths [BELEID], DOMAIN §8. Those of one app live in that app's settings
    # (pip_plans.instellingen, leerroutes.models.instellingen), edited on this same beheer screen.
    # Statutory terms (bezwaar 6 weeks, where the Atw applies) are law, not settings:
    # `inburgering.kalender.datums`.
    signaal_vooraf_dagen = models.PositiveSmallIntegerField(
        _("signaal 'termijn nadert' (dagen vooraf)"), default=14,
        help_text=_("Zoveel dagen vóór de fatale datum verschijnt een termijn op de werkvoorraad."),
    )

    # Privacy (issue 13, DOMAIN §12). Besluit inburgering 2021 art. 9.9: the college destroys the
    # personal data 5 years after the inburgeringsplicht ended and on death; only the core (lid 2) may be
    # kept, at most 50 years. This specific rule overrides the Selectielijst's 10 years.
    bewaartermijn_jaren = models.PositiveSmallIntegerField(
        _("bewaartermijn na einde inburgeringsplicht (jaren)"), default=5,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("Besluit inburgering 2021, art. 9.9 lid 1: vijf jaar nadat de plicht is geëindigd (voldaan, "
                    "ontheffing, vrijstelling, AOW-leeftijd of anders) worden de persoonsgegevens vernietigd, "
                    "behalve de kerngegevens. Bij overlijden direct. Niet langer dan vijf jaar."),
    )
    bewaartermijn_verhuisd_jaren = models.PositiveSmallIntegerField(
        _("bewaartermijn na verhuizing naar een andere gemeente (jaren)"), default=5,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("Na een verhuizing draagt de gemeente het dossier over (Wet art. 35) en houdt zij een kopie. "
                    "Hoe lang is beleid; niet langer dan de wettelijke vijf jaar."),
    )
    kern_bewaartermijn_jaren = models.PositiveSmallIntegerField(
        _("bewaartermijn kerngegevens (jaren)"), default=50,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("Besluit inburgering 2021, art. 9.9 lid 2: BSN, naam, adres, woonplaats, geboortedatum, de "
                    "gegevens van vrijstelling of ontheffing en de datum en wijze waarop de plicht is voldaan "
                    "mogen ten hoogste 50 jaar na het einde van de plicht worden bewaard."),
    )
    logboek_bewaartermijn_jaren = models.PositiveSmallIntegerField(
        _("bewaartermijn inzage- en verwerkingenlogboek (jaren)"), default=5,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("Het inzagelogboek en het logboek dataverwerkingen bevatten alleen verwijzingen, geen inhoud. "
                    "Oudere regels worden dagelijks verwijderd; de hashketen houdt een controlepunt."),
    )
    inzage_interne_notities_weglaten = models.BooleanField(
        _("interne notities weglaten bij een inzageverzoek"), default=False,
        help_text=_("AVG art. 15 en art. 41 UAVG: interne notities voor eigen beraad mogen in bepaalde gevallen "
                    "buiten een inzageverzoek blijven. Alleen aanzetten als het beleid van de gemeente dat zegt."),
    )

    # Four eyes on role grants (issue 11 item 1): on by default; it only bites where two beheerders exist.
    rollen_tweede_beheerder = models.BooleanField(
        _("rol toekennen met goedkeuring van een tweede beheerder"), default=True,
        help_text=_("Een rol die dossiers ziet (werkcoach, consulent, manager) of de beheerdersrol gaat pas in "
                    "nadat een andere beheerder de toekenning heeft goedgekeurd. Met één actieve beheerder gaat "
                    "een toekenning direct in. Alleen op de server te wijzigen: manage.py rollen_goedkeuring aan|uit."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gemeente-instellingen")
        verbose_name_plural = _("gemeente-instellingen")

    def __str__(self) -> str:
        return str(_("Instellingen {naam}")).format(naam=self.naam)

    def clean(self) -> None:
        totaal = self.verwachting_onderwijsroute + self.verwachting_b1_route + self.verwachting_z_route
        if totaal != 100:
            raise ValidationError(
                {"verwachting_z_route": _("De verwachte routeverdeling moet samen 100%% zijn (nu %(t)s%%).")
                 % {"t": totaal}}
            )

    def save(self, *args, **kwargs):
        self.pk = self.PK
        super().save(*args, **kwargs)

    @classmethod
    def huidig(cls) -> "GemeenteInstellingen":
        instellingen, _created = cls.objects.get_or_create(pk=cls.PK)
        return instellingen


def komma_lijst(tekst: str) -> list[str]:
    """A setting typed as "a, b, c": its non-empty parts."""
    return [deel.strip() for deel in tekst.split(",") if deel.strip()]


class AppInstellingen(models.Model):
    """Base of an app's own policy settings (pip_plans, leerroutes): one row beside the
    GemeenteInstellingen singleton, so the kernel never names the fields of the apps above it. The
    beheerder edits them on the one beheer screen, as an inline the app registers from its admin.py
    (`inburgering.instellingen.admin.registreer_instellingen_inline`). Read with `<Model>.huidig()`."""

    # The primary key too: the row's pk is the singleton's (1), also in fixtures.
    gemeente = models.OneToOneField(
        GemeenteInstellingen, verbose_name=_("gemeente-instellingen"), on_delete=models.CASCADE, primary_key=True,
        related_name="%(app_label)s_instellingen",
    )

    class Meta:
        abstract = True

    @classmethod
    def huidig(cls) -> Self:
        """The row of the singleton; created with the model's defaults when it is missing."""
        instellingen = cls.objects.filter(pk=GemeenteInstellingen.PK).first()
        if instellingen is None:
            instellingen, _created = cls.objects.get_or_create(gemeente=GemeenteInstellingen.huidig())
        return instellingen


class AowLeeftijd(models.Model):
    """AOW age per calendar year (SVB). A setting, because it changes by law every year."""

    jaar = models.PositiveSmallIntegerField(_("jaar"), unique=True)
    jaren = models.PositiveSmallIntegerField(_("jaren"))
    maanden = models.PositiveSmallIntegerField(_("maanden"), default=0, validators=[MaxValueValidator(11)])
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("AOW-leeftijd")
        verbose_name_plural = _("AOW-leeftijden")
        ordering = ["jaar"]

    def __str__(self) -> str:
        return f"{self.jaar}: {self.jaren} jaar en {self.maanden} maanden"
