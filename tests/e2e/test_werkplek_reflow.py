"""Reflow (WCAG 1.4.10, issue 19 item 1): at 375 and 320 CSS pixels wide every main page fits the window;
a table scrolls inside its own focusable region instead of the page. axe-core scans every page at 320 px."""

import os
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from cases.rules import Doelgroep
from cases.termijnen.services import termijnen_herberekenen, termijnen_sweep
from tests.e2e.conftest import assert_geen_axe_fouten
from tests.factories import (
    BredeIntakeFactory,
    ConsulentFactory,
    DossierFactory,
    HandhavingszaakFactory,
    InburgeraarFactory,
    ManagerFactory,
    PipFactory,
    SignaalFactory,
    TeamFactory,
    WerkcoachFactory,
)

BREEDTES = (375, 320)

# What sticks out, for the failure message: the widest elements that end right of the window.
UITSTEKERS = """() => {
  const breedte = window.innerWidth;
  const uit = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > breedte + 1 && r.width > 0) {
      let binnenScroll = false;
      for (let p = el.parentElement; p; p = p.parentElement) {
        const s = getComputedStyle(p);
        if ((s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') && p !== document.body) {
          binnenScroll = p.getBoundingClientRect().right <= breedte + 1; break;
        }
      }
      if (!binnenScroll || el.scrollWidth > breedte + 300) uit.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} → ${Math.round(r.right)}px`);
    }
  }
  return uit.slice(0, 8);
}"""


def _past(page: Page, wat: str, breedte: int) -> str | None:
    """Why the page does not fit `breedte` pixels, or None."""
    page.set_viewport_size({"width": breedte, "height": 800})
    page.wait_for_load_state("load")
    scroll, venster = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if scroll <= venster:
        return None
    return f"{wat} bij {breedte} px: de pagina is {scroll} px breed; steekt uit: {page.evaluate(UITSTEKERS)}"


def _bekijk(page: Page, url: str, wat: str, problemen: list[str]) -> None:
    """Every page at each width (all pages are visited, then every overflow is reported at once), and an
    axe scan at the narrowest."""
    page.goto(url)
    for breedte in BREEDTES:
        if probleem := _past(page, wat, breedte):
            problemen.append(probleem)
    if not os.environ.get("REFLOW_ZONDER_AXE"):  # only to measure quickly; the test always scans
        assert_geen_axe_fouten(page, f"{wat} (320 px)")


@pytest.fixture
def werkplek():
    team = TeamFactory(naam="Team Noord met een lange naam")
    werkcoach = WerkcoachFactory(username="wendy", first_name="Wendelien", last_name="van der Coach-Boelens", team=team)
    persoon = InburgeraarFactory(voornamen="Samira Fatima Zahra", geslachtsnaam="Haddad-Abdelrahman")
    intake = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach, dossier__inburgeraar=persoon,
                                dossier__doelgroep=Doelgroep.GEZINSVORMER_ASIEL,
                                dossier__datum_kennisgeving=date.today() - timedelta(weeks=12))
    dossier = intake.dossier
    pip = PipFactory(dossier=dossier, aanbieder="Taalinstituut Noordoost-Groningen en Ommelanden")
    termijnen_herberekenen(dossier_id=dossier.pk)
    termijnen_sweep()
    SignaalFactory(aandachtspunt=True, dossier=dossier, omschrijving="Bellen over kinderopvang en vervoer")
    for _ in range(3):
        DossierFactory(werkcoach=werkcoach, fase="in_uitvoering")
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach)
    return {"werkcoach": werkcoach, "dossier": dossier, "pip": pip, "zaak": zaak, "team": team}


def test_de_hoofdpaginas_passen_op_een_smal_scherm(page: Page, live_server, inloggen, werkplek):
    dossier, pip, zaak = werkplek["dossier"], werkplek["pip"], werkplek["zaak"]
    basis = live_server.url
    problemen: list[str] = []
    inloggen(werkplek["werkcoach"])
    for url, wat in [
        ("/", "startpagina werkcoach"),
        ("/werkvoorraad/", "werkvoorraad"),
        ("/dossiers/", "dossierlijst"),
        (f"/dossiers/{dossier.pk}/", "dossieroverzicht"),
        (f"/dossiers/{dossier.pk}/intake/", "intake"),
        (f"/dossiers/{dossier.pk}/pip/", "PIP-tab"),
        (f"/pip/{pip.pk}/", "PIP bekijken"),
        (f"/pip/{pip.pk}/bewerken/", "PIP bewerken"),
        (f"/dossiers/{dossier.pk}/traject/", "traject"),
        (f"/dossiers/{dossier.pk}/handhaving/", "handhaving-tab"),
        (f"/dossiers/{dossier.pk}/documenten/", "documenten"),
        (f"/dossiers/{dossier.pk}/geschiedenis/", "geschiedenis"),
        (f"/dossiers/{dossier.pk}/bewerken/", "gegevens wijzigen"),
        (f"/handhaving/{zaak.pk}/", "handhavingszaak"),
    ]:
        _bekijk(page, basis + url, wat, problemen)
    page.get_by_role("button", name="Uitloggen").click()

    manager = ManagerFactory(username="mira", first_name="Mira", last_name="Manager")
    inloggen(manager)
    for url, wat in [
        ("/dashboard/", "dashboard"),
        ("/dossiers/?bereik=alle", "alle dossiers"),
        ("/handhaving/zaken/", "handhavingszaken"),
    ]:
        _bekijk(page, basis + url, wat, problemen)
    page.get_by_role("button", name="Uitloggen").click()

    consulent = ConsulentFactory(username="connie", team=werkplek["team"])
    ter_beoordeling = PipFactory(ter_beoordeling=True, dossier__werkcoach=werkplek["werkcoach"],
                                 dossier__inburgeraar=InburgeraarFactory(geslachtsnaam="Oyelaran-Bakhtiari"))
    inloggen(consulent)
    for url, wat in [("/pip/te-beoordelen/", "te beoordelen"), (f"/pip/{ter_beoordeling.pk}/", "PIP beoordelen"),
                     ("/handhaving/te-besluiten/", "te besluiten")]:
        _bekijk(page, basis + url, wat, problemen)
    assert not problemen, "\n".join(problemen)


def test_een_brede_tabel_scrollt_in_een_eigen_regio_die_het_toetsenbord_bereikt(page: Page, live_server, inloggen,
                                                                                   werkplek):
    inloggen(werkplek["werkcoach"])
    page.goto(f"{live_server.url}/werkvoorraad/")
    page.set_viewport_size({"width": 320, "height": 800})
    regio = page.get_by_role("region", name="Open signalen, meest urgente eerst")
    expect(regio).to_have_attribute("tabindex", "0")
    regio.focus()
    expect(regio).to_be_focused()
    breed, zichtbaar = regio.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert breed > zichtbaar  # the table is wider than the screen, and scrolls inside its region
    page.keyboard.press("ArrowRight")
    page.wait_for_function("e => e.scrollLeft > 0", arg=regio.element_handle())
