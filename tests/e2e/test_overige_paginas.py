"""The remaining user-facing pages in a real browser, each by its main path: the werkcoach's start page,
contactmomenten, suspending and resuming a termijn, an aandachtspunt, DUO's extension of the
inburgeringstermijn, the aanbieders list and the daily e-mail opt-out. axe-core scans every page on the
way, forms both empty and with errors."""

import re
from datetime import date, timedelta

from django.utils import formats, translation

from playwright.sync_api import Page, expect

from cases import services as dossier_services
from cases.models import Contactmoment, Dossier, Fase, Termijn, TermijnStatus
from cases.rules import Doelgroep
from cases.termijnen.services import termijnen_herberekenen
from pip_plans.models import TermijnVerlengingDuo
from pip_plans.termijnen import PipTermijn
from tests import klok
from tests.e2e.conftest import assert_geen_axe_fouten
from tests.factories import (
    AanbiederFactory,
    DossierFactory,
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
    """A form control by its label; labels of required fields end in '(verplicht)'."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(verplicht\))?$", re.IGNORECASE))


def _lang(datum: date) -> str:
    """A date as the templates show it: '3 maart 2025'."""
    with translation.override("nl"):
        return formats.date_format(datum, "j F Y")


def _kort(datum: date) -> str:
    return f"{datum.day}-{datum.month}-{datum.year}"


def _fout_bij_veld(page: Page, veld, melding: str) -> None:
    """The error summary has focus and the Dutch message sits next to the field, tied to it."""
    overzicht = page.locator("#foutenoverzicht")
    expect(overzicht).to_be_focused()
    expect(overzicht).to_contain_text(melding)
    expect(page).to_have_title(re.compile(r"^Fout: "))
    expect(veld).to_have_attribute("aria-invalid", "true")
    expect(veld).to_have_accessible_description(re.compile(re.escape(melding)))


def _werkcoach(**extra):
    return WerkcoachFactory(username="wendy", first_name="Wendy", last_name="de Coach",
                            team=TeamFactory(naam="Team Noord"), **extra)


def _dossier(werkcoach, **extra):
    return DossierFactory(werkcoach=werkcoach, inburgeraar=InburgeraarFactory(voornamen="Samira",
                                                                              geslachtsnaam="Haddad"), **extra)


def test_startpagina_toont_aantallen_per_fase_en_linkt_naar_de_dossiers(page: Page, live_server, inloggen):
    werkcoach = _werkcoach()
    _dossier(werkcoach, fase=Fase.INTAKE)
    DossierFactory(werkcoach=werkcoach, fase=Fase.INTAKE)
    DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING)
    DossierFactory(fase=Fase.INTAKE)  # another werkcoach's dossier: not counted

    inloggen(werkcoach, axe=True)
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1, name="Goedendag, Wendy")).to_be_visible()
    fasen = page.get_by_role("region", name="Dossiers per fase")
    expect(fasen.get_by_role("row", name=re.compile("^Brede intake"))).to_contain_text("2")
    expect(fasen.get_by_role("link", name="1 dossiers in fase In uitvoering")).to_be_visible()
    expect(fasen.get_by_role("link", name="3 lopende dossiers")).to_be_visible()
    assert_geen_axe_fouten(page, "startpagina werkcoach")

    fasen.get_by_role("link", name="2 dossiers in fase Brede intake").click()
    expect(page.get_by_role("heading", level=1, name="Mijn dossiers")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="2 dossiers")).to_be_visible()
    expect(page.get_by_label("Fase")).to_have_value(Fase.INTAKE)
    resultaten = page.get_by_role("table")
    expect(resultaten.get_by_role("row")).to_have_count(3)  # header + the two intake dossiers
    expect(resultaten.get_by_role("link", name="Haddad, Samira")).to_be_visible()
    assert_geen_axe_fouten(page, "dossiers in fase brede intake")


def test_voortgangsgesprek_vastleggen_vanuit_het_dossier(page: Page, live_server, inloggen):
    werkcoach = _werkcoach()
    dossier = _dossier(werkcoach, fase=Fase.IN_UITVOERING)

    inloggen(werkcoach)
    page.goto(f"{live_server.url}/dossiers/{dossier.pk}/")
    page.get_by_role("link", name="Contacten en voortgangsgesprekken").click()
    expect(page.get_by_role("heading", level=2, name="Contacten")).to_be_visible()
    expect(page.get_by_text("Nog geen contacten vastgelegd.")).to_be_visible()
    assert_geen_axe_fouten(page, "contacten, leeg")

    page.get_by_role("link", name="Contact vastleggen").click()
    expect(page.get_by_role("heading", level=1, name="Contact met Samira Haddad vastleggen")).to_be_visible()
    assert_geen_axe_fouten(page, "contact vastleggen, leeg")

    # A date in the future: the Dutch error next to the field, the other answers kept.
    datum = _veld(page, "Datum")
    datum.fill((VANDAAG + timedelta(days=3)).isoformat())
    page.get_by_role("radio", name="Voortgangsgesprek").check()
    page.get_by_role("radio", name="Ja").check()
    _veld(page, "Besproken onderwerpen").fill("Voortgang taalles, aanwezigheid en werkstage.")
    page.get_by_role("button", name="Contact vastleggen").click()
    _fout_bij_veld(page, datum, "Deze datum ligt in de toekomst.")
    expect(page.get_by_role("radio", name="Voortgangsgesprek")).to_be_checked()
    assert not Contactmoment.objects.exists()
    assert_geen_axe_fouten(page, "contact vastleggen, met fout")

    gesprek = VANDAAG - timedelta(days=1)
    datum.fill(gesprek.isoformat())
    page.get_by_role("button", name="Contact vastleggen").click()

    expect(page.get_by_role("status")).to_contain_text(f"Voortgangsgesprek van {gesprek:%d-%m-%Y} is vastgelegd.")
    contacten = page.get_by_role("table", name="Vastgelegde contactmomenten, nieuwste eerst")
    expect(contacten.get_by_role("row")).to_have_count(2)  # header + the gesprek
    rij = contacten.get_by_role("row").nth(1)
    expect(rij).to_contain_text(_lang(gesprek))
    expect(rij).to_contain_text("Voortgangsgesprek")
    expect(rij).to_contain_text("Voortgang taalles, aanwezigheid en werkstage.")
    expect(rij).to_contain_text("Wendy de Coach")
    assert_geen_axe_fouten(page, "contacten, met voortgangsgesprek")


def test_voortgangsgesprek_opschorten_en_hervatten_maar_niet_de_wettelijke_pip_termijn(
        page: Page, live_server, inloggen):
    """DOMAIN §8: only the gemeente's own working terms (here the next voortgangsgesprek) may be
    suspended freely; a statutory fatale datum (the PIP deadline, Besluit 5.3) offers no such link."""
    werkcoach = _werkcoach()
    dossier = dossier_services.inburgeraar_met_dossier_aanmaken(
        persoon={"bsn": "999993653", "voornamen": "Yusuf", "geslachtsnaam": "Haddad",
                 "geboortedatum": date(1990, 3, 4)},
        dossier={"doelgroep": Doelgroep.GEZINSVORMER, "datum_kennisgeving": VANDAAG - timedelta(days=20),
                 "datum_koppeling": None, "datum_huisvesting": None},
        by=werkcoach,
    )
    PipFactory(vastgesteld=True, dossier=dossier, dagtekening=VANDAAG - timedelta(days=8),
               termijn_start=VANDAAG - timedelta(days=7))
    Dossier.objects.filter(pk=dossier.pk).update(fase=Fase.IN_UITVOERING)
    termijnen_herberekenen(dossier_id=dossier.pk)
    termijn = Termijn.objects.get(dossier=dossier, soort=PipTermijn.VOORTGANGSGESPREK)
    assert termijn.status == TermijnStatus.OPEN
    oude_fatale_datum = termijn.fatale_datum
    naam = "Volgend voortgangsgesprek"

    inloggen(werkcoach)
    page.goto(f"{live_server.url}/dossiers/{dossier.pk}/")
    termijnen = page.get_by_role("region", name="Termijnen")
    expect(termijnen.get_by_role("link", name="Opschorten PIP vaststellen")).to_have_count(0)
    rij = termijnen.get_by_role("row", name=re.compile(f"^{naam}"))
    expect(rij).to_contain_text(_lang(oude_fatale_datum))
    assert_geen_axe_fouten(page, "dossier, termijn open")

    rij.get_by_role("link", name=f"Opschorten {naam}").click()
    expect(page.get_by_role("heading", level=1, name=f"{naam} opschorten")).to_be_visible()
    assert_geen_axe_fouten(page, "termijn opschorten, leeg")

    # Without a reason: the Dutch error next to the field.
    van = VANDAAG - timedelta(days=5)
    _veld(page, "Opgeschort vanaf").fill(van.isoformat())
    page.get_by_role("button", name="Opschorten").click()
    reden = _veld(page, "Reden")
    _fout_bij_veld(page, reden, "Dit veld is verplicht.")
    assert_geen_axe_fouten(page, "termijn opschorten, met fout")

    reden.fill("Medische situatie: opname in het ziekenhuis.")
    page.get_by_role("button", name="Opschorten").click()
    expect(page.get_by_role("status")).to_contain_text("De termijn is opgeschort.")
    rij = page.get_by_role("region", name="Termijnen").get_by_role("row", name=re.compile(f"^{naam}"))
    expect(rij.get_by_role("cell").nth(1)).to_have_text("Opgeschort")  # the Stand column
    assert_geen_axe_fouten(page, "dossier, termijn opgeschort")

    rij.get_by_role("link", name=f"Hervatten {naam}").click()
    expect(page.get_by_role("heading", level=1, name=f"{naam} hervatten")).to_be_visible()
    expect(_veld(page, "Opgeschort tot en met")).to_have_value(f"{VANDAAG:%d-%m-%Y}")
    assert_geen_axe_fouten(page, "termijn hervatten")
    page.get_by_role("button", name="Hervatten").click()

    expect(page.get_by_role("status")).to_contain_text("De termijn is hervat; de datums zijn verschoven.")
    dagen = (VANDAAG - van).days + 1  # both ends inclusive
    rij = page.get_by_role("region", name="Termijnen").get_by_role("row", name=re.compile(f"^{naam}"))
    expect(rij).to_contain_text(_lang(oude_fatale_datum + timedelta(days=dagen)))
    expect(rij).to_contain_text(f"{dagen} dagen opgeschort")
    expect(rij.get_by_role("link", name=f"Opschorten {naam}")).to_be_visible()
    assert_geen_axe_fouten(page, "dossier, termijn hervat")

    # The statutory PIP deadline: the page refuses and names the legal route.
    pip_termijn = Termijn.objects.get(dossier=dossier, soort=PipTermijn.PIP_VASTSTELLEN)
    page.goto(f"{live_server.url}/dossiers/{dossier.pk}/termijnen/{pip_termijn.pk}/opschorten/")
    expect(page.get_by_role("alert")).to_contain_text("art. 5.3 lid 2")
    assert_geen_axe_fouten(page, "dossier, opschorten van een wettelijke termijn geweigerd")


def test_aandachtspunt_vanuit_het_dossier_komt_op_de_werkvoorraad(page: Page, live_server, inloggen):
    werkcoach = _werkcoach()
    dossier = _dossier(werkcoach)

    inloggen(werkcoach)
    page.goto(f"{live_server.url}/dossiers/{dossier.pk}/")
    page.get_by_role("link", name="Aandachtspunt toevoegen").click()
    expect(page.get_by_role("heading", level=1, name="Aandachtspunt voor Samira Haddad")).to_be_visible()
    assert_geen_axe_fouten(page, "aandachtspunt, leeg")

    page.get_by_role("button", name="Aandachtspunt toevoegen").click()
    omschrijving = _veld(page, "Omschrijving")
    _fout_bij_veld(page, omschrijving, "Beschrijf het aandachtspunt.")
    assert_geen_axe_fouten(page, "aandachtspunt, met fout")

    omschrijving.fill("Huurachterstand: doorverwijzen naar schuldhulp.")
    page.get_by_role("button", name="Aandachtspunt toevoegen").click()
    expect(page.get_by_role("status")).to_contain_text("Het aandachtspunt staat op de werkvoorraad.")
    expect(page.get_by_role("heading", level=1, name="Samira Haddad")).to_be_visible()

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Werkvoorraad").click()
    expect(page.get_by_role("heading", level=1, name="Mijn werkvoorraad")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="1 open signaal")).to_be_visible()
    rij = page.get_by_role("row", name=re.compile("Samira Haddad"))
    expect(rij).to_contain_text("Aandachtspunt")
    expect(rij).to_contain_text("Huurachterstand: doorverwijzen naar schuldhulp.")
    assert_geen_axe_fouten(page, "werkvoorraad met aandachtspunt")


def test_verlenging_van_de_inburgeringstermijn_door_duo_vastleggen(page: Page, live_server, inloggen):
    werkcoach = _werkcoach()
    pip = PipFactory(vastgesteld=True, dossier=_dossier(werkcoach, fase=Fase.IN_UITVOERING))
    dossier = pip.dossier
    besluit = VANDAAG - timedelta(days=1)
    einde = pip.termijn_start.replace(year=pip.termijn_start.year + 4)  # a year past the ordinary three

    inloggen(werkcoach)
    page.goto(f"{live_server.url}/dossiers/{dossier.pk}/pip/")
    termijn = page.get_by_role("region", name="Inburgeringstermijn")
    expect(termijn).to_contain_text(f"Van {_lang(pip.termijn_start)}")
    assert_geen_axe_fouten(page, "PIP-tab, vastgesteld PIP")

    termijn.get_by_role("link", name="Verlenging door DUO vastleggen").click()
    expect(page.get_by_role("heading", level=1, name="Verlenging inburgeringstermijn door DUO vastleggen")
           ).to_be_visible()
    assert_geen_axe_fouten(page, "verlenging DUO, leeg")

    # A besluit dated in the future: the Dutch error next to the field.
    besluitdatum = _veld(page, "Datum besluit DUO")
    besluitdatum.fill((VANDAAG + timedelta(days=2)).isoformat())
    page.get_by_role("radio", name="Op aanvraag (SS104)").check()
    _veld(page, "Nieuwe einddatum volgens DUO").fill(einde.isoformat())
    page.get_by_role("button", name="Vastleggen").click()
    _fout_bij_veld(page, besluitdatum, "Deze datum ligt in de toekomst.")
    assert not TermijnVerlengingDuo.objects.exists()
    assert_geen_axe_fouten(page, "verlenging DUO, met fout")

    besluitdatum.fill(besluit.isoformat())
    _veld(page, "Toelichting").fill("Verlengd wegens ziekte.")
    page.get_by_role("button", name="Vastleggen").click()

    expect(page.get_by_role("status")).to_contain_text("De verlenging is vastgelegd; de termijnen zijn bijgewerkt.")
    termijn = page.get_by_role("region", name="Inburgeringstermijn")
    expect(termijn.get_by_role("heading", level=4, name="Verlengingen door DUO")).to_be_visible()
    expect(termijn.get_by_role("listitem")).to_have_text(
        f"Besluit {_kort(besluit)}, Op aanvraag (SS104): nieuwe einddatum volgens DUO {_kort(einde)}"
        " — Verlengd wegens ziekte."
    )
    assert_geen_axe_fouten(page, "PIP-tab, met verlenging")


def test_aanbieders_filteren(page: Page, live_server, inloggen):
    werkcoach = _werkcoach()
    AanbiederFactory(naam="Taalschool Noord")
    AanbiederFactory(naam="Taalhuis Zonder Keurmerk", zonder_keurmerk=True)
    AanbiederFactory(naam="ROC Schakelcollege", taalschakeltraject=True)
    AanbiederFactory(naam="Welzijn Samen", welzijn=True)

    inloggen(werkcoach)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Aanbieders").click()
    expect(page.get_by_role("heading", level=1, name="Aanbieders")).to_be_visible()
    expect(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Aanbieders")
           ).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("heading", level=2, name="4 aanbieders")).to_be_visible()
    assert_geen_axe_fouten(page, "aanbieders")

    filters = page.get_by_role("search", name="Aanbieders filteren")
    filters.get_by_label("Soort").select_option(label="Taalaanbieder")
    filters.get_by_label("Keurmerk Blik op Werk").select_option(label="Met geldig keurmerk")
    filters.get_by_role("button", name="Filteren").click()

    expect(page.get_by_role("heading", level=2, name="1 aanbieder")).to_be_visible()
    tabel = page.get_by_role("table", name="Aanbieders")
    expect(tabel.get_by_role("row")).to_have_count(2)  # header + Taalschool Noord
    expect(tabel.get_by_role("rowheader")).to_have_text("Taalschool Noord")
    expect(page.get_by_label("Keurmerk Blik op Werk")).to_have_value("ja")
    assert_geen_axe_fouten(page, "aanbieders, gefilterd")


def test_dagelijkse_email_uit_en_weer_aan_zetten(page: Page, live_server, inloggen):
    werkcoach = _werkcoach()
    assert werkcoach.dagelijkse_samenvatting

    inloggen(werkcoach)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Werkvoorraad").click()
    expect(page.get_by_role("heading", level=1, name="Mijn werkvoorraad")).to_be_visible()
    assert_geen_axe_fouten(page, "werkvoorraad, e-mail aan")

    page.get_by_role("button", name="Dagelijkse e-mail uitzetten").click()
    expect(page.get_by_role("status")).to_contain_text("U ontvangt geen dagelijkse samenvatting meer per e-mail.")
    expect(page.get_by_role("button", name="Dagelijkse e-mail aanzetten")).to_be_visible()
    werkcoach.refresh_from_db()
    assert not werkcoach.dagelijkse_samenvatting
    assert_geen_axe_fouten(page, "werkvoorraad, e-mail uit")

    page.get_by_role("button", name="Dagelijkse e-mail aanzetten").click()
    expect(page.get_by_role("status")).to_contain_text("U ontvangt de dagelijkse samenvatting per e-mail.")
    expect(page.get_by_role("button", name="Dagelijkse e-mail uitzetten")).to_be_visible()
    werkcoach.refresh_from_db()
    assert werkcoach.dagelijkse_samenvatting
