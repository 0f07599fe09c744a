"""Issue 12 items 1 and 4: no search term (name or BSN) in any URL, and every search in the security log
with its kind and a KEYED hash of the term, never the term itself (inburgering.zoeken)."""

import hashlib
import hmac
import re
from unittest import mock

from django.conf import settings
from django.urls import reverse

import pytest

from cases.models import Fase
from inburgering import zoeken
from inburgering.audit.models import Beveiligingslog, Gebeurtenis
from tests.factories import DossierFactory, InburgeraarFactory, SignaalFactory, TermijnFactory

LIJSTEN = ["cases:dossier_lijst", "werkvoorraad:lijst"]
URL_ATTRIBUTEN = re.compile(r'(?:href|action|src|hx-get|hx-post|hx-put|hx-delete|hx-push-url)="([^"]*)"')


def urls_in(html: str) -> list[str]:
    return URL_ATTRIBUTEN.findall(html)


def geen_term_in(termen, *urls):
    for url in urls:
        for term in termen:
            assert term.lower() not in url.lower(), f"search term {term!r} in URL {url!r}"


@pytest.fixture
def gezocht(werkcoach):
    persoon = InburgeraarFactory(voornamen="Samira", geslachtsnaam="Haddad")
    dossier = DossierFactory(werkcoach=werkcoach, inburgeraar=persoon, fase=Fase.IN_UITVOERING)
    SignaalFactory(termijn=TermijnFactory(dossier=dossier, verlopen_gisteren=True, status="verlopen"))
    ander = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING)
    SignaalFactory(termijn=TermijnFactory(dossier=ander, verlopen_gisteren=True, status="verlopen"))
    return dossier


