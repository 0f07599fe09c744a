"""Issue 18 in a real browser: the start page says "meer dan …" above its cap and which numbers are
exact; the dashboard above LIVE_TOT dossiers shows the counted stand and when it was counted. The caps are
lowered (the live server runs in this process) to keep the data small. axe-core scans both pages."""

import re

from playwright.sync_api import Page, expect

from dashboards import selectors
from tests.e2e.conftest import assert_geen_axe_fouten
from tests.factories import DossierFactory, ManagerFactory, TeamFactory, WerkcoachFactory


def test_begrensde_aantallen_op_de_startpagina_en_de_getelde_stand_op_het_dashboard(
    page: Page, live_server, inloggen, monkeypatch
):
    monkeypatch.setattr(selectors, "GRENS", 3)
    monkeypatch.setattr(selectors, "LIVE_TOT", 3)
    werkcoach = WerkcoachFactory(username="wendy", first_name="Wendy", last_name="de Coach",
                                 team=TeamFactory(naam="Team Noord"))
    for _ in range(4):
        DossierFactory(werkcoach=werkcoach, fase="intake")
    DossierFactory(werkcoach=werkcoach, fase="in_uitvoering")

    inloggen(werkcoach)
    page.goto(f"{live_server.url}/")
    rij = page.get_by_role("row", name=re.compile("Brede intake"))
    expect(rij.get_by_role("link", name="meer dan 3 dossiers in fase Brede intake")).to_have_text("meer dan 3")
    expect(page.get_by_role("row", name=re.compile("In uitvoering")).get_by_role("link")).to_have_text("1")
    expect(page.get_by_text(re.compile("Aantallen boven 3 telt deze pagina niet verder"))).to_be_visible()
    assert_geen_axe_fouten(page, "startpagina met begrensde aantallen")
    page.get_by_role("button", name="Uitloggen").click()

    inloggen(ManagerFactory(username="mira", first_name="Mira", last_name="Manager"))
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", level=1, name="Dashboard")).to_be_visible()
    expect(page.get_by_text("Alle aantallen zijn bij het openen van deze pagina geteld en exact.")).to_be_visible()
    DossierFactory(werkcoach=werkcoach, fase="intake")  # the stand (5 dossiers, above 3) does not see it yet
    page.reload()
    expect(page.get_by_text(re.compile(r"^Stand van .* elke 15 minuten opnieuw geteld"))).to_be_visible()
    expect(page.get_by_role("link", name="5 lopende dossiers van Wendy de Coach")).to_be_visible()
    assert_geen_axe_fouten(page, "dashboard met getelde stand")
