"""Search everywhere (issue 20 item 3): one search box in the header for a name, BSN, V-nummer or the
kenmerk of a PIP, handhavingszaak or letter, with the results grouped by kind.

The kernel knows no dossier, PIP or zaak: each app registers a provider (`registreer`, from its
AppConfig.ready()) that searches its own rows within `cases.access` and returns one `Groep`. A provider
does a fixed number of queries (one, or none when the term cannot be its kind) and returns at most
`limiet` hits plus whether there are more. The term is kept server-side like every search
(`inburgering.zoeken`): the URL holds only a short-lived token, the security log a keyed hash.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured

LIMIET = 10  # hits per group; a group with more says so and, where a list can show them, links to it


@dataclass(frozen=True)
class Treffer:
    titel: str
    url: str
    toelichting: str = ""
    dossier_id: int | None = None  # the dossier whose data the hit shows (Logboek Dataverwerkingen)


@dataclass(frozen=True)
class Groep:
    sleutel: str
    titel: str
    treffers: list[Treffer] = field(default_factory=list)
    meer: bool = False  # more than `limiet` hits
    meer_url: str = ""  # the filtered list with all of them, when there is one


@dataclass(frozen=True)
class Zoekvraag:
    """What a provider gets: the user, the term as typed (stripped), the token of the search (for a
    "meer" link into a list that reads the same token) and the cap."""

    user: object
    term: str
    token: str
    limiet: int = LIMIET

    @property
    def kenmerk(self) -> str:
        """The term as a kenmerk: upper case, without spaces (kenmerken are made upper case)."""
        return re.sub(r"\s+", "", self.term).upper()


@dataclass(frozen=True)
class Aanbieder:
    sleutel: str
    volgorde: int  # the groups' order on the results page
    mag: Callable[[object], bool]  # whether the user may search this kind at all
    zoeken: Callable[[Zoekvraag], Groep]


_AANBIEDERS: dict[str, Aanbieder] = {}


def registreer(aanbieder: Aanbieder) -> None:
    """Register a provider (from AppConfig.ready()); the same key twice with another provider fails."""
    bestaand = _AANBIEDERS.get(aanbieder.sleutel)
    if bestaand is not None and bestaand != aanbieder:
        raise ImproperlyConfigured(f"Zoekaanbieder {aanbieder.sleutel!r} is al geregistreerd.")
    _AANBIEDERS[aanbieder.sleutel] = aanbieder


def aanbieders_voor(user) -> list[Aanbieder]:
    return sorted((a for a in _AANBIEDERS.values() if a.mag(user)), key=lambda a: (a.volgorde, a.sleutel))


def zoeken(user, term: str, *, token: str = "", limiet: int = LIMIET) -> list[Groep]:
    """Every provider the user may use, in order; an empty term searches nothing."""
    term = term.strip()
    if not term:
        return []
    vraag = Zoekvraag(user=user, term=term, token=token, limiet=limiet)
    return [a.zoeken(vraag) for a in aanbieders_voor(user)]


def kenmerk_delen(kenmerk: str, voorvoegsel: str, *, achtervoegsel: bool = False) -> tuple[int, int] | None:
    """The two numbers of a kenmerk such as `PIP-12-3` (or, with `achtervoegsel`, `HH-12-3-W`: a letter
    of the zaak), or None when the term is not of that form."""
    patroon = rf"{re.escape(voorvoegsel)}-(\d{{1,18}})-(\d{{1,18}})" + (r"(?:-[A-Z])?" if achtervoegsel else "")
    treffer = re.fullmatch(patroon, kenmerk)
    return (int(treffer[1]), int(treffer[2])) if treffer else None
