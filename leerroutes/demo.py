"""Synthetic demo aanbieders (DOMAIN §1 partners). Names of real Eemsdelta partners, invented
numbers. Safe to run twice: rows are matched by name."""

from datetime import date

from django.db import transaction

from .models import Aanbieder
from .rules import AanbiederSoort, ContractProcedure

DEMO_AANBIEDERS = [
    {"naam": "Cadanz Welzijn", "soort": AanbiederSoort.WELZIJN, "plaats": "Delfzijl",
     "toelichting": "Maatschappelijke begeleiding en PVT.", "contract_procedure": ContractProcedure.AANBESTEDING},
    {"naam": "VKB", "soort": AanbiederSoort.SCHULDHULP, "plaats": "Groningen",
     "toelichting": "Financieel ontzorgen: doorbetalen vaste lasten en budgetbeheer.",
     "contract_procedure": ContractProcedure.OVERIG},
    {"naam": "Taalschool Noord", "soort": AanbiederSoort.TAALAANBIEDER, "plaats": "Delfzijl",
     "keurmerk_nummer": "1234567", "keurmerk_geldig_tot": date(2029, 12, 31),
     "contract_procedure": ContractProcedure.OPEN_HOUSE, "toelichting": "B1-route en Z-route, MAP."},
    {"naam": "Inburgeringscentrum Eemsmond", "soort": AanbiederSoort.TAALAANBIEDER, "plaats": "Appingedam",
     "keurmerk_nummer": "7654321", "keurmerk_geldig_tot": date(2028, 6, 30),
     "contract_procedure": ContractProcedure.OPEN_HOUSE, "toelichting": "B1-route, Z-route met alfabetisering."},
    {"naam": "Noorderpoort Taalschakeltraject", "soort": AanbiederSoort.ONDERWIJSINSTELLING, "plaats": "Groningen",
     "taalschakeltraject_erkend": True, "brin": "25LX", "contract_procedure": ContractProcedure.AANBESTEDING,
     "toelichting": "Onderwijsroute (taalschakeltraject)."},
]


@transaction.atomic
def demo_aanbieders() -> list[Aanbieder]:
    gemaakt = []
    for gegevens in DEMO_AANBIEDERS:
        aanbieder = Aanbieder.objects.filter(naam=gegevens["naam"]).first()
        if aanbieder is None:
            aanbieder = Aanbieder(**gegevens)
            aanbieder._change_reason = "Demodata"
            aanbieder.save()
        gemaakt.append(aanbieder)
    return gemaakt
