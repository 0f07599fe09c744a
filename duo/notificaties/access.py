"""Who sees what of DUO's notifications (DESIGN "Access": enforced in services and views, never only by hiding)."""

from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol


def mag_koppeling_zien(user: User) -> bool:
    """The koppelbeheerder's pages (every notification, with BSN-linked dossiers; the reconciliation).
    Need-to-know, no functioneel beheerder: the consulent (who sees every dossier) until the koppelbeheer role
    of issue 16 is merged."""
    return user.heeft_rol(Rol.CONSULENT)
