"""Pure rules of the termijnen engine: how stored termijnen follow newly computed ones, suspension
arithmetic and the next voortgangsgesprek. Facts in, decision out, no database."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

from inburgering.kalender import datums

from .soorten import SoortRegels


@dataclass(frozen=True)
class TermijnBerekening:
    """What an owning app computed for one termijn from the dossier's facts."""

    soort: str
    basisdatum: date
    fatale_datum: date
    streefdatum: date | None = None  # default: fatale_datum minus the warning period
    sleutel: str = ""
    gehaald_op: date | None = None
    toelichting: str = ""


def streefdatum(*, fatale_datum: date, vooraf_dagen: int, basisdatum: date) -> date:
    """The date from which the werkcoach is warned; never before the basisdatum."""
    return max(basisdatum, fatale_datum - timedelta(days=vooraf_dagen))


def opgeschorte_dagen(perioden: list[tuple[date, date | None]]) -> int:
    """Days in closed suspensions (both ends inclusive). A running suspension counts when it ends."""
    return sum((tot - van).days + 1 for van, tot in perioden if tot is not None)


@dataclass(frozen=True)
class NieuweStand:
    status: str
    fatale_datum: date
    streefdatum: date
    reset_nadert: bool


def nieuwe_stand(
    *,
    huidige_status: str | None,
    berekening: TermijnBerekening,
    streef: date,
    opgeschort_dagen: int,
    loopt_opschorting: bool,
    vandaag: date,
    oude_streefdatum: date | None,
) -> NieuweStand:
    """How a stored termijn follows a recomputation:
    - a recorded fact that satisfies it makes it gehaald (a withdrawn fact reopens it);
    - a running suspension keeps it opgeschort;
    - a verlopen (or, for the citizen's term, verstreken) termijn whose new fatale datum lies in the
      future (e.g. DUO extended) reopens;
    - dates move by the suspended days."""
    fataal = berekening.fatale_datum + timedelta(days=opgeschort_dagen)
    streef_verschoven = streef + timedelta(days=opgeschort_dagen)
    if berekening.gehaald_op is not None:
        status = "gehaald"
    elif loopt_opschorting:
        status = "opgeschort"
    elif huidige_status in ("verlopen", "verstreken") and fataal < vandaag:
        status = huidige_status
    else:
        status = "open"
    reset = oude_streefdatum is None or streef_verschoven != oude_streefdatum
    return NieuweStand(status=status, fatale_datum=fataal, streefdatum=streef_verschoven, reset_nadert=reset)


def volgend_voortgangsgesprek(
    *, laatste: date | None, termijn_start: date | None, aantal_in_pip: int | None, jaren: int, standaard_weken: int
) -> tuple[date, str] | None:
    """Besluit 5.3 lid 4: the PIP fixes the number of voortgangsgesprekken, spread over the termijn;
    without a PIP number the policy default interval applies (every 8 weeks). The next one is due
    one interval after the last contact (or after the termijn start)."""
    basis = laatste or termijn_start
    if basis is None:
        return None
    if aantal_in_pip and termijn_start:
        einde = datums.inburgeringstermijn(termijn_start, jaren).laatste_dag
        # The span from the start to the last day, so that the last gesprek is due on or before the
        # termijn's last day (with one gesprek: that day itself, not the day after).
        interval = max(1, (einde - termijn_start).days // aantal_in_pip)
        return basis + timedelta(days=interval), f"{aantal_in_pip} gesprekken verdeeld over de termijn"
    return datums.weken_na(basis, standaard_weken), f"elke {standaard_weken} weken"


SNOOZE_VERLEDEN = _("Kies een datum in de toekomst.")
REDEN_VERPLICHT = _("Geef een reden op.")
DATUM_TOEKOMST = _("Deze datum ligt in de toekomst.")


def wegzetten_fout(*, tot: date, vandaag: date) -> str | None:
    """A signal is snoozed until a day that has not come yet (today would change nothing)."""
    return str(SNOOZE_VERLEDEN) if tot <= vandaag else None


WETTELIJKE_TERMIJN = _(
    "%(soort)s is een wettelijke termijn en kan niet vrij worden opgeschort. Deze termijn verschuift alleen op "
    "wettelijke grond: %(grond)s."
)


def opschorten_soort_fout(*, label: str, regels: SoortRegels) -> str | None:
    """DOMAIN §8: a free "opschorten" only for the gemeente's own working terms (voortgangsgesprek, PVT
    planning); a statutory fatale datum or the citizen's term moves only on its legal ground, which the
    refusal names."""
    if regels.vrij_opschorten:
        return None
    return str(WETTELIJKE_TERMIJN % {"soort": label, "grond": regels.grond})


def opschorten_fouten(*, van: date, reden: str, vandaag: date) -> dict[str, str]:
    """A suspension has a recorded reason and does not start in the future."""
    fouten: dict[str, str] = {}
    if not reden.strip():
        fouten["reden"] = str(REDEN_VERPLICHT)
    if van > vandaag:
        fouten["van"] = str(DATUM_TOEKOMST)
    return fouten
