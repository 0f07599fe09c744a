"""Vernietiging in a real browser (issue 13): the nightly proposal is on the privacy officer's page; she
excludes one dossier (a reason is required) and offers the list; a second privacy officer approves it,
the data is destroyed and the verklaring can be downloaded. axe-core scans every page."""

import re
from datetime import date, timedelta

from playwright.sync_api import Page, expect

from avg import services
from cases.models import Dossier, EindReden, Fase
from inburgering.accounts.roles import Rol
from tests.e2e.conftest import assert_geen_axe_fouten
from tests.factories import DossierFactory, UserFactory, WerkcoachFactory


def _veld(page: Page, label: str):
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(verplicht\))?$"))


def test_list_exclude_offer_approve_destroy_verklaring(page: Page, live_server, inloggen):
    werkcoach = WerkcoachFactory()
    weg = DossierFactory(werkcoach=werkcoach, fase=Fase.AFGEROND, eind_reden=EindReden.VOLDAAN,
                         eind_datum=date(2019, 3, 1), inburgeraar__voornamen="Noor",
                         inburgeraar__geslachtsnaam="Vergeten")
    blijft = DossierFactory(werkcoach=werkcoach, fase=Fase.BEEINDIGD, eind_reden=EindReden.OVERLEDEN,
                            eind_datum=date.today() - timedelta(days=3), inburgeraar__voornamen="Ilse",
                            inburgeraar__geslachtsnaam="Bewaard")
    services.voorstellen()
    pia = UserFactory(username="pia", first_name="Pia", last_name="Privacy", team=None, rol=Rol.PRIVACY)
    piet = UserFactory(username="piet", first_name="Piet", last_name="Tweede", team=None, rol=Rol.PRIVACY)

    inloggen(pia)
    expect(page.get_by_role("heading", level=1, name="Privacy: bewaartermijn en vernietiging")).to_be_visible()
    assert_geen_axe_fouten(page, "privacy start")
    page.get_by_role("link", name=re.compile(r"^VL-")).click()
    expect(page.get_by_role("row", name=re.compile("Noor Vergeten"))).to_contain_text("Te vernietigen")
    assert_geen_axe_fouten(page, "vernietigingslijst")

    page.get_by_role("row", name=re.compile("Ilse Bewaard")).get_by_role("link", name=re.compile("Uitzonderen")).click()
    page.get_by_role("button", name="Uitzonderen").click()
    expect(page.get_by_text("Dit veld is verplicht.").first).to_be_visible()
    assert_geen_axe_fouten(page, "uitzonderen met fouten")
    _veld(page, "Reden").fill("Nabestaanden hebben om inzage gevraagd")
    _veld(page, "Niet opnieuw voorstellen vóór").fill((date.today() + timedelta(days=60)).isoformat())
    page.get_by_role("button", name="Uitzonderen").click()
    expect(page.get_by_role("row", name=re.compile("Ilse Bewaard"))).to_contain_text("Uitgezonderd tot")

    page.get_by_role("link", name="Ter goedkeuring aanbieden").click()
    assert_geen_axe_fouten(page, "aanbieden")
    page.get_by_role("button", name="Ter goedkeuring aanbieden").click()
    expect(page.get_by_text("Een andere privacy officer keurt hem goed (vier ogen)")).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()

    inloggen(piet)
    page.get_by_role("link", name=re.compile(r"^VL-")).click()
    page.get_by_role("link", name="Beoordelen").click()
    assert_geen_axe_fouten(page, "beoordelen")
    page.get_by_label("Goedkeuren: de gegevens worden nu vernietigd").check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("De gegevens zijn vernietigd.")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile(rf"^{weg.pk} "))).to_contain_text("Vernietigd")
    assert_geen_axe_fouten(page, "vernietigd")
    with page.expect_download() as info:
        page.get_by_role("link", name="Verklaring van vernietiging downloaden (PDF)").click()
    with open(info.value.path(), "rb") as bestand:
        assert bestand.read(5) == b"%PDF-"

    assert not Dossier.objects.filter(pk=weg.pk).exists()
    assert Dossier.objects.filter(pk=blijft.pk).exists()


def test_a_death_recorded_by_hand_puts_the_dossier_on_the_next_list(page: Page, live_server, inloggen):
    werkcoach = WerkcoachFactory(username="wendy")
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.INTAKE, inburgeraar__voornamen="Sami",
                             inburgeraar__geslachtsnaam="Overleden")
    pia = UserFactory(username="pia", team=None, rol=Rol.PRIVACY)

    inloggen(werkcoach)
    page.goto(f"{live_server.url}/dossiers/{dossier.pk}/beeindigen/")
    assert_geen_axe_fouten(page, "beëindigen")
    _veld(page, "Reden").select_option(label="Overleden")
    _veld(page, "Datum").fill((date.today() - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Dossier beëindigen").click()
    expect(page.get_by_text("de inburgeraar is overleden")).to_be_visible()
    assert_geen_axe_fouten(page, "dossier na overlijden")
    page.get_by_role("button", name="Uitloggen").click()

    services.voorstellen()  # the nightly job
    inloggen(pia)
    page.get_by_role("link", name=re.compile(r"^VL-")).click()
    expect(page.get_by_role("row", name=re.compile("Sami Overleden"))).to_contain_text("Overleden")
