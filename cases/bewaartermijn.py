"""Bewaartermijn (issue 13, DOMAIN §12): when a closed dossier's personal data must be destroyed, and how
long its core may be kept. Pure rules; `van_instellingen` reads the gemeente's settings.

Besluit inburgering 2021, art. 9.9:
- lid 1: the college destroys the personal data **5 years after the inburgeringsplicht ended** (voldaan,
  ontheffing, vrijstelling, AOW age, or another end: DUO's SS106–SS111) and **on death**;
- lid 2: only the core (BSN, name, address, woonplaats, date of birth, vrijstelling/ontheffing data, date
  and way the plicht was met) may be kept, at most 50 years.
After a move away the plicht continues in the new gemeente (Wet art. 35): how long the old gemeente keeps
its copy is a policy setting, never longer than the law's 5 years.

The clock starts at the dossier's `eind_datum` (recorded when it is closed by hand, or later when DUO
reports the end). A dossier that is still running has no destruction date.
"""

from dataclasses import dataclass
from datetime import date

from inburgering.kalender.datums import EEN_DAG, plus_jaren

from .models import EindReden

WETTELIJKE_JAREN = 5
KERN_MAXIMUM_JAREN = 50


@dataclass(frozen=True)
class Bewaartermijnen:
    jaren: int = WETTELIJKE_JAREN
    verhuisd_jaren: int = WETTELIJKE_JAREN
    kern_jaren: int = KERN_MAXIMUM_JAREN

    @classmethod
    def van_instellingen(cls, instellingen) -> "Bewaartermijnen":
        return cls(jaren=instellingen.bewaartermijn_jaren, verhuisd_jaren=instellingen.bewaartermijn_verhuisd_jaren,
                   kern_jaren=instellingen.kern_bewaartermijn_jaren)

    def jaren_voor(self, eind_reden: str) -> int:
        return self.verhuisd_jaren if eind_reden == EindReden.VERHUISD else self.jaren


def vernietigen_vanaf(*, eind_reden: str, eind_datum: date | None, overleden_op: date | None,
                      termijnen: Bewaartermijnen) -> date | None:
    """The first day the dossier may go on a vernietigingslijst; None while it runs (no eind_datum).
    Death brings the day forward to the day of death, also for dossiers closed earlier."""
    if overleden_op is not None and eind_datum is not None:
        return min(overleden_op, plus_jaren(eind_datum, termijnen.jaren_voor(eind_reden)))
    if eind_datum is None:
        return None
    if eind_reden == EindReden.OVERLEDEN:
        return eind_datum
    return plus_jaren(eind_datum, termijnen.jaren_voor(eind_reden))


def kern_bewaren_tot(*, eind_datum: date | None, termijnen: Bewaartermijnen) -> date | None:
    """The last day the core of a destroyed dossier may be kept (at most 50 years after the plicht ended)."""
    return None if eind_datum is None else plus_jaren(eind_datum, termijnen.kern_jaren)


def uiterste_einddatum(*, peildatum: date, jaren: int) -> date:
    """For the retention query: every dossier whose clock started after this day is still within `jaren`.
    One day of margin for 29 February (its years end on 28 February); `vernietigen_vanaf` decides."""
    return plus_jaren(peildatum, -jaren) + EEN_DAG


@dataclass(frozen=True)
class Bewaring:
    """What the dossier page says about a closed dossier's retention."""

    vernietigen_vanaf: date
    kern_tot: date
    jaren: int
    overleden: bool


def bewaring(dossier, instellingen) -> Bewaring | None:
    termijnen = Bewaartermijnen.van_instellingen(instellingen)
    persoon = dossier.inburgeraar
    vanaf = vernietigen_vanaf(eind_reden=dossier.eind_reden, eind_datum=dossier.eind_datum,
                              overleden_op=persoon.overleden_op, termijnen=termijnen)
    if vanaf is None or dossier.is_actief:
        return None
    return Bewaring(vernietigen_vanaf=vanaf, kern_tot=kern_bewaren_tot(eind_datum=dossier.eind_datum,
                                                                      termijnen=termijnen),
                    jaren=termijnen.jaren_voor(dossier.eind_reden),
                    overleden=persoon.overleden_op is not None or dossier.eind_reden == EindReden.OVERLEDEN)
