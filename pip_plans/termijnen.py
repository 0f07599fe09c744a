"""The termijnen pip_plans owns (DESIGN.md: the app that owns a fact owns the rule): PIP
vaststellen (Besluit 5.3), the inburgeringstermijn (3 years, DUO extensions), the bezwaartermijn of
each beschikking (Awb) and the schakel window (Besluit 5.4). Registered with cases' engine."""

from cases.models import Dossier, Fase, TermijnSoort
from cases.termijnen.rules import TermijnBerekening
from inburgering.instellingen.models import GemeenteInstellingen
from inburgering.kalender import datums

from . import selectors
from .models import Pip, PipStatus

BRON = "pip_plans"


def bereken(dossier: Dossier) -> list[TermijnBerekening]:
    instellingen = GemeenteInstellingen.huidig()
    versies = list(
        Pip.objects.filter(dossier=dossier, status__in=[PipStatus.VASTGESTELD, PipStatus.VERVANGEN]).order_by("versie")
    )
    uitkomst = []
    stand = selectors.pip_deadline_voor(dossier)
    eerste = versies[0] if versies else None
    if stand.deadline.fatale_datum and stand.deadline.basis:
        uitkomst.append(TermijnBerekening(
            soort=TermijnSoort.PIP_VASTSTELLEN, basisdatum=stand.deadline.basis,
            fatale_datum=stand.deadline.fatale_datum, gehaald_op=eerste.dagtekening if eerste else None,
            toelichting=stand.deadline.toelichting,
        ))
    for pip in versies:
        if pip.bekendmaking and pip.bezwaar_einde:
            uitkomst.append(TermijnBerekening(
                soort=TermijnSoort.BEZWAAR, sleutel=f"pip-{pip.pk}", basisdatum=pip.bekendmaking,
                fatale_datum=pip.bezwaar_einde, streefdatum=pip.bezwaar_einde,
                toelichting=f"Bezwaartermijn PIP versie {pip.versie}",
            ))
    start = eerste.termijn_start if eerste else None
    if start:
        uitkomst.append(_inburgeringstermijn(dossier, start, instellingen.inburgeringstermijn_jaren))
        if dossier.is_actief:
            uitkomst.append(TermijnBerekening(
                soort=TermijnSoort.SCHAKELEN, basisdatum=start,
                fatale_datum=datums.periode_maanden_einde(start, instellingen.schakel_maanden),
                toelichting="Schakelen tussen leerroutes kan tot deze datum (onderwijsroute naar B1-route altijd)",
            ))
    return uitkomst


def _inburgeringstermijn(dossier: Dossier, start, jaren: int) -> TermijnBerekening:
    verlenging = dossier.termijnverlengingen.order_by("-besluitdatum", "-id").first()
    if verlenging:
        einde = datums.duo_einddatum_naar_inclusief(verlenging.duo_einddatum)
        toelichting = f"Verlengd door DUO ({verlenging.get_grond_display()})"
    else:
        einde = datums.inburgeringstermijn(start, jaren).laatste_dag
        toelichting = f"{jaren} jaar vanaf de dag na de dagtekening van het eerste PIP"
    gehaald = dossier.eind_datum if dossier.fase == Fase.AFGEROND else None
    return TermijnBerekening(
        soort=TermijnSoort.INBURGERINGSTERMIJN, basisdatum=start, fatale_datum=einde, gehaald_op=gehaald,
        toelichting=toelichting,
    )
