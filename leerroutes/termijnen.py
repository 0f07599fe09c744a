"""The termijnen leerroutes owns (DESIGN.md: the app that owns a fact owns the rule; DOMAIN §8):
PVT start for asiel, PVT / MAP / Z-route / exams afgerond before the end of the inburgeringstermijn,
and the end of financieel ontzorgen. Registered with cases' engine in `apps.py`.

The inburgeringstermijn itself (start from the first PIP, DUO's extension) is pip_plans' fact: its
end comes from `pip_plans.termijnen.inburgeringstermijn`, never computed twice.
"""

from datetime import date

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from cases.models import Dossier
from cases.termijnen.rules import TermijnBerekening
from cases.termijnen.soorten import Eigenaar, SoortRegels
from inburgering.kalender import datums
from pip_plans import termijnen as pip_termijnen
from pip_plans.rules import Leerroute

from . import rules, selectors
from .models import Examen, Inschrijving, LeerroutesInstellingen, Map, Ontzorging, Pvt, PvtSessie
from .rules import InschrijvingStatus, MapUitkomst

BRON = "leerroutes"


class LeerrouteTermijn(TextChoices):
    """The termijn kinds leerroutes computes, registered with cases' engine in `apps.py`."""

    PVT_START = "pvt_start", _("Start PVT (asiel)")
    PVT_AFGEROND = "pvt_afgerond", _("PVT afgerond")
    MAP_AFGEROND = "map_afgerond", _("MAP afgerond")
    ZROUTE_AFGEROND = "zroute_afgerond", _("Z-route afgerond")
    EXAMENS_AFGEROND = "examens_afgerond", _("Examens behaald")
    ONTZORGING_EINDE = "ontzorging_einde", _("Einde financieel ontzorgen")


# Who owns each kind and on which ground it may move (DOMAIN.md §8; cases.termijnen.soorten).
_EIND_INBURGERINGSTERMIJN = SoortRegels(
    eigenaar=Eigenaar.WET,
    grond=_("valt op het einde van de inburgeringstermijn: schuift alleen mee met een verlenging door DUO "
            "(Wet inburgering 2021, art. 11)"))
REGELS = {
    LeerrouteTermijn.PVT_START: SoortRegels(
        eigenaar=Eigenaar.GEMEENTE, grond=_("planning van de gemeente: vrij op te schorten met een reden")),
    LeerrouteTermijn.PVT_AFGEROND: _EIND_INBURGERINGSTERMIJN,
    LeerrouteTermijn.MAP_AFGEROND: _EIND_INBURGERINGSTERMIJN,
    LeerrouteTermijn.ZROUTE_AFGEROND: _EIND_INBURGERINGSTERMIJN,
    LeerrouteTermijn.EXAMENS_AFGEROND: _EIND_INBURGERINGSTERMIJN,
    LeerrouteTermijn.ONTZORGING_EINDE: SoortRegels(
        eigenaar=Eigenaar.WET,
        grond=_("zes maanden vanaf de eerste dag van de bijstand (Participatiewet art. 56a); langer alleen bij "
                "afzonderlijk besluit, vast te leggen bij de ontzorging")),
}


