"""The inzageverzoek in a real browser: the privacy officer opens it from the nav, an invalid BSN is
refused next to the field, a valid one shows the summary, and the JSON downloads. axe-core scans each
page; the BSN is never in the address bar."""

import json
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from inburgering.audit.models import InzageLog
from tests.e2e.conftest import WACHTWOORD, assert_geen_axe_fouten
from tests.factories import ContactmomentFactory, DossierFactory, InburgeraarFactory, PrivacyOfficerFactory

BSN = "999990019"
KENMERK = "Z-2026-0042"


def _veld(page: Page, label: str):
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(verplicht\))?$"))


def test_privacy_officer_exports_the_data_of_one_bsn(page: Page, live_server):
    privacy = PrivacyOfficerFactory(username="pim", first_name="Pim", last_name="Privacy")
    persoon = InburgeraarFactory(bsn=BSN, voornamen="Zwaantje", geslachtsnaam="Inzagetest")
    dossier = DossierFactory(inburgeraar=persoon)
    ContactmomentFactory(dossier=dossier)
    InzageLog.objects.create(gebruiker=dossier.werkcoach, dossier_id=dossier.pk, pagina="overzicht", pad="/x/")
    bezocht: list[str] = []
    page.on("framenavigated", lambda frame: bezocht.append(frame.url) if frame == page.main_frame else None)

    # After login the privacy officer lands on the privacy start page; the nav leads to the request.
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(privacy.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1, name="Privacy: bewaartermijn en vernietiging")).to_be_visible()
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Inzageverzoek").click()
    expect(page.get_by_role("heading", level=1, name="Inzageverzoek")).to_be_visible()
    assert_geen_axe_fouten(page, "inzageverzoek: formulier")

    _veld(page, "BSN").fill("123456789")
    _veld(page, "Kenmerk van het verzoek").fill(KENMERK)
    page.get_by_role("button", name="Gegevens opzoeken").click()
    melding = "Dit is geen geldig BSN: het moet 9 cijfers hebben en voldoen aan de elfproef."
    expect(page.locator("#foutenoverzicht")).to_be_focused()
    expect(_veld(page, "BSN")).to_have_attribute("aria-invalid", "true")
    expect(_veld(page, "BSN")).to_have_accessible_description(re.compile(re.escape(melding)))
    assert_geen_axe_fouten(page, "inzageverzoek: fout BSN")

    _veld(page, "BSN").fill(BSN)
    page.get_by_role("button", name="Gegevens opzoeken").click()
    expect(page.get_by_role("heading", level=1, name="Inzageverzoek: Zwaantje Inzagetest")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("^Contactmomenten"))).to_contain_text("1")
    assert_geen_axe_fouten(page, "inzageverzoek: overzicht")

    with page.expect_download() as info:
        page.get_by_role("button", name="JSON downloaden").click()
    download = info.value
    assert download.failure() is None
    assert re.fullmatch(r"inzageverzoek-z-2026-0042-\d{4}-\d\d-\d\d\.json", download.suggested_filename)
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert data["kenmerk"] == KENMERK and data["dossiers"] == [dossier.pk]
    assert {v["veld"]: v["waarde"] for v in data["persoon"]["velden"]}["geslachtsnaam"] == "Inzagetest"
    assert [c["naam"] for c in data["categorieen"]][:1] == ["dossiers"]
    assert len(data["inzagen"]) == 1

    assert len(bezocht) >= 4
    assert not [url for url in bezocht if BSN in url]
