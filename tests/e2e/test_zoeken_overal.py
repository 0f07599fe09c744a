"""Search everywhere in a real browser (issue 20 item 3): the header's search box, the results grouped by
kind with headings and lists, the term never in the address bar, keyboard only; axe on every page."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import assert_geen_axe_fouten
from tests.factories import DossierFactory, InburgeraarFactory, PipFactory, TeamFactory, WerkcoachFactory


def test_overal_zoeken_op_naam_en_kenmerk_met_het_toetsenbord(page: Page, live_server, inloggen):
    team = TeamFactory(naam="Team Noord")
    werkcoach = WerkcoachFactory(username="wendy", first_name="Wendy", last_name="de Coach", team=team)
    dossier = DossierFactory(werkcoach=werkcoach, inburgeraar=InburgeraarFactory(voornamen="Samira",
                                                                                  geslachtsnaam="Haddad"))
    pip = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    DossierFactory(werkcoach=WerkcoachFactory(team=TeamFactory(naam="Team Zuid")),
                   inburgeraar=InburgeraarFactory(voornamen="Karim", geslachtsnaam="Haddad"))  # not visible

    inloggen(werkcoach)
    zoekvak = page.get_by_role("search", name="Overal zoeken").get_by_role("searchbox")
    expect(zoekvak).to_have_accessible_name(re.compile("^Zoeken op naam, BSN, V-nummer of kenmerk"))
    zoekvak.focus()
    page.keyboard.type("haddad")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1, name="Zoekresultaten")).to_be_visible()
    assert re.search(r"/zoeken/[\w-]+/$", page.url) and "haddad" not in page.url.lower()
    assert "haddad" not in page.title().lower()
    dossiers = page.get_by_role("region", name=re.compile("^Dossiers"))
    expect(dossiers.get_by_role("heading", level=2)).to_have_text("Dossiers (1)")
    expect(dossiers.get_by_role("listitem")).to_have_count(1)
    expect(page.get_by_role("heading", level=2, name=re.compile("^PIP's"))).to_be_visible()
    expect(page.get_by_role("heading", level=2, name=re.compile("^Handhavingszaken"))).to_be_visible()
    expect(page.get_by_role("heading", level=2, name=re.compile("^Brieven en documenten"))).to_be_visible()
    expect(page.get_by_text("Karim")).to_have_count(0)
    assert_geen_axe_fouten(page, "zoekresultaten op naam")

    link = dossiers.get_by_role("link", name="Haddad, Samira")
    link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/dossiers/{dossier.pk}/")

    # A PIP by its kenmerk, typed in lower case, from the search page's own form.
    page.get_by_role("search", name="Overal zoeken").get_by_role("searchbox").fill(pip.kenmerk.lower())
    page.get_by_role("search", name="Overal zoeken").get_by_role("button", name="Zoek").click()
    expect(page.get_by_role("region", name=re.compile("^PIP's")).get_by_role("link", name=pip.kenmerk)).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="Dossiers (0)")).to_be_visible()
    assert_geen_axe_fouten(page, "zoekresultaten op kenmerk")

    # An empty search: the Dutch error next to the field.
    page.get_by_label("Naam, BSN, V-nummer of kenmerk", exact=True).fill("")
    page.get_by_role("search", name="Opnieuw zoeken").get_by_role("button", name="Zoeken").click()
    veld = page.get_by_label("Naam, BSN, V-nummer of kenmerk", exact=True)
    expect(veld).to_have_attribute("aria-invalid", "true")
    expect(veld).to_have_accessible_description(re.compile("Vul een naam, BSN, V-nummer of kenmerk in."))
    assert page.title().startswith("Fout: ")
    assert_geen_axe_fouten(page, "zoeken, met fout")

    # Readable at 375 px: nothing wider than the screen.
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/zoeken/")
    expect(page.get_by_role("search", name="Overal zoeken").get_by_role("searchbox")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_geen_axe_fouten(page, "zoeken, 375 px")
