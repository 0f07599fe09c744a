"""Aggregates for the manager dashboard: a fixed number of grouped queries, however many dossiers,
signals or werkcoaches there are. The definitions are the ones the linked lists use
(cases.selectors.TERMIJN_STANDEN, cases.termijnen.selectors.open_signaal_q), so a number and the list
behind it agree."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q

from cases.models import ACTIEVE_FASEN, Dossier, Fase, Signaal, SignaalSoort, Termijn, TermijnStatus
from cases.selectors import TERMIJN_STANDEN
from cases.termijnen.selectors import open_signaal_q
from cases.termijnen.soorten import soort_regels, soorten
from handhaving.selectors import HandhavingKpis, handhaving_kpis
from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol
from inburgering.instellingen.models import GemeenteInstellingen
from pip_plans.models import Pip, PipStatus
from pip_plans.rules import Leerroute
from pip_plans.termijnen import PipTermijn


@dataclass(frozen=True)
class WerkcoachRegel:
    werkcoach: User
    dossiers: int  # lopende dossiers (the caseload)
    open_signalen: int
    verlopen_signalen: int


@dataclass(frozen=True)
class Telling:
    sleutel: str
    label: str
    aantal: int


@dataclass(frozen=True)
class RouteRegel:
    leerroute: str
    label: str
    aantal: int
    aandeel: float  # % of the geldende PIPs
    verwachting: int  # % from the beleidsinstellingen

    @property
    def verschil(self) -> float:
        return round(self.aandeel - self.verwachting, 1)


@dataclass(frozen=True)
class PipKpi:
    tijdig: int
    te_laat: int
    verlopen: int

    @property
    def beslist(self) -> int:
        return self.tijdig + self.te_laat + self.verlopen

    @property
    def percentage_tijdig(self) -> float | None:
        return round(100 * self.tijdig / self.beslist, 1) if self.beslist else None


@dataclass(frozen=True)
class Dashboard:
    caseload: list[WerkcoachRegel]
    totaal_lopend: int
    totaal_open_signalen: int
    totaal_verlopen_signalen: int
    per_fase: list[Telling]
    routes: list[RouteRegel]
    geldende_pips: int
    pip_kpi: PipKpi
    verlopen_termijnen: list[Telling]  # dossiers with a verlopen termijn, per kind
    handhaving: HandhavingKpis  # open zaken per stap, fines this year, closed by restored compliance


def dashboard(*, peildatum: date) -> Dashboard:
    """Ten queries: dossiers per (werkcoach, fase); open signals per werkcoach; the werkcoaches;
    routes of the geldende PIPs; the beleidsinstellingen; the PIP KPI; verlopen termijnen per kind;
    and handhaving's three (handhaving.selectors.handhaving_kpis)."""
    caseload, per_fase = _dossiers_per_werkcoach_en_fase(peildatum)
    routes = _routes()
    return Dashboard(
        caseload=caseload,
        totaal_lopend=sum(r.dossiers for r in caseload),
        totaal_open_signalen=sum(r.open_signalen for r in caseload),
        totaal_verlopen_signalen=sum(r.verlopen_signalen for r in caseload),
        per_fase=per_fase,
        routes=routes,
        geldende_pips=sum(r.aantal for r in routes),
        pip_kpi=_pip_kpi(),
        verlopen_termijnen=_verlopen_termijnen(),
        handhaving=handhaving_kpis(peildatum=peildatum),
    )


def _dossiers_per_werkcoach_en_fase(peildatum: date) -> tuple[list[WerkcoachRegel], list[Telling]]:
    lopend: dict[int, int] = defaultdict(int)
    fasen: dict[str, int] = defaultdict(int)
    for werkcoach_id, fase, n in Dossier.objects.order_by().values_list("werkcoach_id", "fase").annotate(n=Count("pk")):
        fasen[fase] += n
        if fase in ACTIEVE_FASEN:
            lopend[werkcoach_id] += n
    signalen = {
        r["dossier__werkcoach_id"]: r
        for r in Signaal.objects.filter(open_signaal_q(peildatum)).order_by().values("dossier__werkcoach_id").annotate(
            open=Count("pk"), verlopen=Count("pk", filter=Q(soort=SignaalSoort.VERLOPEN))
        )
    }
    # Every active werkcoach, and anyone else who still has a caseload or signals (e.g. left the team).
    werkcoaches = (
        User.objects.filter(Q(is_active=True, groups__name=Rol.WERKCOACH) | Q(pk__in=[*lopend, *signalen]))
        .select_related("team").order_by("first_name", "last_name", "pk").distinct()
    )
    caseload = [
        WerkcoachRegel(
            werkcoach=w, dossiers=lopend.get(w.pk, 0),
            open_signalen=signalen.get(w.pk, {}).get("open", 0), verlopen_signalen=signalen.get(w.pk, {}).get("verlopen", 0),
        )
        for w in werkcoaches
    ]
    per_fase = [Telling(sleutel=f.value, label=str(f.label), aantal=fasen.get(f.value, 0)) for f in Fase]
    return caseload, per_fase


def geldende_pips():
    """The geldend (vastgesteld, not yet replaced) PIP: at most one per dossier (a constraint)."""
    return Pip.objects.filter(status=PipStatus.VASTGESTELD)


def _routes() -> list[RouteRegel]:
    aantallen = dict(geldende_pips().order_by().values_list("leerroute").annotate(n=Count("pk")))
    totaal = sum(aantallen.values())
    instellingen = GemeenteInstellingen.huidig()
    verwachting = {
        Leerroute.ONDERWIJS: instellingen.verwachting_onderwijsroute,
        Leerroute.B1: instellingen.verwachting_b1_route,
        Leerroute.Z: instellingen.verwachting_z_route,
    }
    return [
        RouteRegel(
            leerroute=code, label=str(label), aantal=aantallen.get(code, 0),
            aandeel=round(100 * aantallen.get(code, 0) / totaal, 1) if totaal else 0.0, verwachting=verwachting[code],
        )
        for code, label in Leerroute.CHOICES
    ]


def _pip_kpi() -> PipKpi:
    """% of first PIPs vastgesteld within their termijn (Besluit 5.3: 10 weeks, Atw and extension
    included): gehaald on or before the fatale datum, out of all gehaald or verlopen."""
    uitkomst = Termijn.objects.filter(soort=PipTermijn.PIP_VASTSTELLEN).aggregate(
        tijdig=Count("pk", filter=TERMIJN_STANDEN["tijdig"]),
        te_laat=Count("pk", filter=TERMIJN_STANDEN["te_laat"]),
        verlopen=Count("pk", filter=TERMIJN_STANDEN[TermijnStatus.VERLOPEN]),
    )
    return PipKpi(**uitkomst)


def _verlopen_termijnen() -> list[Telling]:
    """Dossiers (not termijnen: a dossier with two verlopen termijnen of one kind counts once, as the
    list behind the number shows it once) with a verlopen termijn, per kind. The citizen's terms
    (bezwaar, zienswijze) are no failure of the gemeente and never counted (DOMAIN §8)."""
    aantallen = dict(
        Termijn.objects.filter(status=TermijnStatus.VERLOPEN).order_by().values_list("soort")
        .annotate(n=Count("dossier_id", distinct=True))
    )
    return [Telling(sleutel=code, label=label, aantal=aantallen[code]) for code, label in soorten()
            if aantallen.get(code) and soort_regels(code).verloopt_voor_gemeente]
