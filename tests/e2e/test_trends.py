"""The trends page in a real browser (issue 20 item 7): from the dashboard to the trends, tables with a
caption, definitions, a number through to its dossiers; readable at 375 px; axe on every page."""

import re
from datetime import timedelta

from django.utils.timezone import localdate

from playwright.sync_api import Page, expect

from tests.e2e.conftest import assert_geen_axe_fouten
from tests.factories import (
    BredeIntakeFactory,
    DossierFactory,
    HandhavingszaakFactory,
    InburgeraarFactory,
    ManagerFactory,
    PipFactory,
    TermijnFactory,
)


def test_trends_per_maand_doorklikken_naar_de_dossiers(page: Page, live_server, inloggen):
    vandaag = localdate()
    DossierFactory(datum_kennisgeving=vandaag.replace(day=1),
                           inburgeraar=InburgeraarFactory(voornamen="Samira", geslachtsnaam="Haddad"))
    DossierFactory(datum_kennisgeving=vandaag.replace(day=1) - timedelta(days=40))
    BredeIntakeFactory(afgerond=True, afgerond_op=vandaag, dossier__datum_kennisgeving=vandaag - timedelta(days=50))
    TermijnFactory(gehaald=True, gehaald_op=vandaag, fatale_datum=vandaag,
                   dossier__datum_kennisgeving=vandaag - timedelta(days=70))
    PipFactory(vastgesteld=True, dagtekening=vandaag)
    HandhavingszaakFactory(boete=True, dagtekening=vandaag)
    manager = ManagerFactory(username="mira", first_name="Mira", last_name="Manager")
    maand = vandaag.strftime("%m")

    inloggen(manager)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Dashboard").click()
    page.get_by_role("link", name=re.compile("^Trends per maand")).click()

    expect(page.get_by_role("heading", level=1, name="Trends")).to_be_visible()
    expect(page.locator("caption")).to_have_count(4)
    tabel = page.get_by_role("table", name=re.compile("^Per maand: nieuwe dossiers"))
    expect(tabel.get_by_role("row")).to_have_count(13)  # header + twelve months
    expect(page.get_by_role("heading", level=2, name="Definities")).to_be_visible()
    expect(page.locator("dl.definities dt")).to_have_count(8)
    assert_geen_axe_fouten(page, "trends")

    # This month's figure (on the 1st of a month another month may also hold one dossier of the factories).
    link = tabel.get_by_role("link", name=re.compile(r"^1 nieuwe dossiers in ")).and_(
        tabel.locator(f'a[href$="/instroom/{vandaag:%Y-%m}/"]'))
    expect(link).to_have_count(1)
    link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/dashboard/trends/instroom/\d{{4}}-{maand}/$"))
    expect(page.get_by_role("heading", level=1, name=re.compile("^Nieuwe dossiers \\(kennisgeving\\) in "))).to_be_visible()
    expect(page.get_by_role("link", name="Haddad, Samira")).to_be_visible()
    assert_geen_axe_fouten(page, "trends, de dossiers achter een getal")

    page.get_by_role("link", name="Terug naar de trends").click()
    page.set_viewport_size({"width": 375, "height": 800})
    expect(page.get_by_role("heading", level=1, name="Trends")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # The wide tables scroll inside their own region, which takes the keyboard focus.
    regio = page.get_by_role("region", name=re.compile("^Per maand: nieuwe dossiers"))
    regio.focus()
    expect(regio).to_be_focused()
    assert_geen_axe_fouten(page, "trends, 375 px")
