"""The daily workplace (issue 19 items 4–8) in a real browser, with an axe scan of every page on the way:
the dossier header, no preselected geslacht, the aanbieder from the registry, dates as dd-mm-jjjj, bulk
reassign of everything matching a filter (the list keeps its filter), the busy state of a long action, and a
PIP that cannot be offered while its deadline cannot be computed."""

import re
from datetime import date, timedelta

from playwright.sync_api import Page, expect

from cases.models import Dossier
from cases.rules import Doelgroep
from pip_plans.models import PipStatus
from tests.e2e.conftest import assert_geen_axe_fouten
from tests.factories import (
    AanbiederFactory,
    DossierFactory,
    InburgeraarFactory,
    ManagerFactory,
    PipFactory,
    TeamFactory,
    WerkcoachFactory,
)


def _veld(page: Page, label: str):
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(verplicht\))?$"))


def test_kop_geslacht_datum_aanbieder_en_pip_zonder_termijn(page: Page, live_server, inloggen):
    werkcoach = WerkcoachFactory(username="wendy", first_name="Wendy", last_name="de Coach")
    asiel = DossierFactory(werkcoach=werkcoach, fase="pip_in_opstelling",
                           inburgeraar=InburgeraarFactory(voornamen="Samira", geslachtsnaam="Haddad"))
    gezin = DossierFactory(werkcoach=werkcoach, doelgroep=Doelgroep.GEZINSVORMER,
                           inburgeraar=InburgeraarFactory(voornamen="Lin", geslachtsnaam="Chen"))
    pip = PipFactory(dossier=asiel, aanbieder="")  # asiel, not yet registered in the BRP: no PIP deadline
    AanbiederFactory(naam="Taalschool Noorderlicht")
    AanbiederFactory(naam="Welzijn Noord", soort="welzijnsorganisatie")
    inloggen(werkcoach)

    # Item 4: the header says the doelgroep once, the two-way indeling only when it adds something.
    page.goto(f"{live_server.url}/dossiers/{asiel.pk}/")
    kop = page.locator(".dossierkop__gegevens")
    expect(kop).to_contain_text("DoelgroepAsielstatushouder")
    expect(kop).not_to_contain_text("(Asielstatushouder)")
    page.goto(f"{live_server.url}/dossiers/{gezin.pk}/")
    expect(page.locator(".dossierkop__gegevens")).to_contain_text("Gezinsvormer (Gezinsmigrant en overige migrant)")
    assert_geen_axe_fouten(page, "dossierkop")

    # Item 4: a new person's geslacht is not preselected.
    page.goto(f"{live_server.url}/dossiers/nieuw/")
    expect(_veld(page, "Geslacht")).to_have_value("")
    assert_geen_axe_fouten(page, "nieuw dossier")

    # Item 7: a date is typed as dd-mm-jjjj, the format stated; a date that does not exist gets a Dutch message.
    page.goto(f"{live_server.url}/dossiers/{gezin.pk}/bewerken/")
    koppeling = _veld(page, "Datum koppeling")
    expect(koppeling).to_have_attribute("type", "text")
    expect(koppeling).to_have_accessible_description(re.compile("Formaat: dd-mm-jjjj"))
    expect(_veld(page, "Datum kennisgeving DUO")).to_have_value(f"{gezin.datum_kennisgeving:%d-%m-%Y}")
    koppeling.fill("31-02-2025")
    page.get_by_role("button", name=re.compile("opslaan", re.I)).click()
    expect(koppeling).to_have_attribute("aria-invalid", "true")
    expect(koppeling).to_have_accessible_description(
        re.compile(re.escape("Vul een bestaande datum in als dd-mm-jjjj, bijvoorbeeld 17-03-2025.")))
    assert_geen_axe_fouten(page, "datum met fout")
    gisteren = date.today() - timedelta(days=1)
    koppeling.fill(f"{gisteren.day}/{gisteren.month}/{gisteren.year}")
    page.get_by_role("button", name=re.compile("opslaan", re.I)).click()
    expect(page.get_by_role("status")).to_be_visible()
    assert Dossier.objects.get(pk=gezin.pk).datum_koppeling == gisteren

    # Item 4: the beoogde aanbieder is picked from the registry (taalaanbieders and onderwijsinstellingen).
    page.goto(f"{live_server.url}/pip/{pip.pk}/bewerken/")
    aanbieder = _veld(page, "Beoogde aanbieder leerroute")
    expect(aanbieder.locator("option", has_text="Welzijn Noord")).to_have_count(0)
    aanbieder.select_option(label="Taalschool Noorderlicht")
    assert_geen_axe_fouten(page, "PIP bewerken, aanbieder")
    page.get_by_role("button", name="Concept opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("De wijzigingen in het PIP zijn opgeslagen.")

    # Item 8: the PIP tab says before submitting what is missing; submitting is refused with the same words.
    waarschuwing = page.locator("#indienen-fout")
    expect(waarschuwing).to_contain_text("de datum van inschrijving (BRP) in de gemeente van huisvesting ontbreekt")
    knop = page.get_by_role("button", name="Ter beoordeling aanbieden")
    expect(knop).to_have_accessible_description(re.compile("niet te berekenen"))
    assert_geen_axe_fouten(page, "PIP-tab, termijn niet te berekenen")
    knop.click()
    expect(page.get_by_role("alert")).to_contain_text("Dit PIP kan nog niet ter beoordeling worden aangeboden")
    pip.refresh_from_db()
    assert pip.status == PipStatus.CONCEPT and pip.aanbieder == "Taalschool Noorderlicht"

    page.get_by_role("link", name="Dossiergegevens aanvullen").click()
    _veld(page, "Datum vestiging (BRP)").fill(f"{asiel.datum_kennisgeving:%d-%m-%Y}")
    page.get_by_role("button", name=re.compile("opslaan", re.I)).click()
    expect(page.get_by_role("status")).to_be_visible()
    page.goto(f"{live_server.url}/dossiers/{asiel.pk}/pip/")
    expect(page.locator("#indienen-fout")).to_have_count(0)

    # Item 6: the long action shows a busy state at once and cannot be sent twice.
    staat = page.evaluate("""() => {
        const knop = [...document.querySelectorAll('button')].find(b => b.textContent.includes('Ter beoordeling aanbieden'));
        const form = knop.form;
        form.requestSubmit(knop);
        form.requestSubmit(knop);  // a second click while the first is on its way
        return new Promise(klaar => setTimeout(() => klaar({
            status: form.querySelector('.formulier-bezig').textContent, naam: knop.textContent.trim(),
            uit: knop.disabled, bezig: form.getAttribute('aria-busy')}), 20));
    }""")
    assert staat == {"status": "Bezig…", "naam": "Ter beoordeling aanbieden", "uit": True, "bezig": "true"}
    expect(page.get_by_role("status")).to_contain_text("Het PIP is ter beoordeling aangeboden")
    pip.refresh_from_db()
    assert pip.status == PipStatus.TER_BEOORDELING
    assert pip.history.filter(history_change_reason="Ter beoordeling aangeboden").count() == 1


def test_alle_dossiers_van_het_filter_herverdelen_en_de_lijst_houdt_het_filter(page: Page, live_server, inloggen):
    noord, zuid = TeamFactory(naam="Team Noord"), TeamFactory(naam="Team Zuid")
    oud = WerkcoachFactory(username="oud", first_name="Olaf", last_name="Oud", team=noord)
    nieuw = WerkcoachFactory(username="nieuw", first_name="Nina", last_name="Nieuw", team=zuid)
    in_filter = [DossierFactory(werkcoach=oud) for _ in range(3)]
    afgesloten = DossierFactory(werkcoach=oud, beeindigd=True)
    ander_team = DossierFactory(werkcoach=nieuw)
    manager = ManagerFactory(username="manager", first_name="Mira", last_name="Manager")

    inloggen(manager)
    page.goto(f"{live_server.url}/dossiers/?bereik=alle&team={noord.pk}")
    expect(page.get_by_role("heading", level=2, name="4 dossiers")).to_be_visible()
    page.get_by_role("button", name="Alle dossiers van dit filter herverdelen").click()

    expect(page.get_by_role("heading", level=1, name="Dossiers herverdelen")).to_be_visible()
    expect(page.get_by_text("Het filter geeft 3 lopende dossiers.")).to_be_visible()
    expect(page.get_by_role("group", name="3 geselecteerde dossiers").get_by_role("listitem")).to_have_count(3)
    assert_geen_axe_fouten(page, "herverdelen, alle van het filter")
    _veld(page, "Nieuwe werkcoach").select_option(label="Nina Nieuw (Team Zuid)")
    _veld(page, "Reden van herverdeling").fill("Olaf met verlof")
    page.get_by_role("button", name="3 dossiers herverdelen").click()

    expect(page.get_by_role("status")).to_have_text("3 dossiers zijn herverdeeld naar Nina Nieuw.")
    expect(page).to_have_url(re.compile(rf"/dossiers/\?bereik=alle&team={noord.pk}$"))
    expect(_veld(page, "Team")).to_have_value(str(noord.pk))
    assert_geen_axe_fouten(page, "alle dossiers, filter behouden")
    for dossier in in_filter:
        dossier.refresh_from_db()
        assert dossier.werkcoach == nieuw
    afgesloten.refresh_from_db()
    ander_team.refresh_from_db()
    assert afgesloten.werkcoach == oud and ander_team.werkcoach == nieuw
