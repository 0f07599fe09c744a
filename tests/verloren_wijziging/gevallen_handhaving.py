"""Handhaving's edit forms: every step that changes fields of an existing zaak. (Opening a zaak, a
gesprek and a note add a row and carry no version.)"""

from datetime import date, timedelta

from django.urls import reverse

from handhaving import services
from handhaving.models import Gesprek, Handhavingszaak
from tests import klok
from tests.factories import HandhavingszaakFactory

from .geval import Geval, Opzet


@klok.per_test
def _datums() -> None:
    global VANDAAG, GISTEREN
    VANDAAG = date.today()
    GISTEREN = VANDAAG - timedelta(days=1)


def _versie(zaak) -> int:
    return Handhavingszaak.objects.values_list("versie", flat=True).get(pk=zaak.pk)


def _opzet(stap: str, zaak, *, gebruiker, invoer: dict, zichtbaar: str, collega_slaat_op, velden: tuple) -> Opzet:
    """The step page of this zaak; the state compared is the zaak's status and the given fields."""
    return Opzet(
        gebruiker=gebruiker, url=reverse(f"handhaving:{stap}", args=[zaak.pk]), invoer=invoer,
        zichtbare_invoer=zichtbaar, collega_slaat_op=collega_slaat_op,
        stand=lambda: Handhavingszaak.objects.values_list("status", *velden).get(pk=zaak.pk),
    )


def _bijstand_door(zaak, collega):
    """A colleague records that the bijstand was not lowered: a change of the same zaak."""
    return lambda: services.bijstand_verlaging_vastleggen(
        zaak_id=zaak.pk, verlaagd=False, toelichting="Navraag gedaan: niet verlaagd.", versie=_versie(zaak),
        by=collega,
    )


def _betaling_door(zaak, collega):
    return lambda: services.betaalstatus_wijzigen(zaak_id=zaak.pk, betaalstatus="betaald", versie=_versie(zaak),
                                                  by=collega)


def _na_gesprek(werkcoach, **zaak):
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach, **zaak)
    Gesprek.objects.create(zaak=zaak, datum=GISTEREN, uitkomst="gevoerd", cautie="gegeven", verslag="Besproken.",
                           vastgelegd_door=werkcoach)
    return zaak


def bijstand(request) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach)
    tekst = "Verlaagd per 1 maart wegens hetzelfde verzuim."
    return _opzet("bijstand", zaak, gebruiker=werkcoach, invoer={"verlaagd": "on", "toelichting": tekst},
                  zichtbaar=tekst, collega_slaat_op=_bijstand_door(zaak, collega),
                  velden=("bijstand_verlaagd", "bijstand_toelichting"))


def waarschuwing(request) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    zaak = _na_gesprek(werkcoach, status="gesprek")
    tekst = "U kwam twee keer niet naar het PVT."
    return _opzet("waarschuwing", zaak, gebruiker=werkcoach,
                  invoer={"verzendwijze": "uitreiking", "uitgereikt_op": VANDAAG.isoformat(), "toelichting": tekst}, zichtbaar=tekst,
                  collega_slaat_op=_bijstand_door(zaak, collega),
                  velden=("waarschuwing_op", "waarschuwing_toelichting", "bijstand_toelichting"))


def voornemen(request) -> Opzet:
    werkcoach, consulent = request.getfixturevalue("werkcoach"), request.getfixturevalue("consulent")
    zaak = _na_gesprek(werkcoach, status="waarschuwing", waarschuwing_op=GISTEREN, rapport_dagtekening=GISTEREN,
                       rapport_door=werkcoach)
    return _opzet("voornemen", zaak, gebruiker=consulent,
                  invoer={"verzendwijze": "uitreiking", "uitgereikt_op": VANDAAG.isoformat(), "verwijtbaarheid": "geen",
                          "verwijtbaarheid_reden": "Geen opzet gebleken.", "toelichting": "Wij zijn van plan…"},
                  zichtbaar="Geen opzet gebleken.", collega_slaat_op=_bijstand_door(zaak, werkcoach),
                  velden=("voornemen_op", "verwijtbaarheid_reden", "bijstand_toelichting"))


