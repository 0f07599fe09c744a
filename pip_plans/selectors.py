"""Reads for the PIP screens, each with a known, constant number of queries."""

from dataclasses import dataclass

from django.db.models import QuerySet

from cases import access
from cases.models import Dossier
from inburgering.accounts.models import User
from inburgering.kalender import datums
from inburgering.kalender.selectors import gelijkgestelde_dagen, vandaag

from . import rules
from .models import InformatieVerzoek, Pip, PipStatus


def geldend_pip(dossier: Dossier) -> Pip | None:
    """The vastgesteld version that is in force (at most one, by a database constraint)."""
    return Pip.objects.filter(dossier=dossier, status=PipStatus.VASTGESTELD).first()


def te_beoordelen(*, user: User) -> QuerySet[Pip]:
    """The consulent's review queue: oldest submission first."""
    return (
        access.beperk_tot_zichtbaar(Pip.objects.filter(status=PipStatus.TER_BEOORDELING), user)
        .select_related("dossier__inburgeraar", "dossier__werkcoach", "auteur")
        .order_by("ingediend_op", "pk")
    )


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
