"""Reads for the PIP screens, each with a known, constant number of queries."""

from dataclasses import dataclass

from django.db.models import QuerySet

from cases import access
from cases.models import Dossier
from inburgering.accounts.models import User
from inburgering.kalender import datums
from inburgering.kalender.models import AtwInstelling
from inburgering.kalender.selectors import gelijkgestelde_dagen, vandaag

from . import rules
from .instellingen import PipInstellingen
from .models import InformatieVerzoek, Pip, PipStatus


def geldend_pip(dossier: Dossier) -> Pip | None:
    """The vastgesteld version that is in force (at most one, by a database constraint)."""
    return Pip.objects.filter(dossier=dossier, status=PipStatus.VASTGESTELD).first()


def te_beoordelen(*, user: User) -> QuerySet[Pip]:
    """The consulent's review queue: oldest submission first."""
    return (
        Pip.objects.filter(status=PipStatus.TER_BEOORDELING, dossier__in=access.zichtbare_dossiers(user).values("pk"))
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
    instellingen = PipInstellingen.huidig()
    if verzoeken is None:
        verzoeken = list(dossier.pip_informatieverzoeken.all())
    open_verzoek = any(v.ontvangen_op is None for v in verzoeken)
    laatst_ontvangen = max((v.ontvangen_op for v in verzoeken if v.ontvangen_op), default=None)
    basis = dossier.datum_kennisgeving
    extra = gelijkgestelde_dagen(basis, datums.plus_jaren(basis, 2))
    deadline = rules.pip_deadline(
        kennisgeving=dossier.datum_kennisgeving,
        is_asiel=dossier.is_asiel,
        brp_vestiging=dossier.datum_brp_vestiging,
        vestiging_na_verhuizing=dossier.datum_vestiging_na_verhuizing,
        weken=instellingen.pip_termijn_weken,
        verlenging_weken=instellingen.pip_verlenging_weken,
        informatie_gevraagd=open_verzoek or laatst_ontvangen is not None,
        informatie_ontvangen=None if open_verzoek else laatst_ontvangen,
        atw=AtwInstelling.huidig().pip_vaststellen,
        extra_vrije_dagen=extra,
    )
    dagen = (deadline.fatale_datum - vandaag()).days if deadline.fatale_datum else None
    return DeadlineStand(deadline=deadline, dagen_over=dagen)
