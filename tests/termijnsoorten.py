"""Every termijn kind by name, whichever app registers it (for date tables that mix kinds)."""

from types import SimpleNamespace

from handhaving.termijnen import HandhavingTermijn
from leerroutes.termijnen import LeerrouteTermijn
from pip_plans.termijnen import PipTermijn

S = SimpleNamespace(**{soort.name: soort for enum in (PipTermijn, LeerrouteTermijn, HandhavingTermijn) for soort in enum})
