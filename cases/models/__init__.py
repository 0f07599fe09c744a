"""cases models: the person and the dossier (dossier.py), the handover and the brede intake (intake.py)."""

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

from .termijnen import Signaal, SignaalSoort, Termijn, TermijnOpschorting, TermijnSoort, TermijnStatus

__all__ = [
    "Signaal", "SignaalSoort", "Termijn", "TermijnOpschorting", "TermijnSoort", "TermijnStatus",
    "ACTIEVE_FASEN", "AFROND_REDENEN", "BEEINDIG_REDENEN", "BredeIntake", "Dossier", "DossierQuerySet", "EindReden",
    "Fase", "Geletterdheid", "Geslacht", "Huishouden", "Inburgeraar", "IntakeGezondheid", "IntakeLocatie",
    "NederlandsNiveau", "OpleidingNiveau", "Regime", "Uitnodiging", "WarmeOverdracht", "Werkervaring",
    "Zelfredzaamheid",
]
