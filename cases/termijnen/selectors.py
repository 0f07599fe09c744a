"""Reads for the werkvoorraad (worklist) and the werkcoach home; each runs a fixed number of queries,
however many signals or dossiers there are."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, F, Q, QuerySet
from django.shortcuts import get_object_or_404

from cases import access
from cases.models import Dossier, Fase, Signaal, SignaalSoort, Termijn, TermijnStatus
from cases.selectors import Bereik, DossierFilter, dossier_lijst, selectie_voorwaarde
from inburgering.accounts.models import User

DEZE_WEEK_DAGEN = 7
DEZE_WEEK_MAX = 20


def open_signaal_q(peildatum: date) -> Q:
    """On the worklist: not handled, and not snoozed beyond the peildatum. A signal snoozed until a
    date is back on that date (signaal_wegzetten: "leaves the worklist until `tot`")."""
    return Q(afgehandeld_op__isnull=True) & (Q(gesnoozed_tot__isnull=True) | Q(gesnoozed_tot__lte=peildatum))


def bereiken_voor(user: User) -> list[str]:
    """The scopes a user may choose, the default first: a werkcoach starts with their own caseload,
    a consulent with their team, a manager with everything."""
    bereiken = [Bereik.MIJN] if user.is_werkcoach else []
    if user.team_id:
        bereiken.append(Bereik.TEAM)
    if access.mag_alle_dossiers_zien(user):
        bereiken.append(Bereik.ALLE)
    return bereiken or [Bereik.MIJN]


@dataclass(frozen=True)
class SignaalFilter:
    bereik: str = Bereik.MIJN
    soort: str = ""
    zoek: str = ""
    team: int | None = None
    werkcoach: int | None = None


def _dossiers(user: User, bereik: str, **filters) -> QuerySet[Dossier]:
    """The dossiers in the user's scope, as the dossier list selects them (access included)."""
    return dossier_lijst(user=user, filter=DossierFilter(bereik=bereik, **filters))


def werkvoorraad(*, user: User, filter: SignaalFilter, peildatum: date) -> QuerySet[Signaal]:
    """Open signals by urgency: verlopen first; then the nearest fatale datum of the termijn, signals
    without a termijn (aandachtspunten) after the dated ones; then the oldest first. The sort key is
    stored on the signal (`urgentie`, `sorteer_fatale_datum`), so a page is read from the partial index
    `signaal_werkvoorraad`; a role that sees every dossier gets no dossier subquery for "alle"."""
    qs = Signaal.objects.filter(open_signaal_q(peildatum))
    voorwaarde = _dossier_voorwaarde(user, filter)
    if voorwaarde is not None:
        qs = qs.filter(voorwaarde)
    else:  # a search: the dossier list's own
        dossiers = _dossiers(user, filter.bereik, zoek=filter.zoek, team=filter.team, werkcoach=filter.werkcoach)
        qs = qs.filter(dossier__in=dossiers.order_by().values("pk"))
    if filter.soort:
        qs = qs.filter(soort=filter.soort)
    return qs.select_related("dossier__inburgeraar", "dossier__werkcoach", "termijn").order_by(
        "urgentie", F("sorteer_fatale_datum").asc(nulls_last=True), "aangemaakt_op", "pk"
    )


# What a worklist row shows (cases.templatetags.lijst_tags.werkvoorraad_rijen): the page reads only these
# columns instead of all ~90 of the signal, dossier, person, werkcoach and termijn (issue 18: 2 ms less per page
# for compiling the query and making the objects). A row that reads another field costs a query per row: the
# query-count tests in tests/werkvoorraad/test_querycount.py would say so.
LIJST_VELDEN = (
    "soort", "omschrijving", "aangemaakt_op", "dossier_id", "termijn_id",
    "dossier__inburgeraar_id", "dossier__werkcoach_id",
    "dossier__inburgeraar__voornamen", "dossier__inburgeraar__voorvoegsel", "dossier__inburgeraar__geslachtsnaam",
    "dossier__werkcoach__username", "dossier__werkcoach__first_name", "dossier__werkcoach__last_name",
    "termijn__soort", "termijn__fatale_datum", "termijn__status",
)


def _dossier_voorwaarde(user: User, filter: SignaalFilter) -> Q | None:
    """Without a search, the dossier list's selection (cases.selectors.selectie_voorwaarde) as a condition on the
    signal's joined dossier: with the dossiers as a subquery PostgreSQL joined cases_dossier twice and spent 5 ms
    planning the page (1 ms to run it) at 60 000 dossiers (issue 18). Both give the same signals
    (tests/werkvoorraad/test_selectors.py). None: use the subquery."""
    if filter.zoek:
        return None
    return selectie_voorwaarde(user, bereik=filter.bereik, team=filter.team, werkcoach=filter.werkcoach,
                               via="dossier__")


@dataclass(frozen=True)
class WerkvoorraadRegel:
    signaal: Signaal
    dagen: int | None  # days until the termijn's fatale datum (negative: overdue); None without termijn

    @property
    def dagen_over_tijd(self) -> int:
        return max(0, -(self.dagen or 0))


def regels(signalen, *, peildatum: date) -> list[WerkvoorraadRegel]:
    return [
        WerkvoorraadRegel(signaal=s, dagen=(s.termijn.fatale_datum - peildatum).days if s.termijn else None)
        for s in signalen
    ]


def signaal_detail(*, user: User, pk: int) -> Signaal:
    """404 for a signal on a dossier outside the user's reach."""
    return get_object_or_404(
        Signaal.objects.select_related("dossier__inburgeraar", "dossier__werkcoach", "dossier__team", "termijn",
                                       "afgehandeld_door", "aangemaakt_door")
        .filter(dossier__in=access.zichtbare_dossiers(user).values("pk")),
        pk=pk,
    )


# --- Werkcoach home ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FaseTelling:
    fase: str
    label: str
    aantal: int


@dataclass(frozen=True)
class Thuis:
    per_fase: list[FaseTelling]
    lopend: int
    open_signalen: int
    verlopen_signalen: int
    deze_week: list[Termijn]
    deze_week_aantal: int


def werkcoach_home(*, user: User, bereik: str, peildatum: date) -> Thuis:
    """Four queries: dossiers per fase, open signals, this week's termijnen and their count."""
    dossiers = _dossiers(user, bereik)
    tellingen = dict(dossiers.order_by().values_list("fase").annotate(n=Count("pk")))
    signalen = Signaal.objects.filter(open_signaal_q(peildatum), dossier__in=dossiers.values("pk")).aggregate(
        open=Count("pk"), verlopen=Count("pk", filter=Q(soort=SignaalSoort.VERLOPEN))
    )
    termijnen = Termijn.objects.filter(
        status=TermijnStatus.OPEN, fatale_datum__range=(peildatum, peildatum + timedelta(days=DEZE_WEEK_DAGEN)),
        dossier__in=dossiers.values("pk"),
    )
    per_fase = [FaseTelling(fase=f.value, label=str(f.label), aantal=tellingen.get(f.value, 0)) for f in Fase]
    return Thuis(
        per_fase=per_fase,
        lopend=sum(t.aantal for t in per_fase if t.fase not in (Fase.AFGEROND, Fase.BEEINDIGD)),
        open_signalen=signalen["open"],
        verlopen_signalen=signalen["verlopen"],
        deze_week=list(termijnen.select_related("dossier__inburgeraar").order_by("fatale_datum", "pk")[:DEZE_WEEK_MAX]),
        deze_week_aantal=termijnen.count(),
    )