def rapport(request) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    zaak = _na_gesprek(werkcoach, status="waarschuwing", waarschuwing_op=GISTEREN)
    tekst = "Drie keer niet op de PVT-bijeenkomst verschenen."
    return _opzet("rapport", zaak, gebruiker=werkcoach,
                  invoer={"dagtekening": VANDAAG.isoformat(), "overtreding": tekst, "voorschrift": "Wet 23",
                          "plaats": "Bij de aanbieder"},
                  zichtbaar=tekst, collega_slaat_op=_bijstand_door(zaak, collega),
                  velden=("rapport_dagtekening", "rapport_overtreding", "bijstand_toelichting"))


def zienswijze(request) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach, voornemen=True)
    return _opzet(
        "zienswijze", zaak, gebruiker=werkcoach,
        invoer={"ontvangen_op": VANDAAG.isoformat(), "wijze": "mondeling", "inhoud": "Ik lag in het ziekenhuis."},
        zichtbaar="Ik lag in het ziekenhuis.",
        collega_slaat_op=lambda: services.zienswijze_vastleggen(
            zaak_id=zaak.pk, ontvangen_op=GISTEREN, wijze="schriftelijk", inhoud="Brief: ik was de oproep kwijt.",
            versie=_versie(zaak), by=collega),
        velden=("zienswijze_ontvangen_op", "zienswijze_wijze", "zienswijze_inhoud"),
    )


def besluit(request) -> Opzet:
    werkcoach, consulent = request.getfixturevalue("werkcoach"), request.getfixturevalue("consulent")
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach, voornemen=True)
    tekst = "De naleving is alsnog hersteld."
    return _opzet("besluit", zaak, gebruiker=consulent,
                  invoer={"uitkomst": "geen_boete", "dagtekening": VANDAAG.isoformat(),
                          "verzendwijze": "uitreiking", "uitgereikt_op": VANDAAG.isoformat(), "motivering": tekst, "actie": "besluiten"},
                  zichtbaar=tekst, collega_slaat_op=_bijstand_door(zaak, werkcoach),
                  velden=("besluit_uitkomst", "motivering", "bijstand_toelichting"))


def bezwaar(request) -> Opzet:
    werkcoach, consulent = request.getfixturevalue("werkcoach"), request.getfixturevalue("consulent")
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach, boete=True)
    return _opzet("bezwaar", zaak, gebruiker=consulent,
                  invoer={"ontvangen_op": GISTEREN.isoformat(), "uitkomst": "ingetrokken",
                          "beslist_op": VANDAAG.isoformat()},
                  zichtbaar=f'value="{GISTEREN.isoformat()}"', collega_slaat_op=_betaling_door(zaak, werkcoach),
                  velden=("bezwaar_ontvangen_op", "bezwaar_uitkomst", "betaalstatus"))


def beroep(request) -> Opzet:
    werkcoach, consulent = request.getfixturevalue("werkcoach"), request.getfixturevalue("consulent")
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach, boete=True, bezwaar_ontvangen_op=GISTEREN,
                                  bezwaar_uitkomst="ongegrond", bezwaar_beslist_op=GISTEREN,
                                  bezwaar_bekendgemaakt_op=GISTEREN)
    return _opzet("beroep", zaak, gebruiker=consulent, invoer={"beroep_ingesteld_op": VANDAAG.isoformat()},
                  zichtbaar=f'value="{VANDAAG.isoformat()}"', collega_slaat_op=_betaling_door(zaak, werkcoach),
                  velden=("beroep_ingesteld_op", "betaalstatus"))


def betaling(request) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach, boete=True)
    return _opzet("betaling", zaak, gebruiker=werkcoach, invoer={"betaalstatus": "kwijtgescholden"},
                  zichtbaar="kwijtgescholden", collega_slaat_op=_betaling_door(zaak, collega),
                  velden=("betaalstatus",))


def afsluiten(request) -> Opzet:
    werkcoach, collega = request.getfixturevalue("werkcoach"), request.getfixturevalue("collega")
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach)
    tekst = "Verhuisd naar een andere gemeente."
    return _opzet("afsluiten", zaak, gebruiker=werkcoach, invoer={"reden": "overig", "toelichting": tekst},
                  zichtbaar=tekst, collega_slaat_op=_bijstand_door(zaak, collega),
                  velden=("afsluit_reden", "afsluit_toelichting", "bijstand_toelichting"))


GEVALLEN = [
    Geval(f"handhaving:{opzet.__name__}", opzet)
    for opzet in (bijstand, waarschuwing, rapport, voornemen, zienswijze, besluit, bezwaar, beroep, betaling, afsluiten)
]
