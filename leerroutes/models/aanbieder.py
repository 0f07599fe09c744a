"""The registry of aanbieders: taalaanbieders (Blik op Werk keurmerk), onderwijsinstellingen
(taalschakeltraject), welzijn (PVT, maatschappelijke begeleiding), budgetbeheer (ontzorging).
Managed by functioneel beheer in the admin."""

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from leerroutes.rules import AanbiederFeiten, AanbiederSoort, ContractProcedure

EURO = {"max_digits": 10, "decimal_places": 2}


def _prijs(label: str) -> models.DecimalField:
    return models.DecimalField(label, null=True, blank=True, validators=[MinValueValidator(0)], **EURO)


class AanbiederManager(models.Manager):
    def get_by_natural_key(self, naam: str) -> "Aanbieder":
        return self.get(naam=naam)


class Aanbieder(models.Model):
    naam = models.CharField(_("naam"), max_length=128, unique=True)  # DUO Instelling.naam: max 128
    soort = models.CharField(_("soort"), max_length=30, choices=AanbiederSoort.CHOICES)
    duo_instellingsnummer = models.CharField(
        _("instellingsnummer DUO"), max_length=10, blank=True,
        validators=[RegexValidator(r"^\d{10}$", _("Een instellingsnummer bestaat uit 10 cijfers."))],
    )
    keurmerk_nummer = models.CharField(
        _("registratienummer Blik op Werk"), max_length=10, blank=True,
        validators=[RegexValidator(r"^\d{1,10}$", _("Het registratienummer bestaat uit cijfers."))],
    )
    keurmerk_geldig_tot = models.DateField(_("keurmerk geldig tot en met"), null=True, blank=True)
    taalschakeltraject_erkend = models.BooleanField(_("erkend voor het taalschakeltraject"), default=False)
    brin = models.CharField(
        _("BRIN"), max_length=4, blank=True,
        validators=[RegexValidator(r"^[0-9]{2}[A-Z]{2}$", _("Een BRIN-nummer is twee cijfers en twee hoofdletters."))],
    )
    contract_procedure = models.CharField(
        _("contractvorm"), max_length=20, choices=ContractProcedure.CHOICES, blank=True
    )
    contract_van = models.DateField(_("contract vanaf"), null=True, blank=True)
    contract_tot = models.DateField(_("contract tot en met"), null=True, blank=True)
    prijs_b_route = _prijs(_("prijs B1-route"))
    prijs_o_route = _prijs(_("prijs onderwijsroute"))
    prijs_z_route = _prijs(_("prijs Z-route"))
    contactpersoon = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    plaats = models.CharField(_("plaats"), max_length=40, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True, help_text=_("Bijvoorbeeld welke onderdelen zij uitvoeren."))
    actief = models.BooleanField(_("actief"), default=True)
    history = HistoricalRecords()

    objects = AanbiederManager()

    class Meta:
        verbose_name = _("aanbieder")
        verbose_name_plural = _("aanbieders")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(contract_tot__isnull=True) | Q(contract_van__isnull=True) | Q(contract_tot__gte=F("contract_van")),
                name="aanbieder_contract_periode",
                violation_error_message=_("Het contract kan niet eindigen vóór het begint."),
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    def natural_key(self) -> tuple[str]:
        """Fixtures name an aanbieder by its name (fixtures/demo_aanbieders.json)."""
        return (self.naam,)

    @property
    def feiten(self) -> AanbiederFeiten:
        return AanbiederFeiten(
            keurmerk_nummer=self.keurmerk_nummer,
            keurmerk_geldig_tot=self.keurmerk_geldig_tot,
            taalschakeltraject_erkend=self.taalschakeltraject_erkend,
        )
