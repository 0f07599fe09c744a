"""The pages /zoeken/ and /zoeken/<token>/: the term never in a URL, a log or the title; grouped results;
the read logged; a constant number of queries."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from inburgering import zoeken
from inburgering.audit.models import Beveiligingslog, Dataverwerking, Gebeurtenis
from inburgering.audit.verwerkingen import queries_per_verwerking
from tests.factories import BeheerderFactory, DossierFactory, HandhavingszaakFactory, PipFactory


def zoek(client, term: str):
    return client.post(reverse("overal_zoeken:start"), {"term": term})


def test_a_search_redirects_to_a_token_url_and_shows_the_groups(client, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, inburgeraar__geslachtsnaam="Haddad")
    client.force_login(werkcoach)

    antwoord = zoek(client, " Haddad ")

    assert antwoord.status_code == 303
    assert re.fullmatch(r"/zoeken/[\w-]+/", antwoord["Location"])
    assert "Haddad" not in antwoord["Location"]
    pagina = client.get(antwoord["Location"])
    html = pagina.content.decode()
    assert pagina.status_code == 200
    titel = re.search(r"<title>(.*?)</title>", html, re.S)[1]
    assert "Haddad" not in titel and "Zoekresultaten" in titel
    for kop in ("Dossiers", "PIP&#x27;s", "Handhavingszaken", "Brieven en documenten"):
        assert f">{kop} <span" in html
    assert f'href="/dossiers/{dossier.pk}/"' in html
    assert 'value="Haddad"' in html  # the term stays in the form, not in the URL


def test_the_search_is_in_the_security_log_as_a_hash_and_the_page_is_a_logged_read(client, consulent, werkcoach):
    gevonden = DossierFactory(werkcoach=werkcoach, inburgeraar__geslachtsnaam="Haddad")
    client.force_login(consulent)

    client.get(zoek(client, "Haddad")["Location"])

    rij = Beveiligingslog.objects.get(gebeurtenis=Gebeurtenis.ZOEKOPDRACHT)
    assert rij.details == {"soort": "overal", "term_hmac": zoeken.zoekterm_hash("Haddad")}
    assert "Haddad" not in f"{rij.details} {rij.pad}"
    lezing = Dataverwerking.objects.filter(naam="overal_zoeken:resultaten").get()
    assert lezing.dossier_ids == [gevonden.pk]
    assert "Haddad" not in str(lezing.__dict__)


def test_an_empty_term_is_an_error_next_to_the_field(client, werkcoach):
    client.force_login(werkcoach)

    antwoord = zoek(client, "   ")

    assert antwoord.status_code == 200  # the form again, as every form page answers
    assert "Vul een naam, BSN, V-nummer of kenmerk in." in antwoord.content.decode()
    assert not Beveiligingslog.objects.filter(gebeurtenis=Gebeurtenis.ZOEKOPDRACHT).exists()


def test_a_token_of_another_session_or_unknown_searches_nothing(client, werkcoach, collega):
    DossierFactory(werkcoach=werkcoach, inburgeraar__geslachtsnaam="Haddad")
    client.force_login(werkcoach)
    locatie = zoek(client, "Haddad")["Location"]
    client.force_login(collega)

    pagina = client.get(locatie)

    assert pagina.status_code == 200
    assert "Deze zoekopdracht is verlopen" in pagina.content.decode()
    assert "groepen" not in pagina.context


def test_a_term_in_the_query_string_is_never_used(client, werkcoach):
    DossierFactory(werkcoach=werkcoach, inburgeraar__geslachtsnaam="Haddad")
    client.force_login(werkcoach)

    pagina = client.get(reverse("overal_zoeken:start"), {"term": "Haddad"})

    assert "groepen" not in pagina.context


def test_the_header_has_the_search_box_for_who_sees_dossiers_only(client, werkcoach):
    client.force_login(werkcoach)
    assert 'id="kop-zoekterm"' in client.get(reverse("cases:dossier_lijst")).content.decode()
    beheerder = BeheerderFactory()
    client.force_login(beheerder)
    assert client.get(reverse("overal_zoeken:start")).status_code == 403
    assert client.post(reverse("overal_zoeken:start"), {"term": "x"}).status_code == 403


def test_anonymous_goes_to_the_login(client):
    antwoord = client.get(reverse("overal_zoeken:resultaten", args=["abc"]))
    assert antwoord.status_code == 302 and antwoord["Location"].startswith("/inloggen/")


def _aantal(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        antwoord = client.get(url)
    assert antwoord.status_code == 200
    return len(ctx.captured_queries)


# Every request: session, user, groups = 3. The providers: dossiers 1, PIPs 1, zaken 1, letters 1 (a name
# is no kenmerk: PIPs, zaken and letters then run no query) — so a name costs 1 and a kenmerk 3 (the
# dossier name search and the kenmerk's own provider(s)). The Logboek Dataverwerkingen row when there are
# hits: savepoint, chain head, row, head update, release, dossier rows = 6.
QUERIES_NAAM = 3 + 1 + queries_per_verwerking()  # the log row: 1 statement on PostgreSQL, 6 on SQLite


@pytest.mark.parametrize("rol", ["werkcoach", "consulent"])
def test_the_results_cost_the_same_queries_for_2_and_25_hits(client, request, werkcoach, collega, rol):
    gebruiker = request.getfixturevalue(rol)
    client.force_login(gebruiker)
    for _ in range(2):
        DossierFactory(werkcoach=werkcoach, inburgeraar__geslachtsnaam="Haddad")
    url = zoek(client, "Haddad")["Location"]
    bij_2 = _aantal(client, url)
    for i in range(23):
        DossierFactory(werkcoach=werkcoach if i % 2 else collega, inburgeraar__geslachtsnaam="Haddad")
    bij_25 = _aantal(client, url)

    assert bij_2 == bij_25 == QUERIES_NAAM


def test_a_kenmerk_costs_a_fixed_number_of_queries(client, consulent):
    client.force_login(consulent)
    zaak = HandhavingszaakFactory()
    pip = PipFactory(vastgesteld=True)
    url_zaak = zoek(client, zaak.kenmerk)["Location"]
    url_pip = zoek(client, pip.kenmerk)["Location"]
    # dossiers by name (finds no one) + the zaak or PIP + the letters by kenmerk, and the logged read
    assert _aantal(client, url_zaak) == _aantal(client, url_pip) == 3 + 3 + queries_per_verwerking()
