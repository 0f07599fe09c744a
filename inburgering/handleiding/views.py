"""The manual: an index of the role pages and one page per role. Readable by every logged-in user (a
werkcoach may look up what the consulent does); it holds no personal data, so nothing is logged."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import secties as register


def _eigen_rol(request: HttpRequest):
    rol = getattr(request.user, "rol", None)
    return rol if rol in {r.rol for r in register.ROLHANDLEIDINGEN} else None


@require_GET
@login_required
def index(request: HttpRequest) -> HttpResponse:
    rollen = [(r, register.secties(r.rol)) for r in register.ROLHANDLEIDINGEN]
    return render(request, "handleiding/index.html", {"rollen": rollen, "eigen_rol": _eigen_rol(request)})


@require_GET
@login_required
def rolpagina(request: HttpRequest, rol: str) -> HttpResponse:
    handleiding = register.rolhandleiding(rol)
    if handleiding is None:
        raise Http404
    return render(request, "handleiding/rol.html", {
        "handleiding": handleiding,
        "secties": register.secties(handleiding.rol),
        "andere_rollen": [r for r in register.ROLHANDLEIDINGEN if r != handleiding],
        "eigen_rol": _eigen_rol(request),
    })
