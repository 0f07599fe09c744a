"""Reads for the dossier screens, each with a known, constant number of queries."""

from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db.models import F, Q, QuerySet
from django.shortcuts import get_object_or_404

from inburgering.accounts.models import Team, User
from inburgering.accounts.roles import Rol

from . import access, rules
from .models import Dossier, Termijn, TermijnStatus
from .termijnen.soorten import een_per_dossier

SORTERINGEN = {
    "naam": ("inburgeraar__geslachtsnaam", "inburgeraar__voornamen", "pk"),
    "-naam": ("-inburgeraar__geslachtsnaam", "-inburgeraar__voornamen", "-pk"),
    "kennisgeving": ("datum_kennisgeving", "pk"),
    "-kennisgeving": ("-datum_kennisgeving", "-pk"),
    "fase": ("fase", "pk"),
    "-fase": ("-fase", "-pk"),
    "werkcoach": ("werkcoach__first_name", "werkcoach__last_name", "pk"),
    "-werkcoach": ("-werkcoach__first_name", "-werkcoach__last_name", "-pk"),
}
STANDAARD_SORTERING = "-kennisgeving"
# The dossier list filtered on a termijn (of a kind with one per dossier) and a status, sorted on the
# kennisgeving: the same order, on the joined termijn's copy of it (issue 18, index termijn_lijst_volgorde).
VIA_TERMIJN = {
    "kennisgeving": ("termijnen__dossier_kennisgeving", "termijnen__dossier_id"),
    "-kennisgeving": ("-termijnen__dossier_kennisgeving", "-termijnen__dossier_id"),
}


# The `termijnstatus` filter of the dossier list: the statuses, plus the deadline KPIs of the dashboard
# (gehaald on or before / after the fatale datum; "beslist": gehaald or verlopen, the KPI's denominator).
TERMIJN_STANDEN = {
    **{s: Q(status=s) for s in TermijnStatus.values},
    "tijdig": Q(status=TermijnStatus.GEHAALD, gehaald_op__lte=F("fatale_datum")),
    "te_laat": Q(status=TermijnStatus.GEHAALD, gehaald_op__gt=F("fatale_datum")),
    "beslist": Q(status__in=[TermijnStatus.GEHAALD, TermijnStatus.VERLOPEN]),
}
LOPEND = "lopend"  # the `fase` filter value for every active fase (the caseload)


class Bereik:
    MIJN = "mijn"
    TEAM = "team"
    ALLE = "alle"


@dataclass(frozen=True)
class DossierFilter:
    bereik: str = Bereik.MIJN
    zoek: str = ""
    fase: str = ""
    doelgroep: str = ""
    team: int | None = None
    werkcoach: int | None = None
    sorteer: str = STANDAARD_SORTERING
    termijn: str = ""  # a TermijnSoort: dossiers with such a termijn (in `termijnstatus`, if given)
    termijnstatus: str = ""


# What a row of the dossier list shows (cases.templatetags.lijst_tags.dossier_rijen, the reassign checkboxes):
# its page reads only these columns of the dossier, person, werkcoach and team (issue 18). A row that reads
# another field costs a query per row: tests/cases/test_querycount.py would say so.
LIJST_VELDEN = (
    "fase", "doelgroep", "datum_kennisgeving", "inburgeraar_id", "werkcoach_id", "team_id",
    "inburgeraar__bsn", "inburgeraar__voornamen", "inburgeraar__voorvoegsel", "inburgeraar__geslachtsnaam",
    "werkcoach__username", "werkcoach__first_name", "werkcoach__last_name", "team__naam",
)


def selectie_voorwaarde(user: User, *, bereik: str, team: int | None = None, werkcoach: int | None = None,
                        via: str = "") -> Q | None:
    """The dossier list's selection — access, bereik, team and werkcoach — as a condition on a dossier reached
    through `via` (e.g. "dossier__" from a signal, so the werkvoorraad filters on its joined dossier instead of a
    subquery over the dossiers); None: no dossier at all."""
    voorwaarde = access.zichtbaar_voorwaarde(user, via=via)
    if voorwaarde is None:
        return None
    if bereik == Bereik.MIJN:
        voorwaarde &= Q(**{f"{via}werkcoach": user})
    elif bereik == Bereik.TEAM:
        voorwaarde &= Q(**{f"{via}team_id": user.team_id})
    if team:
        voorwaarde &= Q(**{f"{via}team_id": team})
    if werkcoach:
        voorwaarde &= Q(**{f"{via}werkcoach_id": werkcoach})
    return voorwaarde


