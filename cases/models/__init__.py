"""cases models: the person and the dossier (dossier.py), the handover and the brede intake (intake.py)."""

from .contact import Contactmoment
from .dossier import (
    ACTIEVE_FASEN,
    AFROND_REDENEN,
    BEEINDIG_REDENEN,
    Dossier,
    DossierQuerySet,
    EindReden,
    Fase,
    Geslacht,
    Huishouden,
    Inburgeraar,
    Regime,
)
from .intake import (
    BredeIntake,
    Geletterdheid,
    IntakeGezondheid,
    IntakeLocatie,
    NederlandsNiveau,
    OpleidingNiveau,
    Uitnodiging,
    WarmeOverdracht,
    Werkervaring,
    Zelfredzaamheid,
)
from .termijnen import Signaal, SignaalSoort, Termijn, TermijnOpschorting, TermijnStatus

__all__ = [
    "ACTIEVE_FASEN",
    "AFROND_REDENEN",
    "BEEINDIG_REDENEN",
    "BredeIntake",
    "Contactmoment",
    "Dossier",
    "DossierQuerySet",
    "EindReden",
    "Fase",
    "Geletterdheid",
    "Geslacht",
    "Huishouden",
    "Inburgeraar",
    "IntakeGezondheid",
    "IntakeLocatie",
    "NederlandsNiveau",
    "OpleidingNiveau",
    "Regime",
    "Signaal",
    "SignaalSoort",
    "Termijn",
    "TermijnOpschorting",
    "TermijnStatus",
    "Uitnodiging",
    "WarmeOverdracht",
    "Werkervaring",
    "Zelfredzaamheid",
]
