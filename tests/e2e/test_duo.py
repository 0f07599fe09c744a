"""The DUO exchange in a real browser (issue 16): a consulent vaststelt a PIP; the DUO tab of the dossier shows
the PIP message waiting; the outbox is drained (the task the Celery worker runs) against the DUO stand-in, a
separate process serving DUO's contract; the tab then shows it sent, the koppelbeheerder sees it on the outbox
screen, and the stand-in holds the PIP. axe-core scans every page."""

import re
from datetime import date

from playwright.sync_api import Page, expect

from cases.rules import Doelgroep
from duo import verzenden
from duo.models import DuoBericht, Soort, Status
from inburgering.accounts.roles import Rol
from tests import klok
from tests.e2e.conftest import assert_geen_axe_fouten
from tests.factories import (
    BredeIntakeFactory,
    ConsulentFactory,
    PipFactory,
    TeamFactory,
    UserFactory,
    WerkcoachFactory,
)


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today()


AMINA = "999990007"  # known to the DUO stand-in (standins/duo/personen.json)


def _veld(page: Page, label: str):
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(verplicht\))?$"))


def test_a_vastgesteld_pip_reaches_the_duo_standin(page: Page, live_server, inloggen, duo_standin, settings):
    settings.DUO_URL = duo_standin.url
    team = TeamFactory(naam="Team Noord")
    werkcoach = WerkcoachFactory(username="wendy", team=team, email="wendy@eemsdelta.example")
    consulent = ConsulentFactory(username="cor", team=team)
    koppelbeheer = UserFactory(username="kees", team=None, rol=Rol.KOPPELBEHEER)
    dossier = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach, dossier__fase="pip_in_opstelling",
                                 dossier__doelgroep=Doelgroep.ASIELSTATUSHOUDER,
                                 dossier__datum_kennisgeving=date(2023, 10, 20),
                                 dossier__inburgeraar__bsn=AMINA, dossier__inburgeraar__voornamen="Amina",
                                 dossier__inburgeraar__geslachtsnaam="Haddad",
                                 dossier__inburgeraar__adresregel1="Oude Schans 12",
                                 dossier__inburgeraar__adresregel2="9934 AB  DELFZIJL").dossier
    pip = PipFactory(dossier=dossier, auteur=werkcoach, ter_beoordeling=True, niveau="B1")

    inloggen(consulent)
    page.goto(f"{live_server.url}/pip/{pip.pk}/")
    _veld(page, "Dagtekening").fill(VANDAAG.isoformat())
    page.get_by_role("button", name="PIP vaststellen").click()
    expect(page.get_by_role("status")).to_contain_text("Het PIP is vastgesteld")

    page.get_by_role("navigation", name="Dossieronderdelen").get_by_role("link", name="DUO", exact=True).click()
    expect(page.get_by_role("heading", level=2, name="Berichten aan DUO")).to_be_visible()
    rij = page.get_by_role("row", name=re.compile("^PIP"))
    expect(rij).to_contain_text("Wachtend")
    assert_geen_axe_fouten(page, "DUO-tab, wachtend")

    # The Celery worker's task, run here: it drains the outbox against the stand-in.
    uitkomst = verzenden.outbox_verzenden()
    assert uitkomst.verzonden >= 1 and uitkomst.dode_letter == 0
    page.reload()
    expect(page.get_by_role("row", name=re.compile("^PIP"))).to_contain_text("Verzonden")
    assert_geen_axe_fouten(page, "DUO-tab, verzonden")
    page.get_by_role("button", name="Uitloggen").click()

    inloggen(koppelbeheer)
    page.goto(f"{live_server.url}/duo/")
    expect(page.get_by_role("heading", level=1, name="Berichten aan DUO")).to_be_visible()
    assert_geen_axe_fouten(page, "outbox")

    bericht = DuoBericht.objects.get(dossier=dossier, soort=Soort.PIP)
    assert bericht.status == Status.VERZONDEN
    staat = duo_standin.beheer("GET", f"/_beheer/personen/{AMINA}").json()
    assert [p["pip"]["leerroute"] for p in staat["pips"]] == ["B"]
    ontvangen = {r["berichtId"]: r for r in duo_standin.beheer("GET", "/_beheer/ontvangen").json()}
    assert ontvangen[str(bericht.bericht_id)]["aantal_keer"] == 1  # sent once
