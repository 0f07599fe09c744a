"""The agenda in a real browser (issue 20 item 2): the werkcoach plans a driegesprek on the Afspraken tab
(Dutch errors next to the fields, the conflict warning with an existing appointment, then "toch
inplannen"), finds it in the week agenda through the header link, pages with the keyboard, views it at
375 px without horizontal scrolling, makes a secret agendalink, fetches the iCalendar feed and renews the
link (the old one stops). axe-core scans every page on the way."""

import re
from datetime import datetime, time, timedelta

from django.utils import timezone

from playwright.sync_api import Page, expect

from cases.models import Afspraak
from inburgering.kalender.selectors import vandaag
from tests.e2e.conftest import assert_geen_axe_fouten
from tests.factories import DossierFactory, InburgeraarFactory, TeamFactory, WerkcoachFactory


def _veld(page: Page, label: str):
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(verplicht\))?$"))


def test_plan_a_driegesprek_see_it_in_the_agenda_and_in_the_feed(page: Page, live_server, inloggen):
    werkcoach = WerkcoachFactory(username="wendy", first_name="Wendy", last_name="de Coach",
                                 team=TeamFactory(naam="Team Noord"))
    dossier = DossierFactory(werkcoach=werkcoach, fase="in_uitvoering",
                             inburgeraar=InburgeraarFactory(voornamen="Samira", geslachtsnaam="Haddad"))
    morgen = vandaag() + timedelta(days=1)
    bestaand = Afspraak.objects.create(
        dossier=DossierFactory(werkcoach=werkcoach), soort="intake", locatie="Stadskantoor",
        start=timezone.make_aware(datetime.combine(morgen, time(10, 0))),
        eind=timezone.make_aware(datetime.combine(morgen, time(11, 0))), vastgelegd_door=werkcoach)
    bestaand.medewerkers.set([werkcoach])

    inloggen(werkcoach, axe=True)
    page.goto(f"{live_server.url}/dossiers/{dossier.pk}/")
    page.get_by_role("navigation", name="Dossieronderdelen").get_by_role("link", name="Afspraken").click()
    expect(page.get_by_text("Nog geen afspraken gepland.")).to_be_visible()
    assert_geen_axe_fouten(page, "afspraken-tab, leeg")

    page.get_by_role("link", name="Afspraak plannen").click()
    expect(page.get_by_role("heading", level=1, name="Afspraak plannen met Samira Haddad")).to_be_visible()
    assert_geen_axe_fouten(page, "afspraak plannen")
    page.get_by_role("radio", name="Driegesprek").check()
    _veld(page, "Datum").fill(morgen.isoformat())
    _veld(page, "Begintijd").fill("10:30")
    _veld(page, "Eindtijd").fill("10:00")
    _veld(page, "Plaats").fill("Stadskantoor, kamer 2")
    page.get_by_role("button", name="Afspraak plannen").click()

    # The Dutch errors next to their fields; the summary has focus.
    expect(page.locator("#foutenoverzicht")).to_be_focused()
    expect(page.get_by_text("De eindtijd moet na de begintijd liggen.").first).to_be_visible()
    expect(page.get_by_text(re.compile("derde partij")).first).to_be_visible()
    assert_geen_axe_fouten(page, "afspraak plannen, fouten")
    _veld(page, "Eindtijd").fill("11:30")
    _veld(page, "Andere deelnemers").fill("Taalschool Noord (docent)")
    page.get_by_role("button", name="Afspraak plannen").click()

    # Wendy has the intake at 10:00 then: a warning, saved only with "Toch inplannen".
    expect(page.get_by_text(re.compile("al een afspraak")).first).to_be_visible()
    assert Afspraak.objects.filter(dossier=dossier).count() == 0
    assert_geen_axe_fouten(page, "afspraak plannen, overlap")
    page.get_by_role("checkbox", name=re.compile("^Toch inplannen")).check()
    page.get_by_role("button", name="Afspraak plannen").click()

    expect(page.get_by_role("status")).to_contain_text("is gepland")
    rij = page.get_by_role("row", name=re.compile("Driegesprek"))
    expect(rij).to_contain_text("Taalschool Noord (docent)")
    expect(rij).to_contain_text("Stadskantoor, kamer 2")
    assert_geen_axe_fouten(page, "afspraken-tab met afspraak")

    # The week agenda, from the header.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Agenda").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("^Agenda van"))).to_be_visible()
    dag = page.get_by_role("region", name=re.compile(f"{morgen.day} "))
    expect(dag.get_by_role("listitem").filter(has_text="Driegesprek")).to_contain_text("Samira Haddad")
    expect(dag.get_by_role("listitem").filter(has_text="Intake")).to_contain_text("10:00–11:00")
    assert_geen_axe_fouten(page, "agenda, week")

    # With the keyboard: next week, back to today, the day view.
    kop = page.get_by_role("heading", level=1).inner_text()
    page.get_by_role("link", name="Volgende week").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).not_to_have_text(kop)
    expect(page.get_by_text("Driegesprek")).to_have_count(0)
    page.get_by_role("link", name="Vandaag").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(kop)
    page.get_by_role("link", name="Dagweergave").click()
    expect(page.get_by_role("link", name="Volgende dag")).to_be_visible()
    assert_geen_axe_fouten(page, "agenda, dag")

    # Reflow: at 375 px wide the week needs no horizontal scrolling.
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/agenda/?weergave=week&datum={morgen.isoformat()}")
    expect(page.get_by_text("Samira Haddad")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.set_viewport_size({"width": 1280, "height": 800})

    # The secret agendalink: shown once, the feed holds initials and kenmerk only.
    page.get_by_role("button", name="Agendalink maken").click()
    link = page.get_by_label(re.compile("Uw nieuwe agendalink")).input_value()
    assert re.fullmatch(rf"{re.escape(live_server.url)}/agenda/ical/[A-Za-z0-9_-]{{40,}}\.ics", link)
    assert_geen_axe_fouten(page, "agenda met nieuwe agendalink")
    feed = page.request.get(link)
    assert feed.status == 200 and feed.headers["content-type"] == "text/calendar; charset=utf-8"
    inhoud = feed.text()
    afspraak = Afspraak.objects.get(dossier=dossier)
    assert f"SUMMARY:Driegesprek – S.H. – AFS-{dossier.pk}-{afspraak.pk}\r\n" in inhoud
    assert "Samira" not in inhoud and "Haddad" not in inhoud and dossier.inburgeraar.bsn not in inhoud

    page.get_by_role("button", name="Agendalink vernieuwen").click()
    expect(page.get_by_role("status").first).to_contain_text("Een eerdere link werkt niet meer")
    nieuw = page.get_by_label(re.compile("Uw nieuwe agendalink")).input_value()
    assert nieuw != link
    assert page.request.get(link).status == 404
    assert page.request.get(nieuw).status == 200
    page.reload()
    expect(page.get_by_label(re.compile("Uw nieuwe agendalink"))).to_have_count(0)  # shown once
