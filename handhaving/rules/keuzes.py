"""The choices and fixed lists of a handhaving zaak (DOMAIN §9)."""


from django.db import models
from django.utils.translation import gettext_lazy as _


# --- choices ---------------------------------------------------------------------------------------------
class Verplichting(models.TextChoices):
    INTAKE_NIET_VERSCHENEN = "intake_niet_verschenen", _("Brede intake: niet verschenen")
    INTAKE_NIET_MEEGEWERKT = "intake_niet_meegewerkt", _("Brede intake: niet meegewerkt (ook leerbaarheidstoets)")
    PIP_NIET_MEEGEWERKT = "pip_niet_meegewerkt", _("PIP: niet meegewerkt aan begeleiding en ondersteuning")
    LEERROUTE = "leerroute", _("Leerroute of inburgeringsaanbod niet gevolgd")
    PVT = "pvt", _("Participatieverklaringstraject (PVT) niet gevolgd")
    MAP = "map", _("Module Arbeidsmarkt en Participatie (MAP) niet gevolgd")


class Regime(models.TextChoices):
    BREDE_INTAKE = "brede_intake", _("Brede intake (Wet inburgering 2021, art. 22)")
    PIP = "pip", _("Verplichtingen uit het PIP (Wet inburgering 2021, art. 23)")


class Verwijtbaarheid(models.TextChoices):
    OPZET = "opzet", _("Opzet")
    GROVE_SCHULD = "grove_schuld", _("Grove schuld")
    GEEN = "geen", _("Geen opzet of grove schuld")
    VERMINDERD = "verminderd", _("Verminderde verwijtbaarheid")


class GesprekUitkomst(models.TextChoices):
    GEVOERD = "gevoerd", _("Gesprek gevoerd")
    POGING_MISLUKT = "poging_mislukt", _("Poging gedaan, geen gesprek tot stand gekomen")


class Cautie(models.TextChoices):
    """Awb 5:10a: before questioning someone who may be fined about the breach, tell them they need not answer."""

    NIET_VAN_TOEPASSING = "nvt", _("Niet van toepassing: het gesprek kan niet tot een boete leiden")
    GEGEVEN = "gegeven", _("Ja, de cautie is gegeven")
    NIET_GEGEVEN = "niet_gegeven", _("Nee, de cautie is niet gegeven")


class ZienswijzeWijze(models.TextChoices):
    MONDELING = "mondeling", _("Mondeling")
    SCHRIFTELIJK = "schriftelijk", _("Schriftelijk")


class BesluitUitkomst(models.TextChoices):
    BOETE = "boete", _("Boete")
    GEEN_BOETE = "geen_boete", _("Geen boete")


class AfsluitReden(models.TextChoices):
    NALEVING_HERSTELD = "naleving_hersteld", _("Naleving hersteld")
    ONTERECHT = "onterecht", _("Signaal onterecht")
    AFGEHANDELD = "afgehandeld", _("Besluit afgehandeld")
    OVERIG = "overig", _("Andere reden")


class Betaalstatus(models.TextChoices):
    OPEN = "open", _("Open")
    BETAALD = "betaald", _("Betaald")
    KWIJTGESCHOLDEN = "kwijtgescholden", _("Kwijtgescholden")
    # Awb 4:104: the claim lapsed (vijf jaar na het einde van de betalingstermijn, tenzij gestuit). Recorded
    # by a person, never derived: only the invorderaar knows whether the term was interrupted (4:105).
    VERJAARD = "verjaard", _("Vordering verjaard")


class BezwaarUitkomst(models.TextChoices):
    ONGEGROND = "ongegrond", _("Ongegrond: boete blijft")
    GEGROND = "gegrond", _("Gegrond: boete herroepen")
    NIET_ONTVANKELIJK = "niet_ontvankelijk", _("Niet-ontvankelijk")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


class ZaakStatus(models.TextChoices):
    SIGNAAL = "signaal", _("Signaal")
    GESPREK = "gesprek", _("Gesprek")
    WAARSCHUWING = "waarschuwing", _("Waarschuwing")
    VOORNEMEN = "voornemen", _("Voornemen")
    BESLUIT = "besluit", _("Besluit")
    AFGESLOTEN = "afgesloten", _("Afgesloten")


OPEN_STATUSSEN = [s for s in ZaakStatus.values if s != ZaakStatus.AFGESLOTEN]


class Stap(models.TextChoices):
    """The steps on a zaak, in the order the zaak page offers them; the value is the step page's url
    name (`handhaving:<value>`)."""

    GESPREK = "gesprek", _("Gesprek vastleggen")
    WAARSCHUWING = "waarschuwing", _("Waarschuwingsbrief maken")
    RAPPORT = "rapport", _("Rapport opmaken (Awb 5:48)")
    VOORNEMEN = "voornemen", _("Voornemen tot boete opstellen")
    ZIENSWIJZE = "zienswijze", _("Zienswijze vastleggen")
    BESLUIT = "besluit", _("Besluit nemen")
    BEZWAAR = "bezwaar", _("Bezwaar vastleggen")
    BEROEP = "beroep", _("Beroep en hoger beroep vastleggen")
    BETALING = "betaling", _("Betaling bijwerken")
    NOTITIE = "notitie", _("Notitie of bijlage toevoegen")
    BIJSTAND = "bijstand", _("Verlaging bijstand (art. 27) vastleggen")
    AFSLUITEN = "afsluiten", _("Zaak afsluiten")


DUO_NIEUWE_TERMIJN_MAANDEN = [6, 12, 18, 24]  # Besluit 7.1 lid 5

INTAKE = (Verplichting.INTAKE_NIET_VERSCHENEN, Verplichting.INTAKE_NIET_MEEGEWERKT)
