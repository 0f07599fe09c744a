"""Reads for the Traject tab and the aanbieder list, each with a known, constant number of queries.

`nt2_uren_voor_afschalen` is what leerroutes registers for pip_plans' NT2-hours hook
(`pip_plans.haken`, in LeerroutesConfig.ready()).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from cases.models import Dossier
from pip_plans import rules as pip_rules
from pip_plans.models import Pip, PipStatus, WijzigingReden
from pip_plans.rules import Leerroute, Niveau
from pip_plans.selectors import geldend_pip

from . import rules
from .models import (
    Aanbieder,
    Examen,
    Inschrijving,
    LeerroutesInstellingen,
    MaatschappelijkeBegeleiding,
    Map,
    MbActiviteit,
    Ontzorging,
    OntzorgingNotitie,
    Pvt,
    PvtSessie,
    Uren,
    VasteLast,
    ZRouteNorm,
)
from .rules import AanbiederSoort, InschrijvingStatus, UrenCategorie
from .voldaan import Voldaan, VoldaanFeiten, afgeschaalde_onderdelen, plicht_voldaan


def aanbieders(*, soort: str | None = None, alleen_actief: bool = True) -> QuerySet[Aanbieder]:
    """The aanbieder list for staff (and the choice lists of the forms)."""
    qs = Aanbieder.objects.all()
    if alleen_actief:
        qs = qs.filter(actief=True)
    if soort:
        qs = qs.filter(soort=soort)
    return qs.order_by("naam")


def leerroute_aanbieder_namen() -> list[str]:
    """The active taalaanbieders and onderwijsinstellingen, by name: the choices of a PIP's beoogde
    aanbieder leerroute (pip_plans.haken.registreer_aanbieders)."""
    return list(aanbieders().filter(
        soort__in=[AanbiederSoort.TAALAANBIEDER, AanbiederSoort.ONDERWIJSINSTELLING]
    ).values_list("naam", flat=True))


Enkel = Pvt | Map | Ontzorging | MaatschappelijkeBegeleiding | ZRouteNorm  # one per dossier, edited through a form


def enkel(model: type[Enkel], dossier: Dossier) -> Enkel | None:
    """The dossier's PVT, MAP, ontzorging or begeleiding, or None while it is not made yet (its form
    then carries version 0)."""
    return model.objects.filter(dossier=dossier).first()


def actieve_inschrijving(dossier: Dossier) -> Inschrijving | None:
    return dossier.inschrijvingen.filter(status__in=InschrijvingStatus.ACTIEF).select_related("aanbieder").first()


def nt2_uren_voor_afschalen(dossier: Dossier) -> Decimal:
    """Besluit 5.5: NT2 hours (alfabetisering and intake-phase hours included) at a keurmerk or
    taalschakeltraject institution. The hook for pip_plans' afschalen check (≥ 600 hours); hours
    without an aanbieder cannot be verified and do not count. One query."""
    regels = Uren.objects.filter(
        dossier=dossier, categorie=UrenCategorie.TAAL_KNM, aanbieder__isnull=False
    ).select_related("aanbieder")
    return sum((u.aantal for u in regels if rules.telt_voor_afschalen(u.aanbieder.feiten, u.van)), Decimal(0))


def afgeschaald(pip: Pip | None) -> frozenset[str]:
    """The language parts at A2 in the B1-route of the geldend PIP (Besluit 5.5). The afschalen
    decision (wholly / which parts) is recorded on the afschalen version only; a later wijziging
    (verhuizing, overig) copies the niveau A2 but not the parts, so they are read from the latest
    vastgesteld afschalen version. At most one query, only for an A2 PIP without its own parts."""
    if pip is None or pip.leerroute != Leerroute.B1:
        return frozenset()
    bron = pip
    if pip.niveau == Niveau.A2 and not (pip.afschalen_geheel or pip.afschalen_onderdelen):
        bron = (
            Pip.objects.filter(
                dossier_id=pip.dossier_id, wijziging_reden=WijzigingReden.AFSCHALEN, versie__lte=pip.versie,
                status__in=[PipStatus.VASTGESTELD, PipStatus.VERVANGEN],
            ).order_by("-versie").first()
            or pip
        )
    return afgeschaalde_onderdelen(niveau=pip.niveau, geheel=bron.afschalen_geheel, onderdelen=bron.afschalen_onderdelen)


def z_route_telling(instellingen: LeerroutesInstellingen) -> rules.ZRouteTelling:
    return rules.ZRouteTelling(
        intake_uren=instellingen.z_route_telt_intake_uren,
        participatiewet=instellingen.z_route_telt_participatiewet,
        maatschappelijke_begeleiding=instellingen.z_route_telt_mb,
    )


def telt_niet(uren: Uren) -> str:
    """Why these course hours do not count for the Z-route (Besluit 3.14 lid 2 a), or ''. The caller
    fetched the aanbieder with the hours (select_related)."""
    return rules.cursusuren_telt_niet(
        categorie=uren.categorie, aanbieder=uren.aanbieder.feiten if uren.aanbieder else None,
        aanbieder_naam=str(uren.aanbieder or ""), van=uren.van,
    ) or ""


def uren_regels(uren: list[Uren]) -> list[rules.UrenRegel]:
    return [rules.UrenRegel(u.categorie, u.aantal, u.tijdens_intake, telt_niet(u)) for u in uren]


def z_route_stand(dossier: Dossier, uren: list[Uren], *, instellingen: LeerroutesInstellingen,
                  norm: ZRouteNorm | None) -> rules.ZRouteStand:
    """Besluit 3.14 for this dossier: its hours (course hours only at a keurmerk institution), the
    gemeente's counting settings and the dossier's lowered norm, if recorded."""
    normen = rules.z_normen(norm.feiten if norm else None)
    return rules.z_route_stand(
        uren_regels(uren), is_asiel=dossier.is_asiel, telling=z_route_telling(instellingen),
        cursus_norm=normen.cursus, activiteit_norm=normen.activiteit,
    )


@dataclass(frozen=True)
class ExamenRegel:
    examen: Examen
    poging: int | None  # None: does not count as an attempt (afgemeld, niet verwijtbaar)


@dataclass(frozen=True)
class ThemaRegel:
    code: str
    label: str
    behandeld: bool


@dataclass(frozen=True)
class TrajectOverzicht:
    dossier: Dossier
    pip: Pip | None
    termijn_laatste_dag: date | None
    inschrijvingen: list[Inschrijving]
    uren: list[Uren]
    uren_totalen: dict[str, Decimal]
    z_route: rules.ZRouteStand | None  # only for the Z-route
    z_norm: ZRouteNorm | None  # a lowered Z-route hour norm (Besluit 3.14 lid 8–10), only for the Z-route
    uren_telt_niet: dict[int, str]  # Z-route: course hours that do not count, with the reason (lid 2 a)
    examens: list[ExamenRegel]
    behaald: dict[str, str]
    gratis_pogingen: dict[str, int] | None  # None: not asiel
    pvt: Pvt | None
    pvt_sessies: list[PvtSessie]
    pvt_themas: list[ThemaRegel]
    pvt_ontbreekt: list[str]
    map: Map | None
    map_vrijgesteld: bool
    map_norm: int
    map_themas: list[ThemaRegel]
    map_ontbreekt: list[str]
    ontzorging: Ontzorging | None
    vaste_lasten: list[VasteLast]
    coachingsnotities: list[OntzorgingNotitie]
    begeleiding: MaatschappelijkeBegeleiding | None
    mb_activiteiten: list[MbActiviteit]
    voldaan: Voldaan

    @property
    def actieve_inschrijving(self) -> Inschrijving | None:
        return next((i for i in self.inschrijvingen if i.is_actief), None)


def traject_overzicht(dossier: Dossier) -> TrajectOverzicht:
    """Everything the Traject tab shows, in a constant number of queries whatever the number of
    hours, exams, sessions or activities: at most 15 (leerroutes and PIP settings, PIP, enrolments, hours, exams,
    the Z-route norm (Z-route only), PVT + sessions, MAP, ontzorging + vaste lasten + notes, begeleiding + activities); fewer when an
    onderdeel does not exist. The caller has checked that the user may see the dossier."""
    instellingen = LeerroutesInstellingen.huidig()
    pip = geldend_pip(dossier)
    inschrijvingen = list(
        Inschrijving.objects.filter(dossier=dossier).select_related("aanbieder").order_by("-startdatum", "-id")
    )
    uren = list(Uren.objects.filter(dossier=dossier).select_related("aanbieder").order_by("van", "id"))
    examens = list(Examen.objects.filter(dossier=dossier).order_by("datum", "id"))
    pvt = Pvt.objects.filter(dossier=dossier).select_related("aanbieder").prefetch_related("sessies").first()
    map_ = Map.objects.filter(dossier=dossier).select_related("aanbieder", "eindgesprek_door").first()
    ontzorging = (
        Ontzorging.objects.filter(dossier=dossier).select_related("uitvoerder")
        .prefetch_related("vaste_lasten", Prefetch("notities", OntzorgingNotitie.objects.select_related("door")))
        .first()
    )
    begeleiding = (
        MaatschappelijkeBegeleiding.objects.filter(dossier=dossier).select_related("aanbieder")
        .prefetch_related(Prefetch("activiteiten", MbActiviteit.objects.select_related("aanbieder"))).first()
    )

    leerroute = pip.leerroute if pip else None
    totalen = rules.uren_per_categorie(uren_regels(uren))
    feiten = [e.feit for e in examens]
    z_norm = ZRouteNorm.objects.filter(dossier=dossier).first() if leerroute == Leerroute.Z else None
    z_stand = (
        z_route_stand(dossier, uren, instellingen=instellingen, norm=z_norm) if leerroute == Leerroute.Z else None
    )
    sessies = list(pvt.sessies.all()) if pvt else []
    pvt_thema_codes = pvt.themas if pvt else []
    pvt_ontbreekt = rules.pvt_ontbreekt(
        uren=totalen[UrenCategorie.PVT], themas=pvt_thema_codes,
        activiteit_bijgewoond=any(s.activiteit and s.aanwezig for s in sessies),
        ondertekend_op=pvt.ondertekend_op if pvt else None,
    )
    map_vrijgesteld = rules.map_route_fout(leerroute) is not None
    map_ontbreekt = [] if map_vrijgesteld else rules.map_ontbreekt(
        uren=totalen[UrenCategorie.MAP_PRAKTIJK], norm=instellingen.map_norm_uren,
        themas=map_.themas if map_ else [], eindgesprek_op=map_.eindgesprek_op if map_ else None,
        uitkomst=map_.eindgesprek_uitkomst if map_ else "",
    )
    behaald = rules.behaalde_niveaus(feiten)
    voldaan = plicht_voldaan(VoldaanFeiten(
        leerroute=leerroute,
        is_asiel=dossier.is_asiel,
        behaald=behaald,
        afgeschaald=afgeschaald(pip),
        pvt_ontbreekt=tuple(pvt_ontbreekt),
        map_ontbreekt=tuple(map_ontbreekt),
        taalschakeltraject_afgerond=_afgerond(inschrijvingen, Leerroute.ONDERWIJS),
        z_route=z_stand,
        z_route_afgerond=_afgerond(inschrijvingen, Leerroute.Z),
    ))
    return TrajectOverzicht(
        dossier=dossier,
        pip=pip,
        termijn_laatste_dag=rules.inburgeringstermijn_laatste_dag(
            pip.termijn_start if pip else None, pip_rules.INBURGERINGSTERMIJN_JAREN
        ),
        inschrijvingen=inschrijvingen,
        uren=uren,
        uren_totalen=totalen,
        z_route=z_stand,
        z_norm=z_norm,
        uren_telt_niet={u.pk: reden for u in uren if (reden := telt_niet(u))} if z_stand else {},
        examens=[ExamenRegel(e, n) for e, n in zip(examens, rules.pogingnummers(feiten), strict=True)],
        behaald=behaald,
        gratis_pogingen=rules.gratis_pogingen_over(feiten, is_asiel=dossier.is_asiel),
        pvt=pvt,
        pvt_sessies=sessies,
        pvt_themas=_checklist(rules.pvt_themas(instellingen.pvt_extra_themas_lijst), pvt_thema_codes),
        pvt_ontbreekt=pvt_ontbreekt,
        map=map_,
        map_vrijgesteld=map_vrijgesteld,
        map_norm=instellingen.map_norm_uren,
        map_themas=_checklist(rules.MAP_THEMAS, map_.themas if map_ else []),
        map_ontbreekt=map_ontbreekt,
        ontzorging=ontzorging,
        vaste_lasten=list(ontzorging.vaste_lasten.all()) if ontzorging else [],
        coachingsnotities=list(ontzorging.notities.all()) if ontzorging else [],
        begeleiding=begeleiding,
        mb_activiteiten=list(begeleiding.activiteiten.all()) if begeleiding else [],
        voldaan=voldaan,
    )


def _afgerond(inschrijvingen: list[Inschrijving], leerroute: str) -> bool:
    return any(i.leerroute == leerroute and i.status == InschrijvingStatus.AFGEROND for i in inschrijvingen)


def _checklist(themas, behandeld: list[str]) -> list[ThemaRegel]:
    gekozen = set(behandeld)
    return [ThemaRegel(code, str(label), code in gekozen) for code, label in themas]
