"""Named system users: the history user of a change that no person makes (STYLE habit 15). Each
source (the nightly termijnen sweep, later the DUO and BRP exchanges) has its own, so the history
says which machine changed a row. They cannot log in and hold no role, so no access rule admits them."""

from enum import StrEnum

from .models import User


class Systeembron(StrEnum):
    TERMIJNEN = "termijnen"
    DUO = "duo"
    BRP = "brp"
    VERNIETIGING = "vernietiging"  # the retention job that proposes vernietigingslijsten (issue 13)


def systeemgebruiker(bron: Systeembron) -> User:
    gebruiker, nieuw = User.objects.get_or_create(
        username=f"systeem-{bron.value}",
        defaults={"first_name": "Systeem", "last_name": f"({bron.value})", "is_active": False},
    )
    if nieuw:
        gebruiker.set_unusable_password()
        gebruiker.save(update_fields=["password"])
    return gebruiker
