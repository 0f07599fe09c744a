"""A PIP from vaststellen through the print batch to verzonden, in a real browser (issue 15): the consulent
vaststelt by post; the PIP tab says the bezwaartermijn waits; the postkamer composes the batch, downloads
the letters and the verzendlijst, confirms the posting day; the PIP tab then shows the bezwaartermijn
computed from that day. axe-core scans every page."""

import re
from datetime import date

from django.utils import formats, translation

from playwright.sync_api import Page, expect

from inburgering.accounts.roles import Rol
from inburgering.kalender.selectors import bezwaar_einde
from pip_plans.models import Pip
from tests import klok
from tests.e2e.conftest import assert_geen_axe_fouten
from tests.factories import BredeIntakeFactory, ConsulentFactory, PipFactory, TeamFactory, UserFactory, WerkcoachFactory


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today()


def _veld(page: Page, label: str):
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(verplicht\))?$"))


def _lang(datum: date) -> str:
    with translation.override("nl"):
        return formats.date_format(datum, "j F Y")


def _gegeven(gebied, term: str):
    return gebied.locator("dt", has_text=re.compile(rf"^{re.escape(term)}$")).locator("xpath=following-sibling::dd[1]")


def test_a_pip_through_the_print_batch_to_verzonden(page: Page, live_server, inloggen):
    team = TeamFactory(naam="Team Noord")
    werkcoach = WerkcoachFactory(username="wendy", team=team)
    consulent = ConsulentFactory(username="cor", team=team)
    postkamer = UserFactory(username="paula", first_name="Paula", last_name="Post", team=None, rol=Rol.POSTKAMER)
    dossier = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach, dossier__fase="pip_in_opstelling",
                                 dossier__inburgeraar__voornamen="Amina", dossier__inburgeraar__geslachtsnaam="Haddad",
                                 dossier__inburgeraar__adresregel1="Oude Schans 12",
                                 dossier__inburgeraar__adresregel2="9934 AB  DELFZIJL").dossier
    pip = PipFactory(dossier=dossier, auteur=werkcoach, ter_beoordeling=True)

    inloggen(consulent)
    page.goto(f"{live_server.url}/pip/{pip.pk}/")
    _veld(page, "Dagtekening").fill(VANDAAG.isoformat())
    expect(page.get_by_role("radio", name=re.compile("^Per post"))).to_be_checked()
    page.get_by_role("button", name="PIP vaststellen").click()
    expect(page.get_by_role("status")).to_contain_text("klaar voor de printbatch")
    geldend = page.get_by_role("region", name="Geldend PIP (versie 1)")
    expect(_gegeven(geldend, "Verzending")).to_contain_text("Wacht op de printbatch")
    expect(_gegeven(geldend, "Bezwaar mogelijk tot en met")).to_have_count(0)
    assert_geen_axe_fouten(page, "PIP-tab, wacht op verzending")
    page.get_by_role("button", name="Uitloggen").click()

    inloggen(postkamer)
    expect(page.get_by_role("heading", level=1, name="Postkamer: brieven voor de post")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="1 brief wacht op de post")).to_be_visible()
    assert_geen_axe_fouten(page, "postkamer")
    page.get_by_role("button", name="Printbatch samenstellen").click()
    expect(page.get_by_role("status")).to_contain_text("De printbatch is samengesteld")
    with page.expect_download() as info:
        page.get_by_role("link", name="Verzendlijst downloaden (PDF)").click()
    with open(info.value.path(), "rb") as bestand:
        assert bestand.read(5) == b"%PDF-"
    assert_geen_axe_fouten(page, "printbatch")
    page.get_by_role("link", name="Verzending bevestigen").click()
    _veld(page, "Gepost op").fill(VANDAAG.isoformat())
    assert_geen_axe_fouten(page, "verzending bevestigen")
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("status")).to_contain_text("De verzending is bevestigd")
    expect(page.get_by_role("link", name="Brieven downloaden (PDF)")).to_have_count(0)
    page.get_by_role("button", name="Uitloggen").click()

    inloggen(consulent)
    page.goto(f"{live_server.url}/dossiers/{dossier.pk}/pip/")
    geldend = page.get_by_role("region", name="Geldend PIP (versie 1)")
    expect(_gegeven(geldend, "Verzending")).to_contain_text(f"Per post verzonden op {_lang(VANDAAG)}")
    expect(_gegeven(geldend, "Bezwaar mogelijk tot en met")).to_have_text(_lang(bezwaar_einde(VANDAAG)))
    assert Pip.objects.get(pk=pip.pk).bekendmaking == VANDAAG