def bereken(dossier: Dossier) -> list[TermijnBerekening]:
    uitkomst: list[TermijnBerekening] = []
    if ontzorging := Ontzorging.objects.filter(dossier=dossier).first():
        uitkomst.append(_ontzorging_einde(ontzorging))
    termijn = pip_termijnen.inburgeringstermijn(dossier)
    if termijn is None:
        return uitkomst  # PVT, MAP, Z-route and exams are due at the end of a termijn that has not started
    pip = selectors.geldend_pip(dossier)
    leerroute = pip.leerroute if pip else None
    pvt = Pvt.objects.filter(dossier=dossier).first()
    eerste_sessie = (
        PvtSessie.objects.filter(pvt__dossier=dossier, aanwezig=True).order_by("datum")
        .values_list("datum", flat=True).first()
    )
    if dossier.is_asiel and dossier.datum_huisvesting:
        uitkomst.append(_pvt_start(dossier.datum_huisvesting, termijn, eerste_sessie))
    uitkomst.append(_aan_termijneinde(
        termijn, LeerrouteTermijn.PVT_AFGEROND, pvt.ondertekend_op if pvt else None,
        "Participatieverklaring ondertekend vóór het einde van de inburgeringstermijn",
    ))
    if leerroute in (Leerroute.B1, Leerroute.Z):  # onderwijsroute: MAP exempt (Wet 8 lid 3)
        map_ = Map.objects.filter(dossier=dossier).first()
        gehaald = map_.eindgesprek_op if map_ and map_.eindgesprek_uitkomst == MapUitkomst.VOLDOENDE else None
        uitkomst.append(_aan_termijneinde(
            termijn, LeerrouteTermijn.MAP_AFGEROND, gehaald, "MAP afgerond (eindgesprek voldoende) vóór het einde van de inburgeringstermijn",
        ))
    if leerroute == Leerroute.Z:
        afgerond = (
            Inschrijving.objects.filter(dossier=dossier, leerroute=Leerroute.Z, status=InschrijvingStatus.AFGEROND)
            .order_by("-afgerond_op").values_list("afgerond_op", flat=True).first()
        )
        uitkomst.append(_aan_termijneinde(
            termijn, LeerrouteTermijn.ZROUTE_AFGEROND, afgerond, "Z-route afgerond (eindgesprek) vóór het einde van de inburgeringstermijn",
        ))
    if leerroute == Leerroute.B1:
        behaald = rules.examens_behaald_op(
            [e.feit for e in Examen.objects.filter(dossier=dossier)], afgeschaald=selectors.afgeschaald(pip)
        )
        uitkomst.append(_aan_termijneinde(
            termijn, LeerrouteTermijn.EXAMENS_AFGEROND, behaald, "Alle examens behaald vóór het einde van de inburgeringstermijn",
        ))
    return uitkomst


def _aan_termijneinde(termijn: TermijnBerekening, soort: str, gehaald_op: date | None, toelichting: str) -> TermijnBerekening:
    """Due on the last day of the inburgeringstermijn (extended by DUO when it did); gehaald when the fact is recorded."""
    return TermijnBerekening(
        soort=soort, basisdatum=termijn.basisdatum, fatale_datum=termijn.fatale_datum, gehaald_op=gehaald_op,
        toelichting=toelichting,
    )


def _pvt_start(huisvesting: date, termijn: TermijnBerekening, eerste_sessie: date | None) -> TermijnBerekening:
    """Asiel: the PVT starts no earlier than huisvesting + 12 months (setting) [BELEID]. An earliest
    start is not a deadline: the werkcoach is warned from that day (the streefdatum) and it lapses
    only when the termijn ends. Gehaald when the PVT started (its first attended session)."""
    maanden = LeerroutesInstellingen.huidig().pvt_start_maanden_na_huisvesting
    vroegst = datums.vroegste_start_na_maanden(huisvesting, maanden)
    fataal = max(vroegst, termijn.fatale_datum)
    return TermijnBerekening(
        soort=LeerrouteTermijn.PVT_START, basisdatum=huisvesting, fatale_datum=fataal, streefdatum=vroegst,
        gehaald_op=eerste_sessie,
        toelichting=f"De PVT kan starten vanaf {vroegst:%d-%m-%Y} ({maanden} maanden na huisvesting)",
    )


def _ontzorging_einde(ontzorging: Ontzorging) -> TermijnBerekening:
    """Pw 56a: the last day of financieel ontzorgen (6 months, setting; or the extension). Warned
    ahead so an extension can be decided in time; gehaald when it ended early (bijstand stopped)."""
    verlengd = f", verlengd: {ontzorging.verlenging_reden}" if ontzorging.verlengd_tot else ""
    return TermijnBerekening(
        soort=LeerrouteTermijn.ONTZORGING_EINDE, basisdatum=ontzorging.bijstand_start,
        fatale_datum=ontzorging.geplande_laatste_dag, gehaald_op=ontzorging.beeindigd_op,
        toelichting=f"Einde financieel ontzorgen{verlengd}",
    )
