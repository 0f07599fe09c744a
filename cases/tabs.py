"""The dossier's tabs are a registry that apps fill (DESIGN "extension points"): an app above cases
registers its tab in its AppConfig.ready() with the URL name of its own page, so cases never names
the apps above it and no URL depends on include order."""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise


@dataclass(frozen=True)
class Tab:
    code: str  # also the page name in the inzage log and `actieve_tab`
    label: str | Promise
    url_naam: str  # reversed with the dossier's pk
    volgorde: int


_TABS: dict[str, Tab] = {}


def registreer_tab(*, code: str, label: str | Promise, url_naam: str, volgorde: int) -> None:
    """A second registration of the same code is a programming error, not an override."""
    if code in _TABS:
        raise ImproperlyConfigured(f"Het dossiertabblad {code!r} is al geregistreerd.")
    _TABS[code] = Tab(code=code, label=label, url_naam=url_naam, volgorde=volgorde)


def tabs() -> list[Tab]:
    return sorted(_TABS.values(), key=lambda tab: (tab.volgorde, tab.code))
