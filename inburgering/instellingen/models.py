"""Beleidsinstellingen: one editable record per installation, defaults from DOMAIN.md §8 and §11
(Eemsdelta). [BELEID] and [?] values live here, never as constants in code."""

from decimal import Decimal

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

    naam = models.CharField(_("naam gemeente"), max_length=100, default="Gemeente Eemsdelta")
    oin = models.CharField(
        _("OIN"),
        max_length=20,
        default="00000001234567890000",
        validators=[RegexValidator(r"^\d{20}$", _("Een OIN bestaat uit precies 20 cijfers."))],
        help_text=_("Organisatie-identificatienummer (20 cijfers), gebruikt als 'bron' richting DUO."),
    )
    briefhoofd = models.TextField(
        _("briefhoofd"), default="Gemeente Eemsdelta\nPostbus 0000\n9930 AA Delfzijl", blank=True
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

    # Policy term lengths [WET]/[BELEID]/[AWB], DOMAIN §8.
    pip_termijn_weken = models.PositiveSmallIntegerField(_("termijn PIP vaststellen (weken)"), default=10)
    pip_verlenging_weken = models.PositiveSmallIntegerField(
        _("uiterste termijn na ontvangst informatie derde (weken)"), default=2
    )
    bezwaar_weken = models.PositiveSmallIntegerField(_("bezwaartermijn (weken)"), default=6)
    inburgeringstermijn_jaren = models.PositiveSmallIntegerField(_("inburgeringstermijn (jaren)"), default=3)
    schakel_maanden = models.PositiveSmallIntegerField(_("schakelen toegestaan tot (maanden)"), default=18)
    pvt_start_maanden_na_huisvesting = models.PositiveSmallIntegerField(
        _("PVT asiel niet eerder dan (maanden na huisvesting)"), default=12
    )
    ontzorging_maanden = models.PositiveSmallIntegerField(_("duur financieel ontzorgen (maanden)"), default=6)
    voortgangsgesprek_weken = models.PositiveSmallIntegerField(
        _("standaard interval voortgangsgesprek (weken)"), default=8
    )
    signaal_vooraf_dagen = models.PositiveSmallIntegerField(
        _("signaal 'termijn nadert' (dagen vooraf)"), default=14,
        help_text=_("Zoveel dagen vóór de fatale datum verschijnt een termijn op de werkvoorraad."),
    )
    bewaartermijn_jaren = models.PositiveSmallIntegerField(
        _("bewaartermijn dossiers na afsluiting (jaren)"), default=10, help_text=_("Selectielijst; te bevestigen.")
    )

    # Leerroutes and onderdelen (DOMAIN §6–7).
    map_norm_uren = models.PositiveSmallIntegerField(
        _("MAP: norm praktijkuren"), default=40, help_text=_("Uit de Regeling; nog te bevestigen [?].")
    )
    pvt_extra_themas = models.TextField(
        _("PVT: extra thema's van de gemeente"), blank=True,
        default="seksuele diversiteit, gezondheid, man/vrouw-relatie",
        help_text=_("Gescheiden door komma's; komen bij de vier kernwaarden op de PVT-checklist."),
    )
    z_route_telt_intake_uren = models.BooleanField(
        _("Z-route: uren uit de brede intake tellen mee"), default=True, help_text=_("Besluit 3.14 lid 5–6.")
    )
    z_route_telt_participatiewet = models.BooleanField(
        _("Z-route: activiteiten Participatiewet tellen mee als activiteitsuren"), default=True
    )
    z_route_telt_mb = models.BooleanField(
        _("Z-route: maatschappelijke begeleiding telt mee als activiteitsuren"), default=True
    )
    ontzorging_vaste_lasten = models.TextField(
        _("financieel ontzorgen: vaste lasten"), default="huur, gas, water, stroom, verplichte zorgverzekering",
        help_text=_("Gescheiden door komma's. Wettelijke lijst van Participatiewet art. 56a."),
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
        self.pk = 1
        super().save(*args, **kwargs)

    @staticmethod
    def _lijst(tekst: str) -> list[str]:
        return [deel.strip() for deel in tekst.split(",") if deel.strip()]

    @property
    def pvt_extra_themas_lijst(self) -> list[str]:
        return self._lijst(self.pvt_extra_themas)

    @property
    def ontzorging_vaste_lasten_lijst(self) -> list[str]:
        return self._lijst(self.ontzorging_vaste_lasten)

    @classmethod
    def huidig(cls) -> "GemeenteInstellingen":
        instellingen, _created = cls.objects.get_or_create(pk=1)
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
