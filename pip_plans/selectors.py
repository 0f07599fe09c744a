"""Reads for the PIP screens, each with a known, constant number of queries."""

from dataclasses import dataclass
from datetime import date

from django.db.models import F, FilteredRelation, Q, QuerySet

from cases import access
from cases.models import Dossier, TermijnStatus
from inburgering.accounts.models import User
from inburgering.kalender import datums
from inburgering.kalender.selectors import gelijkgestelde_dagen, vandaag

from . import rules
from .models import InformatieVerzoek, Pip, PipStatus


def geldend_pip(dossier: Dossier) -> Pip | None:
    """The vastgesteld version that is in force (at most one, by a database constraint)."""
    return Pip.objects.filter(dossier=dossier, status=PipStatus.VASTGESTELD).first()


# The review queue's sorts (issue 20 item 4): the nearest fatale datum of the PIP-termijn first (a queue
# entry without a running termijn — a later version, a wijziging — after the dated ones), or the oldest
# submission first.
TE_BEOORDELEN_SORTERINGEN = {
    "fatale_datum": (F("fatale_datum").asc(nulls_last=True), "ingediend_op", "pk"),
    "-fatale_datum": (F("fatale_datum").desc(nulls_last=True), "ingediend_op", "pk"),
    "ingediend": ("ingediend_op", "pk"),
}
TE_BEOORDELEN_STANDAARD = "fatale_datum"
LOPENDE_TERMIJN = [TermijnStatus.OPEN, TermijnStatus.OPGESCHORT, TermijnStatus.VERLOPEN]


def te_beoordelen(*, user: User, team: int | None = None, sorteer: str = TE_BEOORDELEN_STANDAARD) -> QuerySet[Pip]:
    """The consulent's review queue, each PIP with the fatale datum of its dossier's running PIP-termijn
    (`fatale_datum`, `termijn_status`; None when the termijn is gehaald: a later version). One query per
    page: the termijn is a LEFT JOIN on the unique (dossier, soort, sleutel) index; the queue itself is
    read from the partial index `pip_ter_beoordeling`; the team filter uses the dossier's team index."""
    from .termijnen import PipTermijn  # termijnen imports this module

    qs = access.beperk_tot_zichtbaar(Pip.objects.filter(status=PipStatus.TER_BEOORDELING), user)
    if team:
        qs = qs.filter(dossier__team_id=team)
    qs = qs.annotate(
        pip_termijn=FilteredRelation("dossier__termijnen", condition=Q(
            dossier__termijnen__soort=PipTermijn.PIP_VASTSTELLEN, dossier__termijnen__sleutel="",
            dossier__termijnen__status__in=LOPENDE_TERMIJN,
        )),
    ).annotate(fatale_datum=F("pip_termijn__fatale_datum"), termijn_status=F("pip_termijn__status"))
    volgorde = TE_BEOORDELEN_SORTERINGEN.get(sorteer, TE_BEOORDELEN_SORTERINGEN[TE_BEOORDELEN_STANDAARD])
    return qs.select_related("dossier__inburgeraar", "dossier__werkcoach", "dossier__team", "auteur").order_by(*volgorde)


@dataclass(frozen=True)
class WachtrijRegel:
    """A row of the review queue: the PIP (annotated by `te_beoordelen`) and the days to its fatale datum."""

    pip: Pip
    peildatum: date

    @property
    def dagen(self) -> int | None:
        return (self.pip.fatale_datum - self.peildatum).days if self.pip.fatale_datum else None

    @property
    def dagen_verlopen(self) -> int:
        return max(0, -(self.dagen or 0))


def pip_versies(dossier: Dossier) -> list[Pip]:
    return list(dossier.pips.select_related("auteur", "vastgesteld_door", "document").order_by("-versie"))


@dataclass(frozen=True)
class DeadlineStand:
    deadline: rules.PipDeadline
    dagen_over: int | None  # negative when overdue

    @property
    def verlopen(self) -> bool:
        return self.dagen_over is not None and self.dagen_over < 0

    @property
    def dagen_verstreken(self) -> int:
        return -self.dagen_over if self.verlopen else 0


def pip_deadline_voor(dossier: Dossier, verzoeken: list[InformatieVerzoek] | None = None) -> DeadlineStand:
    """The deadline to vaststellen the first PIP (Besluit 5.3), with the Algemene termijnenwet."""
    if verzoeken is None:
        verzoeken = list(dossier.pip_informatieverzoeken.all())
    basis = dossier.datum_kennisgeving
    # The gemeente's own statutory term: an expected equated day without a KB does not count.
    extra = gelijkgestelde_dagen(basis, datums.plus_jaren(basis, 2), verwacht=False)
    deadline = rules.pip_deadline(
        kennisgeving=dossier.datum_kennisgeving,
        is_asiel=dossier.is_asiel,
        brp_vestiging=dossier.datum_brp_vestiging,
        vestiging_na_verhuizing=dossier.datum_vestiging_na_verhuizing,
        verzoeken=[(v.gevraagd_op, v.ontvangen_op) for v in verzoeken],
        extra_vrije_dagen=extra,
    )
    dagen = (deadline.fatale_datum - vandaag()).days if deadline.fatale_datum else None
    return DeadlineStand(deadline=deadline, dagen_over=dagen)


def informatieverzoek_verlengt(verzoek: InformatieVerzoek) -> bool:
    """Whether this request extends the PIP deadline (Besluit 5.3 lid 2: asked before the 10 weeks
    ran out). A later request is recorded but moves nothing."""
    stand = pip_deadline_voor(verzoek.dossier, [])
    return rules.informatieverzoek_verlengt(
        gevraagd_op=verzoek.gevraagd_op, oorspronkelijke_fatale_datum=stand.deadline.oorspronkelijke_fatale_datum)
