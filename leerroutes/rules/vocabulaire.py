"""The vocabularies of the uitvoering (DUO's codes where DUO has them), the numbers of law, and
how hours and dates are written."""

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

# --- vocabularies (DUO's codes where DUO has them) ----------------------------------------------


class AanbiederSoort:
    TAALAANBIEDER = "taalaanbieder"
    ONDERWIJSINSTELLING = "onderwijsinstelling"
    WELZIJN = "welzijnsorganisatie"
    SCHULDHULP = "schuldhulp_budgetbeheer"
    OVERIG = "overig"
    CHOICES = [
        (TAALAANBIEDER, _("Taalaanbieder")),
        (ONDERWIJSINSTELLING, _("Onderwijsinstelling")),
        (WELZIJN, _("Welzijnsorganisatie")),
        (SCHULDHULP, _("Schuldhulp / budgetbeheer")),
        (OVERIG, _("Anders")),
    ]


class ContractProcedure:
    AANBESTEDING = "aanbesteding"
    OPEN_HOUSE = "open_house"
    OVERIG = "overig"
    CHOICES = [(AANBESTEDING, _("Aanbesteding")), (OPEN_HOUSE, _("Open house")), (OVERIG, _("Anders"))]


class InschrijvingStatus:
    GEPLAND = "gepland"
    AANGEMELD = "aangemeld_bij_aanbieder"
    GESTART = "gestart"
    AFGEROND = "afgerond"
    GESTOPT = "gestopt"
    CHOICES = [
        (GEPLAND, _("Gepland")),
        (AANGEMELD, _("Aangemeld bij aanbieder")),
        (GESTART, _("Gestart")),
        (AFGEROND, _("Afgerond")),
        (GESTOPT, _("Gestopt")),
    ]
    ACTIEF = (GEPLAND, AANGEMELD, GESTART)


class StopReden:
    SCHAKELEN = "schakelen"
    UITVAL = "uitval"
    VERHUIZING = "verhuizing"
    PLICHT_GEEINDIGD = "plicht_geeindigd"
    OVERIG = "overig"
    CHOICES = [
        (SCHAKELEN, _("Schakelen naar een andere leerroute")),
        (UITVAL, _("Uitval (ziekte, werk, persoonlijke omstandigheden)")),
        (VERHUIZING, _("Verhuizing")),
        (PLICHT_GEEINDIGD, _("Plicht geëindigd")),
        (OVERIG, _("Andere reden")),
    ]


class UrenCategorie:
    TAAL_KNM = "taal_knm"
    PARTICIPATIE = "participatie"
    MAP_PRAKTIJK = "map_praktijk"
    PVT = "pvt"
    MB = "maatschappelijke_begeleiding"
    PARTICIPATIEWET = "participatiewet"
    CHOICES = [
        (TAAL_KNM, _("Taal en KNM bij de aanbieder")),
        (PARTICIPATIE, _("Participatie-activiteiten")),
        (MAP_PRAKTIJK, _("MAP (praktijkuren)")),
        (PVT, _("PVT")),
        (MB, _("Maatschappelijke begeleiding")),
        (PARTICIPATIEWET, _("Activiteiten Participatiewet")),
    ]


class UrenBron:
    AANBIEDER = "aanbieder"
    WERKCOACH = "werkcoach"
    CHOICES = [(AANBIEDER, _("Opgave van de aanbieder")), (WERKCOACH, _("Vastgelegd door de werkcoach"))]


class Examenonderdeel:
    KNM = "KNM"
    LE = "LE"
    LU = "LU"
    SC = "SC"
    SP = "SP"
    CHOICES = [
        (KNM, _("Kennis van de Nederlandse Maatschappij")),
        (LE, _("Lezen")),
        (LU, _("Luisteren")),
        (SC, _("Schrijven")),
        (SP, _("Spreken")),
    ]
    TAAL = (LE, LU, SC, SP)


