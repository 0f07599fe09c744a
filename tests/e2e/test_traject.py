"""Issue 4 in a real browser: a B1-route asielstatushouder with a vastgesteld PIP → the werkcoach
enrols with a keurmerk aanbieder, records hours, all exams, PVT and MAP → the checklist turns
complete → a consulent closes the dossier as voldaan. Every page visited is scanned with axe-core."""

import re
from datetime import date, timedelta

from playwright.sync_api import Page, expect

from cases.models import Fase
from leerroutes.models import Afsluiting, Inschrijving
from leerroutes.rules import KERNWAARDEN, MAP_THEMAS
from tests import klok
from tests.e2e.conftest import assert_geen_axe_fouten
from tests.factories import (
    AanbiederFactory,
    ConsulentFactory,
    InburgeraarFactory,
    PipFactory,
    TeamFactory,
    WerkcoachFactory,
)


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today()


def _veld(page: Page, label: str):
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(verplicht\))?$"))


def _status(page: Page, tekst: str) -> None:
    expect(page.get_by_role("status")).to_contain_text(tekst)


def _opslaan(page: Page, knop: str, melding: str, context: str) -> None:
    assert_geen_axe_fouten(page, context)
    page.get_by_role("button", name=knop, exact=True).click()
    _status(page, melding)


