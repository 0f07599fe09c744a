"""The privacy officer opens the Logboek Dataverwerkingen, filters it by a dossier number and opens the
register of processing activities; axe-core scans every page."""

import re

from playwright.sync_api import Page, expect

from inburgering.accounts.roles import Rol
from inburgering.audit.verwerkingen import verwerking, verwerking_vastleggen
from tests.e2e.conftest import WACHTWOORD, assert_geen_axe_fouten
from tests.factories import DossierFactory, UserFactory, WerkcoachFactory


def test_de_privacy_officer_bekijkt_en_filtert_het_logboek(page: Page, live_server):
    privacy = UserFactory(username="petra", first_name="Petra", last_name="Privacy", rol=Rol.PRIVACY, team=None)
    werkcoach = WerkcoachFactory(username="wendy")
    gezocht, ander = DossierFactory(werkcoach=werkcoach), DossierFactory(werkcoach=werkcoach)
    with verwerking(activiteit="pip", naam="pip_plans:pip_tab", gebruiker=werkcoach):
        verwerking_vastleggen("raadplegen", dossier_ids=[gezocht.pk])
    with verwerking(activiteit="handhaving", naam="handhaving:tab", gebruiker=werkcoach):
        verwerking_vastleggen("wijzigen", dossier_ids=[ander.pk])

    # The login form sends the privacy officer on to the log (`next`).
    page.goto(f"{live_server.url}/inloggen/?next=/privacy/verwerkingen/")
    page.get_by_label("Gebruikersnaam").fill(privacy.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", level=1, name="Logboek dataverwerkingen")).to_be_visible()
    expect(page.get_by_role("link", name="Logboek", exact=True)).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("status")).to_have_text("2 verwerkingen gevonden.")
    assert_geen_axe_fouten(page, "logboek dataverwerkingen")

    page.get_by_label("Dossiernummer").fill(str(gezocht.pk))
    page.get_by_role("button", name="Filteren").click()
    expect(page).to_have_url(re.compile(rf"dossier={gezocht.pk}"))
    expect(page.get_by_role("status")).to_have_text("1 verwerking gevonden.")
    rij = page.get_by_role("row").nth(1)
    expect(rij).to_contain_text("Persoonlijk plan inburgering en participatie (PIP)")
    expect(rij).to_contain_text("raadplegen")
    expect(rij).to_contain_text("wendy")
    assert_geen_axe_fouten(page, "logboek gefilterd op dossier")

    page.get_by_role("link", name="Register van verwerkingsactiviteiten").click()
    expect(page.get_by_role("heading", level=1, name="Register van verwerkingsactiviteiten")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Handhaving")).to_be_visible()
    assert_geen_axe_fouten(page, "register van verwerkingsactiviteiten")
