"""Aggregates for the manager dashboard: a fixed number of grouped queries, however many dossiers,
signals or werkcoaches there are. The definitions are the ones the linked lists use
(cases.selectors.TERMIJN_STANDEN, cases.termijnen.selectors.open_signaal_q), so a number and the list
behind it agree.

At national scale (issue 18) those grouped queries read every dossier and termijn: up to `LIVE_TOT`
dossiers the dashboard counts on each visit (exact, now); above it, it shows the stand counted by the
scheduled task every `STAND_MINUTEN` minutes (`DashboardStand`, exact at that moment) and says so. The
start page counts the user's own scope with capped counts instead (`startpagina`)."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext

from cases.models import ACTIEVE_FASEN, Dossier, Fase, Signaal, SignaalSoort, Termijn, TermijnStatus
from cases.selectors import TERMIJN_STANDEN, DossierFilter, dossier_lijst
from cases.termijnen.selectors import DEZE_WEEK_DAGEN, DEZE_WEEK_MAX, open_signaal_q
from cases.termijnen.soorten import soort_label, soort_regels, soorten
from handhaving.models import ZaakStatus
from handhaving.selectors import HandhavingKpis, handhaving_kpis
from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol
from inburgering.instellingen.models import GemeenteInstellingen
from inburgering.paginering import GRENS
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
    # None: counted on this visit. Else the moment of the stand shown (more than LIVE_TOT dossiers).
    geteld_op: datetime | None = None

    @property
    def dossiers(self) -> int:
        return sum(t.aantal for t in self.per_fase)

    @property
    def verouderd(self) -> bool:
        """The stand is older than twice the schedule: the task that counts has not run."""
        return self.geteld_op is not None and timezone.now() - self.geteld_op > timedelta(minutes=2 * STAND_MINUTEN)


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
    return _route_regels(dict(geldende_pips().order_by().values_list("leerroute").annotate(n=Count("pk"))))


def _route_regels(aantallen: dict[str, int]) -> list[RouteRegel]:
    """The routes with their share and the policy's expectation (the beleidsinstellingen: one query)."""
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


# --- the counted stand (issue 18) ----------------------------------------------------------------------
LIVE_TOT = 10_000  # up to this many dossiers the dashboard counts on every visit (≈ 0.1 s)
STAND_MINUTEN = 15  # the task's schedule (CELERY_BEAT_SCHEDULE "dashboard-stand")


def dashboard_voor_pagina(*, peildatum: date) -> Dashboard:
    """What the page shows: the counted stand when the gemeente had more than LIVE_TOT dossiers at the last
    count (three queries: the stand, the werkcoaches, the beleidsinstellingen), else a count now. A count
    now that finds more than LIVE_TOT dossiers stores itself as the stand, so the next visit reads it."""
    from .models import DashboardStand

    stand = DashboardStand.objects.order_by("-pk").first()
    if stand is not None and stand.dossiers > LIVE_TOT:
        return _uit_stand(stand.gegevens, geteld_op=stand.berekend_op)
    nu = dashboard(peildatum=peildatum)
    if nu.dossiers > LIVE_TOT:
        _opslaan(nu)
    return nu


def stand_bijwerken(*, peildatum: date | None = None):
    """Count everything now and store it as the stand (the scheduled task)."""
    return _opslaan(dashboard(peildatum=peildatum or timezone.localdate()))


def _opslaan(d: Dashboard):
    from .models import DashboardStand

    stand, _nieuw = DashboardStand.objects.update_or_create(
        pk=1, defaults={"berekend_op": timezone.now(), "dossiers": d.dossiers, "gegevens": _naar_stand(d)})
    return stand


def _naar_stand(d: Dashboard) -> dict:
    """Counts by code only: the labels are the current language's when the stand is shown."""
    h = d.handhaving
    return {
        "caseload": [[r.werkcoach.pk, r.dossiers, r.open_signalen, r.verlopen_signalen] for r in d.caseload],
        "per_fase": {t.sleutel: t.aantal for t in d.per_fase},
        "routes": {r.leerroute: r.aantal for r in d.routes},
        "pip_kpi": {"tijdig": d.pip_kpi.tijdig, "te_laat": d.pip_kpi.te_laat, "verlopen": d.pip_kpi.verlopen},
        "verlopen_termijnen": {t.sleutel: t.aantal for t in d.verlopen_termijnen},
        "handhaving": {
            "open_per_status": {status: n for status, _label, n in h.open_per_status},
            "boetes_dit_jaar": h.boetes_dit_jaar, "boetes_dit_jaar_totaal": str(h.boetes_dit_jaar_totaal),
            "afgesloten": h.afgesloten, "afgesloten_naleving_hersteld": h.afgesloten_naleving_hersteld, "jaar": h.jaar,
        },
    }


