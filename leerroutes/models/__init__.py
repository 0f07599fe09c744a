"""leerroutes models, one module per concept: aanbieders, the leerroute enrolment, hours, exams,
PVT and MAP (onderdelen), financieel ontzorgen, maatschappelijke begeleiding, and the afsluiting."""

from .aanbieder import Aanbieder
from .afsluiting import ONTHEFFING_GRONDEN, VRIJSTELLING_GRONDEN, AfsluitGrond, Afsluiting
from .begeleiding import MaatschappelijkeBegeleiding, MbActiviteit
from .examen import Examen
from .inschrijving import Inschrijving
from .instellingen import LeerroutesInstellingen
from .onderdelen import Map, Pvt, PvtSessie
from .ontzorging import Ontzorging, OntzorgingNotitie, VasteLast
from .uren import Uren, ZRouteNorm

__all__ = [
    "ONTHEFFING_GRONDEN", "VRIJSTELLING_GRONDEN", "Aanbieder", "AfsluitGrond", "Afsluiting", "Examen", "Inschrijving",
    "LeerroutesInstellingen", "MaatschappelijkeBegeleiding", "Map", "MbActiviteit", "Ontzorging", "OntzorgingNotitie",
    "Pvt", "PvtSessie", "Uren", "VasteLast", "ZRouteNorm",
]
