"""The main journeys in a real browser, with an axe-core scan (WCAG 2.1 A/AA) of every page on the way."""

import re
from datetime import date, timedelta

from playwright.sync_api import Page, expect

from cases.models import Dossier
from tests.e2e.conftest import assert_geen_axe_fouten
from tests.factories import DossierFactory, InburgeraarFactory, ManagerFactory, TeamFactory, WerkcoachFactory

ONGELDIG_BSN = "123456789"  # 9 digits, fails the elfproef
GELDIG_BSN = "999993653"  # synthetic, passes the elfproef
ELFPROEF_FOUT = "Dit is geen geldig BSN: het moet 9 cijfers hebben en voldoen aan de elfproef."


def _actief_element(page: Page) -> dict:
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return {tag: e.tagName.toLowerCase(), id: e.id, tekst: e.textContent.trim()}; }"
    )


def _veld(page: Page, label: str):
    """A form control by the start of its label (labels end in '(verplicht)' for required fields)."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(verplicht\))?$"))


def test_werkcoach_maakt_inburgeraar_aan_en_vindt_die_terug(page: Page, live_server, inloggen):
    team = TeamFactory(naam="Team Noord")
    werkcoach = WerkcoachFactory(username="wendy", first_name="Wendy", last_name="de Coach", team=team)
    DossierFactory(werkcoach=werkcoach)  # the list is not empty

    inloggen(werkcoach, axe=True)
    expect(page.get_by_role("heading", level=1, name="Mijn dossiers")).to_be_visible()
    assert_geen_axe_fouten(page, "Mijn dossiers")

    page.get_by_role("link", name="Nieuwe inburgeraar").click()
    expect(page.get_by_role("heading", level=1, name="Nieuwe inburgeraar en dossier")).to_be_visible()
    assert_geen_axe_fouten(page, "nieuw formulier, leeg")

    bsn = _veld(page, "BSN")
    bsn.fill(ONGELDIG_BSN)
    _veld(page, "Voornamen").fill("Samira")
    _veld(page, "Achternaam").fill("Haddad")
    expect(_veld(page, "Geslacht")).to_have_value("")  # nothing preselected (issue 19 item 4)
    _veld(page, "Geslacht").select_option(label="Vrouw")
    _veld(page, "Geboortedatum").fill("01-01-1990")
    _veld(page, "Doelgroep").select_option(label="Asielstatushouder")
    _veld(page, "Datum kennisgeving DUO").fill((date.today() - timedelta(days=31)).isoformat())
    page.get_by_role("button", name="Dossier aanmaken").click()

    # The server answers with the Dutch elfproef message next to the field, and a summary that has focus.
    overzicht = page.locator("#foutenoverzicht")
    expect(overzicht).to_be_focused()
    expect(overzicht).to_contain_text(ELFPROEF_FOUT)
    expect(page).to_have_title(re.compile(r"^Fout: "))
    veld_blok = page.locator(".utrecht-form-field", has=page.locator("#id_persoon-bsn"))
    expect(veld_blok.locator(".utrecht-form-field-error-message")).to_have_text(ELFPROEF_FOUT)
    expect(bsn).to_have_attribute("aria-invalid", "true")
    expect(bsn).to_have_accessible_description(re.compile(re.escape(ELFPROEF_FOUT)))
    expect(bsn).to_have_value(ONGELDIG_BSN)
    expect(_veld(page, "Voornamen")).not_to_have_attribute("aria-invalid", "true")
    # Only the BSN is wrong: the other values stay filled in.
    expect(_veld(page, "Achternaam")).to_have_value("Haddad")
    assert_geen_axe_fouten(page, "nieuw formulier, met fouten")

    overzicht.get_by_role("link", name=re.compile("BSN")).click()
    expect(bsn).to_be_focused()
    bsn.fill(GELDIG_BSN)
    page.get_by_role("button", name="Dossier aanmaken").click()

    expect(page.get_by_role("heading", level=1, name="Samira Haddad")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Het dossier van")
    dossier = Dossier.objects.get(inburgeraar__bsn=GELDIG_BSN)
    assert dossier.werkcoach == werkcoach
    expect(page).to_have_url(f"{live_server.url}/dossiers/{dossier.pk}/")
    assert_geen_axe_fouten(page, "dossierpagina")

    page.get_by_role("navigation", name="Dossieronderdelen").get_by_role("link", name="Geschiedenis").click()
    expect(page.get_by_role("heading", level=2, name="Geschiedenis")).to_be_visible()
    expect(page.get_by_role("link", name="Geschiedenis")).to_have_attribute("aria-current", "page")
    assert_geen_axe_fouten(page, "geschiedenis")

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Dossiers").click()
    expect(page.get_by_role("heading", level=1, name="Mijn dossiers")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="2 dossiers")).to_be_visible()
    zoek = page.get_by_label("Zoek op naam of BSN")
    zoek.fill("Haddad")
    zoek.press("Enter")
    expect(page.get_by_role("heading", level=2, name="1 dossier")).to_be_visible()
    resultaten = page.get_by_role("table")
    expect(resultaten.get_by_role("row")).to_have_count(2)  # header + the one dossier
    assert_geen_axe_fouten(page, "Mijn dossiers, gezocht")

    resultaten.get_by_role("link", name="Haddad, Samira").click()
    expect(page.get_by_role("heading", level=1, name="Samira Haddad")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}/dossiers/{dossier.pk}/")


def test_manager_herverdeelt_twee_dossiers(page: Page, live_server, inloggen):
    noord, zuid = TeamFactory(naam="Team Noord"), TeamFactory(naam="Team Zuid")
    oud = WerkcoachFactory(username="oud", first_name="Olaf", last_name="Oud", team=noord)
    nieuw = WerkcoachFactory(username="nieuw", first_name="Nina", last_name="Nieuw", team=zuid)
    eerste = DossierFactory(werkcoach=oud, inburgeraar=InburgeraarFactory(voornamen="Ali", geslachtsnaam="Aziz"))
    tweede = DossierFactory(werkcoach=oud, inburgeraar=InburgeraarFactory(voornamen="Bo", geslachtsnaam="Bakr"))
    blijft = DossierFactory(werkcoach=oud, inburgeraar=InburgeraarFactory(voornamen="Cy", geslachtsnaam="Chen"))
    manager = ManagerFactory(username="manager", first_name="Mira", last_name="Manager")

    inloggen(manager, axe=True)
    page.goto(f"{live_server.url}/dossiers/?bereik=alle")
    expect(page.get_by_role("heading", level=1, name="Alle dossiers")).to_be_visible()
    assert_geen_axe_fouten(page, "alle dossiers")

    page.get_by_role("checkbox", name="Selecteer Ali Aziz").check()
    page.get_by_role("checkbox", name="Selecteer Bo Bakr").check()
    page.get_by_role("button", name="Geselecteerde dossiers herverdelen").click()

    expect(page.get_by_role("heading", level=1, name="Dossiers herverdelen")).to_be_visible()
    expect(page.get_by_role("group", name="2 geselecteerde dossiers")).to_be_visible()
    assert_geen_axe_fouten(page, "herverdelen")

    # Without a reason the form comes back with the error next to the field.
    _veld(page, "Nieuwe werkcoach").select_option(label="Nina Nieuw (Team Zuid)")
    page.get_by_role("button", name="Herverdelen").click()
    reden = _veld(page, "Reden van herverdeling")
    expect(reden).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#foutenoverzicht")).to_be_focused()
    expect(page.get_by_role("group", name="2 geselecteerde dossiers")).to_be_visible()
    assert_geen_axe_fouten(page, "herverdelen, met fouten")

    reden.fill("Werkverdeling na uitbreiding Team Zuid")
    page.get_by_role("button", name="Herverdelen").click()

    expect(page.get_by_role("status")).to_have_text("2 dossiers zijn herverdeeld naar Nina Nieuw.")
    expect(page.get_by_role("heading", level=1, name="Alle dossiers")).to_be_visible()
    assert_geen_axe_fouten(page, "alle dossiers, na herverdelen")

    eerste.refresh_from_db()
    tweede.refresh_from_db()
    blijft.refresh_from_db()
    assert (eerste.werkcoach, tweede.werkcoach, blijft.werkcoach) == (nieuw, nieuw, oud)


def test_overslaanlink_en_inloggen_met_alleen_het_toetsenbord(page: Page, live_server):
    werkcoach = WerkcoachFactory(username="toetsenbord", first_name="Tom", last_name="Toets")
    page.goto(f"{live_server.url}/inloggen/")
    assert_geen_axe_fouten(page, "inlogpagina")

    skiplink = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skiplink).not_to_be_in_viewport()  # hidden until it has focus
    page.keyboard.press("Tab")
    expect(skiplink).to_be_focused()
    expect(skiplink).to_be_in_viewport()  # visible once it has focus
    page.keyboard.press("Enter")
    assert _actief_element(page)["id"] == "inhoud"

    # From the main content, the next Tab stop is the first form field.
    page.keyboard.press("Tab")
    expect(page.get_by_label("Gebruikersnaam")).to_be_focused()
    page.keyboard.type("toetsenbord")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Wachtwoord")).to_be_focused()
    page.keyboard.type("fout-wachtwoord")
    page.keyboard.press("Enter")

    overzicht = page.locator("#foutenoverzicht")
    expect(overzicht).to_be_focused()
    expect(overzicht).to_contain_text("Gebruikersnaam of wachtwoord klopt niet.")
    assert_geen_axe_fouten(page, "inlogpagina, met fout")

    page.keyboard.press("Tab")  # from the summary into the form
    expect(page.get_by_label("Gebruikersnaam")).to_be_focused()
    expect(page.get_by_label("Gebruikersnaam")).to_have_value("toetsenbord")
    page.keyboard.press("Tab")
    page.keyboard.type("geheim-wachtwoord")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Inloggen")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1, name="Mijn dossiers")).to_be_visible()
    expect(page.get_by_role("banner").get_by_text(str(werkcoach))).to_be_visible()
    # On every page the skip link is the first Tab stop.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Direct naar de inhoud")).to_be_focused()


def test_zoeken_en_openen_werkt_zonder_javascript(browser, live_server):
    team = TeamFactory(naam="Team Noord")
    werkcoach = WerkcoachFactory(username="zonderjs", team=team)
    gezocht = DossierFactory(werkcoach=werkcoach, inburgeraar=InburgeraarFactory(voornamen="Dina", geslachtsnaam="Darwish"))
    DossierFactory(werkcoach=werkcoach)
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(werkcoach.username)
        page.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
        page.get_by_role("button", name="Inloggen").click()
        page.goto(f"{live_server.url}/dossiers/")
        expect(page.get_by_role("heading", level=2, name="2 dossiers")).to_be_visible()

        page.get_by_label("Zoek op naam of BSN").fill("Darwish")
        page.get_by_role("button", name="Zoeken").click()  # a plain POST form submit, no htmx

        expect(page.get_by_role("heading", level=2, name="1 dossier")).to_be_visible()
        expect(page).to_have_url(re.compile(r"zoekopdracht="))  # a token; the term is never in a URL
        assert "Darwish" not in page.url
        page.get_by_role("link", name="Darwish, Dina").click()
        expect(page.get_by_role("heading", level=1, name="Dina Darwish")).to_be_visible()
        expect(page).to_have_url(f"{live_server.url}/dossiers/{gezocht.pk}/")
    finally:
        context.close()