def dossier_lijst(*, user: User, filter: DossierFilter) -> QuerySet[Dossier]:
    voorwaarde = selectie_voorwaarde(user, bereik=filter.bereik, team=filter.team, werkcoach=filter.werkcoach)
    qs = Dossier.objects.none() if voorwaarde is None else Dossier.objects.filter(voorwaarde)
    qs = _zoek(qs.select_related("inburgeraar", "werkcoach", "team"), filter.zoek)
    if filter.fase == LOPEND:
        qs = qs.actief()
    elif filter.fase:
        qs = qs.filter(fase=filter.fase)
    if filter.doelgroep:
        qs = qs.filter(doelgroep__in=rules.doelgroepen_voor(filter.doelgroep))
    sorteer = filter.sorteer if filter.sorteer in SORTERINGEN else STANDAARD_SORTERING
    if filter.termijn and filter.termijnstatus in TermijnStatus.values and een_per_dossier(filter.termijn) \
            and sorteer in VIA_TERMIJN:
        # issue 18: one termijn of this kind per dossier, so a join lists a dossier at most once; sorted on
        # the termijn's copy of the dossier's datum_kennisgeving (equal to it) the page is read from the
        # index termijn_lijst_volgorde in the list's order, instead of probing every dossier's termijnen.
        qs = qs.filter(termijnen__soort=filter.termijn, termijnen__status=filter.termijnstatus)
        return qs.order_by(*VIA_TERMIJN[sorteer])
    if filter.termijn or filter.termijnstatus in TERMIJN_STANDEN:
        # A subquery, not a join: a dossier with two matching termijnen (bezwaar) is listed once.
        termijnen = Termijn.objects.filter(TERMIJN_STANDEN.get(filter.termijnstatus, Q()))
        if filter.termijn:
            termijnen = termijnen.filter(soort=filter.termijn)
        qs = qs.filter(pk__in=termijnen.values("dossier_id"))
    return qs.order_by(*SORTERINGEN[sorteer])


def _zoek(qs: QuerySet[Dossier], zoek: str) -> QuerySet[Dossier]:
    zoek = zoek.strip()
    if not zoek:
        return qs
    bsn = rules.normaliseer_bsn(zoek)
    if bsn.isdigit():
        # A full BSN matches exactly; a shorter run of digits matches the end (the masked part).
        return qs.filter(inburgeraar__bsn=bsn) if len(bsn) == 9 else qs.filter(inburgeraar__bsn__endswith=bsn)
    voorwaarde = Q()
    for woord in zoek.split():
        voorwaarde &= (
            Q(inburgeraar__voornamen__icontains=woord)
            | Q(inburgeraar__geslachtsnaam__icontains=woord)
            | Q(inburgeraar__voorvoegsel__iexact=woord)
        )
    return qs.filter(voorwaarde)


def dossier_detail(*, user: User, pk: int) -> Dossier:
    """404 for a dossier outside the user's reach: we don't reveal that it exists."""
    return get_object_or_404(
        access.zichtbare_dossiers(user).select_related(
            "inburgeraar__huishouden", "werkcoach", "team"
        ),
        pk=pk,
    )


def werkcoaches() -> QuerySet[User]:
    return (
        User.objects.filter(is_active=True, groups__name=Rol.WERKCOACH, team__isnull=False)
        .select_related("team")
        .order_by("first_name", "last_name")
        .distinct()
    )


def teams() -> QuerySet[Team]:
    return Team.objects.filter(actief=True)


# The option lists of the list pages' filter forms (issue 18): two queries on every list request, a
# fifth of the page's server time. Kept in the cache for OPTIES_GELDIG seconds and dropped on every save
# or delete of a team or user and on every change of a user's groups (`opties_vergeten`, cases.apps) —
# at once in this process; with a per-process cache another worker shows the new name at most
# OPTIES_GELDIG seconds later. Only the rendering uses it: a submitted value is still validated against
# the form field's queryset, so a filter never accepts a team or werkcoach that is no longer valid.
OPTIES_GELDIG = 60
_OPTIES_SLEUTEL = "cases:filteropties:{}"


def filteropties(soort: str) -> list[tuple[int, str]]:
    """(pk, label) of the active teams (`soort` "teams") or the werkcoaches ("werkcoaches"), in the
    order and with the labels of the filter forms' choice fields."""
    sleutel = _OPTIES_SLEUTEL.format(soort)
    opties = cache.get(sleutel)
    if opties is None:
        if soort == "teams":
            opties = [(t.pk, str(t)) for t in teams()]
        else:
            opties = [(u.pk, f"{u} ({u.team})" if u.team_id else str(u)) for u in werkcoaches()]
        cache.set(sleutel, opties, OPTIES_GELDIG)
    return opties


def opties_vergeten(update_fields=None, **kwargs) -> None:
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # a login changes no option
    cache.delete_many([_OPTIES_SLEUTEL.format("teams"), _OPTIES_SLEUTEL.format("werkcoaches")])


def huishoudgenoten(dossier: Dossier) -> list[Dossier]:
    if dossier.inburgeraar.huishouden_id is None:
        return []
    return list(
        Dossier.objects.filter(inburgeraar__huishouden_id=dossier.inburgeraar.huishouden_id)
        .exclude(pk=dossier.pk)
        .select_related("inburgeraar", "werkcoach")
    )


@dataclass(frozen=True)
class TermijnRegel:
    termijn: Termijn
    dagen: int  # days left (negative: overdue)

    @property
    def dagen_over_tijd(self) -> int:
        return max(0, -self.dagen)


def dossier_termijnen(dossier: Dossier, *, vandaag: date) -> list[TermijnRegel]:
    """The dossier's termijnen for its overview: active ones first (nearest fatale datum first)."""
    volgorde = {TermijnStatus.VERLOPEN: 0, TermijnStatus.OPEN: 1, TermijnStatus.OPGESCHORT: 2,
                TermijnStatus.GEHAALD: 3, TermijnStatus.VERSTREKEN: 4, TermijnStatus.VERVALLEN: 5}
    termijnen = sorted(
        Termijn.objects.filter(dossier=dossier).exclude(status=TermijnStatus.VERVALLEN),
        key=lambda t: (volgorde[t.status], t.fatale_datum),
    )
    return [TermijnRegel(termijn=t, dagen=(t.fatale_datum - vandaag).days) for t in termijnen]
