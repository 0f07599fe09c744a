"""The trends page (issue 20 item 7): per month over the last twelve, six queries however many rows —
inflow (GROUP BY month), brede intakes afgerond and first PIPs vastgesteld (one row per event, the
median needs the values), the route mix (GROUP BY month, route), fines (GROUP BY month) and the
beleidsinstellingen. The rows behind each number come from `rijen`, with the same conditions."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, F, QuerySet, Sum
from django.db.models.functions import TruncMonth

from cases.models import BredeIntake, Dossier, Termijn, TermijnStatus
from handhaving.models import Handhavingszaak
from handhaving.rules import BesluitUitkomst
from handhaving.selectors import VERNIETIGD
from inburgering.instellingen.models import GemeenteInstellingen
from pip_plans.models import Pip, PipStatus
from pip_plans.rules import Leerroute
from pip_plans.termijnen import PipTermijn

from . import trends_regels as regels

# The measures a number links to (`/dashboard/trends/<maat>/<jjjj-mm>/`).
INSTROOM = "instroom"
INTAKE = "intake"
PIP = "pip"
PIP_TIJDIG = "pip-tijdig"
PIP_TE_LAAT = "pip-te-laat"
BOETES = "boetes"
ROUTE_VOORVOEGSEL = "route-"
ROUTES = [code for code, _label in Leerroute.CHOICES]
MATEN = [INSTROOM, INTAKE, PIP, PIP_TIJDIG, PIP_TE_LAAT, BOETES, *(ROUTE_VOORVOEGSEL + r for r in ROUTES)]


@dataclass
class Maand:
    maand: date
    instroom: int = 0
    intakes: int = 0
    mediaan_intake: float | None = None  # days from kennisgeving to brede intake afgerond
    pips: int = 0
    mediaan_pip: float | None = None  # days from kennisgeving to the first PIP vastgesteld
    pips_tijdig: int = 0
    routes: dict[str, int] = field(default_factory=dict)
    boetes: int = 0
    boetes_bedrag: Decimal = Decimal("0")

    @property
    def sleutel(self) -> str:
        return f"{self.maand:%Y-%m}"

    @property
    def pips_te_laat(self) -> int:
        return self.pips - self.pips_tijdig

    @property
    def percentage_tijdig(self) -> float | None:
        return regels.percentage(self.pips_tijdig, self.pips)

    @property
    def routes_totaal(self) -> int:
        return sum(self.routes.values())

    def route_regels(self) -> list[tuple[str, int, float | None]]:
        """(route, count, % of this month's first PIPs) in the order of Leerroute.CHOICES."""
        return [(r, self.routes.get(r, 0), regels.percentage(self.routes.get(r, 0), self.routes_totaal))
                for r in ROUTES]


@dataclass(frozen=True)
class Trends:
    maanden: list[Maand]
    verwachting: dict[str, int]  # route → % from the beleidsinstellingen
    routes_totaal: dict[str, int]  # route → first PIPs over the twelve months

    def route_aandeel(self, route: str) -> float | None:
        return regels.percentage(self.routes_totaal.get(route, 0), sum(self.routes_totaal.values()))


def _pip_termijnen() -> QuerySet[Termijn]:
    """The PIP-vaststellen termijn gehaald: its gehaald_op is the first PIP's dagtekening."""
    return Termijn.objects.filter(soort=PipTermijn.PIP_VASTSTELLEN, status=TermijnStatus.GEHAALD)


def _eerste_pips() -> QuerySet[Pip]:
    """Each dossier's first vastgesteld PIP (no earlier version it replaces), still geldend or replaced since."""
    return Pip.objects.filter(status__in=[PipStatus.VASTGESTELD, PipStatus.VERVANGEN], vorige__isnull=True,
                              dagtekening__isnull=False)


def _boetes() -> QuerySet[Handhavingszaak]:
    """Fines decided (dagtekening), without those herroepen or annulled: as the dashboard counts them."""
    return Handhavingszaak.objects.filter(besluit_uitkomst=BesluitUitkomst.BOETE).exclude(VERNIETIGD)


def trends(*, peildatum: date) -> Trends:
    maanden = regels.maanden(peildatum)
    van, tot = regels.periode(maanden)
    per_maand = {m: Maand(maand=m) for m in maanden}

    for maand, n in (Dossier.objects.filter(datum_kennisgeving__gte=van, datum_kennisgeving__lt=tot).order_by()
                     .annotate(m=TruncMonth("datum_kennisgeving")).values_list("m").annotate(n=Count("pk"))):
        per_maand[maand].instroom = n

    intake_dagen: dict[date, list[int]] = defaultdict(list)
    for afgerond, kennisgeving in (BredeIntake.objects.filter(afgerond_op__gte=van, afgerond_op__lt=tot)
                                   .values_list("afgerond_op", "dossier__datum_kennisgeving")):
        intake_dagen[regels.maand_van(afgerond)].append(regels.dagen(kennisgeving, afgerond))
    pip_dagen: dict[date, list[int]] = defaultdict(list)
    for gehaald, fataal, kennisgeving in (_pip_termijnen().filter(gehaald_op__gte=van, gehaald_op__lt=tot)
                                          .values_list("gehaald_op", "fatale_datum", "dossier__datum_kennisgeving")):
        maand = regels.maand_van(gehaald)
        pip_dagen[maand].append(regels.dagen(kennisgeving, gehaald))
        per_maand[maand].pips_tijdig += gehaald <= fataal

    routes_totaal: dict[str, int] = defaultdict(int)
    for maand, route, n in (_eerste_pips().filter(dagtekening__gte=van, dagtekening__lt=tot).order_by()
                            .annotate(m=TruncMonth("dagtekening")).values_list("m", "leerroute")
                            .annotate(n=Count("pk"))):
        per_maand[maand].routes[route] = n
        routes_totaal[route] += n

    for maand, n, bedrag in (_boetes().filter(dagtekening__gte=van, dagtekening__lt=tot).order_by()
                             .annotate(m=TruncMonth("dagtekening")).values_list("m")
                             .annotate(n=Count("pk"), bedrag=Sum("boetebedrag")).values_list("m", "n", "bedrag")):
        per_maand[maand].boetes = n
        per_maand[maand].boetes_bedrag = bedrag or Decimal("0")

    for maand, rij in per_maand.items():
        rij.intakes = len(intake_dagen[maand])
        rij.mediaan_intake = regels.mediaan(intake_dagen[maand])
        rij.pips = len(pip_dagen[maand])
        rij.mediaan_pip = regels.mediaan(pip_dagen[maand])

    instellingen = GemeenteInstellingen.huidig()
    return Trends(
        maanden=[per_maand[m] for m in maanden],
        verwachting={Leerroute.B1: instellingen.verwachting_b1_route,
                     Leerroute.ONDERWIJS: instellingen.verwachting_onderwijsroute,
                     Leerroute.Z: instellingen.verwachting_z_route},
        routes_totaal=dict(routes_totaal),
    )


def dossier_ids(maat: str, maand: date) -> QuerySet:
    """The dossiers behind one number (a subquery of ids), with the conditions `trends` counts by."""
    van, tot = maand, regels.volgende_maand(maand)
    if maat == INSTROOM:
        return Dossier.objects.filter(datum_kennisgeving__gte=van, datum_kennisgeving__lt=tot).values("pk")
    if maat == INTAKE:
        return BredeIntake.objects.filter(afgerond_op__gte=van, afgerond_op__lt=tot).values("dossier_id")
    if maat in (PIP, PIP_TIJDIG, PIP_TE_LAAT):
        termijnen = _pip_termijnen().filter(gehaald_op__gte=van, gehaald_op__lt=tot)
        if maat == PIP_TIJDIG:
            termijnen = termijnen.filter(gehaald_op__lte=F("fatale_datum"))
        elif maat == PIP_TE_LAAT:
            termijnen = termijnen.filter(gehaald_op__gt=F("fatale_datum"))
        return termijnen.values("dossier_id")
    if maat == BOETES:
        return _boetes().filter(dagtekening__gte=van, dagtekening__lt=tot).values("dossier_id")
    if maat.startswith(ROUTE_VOORVOEGSEL) and maat.removeprefix(ROUTE_VOORVOEGSEL) in ROUTES:
        return (_eerste_pips().filter(dagtekening__gte=van, dagtekening__lt=tot,
                                      leerroute=maat.removeprefix(ROUTE_VOORVOEGSEL)).values("dossier_id"))
    raise ValueError(maat)


