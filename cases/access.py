"""Object-level access to dossiers (DESIGN.md "Access"). Enforced in selectors and services;
templates only hide buttons for convenience.

- werkcoach: the dossiers of their own caseload and of their team; may create and edit those;
- consulent: all dossiers; may create, edit, assign;
- manager: all dossiers read-only; may (bulk) reassign caseloads;
- beheerder: no dossier data (configures the system in the admin).
"""

from django.db.models import Q, QuerySet

from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol

from .models import Dossier


def zichtbaar_voorwaarde(user: User, *, via: str = "") -> Q | None:
    """The condition on a dossier (reached through `via`, e.g. "dossier__") that `zichtbare_dossiers` filters
    on; None: no dossier at all. A row hanging off a dossier can filter on its joined dossier with it instead
    of a subquery over the dossiers (issue 18: the planner joins the dossier twice then)."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.heeft_rol(Rol.CONSULENT, Rol.MANAGER):
        return Q()
    if user.heeft_rol(Rol.WERKCOACH):
        eigen = Q(**{f"{via}werkcoach": user})
        return eigen | Q(**{f"{via}team_id": user.team_id}) if user.team_id else eigen
    return None


def zichtbare_dossiers(user: User) -> QuerySet[Dossier]:
    voorwaarde = zichtbaar_voorwaarde(user)
    if voorwaarde is None:
        return Dossier.objects.none()
    return Dossier.objects.filter(voorwaarde) if voorwaarde else Dossier.objects.all()


def zie_alles(user: User) -> bool:
    """Whether `zichtbare_dossiers(user)` is every dossier: a list then needs no visibility subquery."""
    return user.is_authenticated and user.is_active and user.heeft_rol(Rol.CONSULENT, Rol.MANAGER)


def beperk_tot_zichtbaar(qs: QuerySet, user: User, *, veld: str = "dossier") -> QuerySet:
    """Rows hanging off a dossier (`veld`) the user may see; unfiltered for a role that sees every dossier,
    where a subquery over all dossiers only costs time (52 → 6 ms at 100 000 dossiers)."""
    if zie_alles(user):
        return qs
    return qs.filter(**{f"{veld}__in": zichtbare_dossiers(user).values("pk")})


def mag_dossiers_zien(user: User) -> bool:
    return user.heeft_rol(Rol.WERKCOACH, Rol.CONSULENT, Rol.MANAGER)


def mag_dossier_aanmaken(user: User) -> bool:
    return user.heeft_rol(Rol.WERKCOACH, Rol.CONSULENT)


def mag_dossier_bewerken(user: User, dossier: Dossier) -> bool:
    """Assumes the dossier is already in `zichtbare_dossiers(user)`."""
    if user.heeft_rol(Rol.CONSULENT):
        return True
    return user.heeft_rol(Rol.WERKCOACH) and (
        dossier.werkcoach_id == user.pk or (user.team_id is not None and dossier.team_id == user.team_id)
    )


def mag_toewijzen(user: User) -> bool:
    return user.heeft_rol(Rol.CONSULENT, Rol.MANAGER)


def mag_herverdelen(user: User) -> bool:
    return user.heeft_rol(Rol.MANAGER)


def mag_alle_dossiers_zien(user: User) -> bool:
    return user.heeft_rol(Rol.CONSULENT, Rol.MANAGER)


def mag_gezondheid_zien(user: User, dossier: Dossier) -> bool:
    """Health answers (special-category data): the assigned werkcoach and consulenten only —
    not team colleagues, not managers (DOMAIN §4, §12)."""
    if user.heeft_rol(Rol.CONSULENT):
        return True
    return user.heeft_rol(Rol.WERKCOACH) and dossier.werkcoach_id == user.pk
