"""The termijnen pip_plans owns (DESIGN.md: the app that owns a fact owns the rule): PIP
vaststellen (Besluit 5.3), the inburgeringstermijn (3 years, DUO extensions), the bezwaartermijn of
each beschikking (Awb) and the schakel window (Besluit 5.4). Registered with cases' engine."""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from cases.contact.rules import ContactSoort
from cases.models import Contactmoment, Dossier, Fase
from cases.termijnen.rules import TermijnBerekening, volgend_voortgangsgesprek
from cases.termijnen.soorten import Eigenaar, SoortRegels
from inburgering.kalender import datums
from inburgering.kalender.selectors import gelijkgestelde_dagen

from . import rules, selectors
from .instellingen import PipInstellingen
from .models import Pip, PipStatus

BRON = "pip_plans"


class PipTermijn(TextChoices):
    """The termijn kinds pip_plans computes, registered with cases' engine in `apps.py`."""

    PIP_VASTSTELLEN = "pip_vaststellen", _("PIP vaststellen")
    INBURGERINGSTERMIJN = "inburgeringstermijn", _("Inburgeringstermijn")
    BEZWAAR = "bezwaar", _("Bezwaartermijn")  # per beschikking (sleutel); handhaving's boetes use it too
    SCHAKELEN = "schakelen", _("Schakelen mogelijk tot")
    VOORTGANGSGESPREK = "voortgangsgesprek", _("Volgend voortgangsgesprek")


# Who owns each kind and on which ground it may move (DOMAIN.md §8; cases.termijnen.soorten).
REGELS = {
    PipTermijn.PIP_VASTSTELLEN: SoortRegels(
        eigenaar=Eigenaar.WET, atw=rules.ATW_PIP_VASTSTELLEN, een_per_dossier=True,
        grond=_("alleen verlenging wegens informatie van een derde die vóór het einde van de 10 weken is gevraagd "
                "(Besluit inburgering 2021, art. 5.3 lid 2; vast te leggen op het PIP-tabblad), of een nieuwe "
                "termijn na verhuizing (lid 3)")),
    PipTermijn.INBURGERINGSTERMIJN: SoortRegels(
        eigenaar=Eigenaar.WET, een_per_dossier=True,
        grond=_("alleen verlenging door DUO (Wet inburgering 2021, art. 11; vast te leggen als verlenging door "
                "DUO op het PIP-tabblad)")),
    PipTermijn.BEZWAAR: SoortRegels(
        eigenaar=Eigenaar.BURGER, atw=datums.ATW_BEZWAAR,
        grond=_("geen: zes weken na de bekendmaking (Awb 6:7 en 6:8); of een te laat bezwaar verschoonbaar is "
                "(Awb 6:11), beoordeelt de bezwaarbehandeling")),
    PipTermijn.SCHAKELEN: SoortRegels(
        eigenaar=Eigenaar.WET, een_per_dossier=True,
        grond=_("geen: anderhalf jaar na de start van de termijn (Besluit inburgering 2021, art. 5.4); daarna "
                "alleen de uitzonderingen van art. 5.4, vast te leggen bij de wijziging van het PIP")),
    PipTermijn.VOORTGANGSGESPREK: SoortRegels(
        eigenaar=Eigenaar.GEMEENTE,
        grond=_("werkafspraak van de gemeente (aantal gesprekken volgens het PIP, Besluit 5.3 lid 4): vrij op "
                "te schorten met een reden")),
}


def bereken(dossier: Dossier) -> list[TermijnBerekening]:
    instellingen = PipInstellingen.huidig()
    versies = list(
        Pip.objects.filter(dossier=dossier, status__in=[PipStatus.VASTGESTELD, PipStatus.VERVANGEN]).order_by("versie")
    )
    uitkomst = []
    stand = selectors.pip_deadline_voor(dossier)
    eerste = versies[0] if versies else None
    if stand.deadline.fatale_datum and stand.deadline.basis:
        uitkomst.append(TermijnBerekening(
            soort=PipTermijn.PIP_VASTSTELLEN, basisdatum=stand.deadline.basis,
            fatale_datum=stand.deadline.fatale_datum, gehaald_op=eerste.dagtekening if eerste else None,
            toelichting=stand.deadline.toelichting,
        ))
    for pip in versies:
        if pip.bekendmaking and pip.bezwaar_einde:
            uitkomst.append(TermijnBerekening(
                soort=PipTermijn.BEZWAAR, sleutel=f"pip-{pip.pk}", basisdatum=pip.bekendmaking,
                fatale_datum=pip.bezwaar_einde, streefdatum=pip.bezwaar_einde,
                toelichting=f"Bezwaartermijn PIP versie {pip.versie}: termijn van de burger (Awb 6:7 en 6:8)",
            ))
    start = eerste.termijn_start if eerste else None
    if start:
        uitkomst.append(_inburgeringstermijn(dossier, start))
        if dossier.is_actief:
            uitkomst.append(TermijnBerekening(
                soort=PipTermijn.SCHAKELEN, basisdatum=start,
                fatale_datum=datums.periode_maanden_einde(start, rules.SCHAKEL_MAANDEN),
                toelichting="Schakelen tussen leerroutes kan tot deze datum (Besluit inburgering 2021, art. 5.4; "
                            "onderwijsroute naar B1-route altijd)",
            ))
            geldend = next((p for p in reversed(versies) if p.status == PipStatus.VASTGESTELD), None)
            uitkomst.extend(_voortgangsgesprekken(dossier, start, geldend, instellingen))
    return uitkomst


