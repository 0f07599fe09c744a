"""Issue 20 items 1, 4 and 6 in a real browser: downloading lists as CSV and Excel with the filter of
the page, the review queue with its fatale datums and team filter, and the dossier's print view
(print media emulated). axe-core scans every page on the way."""

import csv
import io
import re
from datetime import date, timedelta

from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from cases.models import Fase
from inburgering.audit.models import Beveiligingslog, Gebeurtenis
from tests.e2e.conftest import assert_geen_axe_fouten
from tests.factories import (
    ConsulentFactory,
    ContactmomentFactory,
    DossierFactory,
    HandhavingszaakFactory,
    InburgeraarFactory,
    ManagerFactory,
    PipFactory,
    TeamFactory,
    TermijnFactory,
    WerkcoachFactory,
)


def download(page: Page, linknaam: str, *, binnen=None) -> bytes:
    plek = binnen or page
    with page.expect_download() as info:
        plek.get_by_role("link", name=linknaam).first.click()
    with open(info.value.path(), "rb") as bestand:
        return bestand.read()


def csv_rijen(inhoud: bytes) -> list[list[str]]:
    tekst = inhoud.decode("utf-8")
    assert tekst.startswith("\ufeff")
    return list(csv.reader(io.StringIO(tekst[1:]), delimiter=";"))


def test_de_werkcoach_downloadt_de_gefilterde_dossierlijst_als_csv_en_excel(page: Page, live_server, inloggen):
    team = TeamFactory(naam="Team Oost")
    werkcoach = WerkcoachFactory(username="wim", first_name="Wim", last_name="Coach", team=team)
    DossierFactory(werkcoach=werkcoach, fase=Fase.INTAKE,
                   inburgeraar=InburgeraarFactory(voornamen="=SOM(1;2)", geslachtsnaam="Formule"))
    DossierFactory(werkcoach=werkcoach, fase=Fase.INTAKE,
                   inburgeraar=InburgeraarFactory(voornamen="Amal", geslachtsnaam="Yousef"))
    DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING)

    inloggen(werkcoach, axe=True)
    page.goto(f"{live_server.url}/dossiers/")
    page.get_by_label("Zoek op naam of BSN").fill("Yousef")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", name="1 dossier")).to_be_visible()
    expect(page.get_by_text(re.compile(r"ten hoogste 10\.000 rijen"))).to_be_visible()
    assert "Yousef" not in page.url
    assert_geen_axe_fouten(page, "dossierlijst met downloadlinks")

    rijen = csv_rijen(download(page, "Download CSV"))
    assert len(rijen) == 2 and "Amal Yousef" in rijen[1][1]

    page.goto(f"{live_server.url}/dossiers/?bereik=mijn&fase=intake")
    blad = load_workbook(io.BytesIO(download(page, "Download Excel"))).active
    namen = sorted(blad.cell(row=r, column=2).value for r in range(2, blad.max_row + 1))
    assert namen == ["'=SOM(1;2) Formule", "Amal Yousef"]  # the formula neutralised
    assert Beveiligingslog.objects.filter(gebeurtenis=Gebeurtenis.EXPORT).count() == 2

    page.goto(f"{live_server.url}/werkvoorraad/")
    assert_geen_axe_fouten(page, "werkvoorraad")


