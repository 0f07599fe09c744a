"""Pure rules for role changes (issue 11 item 1): facts in, decision out, no database."""

from .roles import Rol

# Roles that see case data (dossiers, health data): granting one is the escalation to guard.
ZIET_DOSSIERS = frozenset({Rol.WERKCOACH, Rol.CONSULENT, Rol.MANAGER})
# ... and every role that sees personal data at all: the privacy officer sees names on a
# vernietigingslijst and exports everything about one BSN (issue 13); the postkamer prints letters (issue 15);
# the koppelbeheerder sees the DUO outbox, whose messages hold BSNs and PIP data (issue 16).
ZIET_PERSOONSGEGEVENS = ZIET_DOSSIERS | {Rol.PRIVACY, Rol.POSTKAMER, Rol.KOPPELBEHEER}


def goedkeuring_nodig(*, oude_rol: Rol | None, nieuwe_rol: Rol | None, instelling_aan: bool,
                      actieve_beheerders: int) -> bool:
    """Four eyes: a change needs a second beheerder when the setting is on and a second active beheerder
    exists, and the change grants a role that sees case data, grants the beheerder role (a new beheerder
    could approve the first one's requests) or takes the beheerder role away (which would leave a sole
    beheerder who grants directly). Taking a case role away only reduces access: directly."""
    if not instelling_aan or actieve_beheerders < 2:
        return False
    return nieuwe_rol in ZIET_PERSOONSGEGEVENS or Rol.BEHEERDER in (oude_rol, nieuwe_rol)


def mag_beoordelen(*, beoordelaar_id: int, aanvrager_id: int | None, gebruiker_id: int) -> bool:
    """The second beheerder is neither the one who asked nor the one whose role changes."""
    return beoordelaar_id not in (aanvrager_id, gebruiker_id)