def _gevonden(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("lijst", LIJSTEN)
@pytest.mark.parametrize("soort_term", ["naam", "bsn"])
def test_a_search_without_javascript_walks_without_the_term_in_any_url(client, werkcoach, gezocht, lijst, soort_term):
    term = gezocht.inburgeraar.geslachtsnaam if soort_term == "naam" else gezocht.inburgeraar.bsn
    client.force_login(werkcoach)
    url = reverse(lijst)

    antwoord = client.post(url, {"zoek": term, "bereik": "mijn"})

    assert antwoord.status_code == 303
    locatie = antwoord["Location"]
    assert "zoekopdracht=" in locatie and "bereik=mijn" in locatie  # other filters stay in the query string
    geen_term_in([term], locatie)
    pagina = client.get(locatie)
    html = _gevonden(pagina)
    assert gezocht.inburgeraar.geslachtsnaam in html
    assert "Testpersoon" not in html  # the other dossier is filtered out
    assert f'value="{term}"' in html  # the term stays in the field (the page body, not a URL)
    geen_term_in([term], *urls_in(html))
    # The back button / a reload: the same URL gives the same result.
    assert gezocht.inburgeraar.geslachtsnaam in _gevonden(client.get(locatie))


@pytest.mark.parametrize("lijst", LIJSTEN)
def test_the_htmx_live_search_pushes_a_token_url_and_posts_to_a_url_without_the_term(client, werkcoach, gezocht, lijst):
    term = "Hadd"
    client.force_login(werkcoach)
    url = reverse(lijst)
    formulierpagina = _gevonden(client.get(url))
    assert 'hx-post="' + url + '"' in formulierpagina and 'method="post"' in formulierpagina

    antwoord = client.post(url, {"zoek": term}, headers={"HX-Request": "true", "HX-Target": "resultaten"})

    assert antwoord.status_code == 200
    html = _gevonden(antwoord)
    assert "<html" not in html and gezocht.inburgeraar.geslachtsnaam in html
    assert "zoekopdracht=" in antwoord["HX-Push-Url"]
    geen_term_in([term], antwoord["HX-Push-Url"], *urls_in(html))
    assert gezocht.inburgeraar.geslachtsnaam in _gevonden(client.get(antwoord["HX-Push-Url"]))


def test_pagination_keeps_the_search_without_the_term(client, werkcoach):
    for _ in range(30):
        DossierFactory(werkcoach=werkcoach, inburgeraar=InburgeraarFactory(geslachtsnaam="Haddad"))
    DossierFactory(werkcoach=werkcoach)
    client.force_login(werkcoach)
    eerste = client.post(reverse("cases:dossier_lijst"), {"zoek": "Haddad", "sorteer": "naam"}, follow=True)
    html = _gevonden(eerste)
    volgende = re.search(r'rel="next" href="([^"]*)"', html).group(1).replace("&amp;", "&")
    geen_term_in(["Haddad"], volgende, *urls_in(html))
    assert "zoekopdracht=" in volgende and "sorteer=naam" in volgende

    tweede = client.get(reverse("cases:dossier_lijst") + volgende)

    assert tweede.context["pagina"].number == 2
    assert tweede.context["pagina"].paginator.count == 30


def test_a_term_in_the_url_is_not_used(client, werkcoach, gezocht):
    client.force_login(werkcoach)
    antwoord = client.get(reverse("cases:dossier_lijst"), {"zoek": "Haddad"})
    assert antwoord.context["pagina"].paginator.count == 2
    assert antwoord.context["querystring"] == ""  # nor carried into the page links


def test_a_token_of_another_session_or_an_expired_one_finds_nothing_and_says_so(client, werkcoach, collega, gezocht):
    client.force_login(werkcoach)
    locatie = client.post(reverse("cases:dossier_lijst"), {"zoek": "Haddad"})["Location"]
    with mock.patch("inburgering.zoeken._nu", return_value=zoeken._nu() + zoeken.GELDIGHEID + 1):
        verlopen = client.get(locatie)
    assert verlopen.context["pagina"].paginator.count == 2
    assert "verlopen" in _gevonden(verlopen)

    client.force_login(collega)  # a new session
    assert client.get(locatie).context["pagina"].paginator.count != 1


@pytest.mark.parametrize(("lijst", "soort"), [("cases:dossier_lijst", "dossiers"), ("werkvoorraad:lijst", "werkvoorraad")])
def test_every_search_is_logged_with_its_kind_and_a_keyed_hash_never_the_term(client, werkcoach, gezocht, lijst, soort):
    term = gezocht.inburgeraar.bsn
    client.force_login(werkcoach)

    client.post(reverse(lijst), {"zoek": f" {term} "})
    client.post(reverse(lijst), {"zoek": ""})  # no term: no search to log

    rij = Beveiligingslog.objects.get(gebeurtenis=Gebeurtenis.ZOEKOPDRACHT)
    sleutel = hashlib.sha256((zoeken.HMAC_ZOUT + settings.SECRET_KEY).encode()).digest()
    verwacht = hmac.new(sleutel, term.encode(), hashlib.sha256).hexdigest()  # HMAC-SHA256, salted_hmac's key
    assert rij.details == {"soort": soort, "term_hmac": verwacht}
    assert rij.gebruiker == werkcoach
    alles = f"{rij.details} {rij.pad} {rij.gebruikersnaam}"
    assert term not in alles and gezocht.inburgeraar.geslachtsnaam not in alles
    assert verwacht != hashlib.sha256(term.encode()).hexdigest()  # keyed: not a plain hash a BSN list could reverse


def test_the_term_hash_is_keyed_with_the_secret_key(settings):
    eerste = zoeken.zoekterm_hash("Haddad")
    settings.SECRET_KEY = "een-andere-sleutel-" + "x" * 40
    assert zoeken.zoekterm_hash("Haddad") != eerste


@pytest.mark.parametrize("lijst", LIJSTEN)
def test_htmx_keeps_no_copy_of_a_list_in_local_storage(client, werkcoach, lijst):
    client.force_login(werkcoach)
    html = _gevonden(client.get(reverse(lijst)))
    assert 'hx-history="false"' in html
    assert "zoekopdracht=&lt;token&gt;" not in html  # the template comment is not shown