def test_de_consulent_ziet_te_beoordelen_met_fatale_datum_en_filtert_op_team(page: Page, live_server, inloggen):
    noord, zuid = TeamFactory(naam="Team Noord"), TeamFactory(naam="Team Zuid")
    consulent = ConsulentFactory(username="carla", first_name="Carla", last_name="Consulent", team=noord)
    for team, naam, dagen in ((noord, "Later", 30), (noord, "Dringend", -3), (zuid, "Elders", 5)):
        pip = PipFactory(ter_beoordeling=True, dossier__werkcoach=WerkcoachFactory(team=team), dossier__team=team,
                         dossier__inburgeraar=InburgeraarFactory(voornamen="Pip", geslachtsnaam=naam))
        TermijnFactory(dossier=pip.dossier, fatale_datum=date.today() + timedelta(days=dagen),
                       status="verlopen" if dagen < 0 else "open")

    inloggen(consulent)
    page.goto(f"{live_server.url}/pip/te-beoordelen/")
    expect(page.get_by_role("columnheader", name="Fatale datum PIP-termijn")).to_be_visible()
    rijen = page.locator("tbody").get_by_role("row")
    expect(rijen).to_have_count(3)
    expect(rijen.nth(0)).to_contain_text("Pip Dringend")
    expect(rijen.nth(0)).to_contain_text("3 dagen verlopen")
    expect(rijen.nth(1)).to_contain_text("Pip Elders")
    assert_geen_axe_fouten(page, "te beoordelen")

    page.get_by_label("Team").select_option(label="Team Noord")
    page.get_by_label("Sorteren op").select_option(label="Fatale datum, laatste eerst")
    page.get_by_role("button", name="Toepassen").click()
    expect(rijen).to_have_count(2)
    expect(rijen.nth(0)).to_contain_text("Pip Later")
    assert_geen_axe_fouten(page, "te beoordelen, team Noord")

    blad = load_workbook(io.BytesIO(download(page, "Download Excel"))).active
    assert [blad.cell(row=r, column=2).value for r in (2, 3)] == ["Pip Later", "Pip Dringend"]


def test_het_overzicht_van_een_dossier_afdrukken_op_a4(page: Page, live_server, inloggen):
    werkcoach = WerkcoachFactory(username="wanda", first_name="Wanda", last_name="Coach")
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING,
                             inburgeraar=InburgeraarFactory(voornamen="Noor", geslachtsnaam="Haddad"))
    PipFactory(vastgesteld=True, dossier=dossier)
    TermijnFactory(dossier=dossier)
    ContactmomentFactory(dossier=dossier, afspraken="Werkervaringsplek zoeken")

    inloggen(werkcoach)
    page.goto(f"{live_server.url}/dossiers/{dossier.pk}/")
    page.get_by_role("link", name="Overzicht afdrukken (A4)").click()
    expect(page.get_by_role("heading", level=1, name="Noor Haddad")).to_be_visible()
    expect(page.get_by_role("heading", name="PIP en leerroute")).to_be_visible()
    expect(page.get_by_text("Werkervaringsplek zoeken")).to_be_visible()
    expect(page.get_by_role("navigation")).to_have_count(0)
    expect(page.get_by_role("button", name="Afdrukken")).to_be_visible()
    assert_geen_axe_fouten(page, "afdrukweergave (scherm)")

    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Afdrukken")).to_be_hidden()
    expect(page.get_by_role("link", name="Terug naar het dossier")).to_be_hidden()
    expect(page.get_by_role("heading", name="Termijnen")).to_be_visible()
    assert_geen_axe_fouten(page, "afdrukweergave (print)")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    page.emulate_media(media="screen")


def test_de_manager_downloadt_dashboardtabellen_en_handhavingszaken(page: Page, live_server, inloggen):
    manager = ManagerFactory(username="mira", first_name="Mira", last_name="Manager")
    werkcoach = WerkcoachFactory(first_name="Wouter", last_name="Coach")
    DossierFactory.create_batch(2, werkcoach=werkcoach, fase=Fase.INTAKE)
    HandhavingszaakFactory(dossier=DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING))

    inloggen(manager)
    page.goto(f"{live_server.url}/dashboard/")
    assert_geen_axe_fouten(page, "dashboard met downloadlinks")
    fasen = page.locator("section", has=page.get_by_role("heading", name="Dossiers per fase"))
    rijen = csv_rijen(download(page, "Download CSV (Dossiers per fase)", binnen=fasen))
    assert ["Brede intake", "2"] in rijen

    page.goto(f"{live_server.url}/handhaving/zaken/?status=open")
    assert_geen_axe_fouten(page, "handhavingszaken met downloadlinks")
    rijen = csv_rijen(download(page, "Download CSV"))
    assert len(rijen) == 2 and rijen[1][4] == "Signaal"
