"""leerroutes' policy settings (DOMAIN §6–8): PVT, MAP, Z-route hours and financieel ontzorgen. One
row beside the GemeenteInstellingen singleton, edited on its beheer screen (`leerroutes/admin.py`).
Read with `LeerroutesInstellingen.huidig()`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from inburgering.instellingen.models import AppInstellingen, komma_lijst


class LeerroutesInstellingen(AppInstellingen):
    pvt_start_maanden_na_huisvesting = models.PositiveSmallIntegerField(
        _("PVT asiel niet eerder dan (maanden na huisvesting)"), default=12
    )
    map_norm_uren = models.PositiveSmallIntegerField(
        _("MAP: norm praktijkuren"), default=40, help_text=_(
            "Het aantal praktijkuren dat de MAP ten minste omvat, zoals de Regeling inburgering 2021 het noemt. "
            "Pas het aan als de Regeling verandert of de gemeente meer uren afspreekt."
        ),
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
        verbose_name = _("instellingen leerroutes en onderdelen")
        verbose_name_plural = _("instellingen leerroutes en onderdelen")

    def __str__(self) -> str:
        return str(_("Instellingen leerroutes en onderdelen"))

    @property
    def pvt_extra_themas_lijst(self) -> list[str]:
        return komma_lijst(self.pvt_extra_themas)

    @property
    def ontzorging_vaste_lasten_lijst(self) -> list[str]:
        return komma_lijst(self.ontzorging_vaste_lasten)