def inburgeringstermijn(dossier: Dossier) -> TermijnBerekening | None:
    """The inburgeringstermijn of the dossier (from the first vastgesteld PIP; DUO's extension wins),
    or None before there is one. For the termijnen other apps own that are due at its end (leerroutes:
    PVT, MAP, Z-route, exams), so the computation lives in one place."""
    eerste = (
        Pip.objects.filter(dossier=dossier, status__in=[PipStatus.VASTGESTELD, PipStatus.VERVANGEN])
        .order_by("versie").first()
    )
    if eerste is None or eerste.termijn_start is None:
        return None
    return _inburgeringstermijn(dossier, eerste.termijn_start)


def _inburgeringstermijn(dossier: Dossier, start) -> TermijnBerekening:
    jaren = rules.INBURGERINGSTERMIJN_JAREN
    verlenging = dossier.termijnverlengingen.order_by("-besluitdatum", "-id").first()
    if verlenging:
        einde = datums.duo_einddatum_naar_inclusief(verlenging.duo_einddatum)
        toelichting = f"Verlengd door DUO ({verlenging.get_grond_display()})"
    else:
        einde = datums.inburgeringstermijn(start, jaren).laatste_dag
        toelichting = f"{jaren} jaar vanaf de dag na de dagtekening van het eerste PIP (Wet inburgering 2021, art. 11)"
    gehaald = dossier.eind_datum if dossier.fase == Fase.AFGEROND else None
    return TermijnBerekening(
        soort=PipTermijn.INBURGERINGSTERMIJN, basisdatum=start, fatale_datum=einde, gehaald_op=gehaald,
        toelichting=toelichting,
    )


def _voortgangsgesprekken(dossier: Dossier, start, pip: Pip | None, instellingen) -> list[TermijnBerekening]:
    """Besluit 5.3 lid 4: the PIP fixes the number of voortgangsgesprekken over the termijn (policy
    default: every 8 weeks). One termijn per cycle, keyed by the day the cycle starts (the termijn
    start, then each held gesprek): a held gesprek makes its cycle gehaald and opens the next, so a
    gesprek missed again is signalled again (a signal is unique per termijn). A no-show resets nothing."""
    gehouden = Contactmoment.objects.filter(
        dossier=dossier, soort=ContactSoort.VOORTGANGSGESPREK, datum__gte=start
    ).values_list("datum", flat=True)
    starts = sorted({start, *gehouden})
    uitkomst = []
    for i, basis in enumerate(starts):
        volgend = volgend_voortgangsgesprek(
            laatste=basis if i else None, termijn_start=start,
            aantal_in_pip=pip.aantal_voortgangsgesprekken if pip else None,
            jaren=rules.INBURGERINGSTERMIJN_JAREN, standaard_weken=instellingen.voortgangsgesprek_weken,
        )
        if volgend is None:
            continue
        fataal, uitleg = volgend
        uitkomst.append(TermijnBerekening(
            soort=PipTermijn.VOORTGANGSGESPREK, sleutel=f"{basis:%Y-%m-%d}", basisdatum=basis, fatale_datum=fataal,
            gehaald_op=starts[i + 1] if i + 1 < len(starts) else None,
            toelichting=f"Volgend voortgangsgesprek ({uitleg})",
        ))
    return uitkomst


def bereken_nieuwe_dossiers(dossiers: list[Dossier]) -> dict[int, list[TermijnBerekening]]:
    """The PIP vaststellen termijn of many new dossiers (no PIP, no information request yet), with
    the same rule as `bereken` and a constant number of queries: demo data and benchmarks."""
    if not dossiers:
        return {}
    van = min(d.datum_kennisgeving for d in dossiers)
    laatste_basis = max(max(d.datum_kennisgeving, d.datum_brp_vestiging or van, d.datum_vestiging_na_verhuizing or van)
                        for d in dossiers)
    extra = gelijkgestelde_dagen(van, datums.plus_jaren(laatste_basis, 2), verwacht=False)
    uitkomst: dict[int, list[TermijnBerekening]] = {}
    for dossier in dossiers:
        deadline = rules.pip_deadline(
            kennisgeving=dossier.datum_kennisgeving, is_asiel=dossier.is_asiel,
            brp_vestiging=dossier.datum_brp_vestiging, vestiging_na_verhuizing=dossier.datum_vestiging_na_verhuizing,
            extra_vrije_dagen=extra,
        )
        if deadline.fatale_datum and deadline.basis:
            uitkomst[dossier.pk] = [TermijnBerekening(
                soort=PipTermijn.PIP_VASTSTELLEN, basisdatum=deadline.basis, fatale_datum=deadline.fatale_datum,
                toelichting=deadline.toelichting,
            )]
    return uitkomst
