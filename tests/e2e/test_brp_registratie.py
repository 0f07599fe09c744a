"""Registration from the BRP in a real browser (issue 14): the werkcoach types a BSN, the BRP stand-in
(a real subprocess serving the BRP API Personen contract) answers, the data is shown to confirm with the
address, the werkcoach adds what the BRP does not know, and the dossier shows the address and its source.
An unknown BSN falls back to the hand form with the reason. axe-core scans every page."""

import re
from datetime import date, timedelta

from playwright.sync_api import Page, expect

from cases.models import Bron, Dossier
from tests.e2e.conftest import assert_geen_axe_fouten
from tests.factories import DossierFactory, TeamFactory, WerkcoachFactory


def _veld(page: Page, label: str):
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(verplicht\))?$"))


def test_register_by_bsn_from_the_brp_and_see_the_address(page: Page, live_server, inloggen, brp_standin):
    werkcoach = WerkcoachFactory(username="wendy", team=TeamFactory(naam="Team Noord"))
    DossierFactory(werkcoach=werkcoach)

    inloggen(werkcoach)
    page.get_by_role("link", name="Nieuwe inburgeraar").click()
    expect(page.get_by_role("heading", level=1, name="Nieuwe inburgeraar en dossier")).to_be_visible()
    assert_geen_axe_fouten(page, "BSN opzoeken")

    _veld(page, "BSN").fill("999990007")
    page.get_by_role("button", name="Opzoeken in de BRP").click()
    expect(page.get_by_role("heading", level=1, name="Nieuw dossier voor Amina Haddad")).to_be_visible()
    gegevens = page.get_by_role("region", name="Gegevens uit de BRP")
    expect(gegevens).to_contain_text("Oude Schans 12")
    expect(gegevens).to_contain_text("9934 AB")
    assert "999990007" not in page.url
    assert_geen_axe_fouten(page, "bevestigen uit de BRP")

    _veld(page, "Doelgroep").select_option(label="Asielstatushouder")
    _veld(page, "Datum kennisgeving DUO").fill((date.today() - timedelta(days=31)).isoformat())
    _veld(page, "Talen").fill("Arabisch")
    page.get_by_role("button", name="Bevestigen en dossier aanmaken").click()

    expect(page.get_by_role("heading", level=1, name="Amina Haddad")).to_be_visible()
    dossier = Dossier.objects.get(inburgeraar__bsn="999990007")
    assert dossier.inburgeraar.bron == Bron.BRP and dossier.datum_brp_vestiging == date(2024, 2, 5)
    expect(page.get_by_text("Oude Schans 12, 9934AB Delfzijl")).to_be_visible()
    expect(page.get_by_text(re.compile("BRP, opgehaald op"))).to_be_visible()
    assert_geen_axe_fouten(page, "dossier uit de BRP")

    page.get_by_role("button", name="Gegevens uit de BRP verversen").click()
    expect(page.get_by_text("De gegevens komen overeen met de BRP.")).to_be_visible()

    # A BSN the BRP does not know (passes the elfproef, outside the 9-range): by hand, with the reason.
    page.goto(f"{live_server.url}/dossiers/nieuw/")
    _veld(page, "BSN").fill("111222333")
    page.get_by_role("button", name="Opzoeken in de BRP").click()
    expect(page.get_by_text("De BRP kent dit BSN niet.")).to_be_visible()
    expect(_veld(page, "BSN")).to_have_value("111222333")
    expect(_veld(page, "BSN")).to_be_disabled()
    assert_geen_axe_fouten(page, "met de hand")
