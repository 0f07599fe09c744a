"""Worklist and dashboard in a real browser: a passed PIP deadline becomes a verlopen signal after the
sweep, the werkcoach handles it, the manager clicks dashboard numbers through to the dossiers behind
them. axe-core scans every page on the way."""

import re
from datetime import date, timedelta

from playwright.sync_api import Page, expect

from cases.models import Signaal, SignaalSoort
from cases.rules import Doelgroep
from cases.termijnen.services import termijnen_herberekenen, termijnen_sweep
from tests.e2e.conftest import assert_geen_axe_fouten
from tests.factories import (
    DossierFactory,
    HandhavingszaakFactory,
    InburgeraarFactory,
    ManagerFactory,
    TeamFactory,
    WerkcoachFactory,
)


def test_verlopen_pip_termijn_op_de_werkvoorraad_afhandelen_en_doorklikken_op_het_dashboard(
    page: Page, live_server, inloggen
):
    team = TeamFactory(naam="Team Noord")
    werkcoach = WerkcoachFactory(username="wendy", first_name="Wendy", last_name="de Coach", team=team)
    dossier = DossierFactory(
        werkcoach=werkcoach, fase="intake", doelgroep=Doelgroep.GEZINSVORMER,
        datum_kennisgeving=date.today() - timedelta(weeks=12),
        inburgeraar=InburgeraarFactory(voornamen="Samira", geslachtsnaam="Haddad"),
    )
    DossierFactory(werkcoach=werkcoach, fase="in_uitvoering")  # a second dossier, nothing overdue
    termijnen_herberekenen(dossier_id=dossier.pk)
    termijnen_sweep()
    assert Signaal.objects.filter(dossier=dossier, soort=SignaalSoort.VERLOPEN, afgehandeld_op=None).count() == 1

    # The werkcoach's home: counts and the open signal.
    inloggen(werkcoach)
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1, name="Goedendag, Wendy")).to_be_visible()
    expect(page.get_by_role("link", name="1 verlopen termijn")).to_be_visible()
    assert_geen_axe_fouten(page, "werkcoach home")

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Werkvoorraad").click()
    expect(page.get_by_role("heading", level=1, name="Mijn werkvoorraad")).to_be_visible()
    rij = page.get_by_role("row", name=re.compile("Samira Haddad"))
    expect(rij).to_contain_text("Termijn verlopen")
    expect(rij).to_contain_text("PIP vaststellen")
    expect(rij).to_contain_text(re.compile(r"\d+ dagen over tijd"))
    assert_geen_axe_fouten(page, "werkvoorraad")

    rij.get_by_role("link", name=re.compile("^Behandelen")).click()
    expect(page.get_by_role("heading", level=1, name="Termijn verlopen: Samira Haddad")).to_be_visible()
    assert_geen_axe_fouten(page, "signaal")

    # Without a note: the Dutch error next to the field, the summary has focus.
    page.get_by_role("button", name="Signaal afhandelen").click()
    expect(page.locator("#foutenoverzicht")).to_be_focused()
    notitie = page.get_by_label(re.compile("^Notitie"))
    expect(notitie).to_have_attribute("aria-invalid", "true")
    expect(notitie).to_have_accessible_description(re.compile("Schrijf kort op wat u met dit signaal heeft gedaan."))
    assert_geen_axe_fouten(page, "signaal, met fout")

    notitie.fill("Gebeld; PIP-gesprek staat volgende week gepland.")
    page.get_by_role("button", name="Signaal afhandelen").click()
    expect(page.get_by_role("status")).to_contain_text("Het signaal van Samira Haddad is afgehandeld.")
    expect(page.get_by_role("heading", level=2, name="0 open signalen")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Samira Haddad"))).to_have_count(0)
    assert_geen_axe_fouten(page, "werkvoorraad, leeg")
    page.get_by_role("button", name="Uitloggen").click()

    # The manager: dashboard, then a number through to its list.
    HandhavingszaakFactory(dossier=dossier, status="afgesloten", afsluit_reden="naleving_hersteld")
    HandhavingszaakFactory(dossier=dossier, status="afgesloten", afsluit_reden="onterecht")
    HandhavingszaakFactory(dossier=dossier, boete=True, dagtekening=date.today())
    manager = ManagerFactory(username="mira", first_name="Mira", last_name="Manager")
    inloggen(manager)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", level=1, name="Dashboard")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("aantal dossiers per fase"))).to_be_visible()
    assert_geen_axe_fouten(page, "dashboard")

    page.get_by_role("link", name="1 PIP-termijnen verlopen").click()
    expect(page.get_by_role("heading", level=2, name="1 dossier")).to_be_visible()
    tabel = page.get_by_role("table")
    expect(tabel.get_by_role("row")).to_have_count(2)  # header + the dossier
    expect(tabel.get_by_role("link", name="Haddad, Samira")).to_be_visible()
    expect(page.get_by_label("Stand van de termijn")).to_have_value("verlopen")
    assert_geen_axe_fouten(page, "dossiers met verlopen PIP-termijn")

    page.go_back()
    page.get_by_role("link", name="2 lopende dossiers van Wendy de Coach").click()
    expect(page.get_by_role("heading", level=2, name="2 dossiers")).to_be_visible()
    expect(page.get_by_role("table").get_by_role("row")).to_have_count(3)
    expect(page.get_by_role("table").get_by_role("link", name="Haddad, Samira")).to_be_visible()
    assert_geen_axe_fouten(page, "lopende dossiers van de werkcoach")

    # Handhaving: the share closed by restored compliance, and its count through to the zaken list.
    page.go_back()
    handhaving = page.get_by_role("region", name="Handhaving")
    expect(handhaving).to_contain_text("50,0% van de afgesloten zaken")
    expect(handhaving).to_contain_text("€ 50,00")
    handhaving.get_by_role("link", name="1 zaken afgesloten doordat de naleving is hersteld").click()
    expect(page.get_by_role("heading", level=1, name="Handhavingszaken")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("1 zaak gevonden.")
    expect(page.get_by_label("Reden van afsluiten")).to_have_value("naleving_hersteld")
    tabel = page.get_by_role("table")
    expect(tabel.get_by_role("row")).to_have_count(2)  # header + the zaak
    expect(tabel.get_by_role("row").nth(1)).to_contain_text("naleving hersteld")
    expect(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Handhaving")).to_have_attribute(
        "aria-current", "page")
    assert_geen_axe_fouten(page, "handhavingszaken afgesloten door herstelde naleving")
