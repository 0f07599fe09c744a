"""Who sees what of DUO's notifications (DESIGN "Access": enforced in services and views, never only by hiding)."""

from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol


def mag_koppeling_zien(user: User) -> bool:
    """The koppelbeheerder's pages (every notification; the reconciliation): the koppelbeheer role of issue 16,
    need-to-know, no functioneel beheerder and no dossier pages."""
    return user.heeft_rol(Rol.KOPPELBEHEER)
