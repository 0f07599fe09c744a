"""The print view of a dossier's summary (issue 20 item 6): one A4 page without navigation, for a
conversation or a file copy. Person, dossier status, termijnen and the recent contacts come from cases;
an app above cases adds its own block (the PIP and leerroute from pip_plans) through
`registreer_afdrukblok`, from its AppConfig.ready(), so cases never names the apps above it.
Opening the page is a read of the dossier (inzagelog and Logboek Dataverwerkingen, page "afdrukken")."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import Promise

from inburgering.kalender.selectors import vandaag

from . import selectors
from .models import Contactmoment, Dossier
from .views import dossier_pagina

LAATSTE_CONTACTEN = 5


@dataclass(frozen=True)
class Afdrukblok:
    """A block of the print view: a heading and (label, value) rows; no rows: "—"."""

    titel: str | Promise
    regels: list[tuple[str | Promise, object]]


@dataclass(frozen=True)
class _Registratie:
    code: str
    volgorde: int
    functie: Callable[[Dossier], Afdrukblok | None]


_BLOKKEN: dict[str, _Registratie] = {}


def registreer_afdrukblok(*, code: str, volgorde: int, functie: Callable[[Dossier], Afdrukblok | None]) -> None:
    """`functie(dossier)` returns the block (or None: nothing to print), in a fixed number of queries."""
    if code in _BLOKKEN:
        raise ImproperlyConfigured(f"Het afdrukblok {code!r} is al geregistreerd.")
    _BLOKKEN[code] = _Registratie(code=code, volgorde=volgorde, functie=functie)


def afdrukblokken(dossier: Dossier) -> list[Afdrukblok]:
    blokken = (r.functie(dossier) for r in sorted(_BLOKKEN.values(), key=lambda r: (r.volgorde, r.code)))
    return [b for b in blokken if b is not None]


@login_required
def afdrukken(request: HttpRequest, pk: int) -> HttpResponse:
    dossier, context = dossier_pagina(request, pk, "afdrukken")
    context.update({
        "termijnen": selectors.dossier_termijnen(dossier, vandaag=vandaag()),
        "contacten": list(Contactmoment.objects.filter(dossier=dossier).order_by("-datum", "-pk")[:LAATSTE_CONTACTEN]),
        "blokken": afdrukblokken(dossier),
        "afgedrukt_op": timezone.localtime(),
        "afgedrukt_door": request.user,
    })
    return render(request, "cases/dossier_afdrukken.html", context)
