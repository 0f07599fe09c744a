"""A first oproep for the brede intake by post, through the print batch to verzonden, in a real browser
(issue 15): the werkcoach records the oproep (its letter waits for the post); the intake tab says it waits;
the postkamer composes and confirms the batch; the intake tab then shows the oproep as sent on that day.
axe-core scans every page."""

import re
from datetime import date, timedelta

from playwright.sync_api import Page, expect

from cases.models import Uitnodiging
from inburgering.accounts.roles import Rol
from tests import klok
from tests.e2e.conftest import assert_geen_axe_fouten, printbatch_posten
from tests.factories import DossierFactory, TeamFactory, UserFactory, WerkcoachFactory


@klok.per_test
def _datums() -> None:
    global VANDAAG, GESPREK
    VANDAAG = date.today()
    GESPREK = VANDAAG + timedelta(days=14)


def _veld(page: Page, label: str):
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(verplicht\))?$"))


def test_a_first_oproep_through_the_print_batch_to_verzonden(page: Page, live_server, inloggen):
    team = TeamFactory(naam="Team Noord")
    werkcoach = WerkcoachFactory(username="wendy", team=team)
    postkamer = UserFactory(username="paula", first_name="Paula", last_name="Post", team=None, rol=Rol.POSTKAMER)
    dossier = DossierFactory(werkcoach=werkcoach, fase="intake", inburgeraar__voornamen="Amina",
                             inburgeraar__geslachtsnaam="Haddad", inburgeraar__adresregel1="Oude Schans 12",
                             inburgeraar__adresregel2="9934 AB  DELFZIJL")

    inloggen(werkcoach)
    page.goto(f"{live_server.url}/dossiers/{dossier.pk}/intake/oproep/")
    expect(page.get_by_role("heading", level=1, name="Oproep 1 voor de brede intake")).to_be_visible()
    _veld(page, "Datum gesprek").fill(GESPREK.isoformat())
    _veld(page, "Tijd gesprek").fill("09:30")
    _veld(page, "Plaats gesprek").fill("Gemeentehuis Delfzijl")
    expect(page.get_by_role("radio", name=re.compile("^Per post"))).to_be_checked()
    assert_geen_axe_fouten(page, "oproep vastleggen")
    page.get_by_role("button", name="Oproep vastleggen").click()
    expect(page.get_by_role("status")).to_contain_text("De brief wacht op de printbatch")
    oproepen = page.get_by_role("region", name="Oproepen voor de intake")
    expect(oproepen).to_contain_text("wacht op verzending")
    expect(oproepen).to_contain_text(f"INT-{dossier.pk}-1")
    assert_geen_axe_fouten(page, "intake-tab, oproep wacht op verzending")
    page.get_by_role("button", name="Uitloggen").click()

    inloggen(postkamer)
    expect(page.get_by_role("heading", level=2, name="1 brief wacht op de post")).to_be_visible()
    printbatch_posten(page, VANDAAG)

    inloggen(werkcoach)
    page.goto(f"{live_server.url}/dossiers/{dossier.pk}/intake/")
    oproepen = page.get_by_role("region", name="Oproepen voor de intake")
    expect(oproepen).to_contain_text(f"Verzonden {VANDAAG.day}-{VANDAAG.month}-{VANDAAG.year}")
    expect(oproepen).not_to_contain_text("wacht op verzending")
    assert_geen_axe_fouten(page, "intake-tab, oproep verzonden")
    assert Uitnodiging.objects.get(dossier=dossier).verzonden_op == VANDAAG
