"""Issue 12 in a real browser: the live search never puts its term in a URL (items 1), and a double click
on a create button makes one row (item 9)."""

from playwright.sync_api import Page, expect

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