class ExamenNiveau:
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    CHOICES = [(A2, "A2"), (B1, "B1"), (B2, "B2")]
    VOLGORDE = {A2: 1, B1: 2, B2: 3}


class Resultaat:
    GESLAAGD = "Geslaagd"
    GEZAKT = "Gezakt"
    GEEN = "Geen"
    CHOICES = [(GESLAAGD, _("Geslaagd")), (GEZAKT, _("Gezakt")), (GEEN, _("Geen resultaat"))]


class RedenGeenResultaat:
    VERWIJTBAAR = "Verwijtbaar"
    NIETVERWIJTBAAR = "Nietverwijtbaar"
    AFGEMELD = "Afgemeld"
    ABSENT = "Absent"
    CHOICES = [
        (VERWIJTBAAR, _("Verwijtbaar (bijvoorbeeld fraude, eigen schuld niet verschenen)")),
        (NIETVERWIJTBAAR, _("Niet verwijtbaar (tijdig verzet, ziek, overmacht)")),
        (AFGEMELD, _("Afgemeld")),
        (ABSENT, _("Absent")),
    ]


KERNWAARDEN = [
    ("vrijheid", _("Vrijheid")),
    ("gelijkwaardigheid", _("Gelijkwaardigheid")),
    ("solidariteit", _("Solidariteit")),
    ("participatie", _("Participatie")),
]

MAP_THEMAS = [  # Besluit 3.2
    ("beroepenorientatie", _("Beroepenoriëntatie")),
    ("werknemerscompetenties", _("Werknemerscompetenties")),
    ("realistisch_beroepsbeeld", _("Realistisch beroepsbeeld")),
    ("beroepskansen", _("Beroepskansen")),
    ("beroepscompetenties", _("Beroepscompetenties verwerven")),
    ("netwerk", _("Netwerk opbouwen")),
    ("werk_vinden", _("Werk vinden")),
    ("werkcultuur", _("Werkcultuur")),
]


class MapUitkomst:
    VOLDOENDE = "voldoende"
    ONVOLDOENDE = "onvoldoende"
    CHOICES = [(VOLDOENDE, _("Voldoende")), (ONVOLDOENDE, _("Onvoldoende"))]


class MbSoort:
    REGISTRATIE = "registratie"
    HUISARTS = "huisarts"
    VERZEKERINGEN = "verzekeringen"
    TOESLAGEN = "toeslagen"
    HUISVESTING = "huisvesting"
    VOORZIENINGEN = "voorzieningen"
    VOORLICHTING = "voorlichting"
    OVERIG = "overig"
    CHOICES = [
        (REGISTRATIE, _("Inschrijving en registratie")),
        (HUISARTS, _("Huisarts en zorg")),
        (VERZEKERINGEN, _("Verzekeringen")),
        (TOESLAGEN, _("Toeslagen")),
        (HUISVESTING, _("Wonen en huisvesting")),
        (VOORZIENINGEN, _("Lokale voorzieningen")),
        (VOORLICHTING, _("Voorlichting over leefgebieden")),
        (OVERIG, _("Anders")),
    ]


# --- numbers of law (not policy, so not settings) ------------------------------------------------
Z_ROUTE_CURSUS_UREN = 800  # Besluit 3.14: NT2 + KNM course hours
Z_ROUTE_ACTIVITEIT_UREN = 800  # Besluit 3.14: activity hours, asielstatushouders only
PVT_MINIMUM_UREN = 12  # Besluit 3.1
GRATIS_POGINGEN_ASIEL = 2  # per exam part, asielstatushouders


def uren_tekst(uren: Decimal | int) -> str:
    """Hours the Dutch way: 212, 12,5 (never 212.00)."""
    waarde = Decimal(uren).normalize()
    tekst = f"{waarde:f}"
    return tekst.replace(".", ",")


def _d(d: date) -> str:
    return d.strftime("%d-%m-%Y")


