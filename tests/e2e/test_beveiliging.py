"""Issue 12 in a real browser: the live search never puts its term in a URL (items 1), and a double click
on a create button makes one row (item 9)."""

import re
from datetime import date, timedelta

from playwright.sync_api import Page, expect

from cases.models import Contactmoment, Fase
from tests.factories import DossierFactory, InburgeraarFactory, TeamFactory, WerkcoachFactory


def test_live_search_and_back_button_without_the_term_in_any_url(page: Page, live_server, inloggen):
    werkcoach = WerkcoachFactory(username="zoeker", team=TeamFactory(naam="Team Noord"))
    gezocht = DossierFactory(werkcoach=werkcoach,
                             inburgeraar=InburgeraarFactory(voornamen="Samira", geslachtsnaam="Haddad"))
    DossierFactory(werkcoach=werkcoach)
    termen = ["Haddad", "Hadd", gezocht.inburgeraar.bsn]
    verzoeken: list[str] = []
    page.on("request", lambda verzoek: verzoeken.append(verzoek.url))
    inloggen(werkcoach)
    page.goto(f"{live_server.url}/dossiers/")
    expect(page.get_by_role("heading", level=2, name="2 dossiers")).to_be_visible()

    page.get_by_label("Zoek op naam of BSN").press_sequentially("Haddad", delay=20)  # the htmx live search
    expect(page.get_by_role("heading", level=2, name="1 dossier")).to_be_visible()
    page.wait_for_url("**/dossiers/?*zoekopdracht=*")
    page.get_by_role("link", name="Haddad, Samira").click()
    expect(page.get_by_role("heading", level=1, name="Samira Haddad")).to_be_visible()
    page.go_back()
    expect(page.get_by_role("heading", level=2, name="1 dossier")).to_be_visible()
    expect(page.get_by_label("Zoek op naam of BSN")).to_have_value("Haddad")

    page.get_by_label("Zoek op naam of BSN").fill(gezocht.inburgeraar.bsn)  # a BSN, the live search again
    expect(page.get_by_role("heading", level=2, name="1 dossier")).to_be_visible()
    links = page.eval_on_selector_all("[href],[action],[hx-post],[hx-get]", "els => els.map(e => "
                                      "e.getAttribute('href') || e.getAttribute('action') || e.getAttribute('hx-post')"
                                      " || e.getAttribute('hx-get'))")
    for url in [*verzoeken, page.url, *links]:
        for term in termen:
            assert term.lower() not in url.lower(), f"{term!r} in {url!r}"


def test_a_double_click_records_one_contact_and_the_button_disables(page: Page, live_server, inloggen):
    werkcoach = WerkcoachFactory(username="dubbel", team=TeamFactory(naam="Team Noord"))
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING,
                             inburgeraar=InburgeraarFactory(voornamen="Samira", geslachtsnaam="Haddad"))
    posts: list[str] = []
    page.on("request", lambda verzoek: posts.append(verzoek.url) if verzoek.method == "POST" else None)
    inloggen(werkcoach)
    page.goto(f"{live_server.url}/dossiers/{dossier.pk}/contact/nieuw/")
    page.get_by_label(re.compile(r"^Datum")).first.fill((date.today() - timedelta(days=1)).isoformat())
    page.get_by_role("radio", name="Voortgangsgesprek").check()
    page.get_by_role("radio", name="Ja").check()
    page.get_by_label(re.compile(r"^Besproken onderwerpen")).fill("Voortgang taalles.")
    # The answer goes to a frame, so this page stays to be looked at while it is being sent.
    page.evaluate("""() => { const f = document.createElement('iframe'); f.name = 'doel'; f.title = 'doel';
                             document.body.append(f); document.querySelector('main form').target = 'doel'; }""")
    posts.clear()
    knop = page.get_by_role("button", name="Contact vastleggen")

    with page.expect_response(lambda r: r.request.method == "POST"):
        knop.dblclick()
    expect(knop).to_be_disabled()
    knop.click(force=True)  # a third click, on the disabled button
    page.wait_for_timeout(300)

    assert len(posts) == 1, posts  # only the first click was sent
    assert Contactmoment.objects.filter(dossier=dossier).count() == 1