def _uit_stand(g: dict, *, geteld_op: datetime) -> Dashboard:
    gebruikers = User.objects.select_related("team").in_bulk([r[0] for r in g["caseload"]])
    caseload = sorted(
        (WerkcoachRegel(werkcoach=gebruikers[pk], dossiers=n, open_signalen=o, verlopen_signalen=v)
         for pk, n, o, v in g["caseload"] if pk in gebruikers),
        key=lambda r: (r.werkcoach.first_name, r.werkcoach.last_name, r.werkcoach.pk),
    )
    routes = _route_regels(g["routes"])
    h = g["handhaving"]
    return Dashboard(
        caseload=caseload,
        totaal_lopend=sum(r.dossiers for r in caseload),
        totaal_open_signalen=sum(r.open_signalen for r in caseload),
        totaal_verlopen_signalen=sum(r.verlopen_signalen for r in caseload),
        per_fase=[Telling(sleutel=f.value, label=str(f.label), aantal=g["per_fase"].get(f.value, 0)) for f in Fase],
        routes=routes,
        geldende_pips=sum(r.aantal for r in routes),
        pip_kpi=PipKpi(**g["pip_kpi"]),
        verlopen_termijnen=[Telling(sleutel=code, label=soort_label(code), aantal=n)
                            for code, n in g["verlopen_termijnen"].items()],
        handhaving=HandhavingKpis(
            open_per_status=[(s.value, str(s.label), h["open_per_status"].get(s.value, 0)) for s in ZaakStatus
                             if s != ZaakStatus.AFGESLOTEN],
            boetes_dit_jaar=h["boetes_dit_jaar"], boetes_dit_jaar_totaal=Decimal(h["boetes_dit_jaar_totaal"]),
            afgesloten=h["afgesloten"], afgesloten_naleving_hersteld=h["afgesloten_naleving_hersteld"], jaar=h["jaar"],
        ),
        geteld_op=geteld_op,
    )


# --- the start page: capped counts of the user's own scope (issue 18) ------------------------------------
@dataclass(frozen=True)
class Aantal:
    """A count that stops at its cap + 1 (`grens`, by default GRENS): `begrensd` means "more than the cap";
    below it, it is exact."""

    aantal: int
    grens: int | None = None

    @property
    def cap(self) -> int:
        return self.grens or GRENS

    @property
    def begrensd(self) -> bool:
        return self.aantal > self.cap

    def __str__(self) -> str:
        if self.begrensd:
            return gettext("meer dan %(grens)s") % {"grens": number_format(self.cap, force_grouping=True)}
        return str(self.aantal)


# This week's termijnen are counted to a lower cap: the count walks the week's open termijnen in date order
# and checks each one's dossier, so 1 001 hits cost thousands of checks when the scope is a large share of
# all dossiers (18 ms at 1M dossiers in the benchmark, where one werkcoach holds a third). The page shows
# the first DEZE_WEEK_MAX of them; "20 van meer dan 100" says as much as an exact number would.
DEZE_WEEK_GRENS = 100


@dataclass(frozen=True)
class FaseAantal:
    fase: str
    label: str
    aantal: Aantal


@dataclass(frozen=True)
class Startpagina:
    per_fase: list[FaseAantal]
    lopend: Aantal
    open_signalen: Aantal
    verlopen_signalen: Aantal
    deze_week: list[Termijn]
    deze_week_aantal: Aantal

    @property
    def grens(self) -> int:
        return GRENS

    @property
    def iets_begrensd(self) -> bool:
        """A count capped at `grens` (the page's note); this week's count says its own cap where it shows."""
        return any(a.begrensd for a in (self.lopend, self.open_signalen, self.verlopen_signalen,
                                        *(t.aantal for t in self.per_fase)))


def startpagina(*, user: User, bereik: str, peildatum: date) -> Startpagina:
    """The start page's numbers for the user's scope (the dossier list's `bereik`, access included), in
    two queries however large the scope: one with every count capped at GRENS + 1 rows (each a
    `COUNT(*)` over `LIMIT 1001`, as the lists count; this week's termijnen at DEZE_WEEK_GRENS + 1), and
    this week's first termijnen (in the order of the index `termijn_open_fataal`: fatale datum, id)."""
    dossiers = dossier_lijst(user=user, filter=DossierFilter(bereik=bereik)).order_by()
    in_bereik = dossiers.values("pk")
    signalen = Signaal.objects.filter(open_signaal_q(peildatum), dossier__in=in_bereik)
    termijnen = Termijn.objects.filter(
        status=TermijnStatus.OPEN, fatale_datum__range=(peildatum, peildatum + timedelta(days=DEZE_WEEK_DAGEN)),
        dossier__in=in_bereik,
    )
    tellingen = begrensd_tellen({
        **{f.value: dossiers.filter(fase=f.value) for f in Fase},
        "lopend": dossiers.actief(),
        "open": signalen,
        "verlopen": signalen.filter(soort=SignaalSoort.VERLOPEN),
        "week": termijnen,
    }, grenzen={"week": DEZE_WEEK_GRENS})
    return Startpagina(
        per_fase=[FaseAantal(fase=f.value, label=str(f.label), aantal=tellingen[f.value]) for f in Fase],
        lopend=tellingen["lopend"],
        open_signalen=tellingen["open"],
        verlopen_signalen=tellingen["verlopen"],
        deze_week=list(termijnen.select_related("dossier__inburgeraar").order_by("fatale_datum", "pk")[:DEZE_WEEK_MAX]),
        deze_week_aantal=tellingen["week"],
    )


def begrensd_tellen(querysets: dict[str, QuerySet], grenzen: dict[str, int] | None = None) -> dict[str, Aantal]:
    """Count each queryset up to its cap + 1 rows (`grenzen`, by default GRENS), all in one query:
    `SELECT (SELECT COUNT(*) FROM (… LIMIT 1001) t0), (SELECT COUNT(*) FROM (… LIMIT 1001) t1), …`."""
    grenzen = grenzen or {}
    delen, parameters = [], []
    for i, (naam, qs) in enumerate(querysets.items()):
        sql, p = qs.order_by().values("pk")[: grenzen.get(naam, GRENS) + 1].query.sql_with_params()
        delen.append(f"(SELECT COUNT(*) FROM ({sql}) t{i})")
        parameters.extend(p)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(delen), parameters)
        rij = cursor.fetchone()
    return {naam: Aantal(n, grenzen.get(naam)) for naam, n in zip(querysets, rij, strict=True)}
