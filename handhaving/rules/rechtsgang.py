"""Dates of a fine: verjaring (Awb 5:45), the zienswijze period, bezwaar, beroep and hoger beroep, and when
a fine is onherroepelijk."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from inburgering.kalender import datums

from .boete import VERJARING_DREMPEL, VERJARING_JAREN, VERJARING_JAREN_LAAG
from .keuzes import BezwaarUitkomst
from .meldingen import (
    DATUM_TOEKOMST,
    DATUM_ZONDER_UITSPRAAK,
    EERST_BEKENDMAKING_BOB,
    EERST_BEROEP,
    EERST_BESLISSING_OP_BEZWAAR,
    EERST_UITSPRAAK,
    GEEN_HOGER_BEROEP_NA_INTREKKEN,
    UITSPRAAK_ZONDER_DATUM,
    VOLGORDE_DATUMS,
)


# --- dates -------------------------------------------------------------------------------------------------
def verjaring(*, overtreding_datum: date, wettelijk_maximum: Decimal, geschorste_dagen: int = 0) -> tuple[date, int]:
    """Awb 5:45: the power to fine lapses 5 years after the violation; 3 years when the statutory maximum
    is at most €340 (so 3 years for the €250 brede intake fine, 5 for PIP duties up to €800). Returns the
    last day on which a fine can still be imposed and the number of years. Awb 5:45 lid 3: the term is
    suspended while bezwaar or beroep against the fine runs, so it moves by `geschorste_dagen`."""
    jaren = VERJARING_JAREN_LAAG if wettelijk_maximum <= VERJARING_DREMPEL else VERJARING_JAREN
    return datums.plus_jaren(overtreding_datum, jaren) + timedelta(days=geschorste_dagen), jaren


def zienswijze_einde(*, verzonden_op: date, weken: int, atw: bool, extra_dagen=frozenset()) -> date:
    """Awb 4:8: the zienswijze period after the voornemen was sent (default 2 weeks), with the Algemene
    termijnenwet when the setting applies it."""
    return datums.fatale_datum(datums.weken_na(verzonden_op, weken), atw=atw, extra_dagen=extra_dagen)


class RechterUitkomst(models.TextChoices):
    """The outcome of beroep or hoger beroep, as its effect on the fine."""

    BOETE_BLIJFT = "boete_blijft", _("Boete blijft (ongegrond of niet-ontvankelijk)")
    VERNIETIGD = "vernietigd", _("Boete vernietigd")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


@dataclass(frozen=True)
class Rechtsgang:
    """What was recorded of bezwaar, beroep and hoger beroep against a fine. The `*_einde` dates are the
    last days to lodge (computed with the Algemene termijnenwet by the service)."""

    bezwaar_einde: date | None = None
    bezwaar_ontvangen_op: date | None = None
    bezwaar_uitkomst: str = ""
    bezwaar_beslist_op: date | None = None
    bezwaar_bekendgemaakt_op: date | None = None  # bekendmaking of the beslissing op bezwaar
    beroep_einde: date | None = None
    beroep_ingesteld_op: date | None = None
    beroep_uitkomst: str = ""
    beroep_uitspraak_op: date | None = None
    hoger_beroep_einde: date | None = None
    hoger_beroep_ingesteld_op: date | None = None
    hoger_beroep_uitkomst: str = ""
    hoger_beroep_uitspraak_op: date | None = None


def vernietigd(r: Rechtsgang) -> bool:
    """As things stand, the fine is gone: herroepen on bezwaar, or annulled by the court (the last recorded
    judgment counts: an annulment by the rechtbank stands unless the hoger beroep restored the fine). An
    annulled fine counts for neither the cap nor the doubling (Besluit 7.1 lid 3 and 5)."""
    if r.bezwaar_uitkomst == BezwaarUitkomst.GEGROND:
        return True
    if r.hoger_beroep_uitkomst in (RechterUitkomst.VERNIETIGD, RechterUitkomst.BOETE_BLIJFT):
        return r.hoger_beroep_uitkomst == RechterUitkomst.VERNIETIGD
    return r.beroep_uitkomst == RechterUitkomst.VERNIETIGD


def _na(einde: date | None) -> date | None:
    return einde + datums.EEN_DAG if einde else None


def onherroepelijk_op(r: Rechtsgang) -> date | None:
    """The day a fine became final (onherroepelijk): never while bezwaar or beroep can still be lodged or
    is pending (Awb 6:7, 8:1). Without bezwaar: the day after the bezwaartermijn. After a beslissing op
    bezwaar that upheld the fine: the day after the beroepstermijn, which runs six weeks from the
    *bekendmaking* of that beslissing (Awb 6:7/6:8, with the Atw) — unknown bekendmaking, not final. After
    a judgment of the rechtbank upholding it: the day after the hoger-beroepstermijn; after the hoger
    beroep: the day of that judgment. A fine annulled never becomes final. A withdrawn remedy makes it
    final, but never before its term has passed (it could be lodged again)."""
    if vernietigd(r) or r.bezwaar_einde is None:
        return None
    if r.bezwaar_ontvangen_op is None:
        return _na(r.bezwaar_einde)
    if not r.bezwaar_uitkomst or not r.bezwaar_beslist_op:
        return None  # bezwaar pending
    if r.bezwaar_uitkomst == BezwaarUitkomst.INGETROKKEN:
        return max(r.bezwaar_beslist_op, _na(r.bezwaar_einde))
    # upheld (ongegrond / niet-ontvankelijk): beroep can be lodged
    if r.beroep_ingesteld_op is None:
        return _na(r.beroep_einde)  # None while the bekendmaking is unknown
    if not r.beroep_uitkomst or not r.beroep_uitspraak_op:
        return None  # beroep pending
    if r.beroep_uitkomst == RechterUitkomst.INGETROKKEN:
        return max(filter(None, (r.beroep_uitspraak_op, _na(r.beroep_einde))))
    if r.hoger_beroep_ingesteld_op is None:
        return _na(r.hoger_beroep_einde)
    if not r.hoger_beroep_uitkomst or not r.hoger_beroep_uitspraak_op:
        return None  # hoger beroep pending
    if r.hoger_beroep_uitkomst == RechterUitkomst.INGETROKKEN:
        return max(filter(None, (r.hoger_beroep_uitspraak_op, _na(r.hoger_beroep_einde))))
    return r.hoger_beroep_uitspraak_op  # the fine stands by the final judgment


def verjaring_geschorste_dagen(r: Rechtsgang, *, vandaag: date) -> int:
    """Awb 5:45 lid 3: the lapse term is suspended while bezwaar or beroep against the fine runs: from the
    day it was lodged until the decision or judgment (still running: until today). Days counted once."""
    dagen: set[date] = set()
    for begin, eind in ((r.bezwaar_ontvangen_op, r.bezwaar_beslist_op),
                        (r.beroep_ingesteld_op, r.beroep_uitspraak_op),
                        (r.hoger_beroep_ingesteld_op, r.hoger_beroep_uitspraak_op)):
        if begin is None:
            continue
        eind = eind or vandaag
        dagen.update(begin + timedelta(days=i) for i in range((eind - begin).days))
    return len(dagen)


def rechtsgang_fouten(*, bekendgemaakt_op: date | None, beslist_op: date | None, beroep_ingesteld_op: date | None,
                      beroep_uitkomst: str, beroep_uitspraak_op: date | None, hoger_beroep_ingesteld_op: date | None,
                      hoger_beroep_uitkomst: str, hoger_beroep_uitspraak_op: date | None,
                      vandaag: date) -> dict[str, str]:
    """Dates in order and not in the future: bekendmaking of the beslissing op bezwaar after the decision;
    beroep after that bekendmaking; an outcome with its date; hoger beroep only after the judgment."""
    fouten: dict[str, str] = {}
    velden = {"bekendgemaakt_op": bekendgemaakt_op, "beroep_ingesteld_op": beroep_ingesteld_op,
              "beroep_uitspraak_op": beroep_uitspraak_op, "hoger_beroep_ingesteld_op": hoger_beroep_ingesteld_op,
              "hoger_beroep_uitspraak_op": hoger_beroep_uitspraak_op}
    for veld, datum in velden.items():
        if datum and datum > vandaag:
            fouten[veld] = str(DATUM_TOEKOMST)
    volgorde = (("bekendgemaakt_op", beslist_op, bekendgemaakt_op), ("beroep_ingesteld_op", bekendgemaakt_op,
                beroep_ingesteld_op), ("beroep_uitspraak_op", beroep_ingesteld_op, beroep_uitspraak_op),
                ("hoger_beroep_ingesteld_op", beroep_uitspraak_op, hoger_beroep_ingesteld_op),
                ("hoger_beroep_uitspraak_op", hoger_beroep_ingesteld_op, hoger_beroep_uitspraak_op))
    for veld, eerder, later in volgorde:
        if later and eerder and later < eerder and veld not in fouten:
            fouten[veld] = str(VOLGORDE_DATUMS)
    if bekendgemaakt_op and not beslist_op:
        fouten["bekendgemaakt_op"] = str(EERST_BESLISSING_OP_BEZWAAR)
    if beroep_ingesteld_op and not bekendgemaakt_op:
        fouten["beroep_ingesteld_op"] = str(EERST_BEKENDMAKING_BOB)
    for uitkomst, datum, u_veld, d_veld in ((beroep_uitkomst, beroep_uitspraak_op, "beroep_uitkomst",
                                             "beroep_uitspraak_op"),
                                            (hoger_beroep_uitkomst, hoger_beroep_uitspraak_op,
                                             "hoger_beroep_uitkomst", "hoger_beroep_uitspraak_op")):
        if uitkomst and not datum:
            fouten.setdefault(d_veld, str(UITSPRAAK_ZONDER_DATUM))
        if datum and not uitkomst:
            fouten.setdefault(u_veld, str(DATUM_ZONDER_UITSPRAAK))
    if (beroep_uitkomst or beroep_uitspraak_op) and not beroep_ingesteld_op:
        fouten.setdefault("beroep_ingesteld_op", str(EERST_BEROEP))
    if hoger_beroep_ingesteld_op and not beroep_uitspraak_op:
        fouten.setdefault("hoger_beroep_ingesteld_op", str(EERST_UITSPRAAK))
    if (hoger_beroep_uitkomst or hoger_beroep_uitspraak_op) and not hoger_beroep_ingesteld_op:
        fouten.setdefault("hoger_beroep_ingesteld_op", str(EERST_BEROEP))
    if beroep_uitkomst == RechterUitkomst.INGETROKKEN and hoger_beroep_ingesteld_op:
        fouten.setdefault("hoger_beroep_ingesteld_op", str(GEEN_HOGER_BEROEP_NA_INTREKKEN))
    return fouten
