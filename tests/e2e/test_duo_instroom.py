"""DUO's notification in a real browser (issue 17): the DUO stand-in (a real subprocess) posts an SS139 to the
app's Notificatie endpoint on the live server, the notification is processed (raadplegingen at the stand-in, the
person from the BRP stand-in), the new plichtige appears in the team's "Instroom van DUO", and the werkcoach takes
it up and opens the dossier with its "Gegevens van DUO". axe-core scans every page. (The journey on through PIP
vaststellen to the stand-in follows once the sending half of issue 16 is merged.)"""

from playwright.sync_api import Page, expect

from cases.models import Dossier
from duo.notificaties import ontvangen, tasks
from duo.notificaties.models import DuoNotificatie
from tests.e2e.conftest import assert_geen_axe_fouten
from tests.factories import TeamFactory, WerkcoachFactory
from tests.standins import duo_standin

TOKEN = "test-duo-notificatie"  # inburgering.settings.test


def test_an_ss139_from_duo_lands_in_the_inflow_and_the_werkcoach_opens_it(
        page: Page, live_server, inloggen, brp_standin, settings, monkeypatch, tmp_path):
    werkcoach = WerkcoachFactory(username="wendy", team=TeamFactory(naam="Team Noord"))
    settings.DUO_INSTROOM_TEAM = "Team Noord"
    # The live server hands the stored row to the broker; here no worker runs: the safety net below processes it.
    monkeypatch.setattr(ontvangen, "inplannen", lambda pk: None)
    with duo_standin(tmp_path, extra_args=["--notificatie-url", f"{live_server.url}/duo/notificaties",
                                           "--notificatie-token", TOKEN]) as duo:
        settings.DUO_URL = duo.url
        antwoord = duo.beheer("POST", "/_beheer/notificeer", {"bsn": "999990093", "gebeurtenisId": "SS139"})
        assert antwoord.json() == {"status": 201}, antwoord.text
        assert DuoNotificatie.objects.get().gebeurtenis_id == "SS139"
        assert tasks.achterstand_verwerken_task() == {"verwerkt": 1}

        inloggen(werkcoach)
        page.get_by_role("link", name="Instroom van DUO").click()
        expect(page.get_by_role("heading", level=1, name="Instroom van DUO")).to_be_visible()
        rij = page.get_by_role("row").filter(has_text="Samir Osman")
        expect(rij).to_contain_text("PIP-termijn loopt")
        expect(rij).to_contain_text("Asielstatushouder")
        assert_geen_axe_fouten(page, "instroom van DUO")

        rij.get_by_role("button", name="Samir Osman oppakken").click()
        expect(page.get_by_role("heading", level=1, name="Samir Osman")).to_be_visible()
        expect(page.get_by_text("Het dossier is aangemaakt en staat in uw caseload.")).to_be_visible()
        assert_geen_axe_fouten(page, "dossier uit de instroom")

        page.get_by_role("link", name="Gegevens van DUO").click()
        expect(page.get_by_role("heading", level=2, name="Gegevens van DUO")).to_be_visible()
        expect(page.get_by_text("bron: DUO /inburgeringsplicht", exact=False)).to_be_visible()
        assert_geen_axe_fouten(page, "gegevens van DUO")

    dossier = Dossier.objects.get(inburgeraar__bsn="999990093")
    assert dossier.werkcoach == werkcoach and dossier.termijnen.filter(soort="pip_vaststellen").exists()
    page.goto(f"{live_server.url}/duo/instroom/")
    expect(page.get_by_text("Er wacht geen instroom van DUO.")).to_be_visible()
