"""The login door in a real browser (issue 11 items 2 and 3): the lockout page, enrolling two-factor with
its recovery codes, and logging in with a recovery code. axe-core scans every page on the way."""

from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.conftest import WACHTWOORD, assert_geen_axe_fouten
from tests.factories import ConsulentFactory, WerkcoachFactory


@pytest.fixture
def vergrendel_pagina(context: BrowserContext, live_server):
    """Like conftest's `page` (fails on 4xx/5xx and JavaScript errors), except the lockout's intended 429."""
    page = context.new_page()
    problemen: list[str] = []
    page.on("pageerror", lambda fout: problemen.append(f"JavaScript-fout: {fout}"))
    page.on(
        "response",
        lambda antwoord: problemen.append(f"HTTP {antwoord.status}: {antwoord.url}")
        if antwoord.status >= 400 and antwoord.url.startswith(live_server.url)
        and not (antwoord.status == 429 and antwoord.url.startswith(f"{live_server.url}/inloggen/")) else None,
    )
    yield page
    assert not problemen, "\n".join(problemen)


def _wachtwoord(page: Page, live_server, gebruikersnaam: str, wachtwoord: str) -> None:
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()


def test_after_five_wrong_passwords_the_account_is_locked(vergrendel_pagina: Page, live_server):
    page = vergrendel_pagina
    werkcoach = WerkcoachFactory(username="vergrendeld_e2e")
    for poging in range(5):
        _wachtwoord(page, live_server, werkcoach.username, "verkeerd-wachtwoord")
        if poging == 0:
            expect(page.get_by_text("Gebruikersnaam of wachtwoord klopt niet").first).to_be_visible()
            assert_geen_axe_fouten(page, "inlogpagina met fout")
    expect(page.get_by_role("alert")).to_contain_text("Te veel mislukte pogingen")
    assert_geen_axe_fouten(page, "vergrendeld")
    page.get_by_role("link", name="Terug naar inloggen").click()
    _wachtwoord(page, live_server, werkcoach.username, WACHTWOORD)
    expect(page.get_by_role("alert")).to_contain_text("Te veel mislukte pogingen")
    expect(page.get_by_role("button", name="Uitloggen")).to_have_count(0)


def test_a_consulent_enrols_two_factor_and_logs_in_with_a_recovery_code(page: Page, live_server, settings):
    settings.TWEEFACTOR_VERPLICHT_ROLLEN = ["consulent"]
    consulent = ConsulentFactory(username="consulent_e2e")
    _wachtwoord(page, live_server, consulent.username, WACHTWOORD)
    expect(page.get_by_role("heading", name="Tweestapsverificatie instellen")).to_be_visible()
    assert_geen_axe_fouten(page, "tweestaps uitleg")
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_role("img", name="QR-code voor de authenticator-app")).to_be_visible()
    assert_geen_axe_fouten(page, "tweestaps QR-code")
    geheim = page.locator("code").first.inner_text().strip()
    sleutel = b32decode(geheim + "=" * (-len(geheim) % 8))
    page.get_by_label("Code uit de authenticator-app").fill(f"{totp(sleutel):06d}")
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("heading", name="Tweestapsverificatie ingesteld")).to_be_visible()
    assert_geen_axe_fouten(page, "tweestaps ingesteld")
    page.get_by_role("link", name="Herstelcodes aanmaken").click()
    page.get_by_role("button", name="Nieuwe herstelcodes aanmaken").click()
    codes = page.locator(".herstelcodes code")
    expect(codes).to_have_count(10)
    assert_geen_axe_fouten(page, "herstelcodes")
    herstelcode = codes.first.inner_text().strip()
    page.get_by_role("button", name="Uitloggen").click()

    _wachtwoord(page, live_server, consulent.username, WACHTWOORD)
    expect(page.get_by_label("Code uit de authenticator-app")).to_be_visible()
    assert_geen_axe_fouten(page, "code-stap")
    page.get_by_role("button", name="Herstelcode gebruiken").click()
    page.get_by_label("Herstelcode").fill(herstelcode)
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    expect(page.get_by_role("heading", name="Tweestapsverificatie instellen")).to_have_count(0)
