"""Issue 19 items 2 and 3 in a real browser: the Geschiedenis tab in Dutch with the events of the PIP,
contact and handhaving, a page at a time by keyboard; the admin in Dutch, also what its JavaScript
writes (filter widgets, the search icon), without developer notes. axe-core scans every page."""

import re

from django.conf import settings
from django.test import Client

from playwright.sync_api import Page, expect

from cases.models import Fase
from tests.e2e.conftest import assert_geen_axe_fouten
from tests.factories import (
    BeheerderFactory,
    ContactmomentFactory,
    DossierFactory,
    HandhavingszaakFactory,
    PipFactory,
    TeamFactory,
)
from tests.kern.test_beheer_nederlands import ENGELS_RE


def test_de_geschiedenis_in_woorden_met_pip_contact_en_handhaving(page: Page, live_server, inloggen, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.INTAKE)
    dossier.start_pip()
    dossier.save()
    PipFactory(dossier=dossier)
    HandhavingszaakFactory(dossier=dossier)
    contact = ContactmomentFactory(dossier=dossier)
    for ronde in range(30):  # more than a page
        contact.deelnemers = f"inburgeraar, werkcoach, tolk {ronde}"
        contact.save()

    inloggen(werkcoach)
    page.goto(f"{live_server.url}/dossiers/{dossier.pk}/geschiedenis/")
    expect(page.get_by_role("heading", level=2, name="Geschiedenis")).to_be_visible()
    expect(page.get_by_text("Contactmoment gewijzigd").first).to_be_visible()
    expect(page.get_by_text("Pagina 1 van 2")).to_be_visible()
    assert_geen_axe_fouten(page, "geschiedenis, pagina 1")

    volgende = page.get_by_role("link", name="Volgende")
    volgende.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Pagina 2 van 2")).to_be_visible()
    for wat in ("PIP aangemaakt", "Handhavingszaak aangemaakt", "Contactmoment aangemaakt", "Dossier gewijzigd"):
        expect(page.get_by_text(wat).first).to_be_visible()
    expect(page.get_by_text("Fase: Brede intake")).to_be_visible()
    assert "pip_in_opstelling" not in page.content()
    assert_geen_axe_fouten(page, "geschiedenis, pagina 2")


def _als(page: Page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{
        "name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }])


def _engels(page: Page) -> list[str]:
    """English on the page as the browser shows it, after the admin's JavaScript ran."""
    teksten = page.locator("body").inner_text()
    labels = page.eval_on_selector_all(
        "[title], [aria-label], [placeholder], img[alt]",
        "els => els.map(e => [e.title, e.getAttribute('aria-label'), e.placeholder, e.alt].filter(Boolean).join(' '))",
    )
    return ENGELS_RE.findall("\n".join([teksten, *labels]))


def test_het_beheer_is_nederlands(page: Page, live_server):
    team = TeamFactory(naam="Team Noord")
    team.naam = "Team Noord-Oost"
    team.save()
    _als(page, live_server, BeheerderFactory())

    for pad, context in (("/beheer/", "beheer, startpagina"),
                         ("/beheer/leerroutes/aanbieder/", "aanbieders"),
                         ("/beheer/instellingen/gemeenteinstellingen/1/change/", "beleidsinstellingen"),
                         (f"/beheer/accounts/team/{team.pk}/history/", "geschiedenis van een team")):
        page.goto(f"{live_server.url}{pad}")
        page.wait_for_load_state("load")
        assert _engels(page) == [], pad
        assert "[?]" not in page.content() and "nog te bevestigen" not in page.content()
        assert_geen_axe_fouten(page, context)

    page.goto(f"{live_server.url}/beheer/leerroutes/aanbieder/")
    zoeken = page.get_by_role("textbox", name="Zoeken")
    zoeken.focus()
    page.keyboard.type("Taalhuis")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=Taalhuis"))
    assert_geen_axe_fouten(page, "aanbieders, gezocht")