def test_b1_route_from_enrolment_to_plicht_voldaan(page: Page, live_server, inloggen):
    team = TeamFactory(naam="Team Noord")
    werkcoach = WerkcoachFactory(username="wendy", first_name="Wendy", last_name="de Coach", team=team)
    consulent = ConsulentFactory(username="connie", first_name="Connie", last_name="Consulent", team=team)
    pip = PipFactory(
        vastgesteld=True, dossier__werkcoach=werkcoach, dossier__datum_huisvesting=VANDAAG - timedelta(days=420),
        dossier__inburgeraar=InburgeraarFactory(voornamen="Samira", geslachtsnaam="Haddad"),
    )
    AanbiederFactory(naam="Taalschool Noord")
    AanbiederFactory(naam="Zonder Keurmerk BV", zonder_keurmerk=True)
    traject_url = f"{live_server.url}/dossiers/{pip.dossier_id}/traject/"

    inloggen(werkcoach)
    page.goto(f"{live_server.url}/dossiers/{pip.dossier_id}/")
    page.get_by_role("navigation", name="Dossieronderdelen").get_by_role("link", name="Traject", exact=True).click()
    expect(page).to_have_url(traject_url)
    checklist = page.get_by_role("region", name="Plicht voldaan?")
    expect(checklist).to_contain_text("KNM-examen nog niet behaald")
    expect(checklist).to_contain_text("MAP-eindgesprek ontbreekt")
    assert_geen_axe_fouten(page, "traject-tab, leeg")

    # --- enrolment: refused without keurmerk, next to the field; then with the keurmerk aanbieder ----
    page.get_by_role("link", name="Inschrijven voor de leerroute").click()
    assert_geen_axe_fouten(page, "inschrijven, leeg")
    _veld(page, "Aanbieder").select_option(label="Zonder Keurmerk BV")
    _veld(page, "Geplande einddatum").fill((VANDAAG + timedelta(days=365)).isoformat())
    page.get_by_role("button", name="Inschrijven").click()
    expect(page.locator("#foutenoverzicht")).to_be_focused()
    expect(page.locator("#foutenoverzicht")).to_contain_text("Blik op Werk-keurmerk")
    expect(page).to_have_title(re.compile(r"^Fout: "))
    expect(_veld(page, "Aanbieder")).to_have_attribute("aria-invalid", "true")
    assert_geen_axe_fouten(page, "inschrijven, met fouten")
    _veld(page, "Aanbieder").select_option(label="Taalschool Noord")
    page.get_by_role("button", name="Inschrijven").click()
    _status(page, "De inschrijving is vastgelegd.")
    assert_geen_axe_fouten(page, "traject-tab, ingeschreven")

    page.get_by_role("link", name="Aanmelden bij aanbieder").click()
    _opslaan(page, "Aangemeld", "De aanmelding bij de aanbieder is vastgelegd.", "aanmelden")
    page.get_by_role("link", name="Start vastleggen").click()
    _opslaan(page, "Gestart", "De start is vastgelegd.", "starten")
    expect(page.get_by_role("region", name="Inschrijving leerroute")).to_contain_text("Gestart")

    # --- hours ------------------------------------------------------------------------------------
    for categorie, aantal in (("Taal en KNM bij de aanbieder", "120"), ("MAP (praktijkuren)", "40")):
        page.get_by_role("link", name="Uren vastleggen").click()
        _veld(page, "Categorie").select_option(label=categorie)
        _veld(page, "Periode van").fill((VANDAAG - timedelta(days=30)).isoformat())
        _veld(page, "Periode tot en met").fill(VANDAAG.isoformat())
        _veld(page, "Aantal uren").fill(aantal)
        _veld(page, "Aanbieder").select_option(label="Taalschool Noord")
        _opslaan(page, "Uren vastleggen", "De uren zijn vastgelegd.", f"uren {categorie}")
    uren = page.get_by_role("region", name="Gevolgde uren")
    expect(uren.get_by_role("row", name=re.compile(r"^Totaal"))).to_contain_text("160")

    # --- exams ------------------------------------------------------------------------------------
    for dagen, onderdeel, niveau in ((20, "KNM", ""), (15, "LE", "B1"), (15, "LU", "B1"), (10, "SC", "B1"),
                                      (5, "SP", "B1")):
        page.get_by_role("link", name="Examenresultaat vastleggen").click()
        _veld(page, "Onderdeel").select_option(onderdeel)
        if niveau:
            _veld(page, "Niveau").select_option(niveau)
        _veld(page, "Examendatum").fill((VANDAAG - timedelta(days=dagen)).isoformat())
        _veld(page, "Resultaat").select_option(label="Geslaagd")
        _opslaan(page, "Resultaat vastleggen", "Het examenresultaat is vastgelegd.", f"examen {onderdeel}")
    examens = page.get_by_role("region", name="Examens")
    expect(examens.get_by_role("row")).to_have_count(6)
    expect(examens).to_contain_text("Gratis pogingen over")
    expect(page.get_by_role("region", name="Plicht voldaan?")).not_to_contain_text("examen nog niet behaald")

    # --- PVT ----------------------------------------------------------------------------------------
    page.get_by_role("link", name="PVT vastleggen").click()
    for _code, label in KERNWAARDEN:
        page.get_by_role("checkbox", name=str(label)).check()
    _opslaan(page, "Opslaan", "De PVT is opgeslagen.", "pvt")
    page.get_by_role("link", name="Bijeenkomst vastleggen").click()
    _veld(page, "Uren").fill("12")
    _veld(page, "Onderwerp").fill("Excursie gemeentehuis en kernwaarden")
    page.get_by_role("checkbox", name="Activiteit of excursie").check()
    _opslaan(page, "Vastleggen", "De bijeenkomst is vastgelegd.", "pvt-bijeenkomst")
    page.get_by_role("link", name="Ondertekening vastleggen").click()
    _opslaan(page, "Vastleggen", "De ondertekening van de participatieverklaring is vastgelegd.", "pvt-ondertekening")
    expect(page.get_by_role("region", name="Participatieverklaringstraject (PVT)")).to_contain_text("Ondertekend")

    # --- MAP ----------------------------------------------------------------------------------------
    page.get_by_role("link", name="MAP vastleggen").click()
    for _code, label in MAP_THEMAS:
        page.get_by_role("checkbox", name=str(label)).check()
    _opslaan(page, "Opslaan", "De MAP is opgeslagen.", "map")
    page.get_by_role("link", name="Eindgesprek vastleggen").click()
    _veld(page, "Uitkomst").select_option(label="Voldoende")
    _veld(page, "Verslag").fill("Alle thema's besproken; wil in de zorg werken.")
    _opslaan(page, "Vastleggen", "Het eindgesprek is vastgelegd.", "map-eindgesprek")

    # --- the checklist is complete -------------------------------------------------------------------
    expect(page.get_by_role("region", name="Plicht voldaan?")).to_contain_text("De inburgeringsplicht is voldaan.")
    expect(page.get_by_role("link", name="Dossier afronden")).to_have_count(0)  # consulent only
    assert_geen_axe_fouten(page, "traject-tab, voldaan")
    page.get_by_role("button", name="Uitloggen").click()

    # --- the consulent closes the dossier as voldaan ---------------------------------------------------
    inloggen(consulent)
    page.goto(traject_url)
    page.get_by_role("link", name="Dossier afronden").click()
    expect(page.get_by_role("heading", level=1, name="Dossier afronden")).to_be_visible()
    expect(page.get_by_role("region", name="Plicht voldaan?")).to_contain_text("De inburgeringsplicht is voldaan.")
    page.get_by_role("radio", name="Plicht voldaan").check()
    _opslaan(page, "Dossier afronden", "Het dossier is afgerond.", "afronden")
    expect(page.get_by_role("region", name="Plicht voldaan?")).to_contain_text("Dossier afgerond op")
    assert_geen_axe_fouten(page, "traject-tab, afgerond")

    pip.dossier.refresh_from_db()
    assert (pip.dossier.fase, pip.dossier.eind_reden) == (Fase.AFGEROND, "voldaan")
    assert Afsluiting.objects.get(dossier=pip.dossier).checklist == {"voldaan": True, "ontbreekt": []}
    assert Inschrijving.objects.get(dossier=pip.dossier).status == "gestopt"  # a running enrolment stops

    page.get_by_role("link", name="Aanbieders").click()
    expect(page.get_by_role("heading", level=1, name="Aanbieders")).to_be_visible()
    assert_geen_axe_fouten(page, "aanbieders")


