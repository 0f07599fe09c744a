"""The four roles of the system. Roles are Django groups, created by a data migration."""

from enum import StrEnum


class Rol(StrEnum):
    WERKCOACH = "werkcoach"
    CONSULENT = "consulent"
    MANAGER = "manager"
    BEHEERDER = "beheerder"


ROL_LABELS = {
    Rol.WERKCOACH: "Werkcoach",
    Rol.CONSULENT: "Consulent inburgering",
    Rol.MANAGER: "Manager",
    Rol.BEHEERDER: "Functioneel beheerder",
}
