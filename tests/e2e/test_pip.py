"""Issue 3 in a real browser: warme overdracht → brede intake → PIP → review → vaststellen → beschikking PDF.

Every page on the way is scanned with axe-core (WCAG 2.1 A/AA), forms both empty and with errors.
"""

import io
import os
import re
from datetime import date, timedelta
from pathlib import Path

from django.utils import formats, translation

from playwright.sync_api import Page, expect

from cases.models import Fase
from pip_plans.models import Pip, PipStatus
from pip_plans.selectors import pip_deadline_voor
from pip_plans.services import bezwaar_einde
from tests import klok
from tests.e2e.conftest import assert_geen_axe_fouten
from tests.factories import (
    AanbiederFactory,
    BredeIntakeFactory,
    ConsulentFactory,
    DossierFactory,
    InburgeraarFactory,
    IntakeGezondheidFactory,
    PipFactory,
    TeamFactory,
    WerkcoachFactory,
)


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today()


DUO_A2_ONDERWIJS = "Niveau A2 kan niet bij de onderwijsroute (DUO-regel)."
OPMERKING = "Vul de periode in waarin het doel gehaald moet worden."


def _foto(page: Page, naam: str) -> None:
    """A full-page screenshot for a visual check, only when E2E_SCHERMAFDRUKKEN names a folder."""
    if map_ := os.environ.get("E2E_SCHERMAFDRUKKEN"):
        page.screenshot(path=os.path.join(map_, f"{naam}.png"), full_page=True)


