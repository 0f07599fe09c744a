"""The manual in a real browser (issue 20 item 5): reached from the header by keyboard, opening the
user's own role; each role's page and section opens; "Hulp bij deze pagina" lands on the section of the
page; every page passes axe."""

import re

from django.urls import reverse

from playwright.sync_api import Page, expect

from inburgering.handleiding.secties import ROLHANDLEIDINGEN, secties
from tests.e2e.conftest import assert_geen_axe_fouten
from tests.factories import ConsulentFactory, TeamFactory, WerkcoachFactory


def _tab_naar(page: Page, naam: str, max_stappen: int = 40) -> None:
    """Press Tab until the link `naam` has the focus, as a keyboard user does."""
    for _ in range(max_stappen):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.textContent.trim()") == naam:
            return
    raise AssertionError(f"'{naam}' is niet met Tab te bereiken")


def test_the_header_link_opens_the_werkcoachs_manual_by_keyboard(page: Page, live_server, inloggen):
    werkcoach = WerkcoachFactory(username="wendy", first_name="Wendy", team=TeamFactory(naam="Team Noord"))
    inloggen(werkcoach, axe=True)
    page.goto(f"{live_server.url}{reverse('home')}")

    _tab_naar(page, "Handleiding")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}{reverse('handleiding:rol', args=['werkcoach'])}")
    expect(page.get_by_role("heading", level=1, name="Handleiding Werkcoach")).to_be_visible()
    expect(page.get_by_role("link", name="Handleiding", exact=True)).to_have_attribute("aria-current", "page")
    assert_geen_axe_fouten(page, "handleiding werkcoach")

    # the table of contents by keyboard: the section opens and its heading is in view
    _tab_naar(page, "Brede intake")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#brede-intake$"))
    expect(page.get_by_role("heading", level=2, name="Brede intake")).to_be_in_viewport()
    expect(page.get_by_role("img", name=re.compile("^Het blok Leerbaarheidstoets"))).to_be_visible()


def test_hulp_bij_deze_pagina_opens_the_section_of_the_page(page: Page, live_server, inloggen):
    inloggen(WerkcoachFactory(username="wendy"))
    page.goto(f"{live_server.url}{reverse('werkvoorraad:lijst')}")
    page.get_by_role("link", name="Hulp bij deze pagina").click()
    expect(page).to_have_url(re.compile(r"/handleiding/werkcoach/#werkvoorraad$"))
    expect(page.get_by_role("heading", level=2, name="Startpagina en werkvoorraad")).to_be_in_viewport()


def test_every_role_page_and_section_opens_and_passes_axe(page: Page, live_server, inloggen):
    inloggen(ConsulentFactory(username="carla"))
    page.goto(f"{live_server.url}{reverse('home')}")
    page.get_by_role("link", name="Handleiding", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Handleiding Consulent inburgering")).to_be_visible()

    page.get_by_role("link", name="Alle rollen").click()
    expect(page.get_by_role("heading", level=1, name="Handleiding")).to_be_visible()
    assert_geen_axe_fouten(page, "handleiding index")
    for rol in ROLHANDLEIDINGEN:
        page.goto(f"{live_server.url}{reverse('handleiding:index')}")
        page.get_by_role("link", name=str(rol.titel), exact=True).click()
        expect(page.get_by_role("heading", level=1, name=f"Handleiding {rol.titel}")).to_be_visible()
        assert_geen_axe_fouten(page, f"handleiding {rol.slug}")
        inhoud = page.get_by_role("navigation", name="Inhoud")
        for sectie in secties(rol.rol):
            inhoud.get_by_role("link", name=str(sectie.titel), exact=True).click()
            expect(page).to_have_url(re.compile(rf"#{sectie.anker}$"))
            expect(page.get_by_role("heading", level=2, name=str(sectie.titel), exact=True)).to_be_in_viewport()