def test_z_route_hours_without_keurmerk_and_a_lowered_norm_besluit_3_14(page: Page, live_server, inloggen):
    """Besluit 3.14: course hours at an aanbieder without a keurmerk are shown as not counting (lid 2 a);
    a lowered norm with its ground (lid 8) replaces the 800 hours on the Traject tab."""
    from tests.factories import UrenFactory

    team = TeamFactory(naam="Team Zuid")
    werkcoach = WerkcoachFactory(username="zoe", first_name="Zoë", last_name="Coach", team=team)
    pip = PipFactory(vastgesteld=True, leerroute="Z", niveau="", dossier__werkcoach=werkcoach,
                     dossier__inburgeraar=InburgeraarFactory(voornamen="Amal", geslachtsnaam="Nasser"))
    UrenFactory(dossier=pip.dossier, categorie="taal_knm", aantal=500, aanbieder=AanbiederFactory(naam="Taalschool Zuid"))
    UrenFactory(dossier=pip.dossier, categorie="taal_knm", aantal=100,
                aanbieder=AanbiederFactory(naam="Buurthuis Taal", zonder_keurmerk=True))
    traject_url = f"{live_server.url}/dossiers/{pip.dossier_id}/traject/"

    inloggen(werkcoach)
    page.goto(traject_url)
    uren = page.get_by_role("region", name="Gevolgde uren")
    expect(uren).to_contain_text("500 van 800 uur")
    uren.get_by_text(re.compile(r"^2 registraties")).click()
    expect(uren).to_contain_text("Buurthuis Taal had op")
    assert_geen_axe_fouten(page, "traject-tab, Z-route")

    page.get_by_role("link", name="Urennorm Z-route wijzigen").click()
    expect(page.get_by_role("heading", level=1, name="Urennorm Z-route")).to_be_visible()
    assert_geen_axe_fouten(page, "urennorm Z-route, leeg")
    _veld(page, "Verlaagde norm taalles en KNM (uren)").fill("500")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Kies de grond van de verlaagde norm (Besluit 3.14 lid 8–10).").first).to_be_visible()
    assert_geen_axe_fouten(page, "urennorm Z-route, met fouten")
    _veld(page, "Grond verlaging taalles en KNM").select_option(label="Auditieve of visuele beperking (Besluit 3.14 lid 8)")
    _veld(page, "Waarop de verlaging berust").fill("Verklaring audioloog, 10-01-2026")
    page.get_by_role("button", name="Opslaan").click()
    _status(page, "De urennorm van de Z-route is opgeslagen.")
    expect(uren).to_contain_text("500 van 500 uur")
    expect(uren).to_contain_text("Norm taalles en KNM verlaagd naar 500 uur: Auditieve of visuele beperking (Besluit 3.14 lid 8).")