def _veld(page: Page, label: str):
    """A form control by its label; labels of required fields end in '(verplicht)'."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(verplicht\))?$"))


def _lang(datum: date) -> str:
    """A date as the templates show it: '3 maart 2025'."""
    with translation.override("nl"):
        return formats.date_format(datum, "j F Y")


def _status(page: Page, tekst: str) -> None:
    expect(page.get_by_role("status")).to_contain_text(tekst)


def _fouten_in_formulier(page: Page, *meldingen: str) -> None:
    """The error summary has focus, lists each message and the title says there is an error."""
    overzicht = page.locator("#foutenoverzicht")
    expect(overzicht).to_be_focused()
    for melding in meldingen:
        expect(overzicht).to_contain_text(melding)
    expect(page.locator("[id='foutenoverzicht']")).to_have_count(1)
    expect(page).to_have_title(re.compile(r"^Fout: "))


def _gegeven(gebied, term: str):
    """The <dd> that belongs to the <dt> with this text."""
    return gebied.locator("dt", has_text=re.compile(rf"^{re.escape(term)}$")).locator("xpath=following-sibling::dd[1]")


def _tab(page: Page, naam: str) -> None:
    page.get_by_role("navigation", name="Dossieronderdelen").get_by_role("link", name=naam, exact=True).click()
    expect(page.get_by_role("link", name=naam, exact=True)).to_have_attribute("aria-current", "page")


def _uitloggen(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_label("Gebruikersnaam")).to_be_visible()


def test_van_warme_overdracht_tot_vastgesteld_pip_met_beschikking(page: Page, live_server, inloggen):
    team = TeamFactory(naam="Team Noord")
    werkcoach = WerkcoachFactory(username="wendy", first_name="Wendy", last_name="de Coach", team=team)
    consulent = ConsulentFactory(username="connie", first_name="Connie", last_name="Consulent", team=team)
    dossier = DossierFactory(
        werkcoach=werkcoach,
        inburgeraar=InburgeraarFactory(voornamen="Samira", geslachtsnaam="Haddad"),
        datum_kennisgeving=VANDAAG - timedelta(days=30),
        datum_brp_vestiging=VANDAAG - timedelta(days=40),  # registered before the kennisgeving
    )
    AanbiederFactory(naam="Taalschool Noorderlicht")
    assert dossier.fase == Fase.AANGEMELD
    dossier_url = f"{live_server.url}/dossiers/{dossier.pk}/"

    # --- (a) the werkcoach: warme overdracht ---------------------------------------------------
    inloggen(werkcoach)
    page.goto(dossier_url)
    expect(page.get_by_role("heading", level=1, name="Samira Haddad")).to_be_visible()
    _tab(page, "Intake")
    expect(page.get_by_role("heading", level=2, name="Warme overdracht")).to_be_visible()
    assert_geen_axe_fouten(page, "intake-tab, leeg")

    page.get_by_role("link", name="Warme overdracht vastleggen").click()
    expect(page.get_by_role("heading", level=1, name="Warme overdracht van Samira Haddad")).to_be_visible()
    assert_geen_axe_fouten(page, "warme overdracht, leeg")
    page.get_by_role("button", name="Opslaan").click()
    _fouten_in_formulier(page, "Datum driegesprek", "Plaats (AZC)")
    expect(_veld(page, "Datum driegesprek")).to_have_attribute("aria-invalid", "true")
    assert_geen_axe_fouten(page, "warme overdracht, met fouten")

    _veld(page, "Datum driegesprek").fill((VANDAAG - timedelta(days=12)).isoformat())
    _veld(page, "Plaats (AZC)").fill("AZC Zweeloo")
    _veld(page, "Contactpersoon COA").fill("J. de Vries")
    _veld(page, "Deelnemers").fill("Samira Haddad, J. de Vries (COA), Wendy de Coach")
    page.get_by_role("checkbox", name="Taalles gevolgd in het AZC").check()
    _veld(page, "Toelichting taalles").fill("Drie maanden, twee ochtenden per week.")
    _veld(page, "Motivatie").fill("Wil snel aan het werk als kok.")
    page.get_by_role("button", name="Opslaan").click()
    _status(page, "De warme overdracht is vastgelegd.")
    expect(page.get_by_text("AZC Zweeloo")).to_be_visible()
    assert_geen_axe_fouten(page, "intake-tab, na overdracht")

    # --- summons: recorded, then marked as verschenen ------------------------------------------
    page.get_by_role("link", name="Oproep vastleggen").click()
    expect(page.get_by_role("heading", level=1, name="Oproep 1 voor de brede intake")).to_be_visible()
    assert_geen_axe_fouten(page, "oproep, leeg")
    _veld(page, "Datum gesprek").fill(VANDAAG.isoformat())
    _veld(page, "Tijd gesprek").fill("09:00")
    _veld(page, "Plaats gesprek").fill("AZC Zweeloo")
    # No address: the letter cannot go by post (issue 15), so it is handed over.
    expect(page.get_by_role("radio", name="Persoonlijk uitgereikt")).to_be_checked()
    _veld(page, "Uitgereikt op").fill(VANDAAG.isoformat())
    page.get_by_role("button", name="Oproep vastleggen").click()
    _status(page, "De oproep is vastgelegd en uitgereikt.")
    oproepen = page.get_by_role("region", name="Oproepen voor de intake")
    oproepen.get_by_role("button", name=re.compile(r"^Verschenen")).click()
    _status(page, "De uitkomst van de oproep is vastgelegd.")
    expect(oproepen.get_by_role("listitem")).to_contain_text("verschenen")
    expect(oproepen.get_by_role("button")).to_have_count(0)

    # --- brede intake ------------------------------------------------------------------------
    page.get_by_role("link", name="Intake beginnen").click()
    expect(page.get_by_role("heading", level=1, name="Brede intake van Samira Haddad")).to_be_visible()
    assert_geen_axe_fouten(page, "brede intake, leeg")
    _veld(page, "Uitslag leerbaarheidstoets").select_option(label="B1-route haalbaar")
    _veld(page, "Score").fill("62")  # the required score is still missing
    _veld(page, "Datum toets").fill((VANDAAG - timedelta(days=2)).isoformat())
    _veld(page, "Hoogst afgeronde opleiding").select_option(label="Voortgezet onderwijs")
    _veld(page, "Jaren onderwijs").fill("12")
    _veld(page, "Land van de opleiding").fill("Syrië")
    # Besluit 5.2: taalniveau, arbeidsparticipatie, zelfredzaamheid; lid 2: the notice of one-to-one talks.
    _veld(page, "Niveau Nederlands").select_option(label="A1")
    _veld(page, "Mogelijkheden voor arbeidsparticipatie").fill("Kok; wil in de horeca werken.")
    _veld(page, "Mate van zelfredzaamheid").select_option(label="Gemiddeld")
    werk = page.get_by_role("group", name="Werkervaring 1")
    werk.get_by_label(re.compile(r"^Beroep of functie")).fill("Kok")
    werk.get_by_label("Land", exact=True).fill("Syrië")
    werk.get_by_label("Aantal jaren").fill("6")
    page.get_by_role("button", name="Intake opslaan").click()
    _fouten_in_formulier(page, "Vul de score en de vereiste score allebei in, of geen van beide.")
    expect(_veld(page, "Score")).to_have_value("62")
    assert_geen_axe_fouten(page, "brede intake, met fouten")
    _foto(page, "brede-intake")

    _veld(page, "Vereiste score").fill("50")
    page.get_by_role("button", name="Intake opslaan").click()
    _status(page, "De intake is opgeslagen.")
    intake = page.get_by_role("region", name="Brede intake")
    expect(intake).to_contain_text("B1-route haalbaar (score 62, vereist 50)")
    expect(intake).to_contain_text("Kok (Syrië, 6 jaar)")
    assert_geen_axe_fouten(page, "intake-tab, intake opgeslagen")

    # Completing without the health section: the Dutch list of what is missing.
    page.get_by_role("button", name="Intake afronden").click()
    melding = page.get_by_role("alert")
    expect(melding).to_contain_text("De intake kan nog niet worden afgerond. Nog nodig:")
    expect(melding).to_contain_text(re.compile("gezondheid", re.IGNORECASE))
    expect(melding).to_contain_text("één op één te voeren (Besluit inburgering 2021, art. 5.2 lid 2)")
    expect(page.get_by_role("heading", level=2, name="Brede intake")).to_be_visible()
    assert_geen_axe_fouten(page, "intake-tab, afronden geweigerd")
    _foto(page, "intake-tab")

    page.get_by_role("link", name=re.compile(r"^Gezondheid")).click()
    expect(page.get_by_role("heading", level=1, name="Gezondheid van Samira Haddad")).to_be_visible()
    assert_geen_axe_fouten(page, "gezondheid, leeg")
    _veld(page, "Lichamelijke gezondheid").fill("Rugklachten; kan niet lang staan.")
    page.get_by_role("button", name="Opslaan").click()
    _status(page, "De gegevens over gezondheid zijn opgeslagen.")
    page.get_by_role("link", name="Intake bewerken").click()
    page.get_by_label(re.compile(r"^Gewezen op het recht op gesprekken zonder anderen")).check()
    page.get_by_role("button", name="Intake opslaan").click()
    _status(page, "De intake is opgeslagen.")

    page.get_by_role("button", name="Intake afronden").click()
    _status(page, "De brede intake is afgerond. U kunt nu het PIP opstellen.")
    expect(page).to_have_url(f"{dossier_url}pip/")
    expect(page.get_by_role("link", name="PIP", exact=True)).to_have_attribute("aria-current", "page")
    dossier.refresh_from_db()
    assert dossier.fase == Fase.PIP_IN_OPSTELLING
    stand = pip_deadline_voor(dossier)
    assert stand.deadline.fatale_datum is not None
    termijn = page.get_by_role("region", name="Termijn PIP vaststellen")
    expect(termijn).to_contain_text(_lang(stand.deadline.fatale_datum))
    expect(termijn).to_contain_text("10 weken na kennisgeving van DUO")
    expect(termijn).to_contain_text(f"Nog {stand.dagen_over} dagen.")
    assert_geen_axe_fouten(page, "PIP-tab, nog geen PIP")

    # --- PIP: a bad combination first ---------------------------------------------------------
    page.get_by_role("link", name="PIP opstellen").click()
    expect(page.get_by_role("heading", level=1, name="PIP opstellen voor Samira Haddad")).to_be_visible()
    assert_geen_axe_fouten(page, "PIP opstellen, leeg")
    _veld(page, "Aantal voortgangsgesprekken").fill("")
    page.get_by_role("button", name="Concept opslaan").click()
    _fouten_in_formulier(page, "Leerroute", "Aantal voortgangsgesprekken")
    expect(_veld(page, "Leerroute")).to_have_attribute("aria-invalid", "true")
    assert_geen_axe_fouten(page, "PIP opstellen, met fouten")
    _foto(page, "pip-formulier")

    _veld(page, "Leerroute").select_option(label="Onderwijsroute")
    _veld(page, "Niveau").select_option(label="A2")
    _veld(page, "Alfabetisering").select_option(label="Niet van toepassing")
    _veld(page, "Aantal voortgangsgesprekken").fill("3")
    page.get_by_role("button", name="Concept opslaan").click()
    _status(page, "Het PIP is als concept opgeslagen.")
    open_pip = page.get_by_role("region", name="Versie 1: Concept")
    assert_geen_axe_fouten(page, "PIP-tab, concept")

    # DUO's rules are checked now: the edit form comes back with the rule next to the field.
    open_pip.get_by_role("button", name="Ter beoordeling aanbieden").click()
    expect(page.get_by_role("heading", level=1, name="PIP versie 1 van Samira Haddad")).to_be_visible()
    _fouten_in_formulier(page, "Het PIP is niet ter beoordeling aangeboden.", f"Niveau: {DUO_A2_ONDERWIJS}")
    expect(_veld(page, "Niveau")).to_have_attribute("aria-invalid", "true")
    expect(_veld(page, "Niveau")).to_have_accessible_description(re.compile(re.escape(DUO_A2_ONDERWIJS)))
    expect(_veld(page, "Leerroute")).to_have_value("O")
    assert Pip.objects.get(dossier=dossier).status == PipStatus.CONCEPT
    assert_geen_axe_fouten(page, "PIP bewerken, na DUO-regel")
    _foto(page, "pip-formulier-duo-regel")

    _veld(page, "Leerroute").select_option(label="B1-route")
    _veld(page, "Niveau").select_option(label="B1")
    _veld(page, "Beoogde aanbieder leerroute").select_option(label="Taalschool Noorderlicht")  # from the registry
    _veld(page, "Aantal voortgangsgesprekken").fill("4")
    page.get_by_role("button", name="Concept opslaan").click()
    _status(page, "De wijzigingen in het PIP zijn opgeslagen.")
    page.get_by_role("region", name="Versie 1: Concept").get_by_role("button", name="Ter beoordeling aanbieden").click()
    _status(page, "Het PIP is ter beoordeling aangeboden aan een consulent.")
    expect(page.get_by_role("region", name="Versie 1: Ter beoordeling")).to_be_visible()
    assert_geen_axe_fouten(page, "PIP-tab, ter beoordeling")
    _uitloggen(page)

    # --- (b) the consulent returns it with a remark ---------------------------------------------
    inloggen(consulent)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Te beoordelen").click()
    expect(page.get_by_role("heading", level=1, name="Te beoordelen")).to_be_visible()
    expect(page.get_by_text("1 PIP wacht op beoordeling.")).to_be_visible()
    assert_geen_axe_fouten(page, "te beoordelen")
    page.get_by_role("table").get_by_role("link", name="Samira Haddad").click()
    expect(page.get_by_role("heading", level=1, name="PIP versie 1 van Samira Haddad")).to_be_visible()
    expect(page.get_by_text("Taalschool Noorderlicht")).to_be_visible()
    assert_geen_axe_fouten(page, "PIP beoordelen")

    terugsturen = page.get_by_role("button", name="Terugsturen naar werkcoach")
    terugsturen.click()
    _fouten_in_formulier(page, "Wat moet er worden aangepast?")
    assert_geen_axe_fouten(page, "PIP beoordelen, terugsturen zonder opmerking")
    _veld(page, "Wat moet er worden aangepast?").fill(OPMERKING)
    terugsturen.click()
    _status(page, "Het PIP is teruggestuurd naar de werkcoach.")
    expect(page.get_by_text("0 PIP's wachten op beoordeling.")).to_be_visible()
    _uitloggen(page)

    # --- the werkcoach sees the remark, edits and offers it again ---------------------------------
    inloggen(werkcoach)
    page.goto(f"{dossier_url}pip/")
    open_pip = page.get_by_role("region", name="Versie 1: Concept")
    expect(open_pip).to_contain_text(OPMERKING)
    assert_geen_axe_fouten(page, "PIP-tab, teruggestuurd")
    _foto(page, "pip-tab-concept")
    open_pip.get_by_role("link", name="Bewerken").click()
    expect(page.get_by_text(OPMERKING)).to_be_visible()
    assert_geen_axe_fouten(page, "PIP bewerken, met opmerking")
    _veld(page, "Periode om het doel te halen (maanden)").fill("30")
    page.get_by_role("button", name="Concept opslaan").click()
    _status(page, "De wijzigingen in het PIP zijn opgeslagen.")
    page.get_by_role("button", name="Ter beoordeling aanbieden").click()
    _status(page, "Het PIP is ter beoordeling aangeboden aan een consulent.")
    _uitloggen(page)

    # --- the consulent vaststelt: a dagtekening in the future first ------------------------------
    inloggen(consulent)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Te beoordelen").click()
    page.get_by_role("table").get_by_role("link", name="Samira Haddad").click()
    expect(page.get_by_text("30 maanden")).to_be_visible()
    dagtekening = _veld(page, "Dagtekening")
    expect(dagtekening).to_have_value(f"{VANDAAG:%d-%m-%Y}")
    dagtekening.fill((VANDAAG + timedelta(days=1)).isoformat())
    page.get_by_role("button", name="PIP vaststellen").click()
    _fouten_in_formulier(page, "De dagtekening kan niet in de toekomst liggen.")
    expect(_veld(page, "Dagtekening")).to_have_attribute("aria-invalid", "true")
    assert_geen_axe_fouten(page, "PIP vaststellen, met fouten")
    _foto(page, "pip-beoordelen")

    _veld(page, "Dagtekening").fill(VANDAAG.isoformat())
    page.get_by_role("radio", name="Persoonlijk uitgereikt").check()
    _veld(page, "Uitgereikt op").fill(VANDAAG.isoformat())
    page.get_by_role("button", name="PIP vaststellen").click()
    _status(page, "Het PIP is vastgesteld. De beschikking is uitgereikt.")
    expect(page).to_have_url(f"{dossier_url}pip/")
    geldend = page.get_by_role("region", name="Geldend PIP (versie 1)")
    expect(_gegeven(geldend, "Dagtekening")).to_have_text(_lang(VANDAAG))
    expect(_gegeven(geldend, "Bezwaar mogelijk tot en met")).to_have_text(_lang(bezwaar_einde(VANDAAG)))
    expect(_gegeven(geldend, "Start inburgeringstermijn")).to_have_text(_lang(VANDAAG + timedelta(days=1)))
    expect(_gegeven(geldend, "Leerroute")).to_have_text("B1-route")
    expect(page.get_by_role("region", name="Termijn PIP vaststellen")).to_have_count(0)
    assert_geen_axe_fouten(page, "PIP-tab, vastgesteld")
    _foto(page, "pip-tab-vastgesteld")

    with page.expect_download() as download_info:
        geldend.get_by_role("link", name="Beschikking versie 1 downloaden (PDF)").click()
    download = download_info.value
    assert download.failure() is None
    inhoud = Path(download.path()).read_bytes()
    assert inhoud.startswith(b"%PDF")
    from pypdf import PdfReader

    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(inhoud)).pages)
    tekst = re.sub(r"\s+", " ", tekst)
    assert "Samira Haddad" in tekst
    assert "bezwaar" in tekst

    pip = Pip.objects.get(dossier=dossier)
    dossier.refresh_from_db()
    assert (pip.status, pip.vastgesteld_door, pip.auteur) == (PipStatus.VASTGESTELD, consulent, werkcoach)
    assert dossier.fase == Fase.IN_UITVOERING


def test_gezondheid_is_afgeschermd_voor_een_teamcollega(page: Page, live_server, inloggen):
    team = TeamFactory(naam="Team Noord")
    eigen = WerkcoachFactory(username="wendy", first_name="Wendy", last_name="de Coach", team=team)
    collega = WerkcoachFactory(username="karel", first_name="Karel", last_name="Collega", team=team)
    dossier = DossierFactory(werkcoach=eigen, fase=Fase.INTAKE,
                             inburgeraar=InburgeraarFactory(voornamen="Samira", geslachtsnaam="Haddad"))
    IntakeGezondheidFactory(intake=BredeIntakeFactory(dossier=dossier), fysiek="Rugklachten.")
    gezondheid_url = f"{live_server.url}/dossiers/{dossier.pk}/intake/gezondheid/"

    inloggen(collega)
    page.goto(f"{live_server.url}/dossiers/{dossier.pk}/intake/")
    expect(page.get_by_role("heading", level=2, name="Brede intake")).to_be_visible()
    # The colleague may work on the team's dossier, but sees no link to the health answers ...
    expect(page.get_by_role("link", name="Intake bewerken")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"^Gezondheid"))).to_have_count(0)
    assert_geen_axe_fouten(page, "intake-tab, teamcollega")
    # ... and the page itself answers 403 (page.request: the page fixture fails on any 4xx it loads).
    antwoord = page.request.get(gezondheid_url)
    assert antwoord.status == 403
    assert "Rugklachten" not in antwoord.text()


def test_wijziging_starten_en_intrekken_en_informatie_van_een_derde(page: Page, live_server, inloggen):
    """The simple PIP pages on the one form template: start a wijziging, withdraw it; record that the
    plan waits for a third party's information and its receipt. Each page scanned with axe."""
    team = TeamFactory(naam="Team Noord")
    werkcoach = WerkcoachFactory(username="wendy", first_name="Wendy", last_name="de Coach", team=team)
    geldend = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach,
                         dossier__inburgeraar=InburgeraarFactory(voornamen="Samira", geslachtsnaam="Haddad"))
    pip_url = f"{live_server.url}/dossiers/{geldend.dossier_id}/pip/"

    inloggen(werkcoach)
    page.goto(pip_url)
    page.get_by_role("link", name="PIP wijzigen (nieuwe versie)").click()
    expect(page.get_by_role("heading", level=1, name="PIP wijzigen")).to_be_visible()
    assert_geen_axe_fouten(page, "PIP wijzigen, leeg")
    page.get_by_role("button", name="Nieuwe versie maken").click()
    _fouten_in_formulier(page)
    expect(_veld(page, "Reden van de wijziging")).to_have_attribute("aria-invalid", "true")
    assert_geen_axe_fouten(page, "PIP wijzigen, met fout")
    _veld(page, "Reden van de wijziging").select_option(label="Andere wijziging")
    page.get_by_role("button", name="Nieuwe versie maken").click()
    _status(page, "Versie 2 is aangemaakt als concept. Pas de afspraken aan.")
    expect(page.get_by_role("heading", level=1, name="PIP versie 2 van Samira Haddad")).to_be_visible()

    page.goto(pip_url)
    page.get_by_role("region", name="Versie 2: Concept").get_by_role("link", name="Intrekken").click()
    expect(page.get_by_role("heading", level=1, name="PIP-concept intrekken")).to_be_visible()
    expect(page.get_by_text("Het concept van versie 2 wordt ingetrokken")).to_be_visible()
    assert_geen_axe_fouten(page, "PIP-concept intrekken, leeg")
    _veld(page, "Reden van intrekken").fill("Verkeerde reden gekozen")
    page.get_by_role("button", name="Intrekken").click()
    _status(page, "Het concept-PIP is ingetrokken.")
    expect(page).to_have_url(pip_url)
    assert Pip.objects.get(dossier=geldend.dossier, versie=2).status == PipStatus.INGETROKKEN

    dossier = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach).dossier
    page.goto(f"{live_server.url}/dossiers/{dossier.pk}/pip/")
    page.get_by_role("link", name="Wachten op informatie van een derde vastleggen").click()
    expect(page.get_by_role("heading", level=1, name="Wachten op informatie van een derde")).to_be_visible()
    assert_geen_axe_fouten(page, "informatieverzoek, leeg")
    _veld(page, "Welke informatie is nodig?").fill("Medisch advies")
    _veld(page, "Van wie?").fill("GGD")
    page.get_by_role("button", name="Vastleggen").click()
    _status(page, "Het verzoek is vastgelegd. De PIP-termijn is opgeschort tot de ontvangst.")

    page.get_by_role("link", name="ontvangst vastleggen").click()
    expect(page.get_by_role("heading", level=1, name="Ontvangst van informatie vastleggen")).to_be_visible()
    expect(page.get_by_text("Medisch advies (GGD)")).to_be_visible()
    _veld(page, "Ontvangen op").fill((VANDAAG + timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Vastleggen").click()
    _fouten_in_formulier(page, "Deze datum ligt in de toekomst.")
    assert_geen_axe_fouten(page, "informatie ontvangen, met fout")
    _veld(page, "Ontvangen op").fill(VANDAAG.isoformat())
    page.get_by_role("button", name="Vastleggen").click()
    _status(page, "De ontvangst is vastgelegd; de termijn is bijgewerkt.")
    expect(page.get_by_text(f"ontvangen {VANDAAG.day}-{VANDAAG.month}-{VANDAAG.year}")).to_be_visible()
