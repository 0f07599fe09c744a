"""The roles of the system. Roles are Django groups, created by a data migration."""

from enum import StrEnum


class Rol(StrEnum):
    WERKCOACH = "werkcoach"
    CONSULENT = "consulent"
    MANAGER = "manager"
    BEHEERDER = "beheerder"
    POSTKAMER = "postkamer"  # the daily print batch of letters (issue 15)
    PRIVACY = "privacy"  # records management: vernietigingslijsten, inzageverzoeken, logboek (issue 13)
    KOPPELBEHEER = "koppelbeheer"  # the DUO connection: the outbox, dead letters, alerts (issue 16)


ROL_LABELS = {
    Rol.WERKCOACH: "Werkcoach",
    Rol.CONSULENT: "Consulent inburgering",
    Rol.MANAGER: "Manager",
    Rol.BEHEERDER: "Functioneel beheerder",
    Rol.POSTKAMER: "Postkamer (verzending van brieven)",
    Rol.PRIVACY: "Privacy officer (informatiebeheer)",
    Rol.KOPPELBEHEER: "Koppelbeheerder (DUO)",
}


def heeft_rol(user, *rollen: Rol) -> bool:
    """`user.heeft_rol(...)` for any request user: an anonymous user (the admin's login page asks the
    model admins for their permissions before anyone logged in) has no role."""
    return bool(user is not None and user.is_authenticated and user.heeft_rol(*rollen))
