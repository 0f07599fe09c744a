"""Handhaving's edit forms: every step that changes fields of an existing zaak. (Opening a zaak, a
gesprek and a note add a row and carry no version.)"""

from datetime import date, timedelta

from django.urls import reverse

from handhaving import services
from handhaving.models import Gesprek, Handhavingszaak
from tests.factories import HandhavingszaakFactory

from .geval import Geval, Opzet

VANDAAG = date.today()
GISTEREN = VANDAAG - timedelta(days=1)


def _versie(zaak) -> int:
    return Handhavingszaak.objects.values_list("versie", flat=True).get(pk=zaak.pk)


def _stand(zaak, *velden):
    return lambda: Handhavingszaak.objects.values_list("status", *velden).get(pk=zaak.pk)


def _collega_legt_bijstand_vast(zaak, collega):
    """A colleague records that the bijstand was not lowered: a change of the same zaak."""
    return lambda: services.bijstand_verlaging_vastleggen(
        zaak_id=zaak.pk, verlaagd=False, toelichting="Navraag gedaan: niet verlaagd.", versie=_versie(zaak),
        by=collega,
    )


def _url(naam: str, zaak) -> str:
    return reverse(f"handhaving:{naam}", args=[zaak.pk])


def bijstand(request) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach)
    return Opzet(
        gebruiker=werkcoach, url=_url("bijstand", zaak),
        invoer={"verlaagd": "on", "toelichting": "Verlaagd per 1 maart wegens hetzelfde verzuim."},
        zichtbare_invoer="Verlaagd per 1 maart wegens hetzelfde verzuim.",
        collega_slaat_op=_collega_legt_bijstand_vast(zaak, collega),
        stand=_stand(zaak, "bijstand_verlaagd", "bijstand_toelichting"),
    )


def waarschuwing(request) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach, status="gesprek")
    Gesprek.objects.create(zaak=zaak, datum=GISTEREN, uitkomst="gevoerd", verslag="Besproken.",
                           vastgelegd_door=werkcoach)
    return Opzet(
        gebruiker=werkcoach, url=_url("waarschuwing", zaak),
        invoer={"verzonden_op": VANDAAG.isoformat(), "toelichting": "U kwam twee keer niet naar het PVT."},
        zichtbare_invoer="U kwam twee keer niet naar het PVT.",
        collega_slaat_op=_collega_legt_bijstand_vast(zaak, collega),
        stand=_stand(zaak, "waarschuwing_op", "waarschuwing_toelichting", "bijstand_toelichting"),
    )


def voornemen(request) -> Opzet:
    werkcoach, consulent = request.getfixturevalue("werkcoach"), request.getfixturevalue("consulent")
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach, status="waarschuwing", waarschuwing_op=GISTEREN)
    Gesprek.objects.create(zaak=zaak, datum=GISTEREN, uitkomst="gevoerd", verslag="Besproken.",
                           vastgelegd_door=werkcoach)
    return Opzet(
        gebruiker=consulent, url=_url("voornemen", zaak),
        invoer={"verzonden_op": VANDAAG.isoformat(), "verwijtbaarheid": "geen",
                "verwijtbaarheid_reden": "Geen opzet gebleken.", "toelichting": "Wij zijn van plan een boete op te leggen."},
        zichtbare_invoer="Geen opzet gebleken.",
        collega_slaat_op=_collega_legt_bijstand_vast(zaak, werkcoach),
        stand=_stand(zaak, "voornemen_op", "verwijtbaarheid_reden", "bijstand_toelichting"),
    )


def zienswijze(request) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach, voornemen=True)
    return Opzet(
        gebruiker=werkcoach, url=_url("zienswijze", zaak),
        invoer={"ontvangen_op": VANDAAG.isoformat(), "wijze": "mondeling", "inhoud": "Ik lag in het ziekenhuis."},
        zichtbare_invoer="Ik lag in het ziekenhuis.",
        collega_slaat_op=lambda: services.zienswijze_vastleggen(
            zaak_id=zaak.pk, ontvangen_op=GISTEREN, wijze="schriftelijk", inhoud="Brief: ik was de oproep kwijt.",
            versie=_versie(zaak), by=collega),
        stand=_stand(zaak, "zienswijze_ontvangen_op", "zienswijze_wijze", "zienswijze_inhoud"),
    )


def besluit(request) -> Opzet:
    werkcoach, consulent = request.getfixturevalue("werkcoach"), request.getfixturevalue("consulent")
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach, voornemen=True)
    return Opzet(
        gebruiker=consulent, url=_url("besluit", zaak),
        invoer={"uitkomst": "geen_boete", "dagtekening": VANDAAG.isoformat(), "bekendmaking": VANDAAG.isoformat(),
                "motivering": "De naleving is alsnog hersteld.", "actie": "besluiten"},
        zichtbare_invoer="De naleving is alsnog hersteld.",
        collega_slaat_op=_collega_legt_bijstand_vast(zaak, werkcoach),
        stand=_stand(zaak, "besluit_uitkomst", "motivering", "bijstand_toelichting"),
    )


def bezwaar(request) -> Opzet:
    werkcoach, consulent = request.getfixturevalue("werkcoach"), request.getfixturevalue("consulent")
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach, boete=True)
    return Opzet(
        gebruiker=consulent, url=_url("bezwaar", zaak),
        invoer={"ontvangen_op": GISTEREN.isoformat(), "uitkomst": "ingetrokken", "beslist_op": VANDAAG.isoformat()},
        zichtbare_invoer=f'value="{GISTEREN.isoformat()}"',
        collega_slaat_op=lambda: services.betaalstatus_wijzigen(zaak_id=zaak.pk, betaalstatus="betaald",
                                                                versie=_versie(zaak), by=werkcoach),
        stand=_stand(zaak, "bezwaar_ontvangen_op", "bezwaar_uitkomst", "betaalstatus"),
    )


def betaling(request) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach, boete=True)
    return Opzet(
        gebruiker=werkcoach, url=_url("betaling", zaak),
        invoer={"betaalstatus": "kwijtgescholden"},
        zichtbare_invoer="kwijtgescholden",
        collega_slaat_op=lambda: services.betaalstatus_wijzigen(zaak_id=zaak.pk, betaalstatus="betaald",
                                                                versie=_versie(zaak), by=collega),
        stand=_stand(zaak, "betaalstatus"),
    )


def afsluiten(request) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach)
    return Opzet(
        gebruiker=werkcoach, url=_url("afsluiten", zaak),
        invoer={"reden": "overig", "toelichting": "Verhuisd naar een andere gemeente."},
        zichtbare_invoer="Verhuisd naar een andere gemeente.",
        collega_slaat_op=_collega_legt_bijstand_vast(zaak, collega),
        stand=_stand(zaak, "afsluit_reden", "afsluit_toelichting", "bijstand_toelichting"),
    )


GEVALLEN = [
    Geval("handhaving:bijstand", bijstand),
    Geval("handhaving:waarschuwing", waarschuwing),
    Geval("handhaving:voornemen", voornemen),
    Geval("handhaving:zienswijze", zienswijze),
    Geval("handhaving:besluit", besluit),
    Geval("handhaving:bezwaar", bezwaar),
    Geval("handhaving:betaling", betaling),
    Geval("handhaving:afsluiten", afsluiten),
]
