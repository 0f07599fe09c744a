"""Handhaving end to end in a real browser, with an axe-core scan of every page on the way: a werkcoach
opens a zaak for a missed brede intake, records a conversation and sends a warning; a consulent sends the
voornemen, records the zienswijze and decides a €250 fine with its derivation, sent by post; the postkamer
posts the print batch and the zaak shows the bezwaartermijn from that day; the letters download."""

import re
from datetime import date, timedelta

from django.utils import formats, translation

from playwright.sync_api import Page, expect

from cases.models import Fase
from cases.rules import Doelgroep
from handhaving.models import Handhavingszaak
from inburgering.accounts.roles import Rol
from inburgering.kalender.selectors import bezwaar_einde
from tests import klok
from tests.e2e.conftest import assert_geen_axe_fouten, printbatch_posten
from tests.factories import (
    ConsulentFactory,
    DossierFactory,
    TeamFactory,
    UitnodigingFactory,
    UserFactory,
    WerkcoachFactory,
)


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today()


def _veld(page: Page, label: str):
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(verplicht\))?$"))


def _lang(datum: date) -> str:
    with translation.override("nl"):
        return formats.date_format(datum, "j F Y")


def _download(page: Page, link_naam: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_naam).first.click()
    pad = info.value.path()
    with open(pad, "rb") as bestand:
        return bestand.read()


