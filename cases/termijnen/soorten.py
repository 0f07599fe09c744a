"""The termijn kinds: registered by the app that computes them (in its AppConfig.ready()), so a new
kind from a higher app needs no change or migration of cases. A kind registered twice is a
programming error and says so, instead of one app silently taking over another's kind.

Each kind declares who owns it and how it may move (DOMAIN.md §8 "Who owns a termijn matters"):
- `Eigenaar.GEMEENTE`: the gemeente's own working term (voortgangsgesprek, PVT planning): it may be
  suspended freely, with a recorded reason;
- `Eigenaar.WET`: a statutory fatale datum the gemeente must meet (PIP deadline, inburgeringstermijn,
  verjaring): it moves only on its legal ground, recorded where that ground is recorded — never by a
  free "opschorten";
- `Eigenaar.BURGER`: the citizen's term (bezwaar, zienswijze): when it passes that is no missed
  deadline of the gemeente — no "verlopen" signal, no dashboard failure; it moves only on its legal
  ground too.
`atw` says whether the Algemene termijnenwet applies (art. 1, 4, 5): it is re-applied after any move.
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db.models import TextChoices
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Eigenaar(TextChoices):
    GEMEENTE = "gemeente", _("gemeente (eigen werkafspraak)")
    WET = "wet", _("wettelijke termijn voor de gemeente")
    BURGER = "burger", _("termijn van de burger")


@dataclass(frozen=True)
class SoortRegels:
    """How a termijn kind may move. `grond`: in Dutch, on which legal ground (and where it is
    recorded) its date moves; shown when a free suspension is refused and in the README table."""

    eigenaar: str
    grond: str | Promise
    atw: bool = False
    # At most one termijn of this kind per dossier (always computed without a sleutel): the dossier list
    # filtered on it may join the termijn instead of probing it per dossier (issue 18) — a kind with
    # sleutels (a bezwaartermijn per beschikking) would list a dossier twice.
    een_per_dossier: bool = False

    @property
    def vrij_opschorten(self) -> bool:
        """Only the gemeente's own working terms may be suspended freely (DOMAIN.md §8)."""
        return self.eigenaar == Eigenaar.GEMEENTE

    @property
    def verloopt_voor_gemeente(self) -> bool:
        """Whether its passing is a missed deadline of the gemeente (a "verlopen" signal, a dashboard
        failure). Not for the citizen's terms (DOMAIN.md §8)."""
        return self.eigenaar != Eigenaar.BURGER


@dataclass(frozen=True)
class Soort:
    label: str | Promise
    bron: str
    regels: SoortRegels


_SOORTEN: dict[str, Soort] = {}
# A kind nobody registered (an app removed, old data): the careful default — no free suspension.
_ONBEKEND = SoortRegels(eigenaar=Eigenaar.WET, grond=_("onbekend: de termijnsoort is niet (meer) geregistreerd"))


def registreer_soorten(soorten: type[TextChoices], *, bron: str, regels: dict[str, SoortRegels]) -> None:
    """Register `soorten` for `bron`, each with its `regels` (every kind must declare them)."""
    if ontbrekend := [soort.value for soort in soorten if soort.value not in regels]:
        raise ImproperlyConfigured(f"Termijnsoorten zonder regels (eigenaar, grond, Atw): {ontbrekend!r}.")
    for soort in soorten:
        if soort.value in _SOORTEN:
            raise ImproperlyConfigured(
                f"Termijnsoort {soort.value!r} is al geregistreerd door {_SOORTEN[soort.value].bron!r}."
            )
        _SOORTEN[soort.value] = Soort(label=soort.label, bron=bron, regels=regels[soort.value])


def soort_label(code: str) -> str:
    soort = _SOORTEN.get(code)
    return str(soort.label) if soort else code


def soort_regels(code: str) -> SoortRegels:
    soort = _SOORTEN.get(code)
    return soort.regels if soort else _ONBEKEND


def een_per_dossier(code: str) -> bool:
    """Whether a dossier has at most one termijn of this kind (its registered rules say so)."""
    return soort_regels(code).een_per_dossier


def soorten() -> list[tuple[str, str]]:
    """(code, label) of every registered kind, in registration order (for filters and dashboards). Made once
    per language and registry size: every list filter asks for it several times per request (issue 18)."""
    sleutel = (get_language(), len(_SOORTEN))
    if (lijst := _SOORTEN_PER_TAAL.get(sleutel)) is None:
        lijst = _SOORTEN_PER_TAAL[sleutel] = [(code, str(soort.label)) for code, soort in _SOORTEN.items()]
    return list(lijst)


_SOORTEN_PER_TAAL: dict[tuple[str | None, int], list[tuple[str, str]]] = {}


def soorten_van(eigenaar: str) -> list[str]:
    """The codes of the registered kinds of one owner (e.g. the citizen's terms, for the sweep)."""
    return [code for code, soort in _SOORTEN.items() if soort.regels.eigenaar == eigenaar]


def overzicht() -> list[tuple[str, str, Soort]]:
    """(code, label, kind) of every registered kind: the README table and its test."""
    return [(code, str(soort.label), soort) for code, soort in _SOORTEN.items()]