def test_from_signal_to_a_lawful_fine(page: Page, live_server, inloggen):
    team = TeamFactory(naam="Team Noord")
    werkcoach = WerkcoachFactory(username="wendy", first_name="Wendy", last_name="de Coach", team=team)
    consulent = ConsulentFactory(username="cor", first_name="Cor", last_name="Consulent", team=team)
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.INTAKE, doelgroep=Doelgroep.GEZINSVORMER,
                             inburgeraar__voornamen="Samira", inburgeraar__geslachtsnaam="Haddad",
                             inburgeraar__adresregel1="Oude Schans 12", inburgeraar__adresregel2="9934 AB  DELFZIJL")
    postkamer = UserFactory(username="paula", team=None, rol=Rol.POSTKAMER)
    UitnodigingFactory(dossier=dossier, volgnummer=1, verschenen=False)
    UitnodigingFactory(dossier=dossier, volgnummer=2, verschenen=False, waarschuwing_op=VANDAAG - timedelta(days=25),
                       verzonden_op=VANDAAG - timedelta(days=25), gesprek_op=VANDAAG - timedelta(days=14))

    # --- the werkcoach: open, talk, warn ---
    inloggen(werkcoach)
    page.goto(f"{live_server.url}/dossiers/{dossier.pk}/")
    page.get_by_role("navigation", name="Dossieronderdelen").get_by_role("link", name="Handhaving").click()
    expect(page.get_by_role("heading", level=2, name="Handhaving")).to_be_visible()
    assert_geen_axe_fouten(page, "handhaving-tab")

    page.get_by_role("link", name="Handhavingszaak openen").click()
    assert_geen_axe_fouten(page, "zaak openen")
    page.get_by_role("button", name="Zaak openen").click()  # empty: Dutch errors, summary focused
    expect(page.locator("#foutenoverzicht")).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Fout: "))
    assert_geen_axe_fouten(page, "zaak openen, met fouten")
    _veld(page, "Welke verplichting is niet nagekomen?").select_option(label="Brede intake: niet verschenen")
    _veld(page, "Datum van de overtreding").fill((VANDAAG - timedelta(days=14)).isoformat())
    _veld(page, "Overtreding geconstateerd op").fill((VANDAAG - timedelta(days=13)).isoformat())
    _veld(page, "Omschrijving van het signaal").fill("Niet verschenen op de tweede oproep voor de brede intake.")
    page.get_by_role("button", name="Zaak openen").click()
    expect(page.get_by_role("heading", level=2, name=re.compile("Handhavingszaak"))).to_be_visible()
    expect(page.get_by_text("Oproep 2 brede intake: niet verschenen")).to_be_visible()
    assert_geen_axe_fouten(page, "zaak, signaal")

    page.get_by_role("link", name="Gesprek vastleggen").click()
    assert_geen_axe_fouten(page, "gesprek")
    page.get_by_label("Gesprek gevoerd").check()
    page.get_by_label("Ja, de cautie is gegeven").check()
    _veld(page, "Verslag").fill("Gebeld: de brief was niet begrepen. Uitleg gegeven met tolk.")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_role("status")).to_contain_text("Het gesprek is vastgelegd.")

    page.get_by_role("link", name="Waarschuwingsbrief maken").click()
    expect(page.get_by_text("Er gaat nog niets de deur uit")).to_be_visible()
    assert_geen_axe_fouten(page, "waarschuwing")
    _veld(page, "Toelichting in de brief").fill("U bent twee keer niet verschenen.")
    page.get_by_label("Persoonlijk uitgereikt").check()  # handed over at the counter: sent today
    _veld(page, "Uitgereikt op").fill(VANDAAG.isoformat())
    page.get_by_role("button", name="Waarschuwingsbrief maken").click()
    expect(page.get_by_role("status")).to_contain_text("De waarschuwing is gemaakt.")
    assert_geen_axe_fouten(page, "zaak, waarschuwing")
    assert _download(page, "Waarschuwing downloaden (PDF)").startswith(b"%PDF")

    page.get_by_role("link", name="Rapport opmaken (Awb 5:48)").click()
    assert_geen_axe_fouten(page, "rapport")
    _veld(page, "Waar geconstateerd").fill("Gemeentehuis Appingedam, intakegesprek")
    page.get_by_role("button", name="Rapport opmaken").click()
    expect(page.get_by_role("status")).to_contain_text("Het rapport is opgemaakt.")
    assert _download(page, "Rapport (Awb 5:48) downloaden (PDF)").startswith(b"%PDF")
    page.get_by_role("button", name="Uitloggen").click()

    # --- the consulent: voornemen, zienswijze, besluit ---
    inloggen(consulent)
    zaak = Handhavingszaak.objects.get(dossier=dossier)
    page.goto(f"{live_server.url}/handhaving/{zaak.pk}/")
    page.get_by_role("link", name="Voornemen tot boete opstellen").click()
    assert_geen_axe_fouten(page, "voornemen")
    page.get_by_label("Persoonlijk uitgereikt").check()
    page.get_by_role("button", name="Voornemen versturen").click()  # no handover date: a Dutch error
    expect(page.locator("#foutenoverzicht")).to_contain_text("Vul de datum van uitreiking in.")
    _veld(page, "Uitgereikt op").fill(VANDAAG.isoformat())
    page.get_by_role("button", name="Voornemen versturen").click()
    expect(page.get_by_role("status")).to_contain_text("Het voornemen is gemaakt.")
    expect(page.get_by_text("€ 250,00").first).to_be_visible()
    assert _download(page, "Voornemen tot boete downloaden (PDF)").startswith(b"%PDF")

    page.get_by_role("link", name="Handhaving").first.click()
    page.get_by_role("link", name="Zaken die wachten op een besluit").click()
    expect(page.get_by_role("heading", level=1, name="Handhaving: te besluiten")).to_be_visible()
    assert_geen_axe_fouten(page, "te besluiten")
    page.get_by_role("link", name="Samira Haddad").click()

    page.get_by_role("link", name="Zienswijze vastleggen").click()
    assert_geen_axe_fouten(page, "zienswijze")
    page.get_by_label("Mondeling").check()
    _veld(page, "Wat heeft de inburgeraar naar voren gebracht?").fill("Ik was de brief kwijt.")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_role("status")).to_contain_text("De zienswijze is vastgelegd.")

    page.get_by_role("link", name="Besluit nemen").click()
    expect(page.get_by_text("Brede intake (Wet inburgering 2021 art. 22, Besluit 7.1): vast bedrag € 250,00.")).to_be_visible()
    assert_geen_axe_fouten(page, "besluit")
    page.get_by_role("button", name="Besluit nemen").click()  # no motivering, no weging: errors
    expect(page.locator("#foutenoverzicht")).to_contain_text("Weging van de zienswijze: Dit veld is verplicht.")
    assert_geen_axe_fouten(page, "besluit, met fouten")
    _veld(page, "Motivering").fill("Twee oproepen en een waarschuwing zonder reactie.")
    _veld(page, "Weging van de zienswijze").fill("Een kwijtgeraakte brief verklaart niet dat ook het gesprek "
                                                 "over de waarschuwing is genegeerd.")
    expect(page.get_by_role("radio", name=re.compile("^Per post"))).to_be_checked()
    page.get_by_role("button", name="Besluit nemen").click()
    expect(page.get_by_role("status")).to_contain_text("Het besluit is vastgelegd.")
    expect(page.get_by_text("Brede intake (Wet inburgering 2021 art. 22, Besluit 7.1): vast bedrag € 250,00.")).to_be_visible()
    expect(page.get_by_text("De boetebeschikking wacht op de printbatch")).to_be_visible()
    assert_geen_axe_fouten(page, "zaak, besluit")
    assert _download(page, "Boetebeschikking downloaden (PDF)").startswith(b"%PDF")
    page.get_by_role("button", name="Uitloggen").click()

    # --- the postkamer posts the boetebeschikking: that day is its bekendmaking ---
    inloggen(postkamer)
    printbatch_posten(page, VANDAAG)
    inloggen(consulent)
    page.goto(f"{live_server.url}/handhaving/{zaak.pk}/")
    expect(page.locator("dt", has_text="Bezwaar mogelijk tot en met").locator("xpath=following-sibling::dd[1]")
           ).to_have_text(_lang(bezwaar_einde(VANDAAG)))


    # --- a fine of an earlier gemeente (Wet 35 lid 4), counted towards the cap ---
    page.get_by_role("link", name="Alle handhavingszaken").click()
    page.get_by_role("link", name="Boete van een eerdere gemeente vastleggen").click()
    assert_geen_axe_fouten(page, "eerdere boete")
    _veld(page, "Gemeente die de boete oplegde").fill("Groningen")
    page.get_by_label("Verplichtingen uit het PIP (Wet inburgering 2021, art. 23)").check()
    _veld(page, "Bedrag (euro)").fill("100")
    _veld(page, "Datum opgelegd (dagtekening)").fill((VANDAAG - timedelta(days=300)).isoformat())
    _veld(page, "Bron en omschrijving").fill("Brief van Groningen op ons verzoek.")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_role("status")).to_contain_text("De boete van de eerdere gemeente is vastgelegd.")
    expect(page.get_by_text("Brief van Groningen op ons verzoek.")).to_be_visible()

    zaak.refresh_from_db()
    assert (zaak.status, zaak.besluit_uitkomst, zaak.boetebedrag, zaak.besluit_door) == ("besluit", "boete", 250,
                                                                                           consulent)
