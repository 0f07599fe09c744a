"""The inzageverzoek pages: only the privacy officer (403 for every other role, beheerder included), the
BSN with the elfproef next to the field, the summary, the two downloads as attachments named without BSN
or name, every summary and export in the security log without the BSN in clear, and the BSN never in
any URL the flow visits."""

import json
import re

from django.test import Client
from django.urls import reverse

import pytest

from avg.inzage_forms import BSN_IN_KENMERK, KENMERK_LEEG
from avg.inzage_views import GEEN_GEGEVENS, VERLOPEN
from cases.rules import BSN_ONGELDIG
from inburgering.audit.models import Beveiligingslog, Gebeurtenis, InzageLog
from inburgering.zoeken import zoekterm_hash
from tests.factories import ContactmomentFactory, DossierFactory, InburgeraarFactory, PrivacyOfficerFactory

pytestmark = pytest.mark.django_db

BSN = "999990019"
NAAM = ("Zwaantje", "Inzagetest")
KENMERK = "Z-2026-0042"
START = "/privacy/inzageverzoek/"


@pytest.fixture
def privacy(db):
    return PrivacyOfficerFactory(username="privacy", first_name="Pim", last_name="Privacy")


@pytest.fixture
def persoon_dossier(werkcoach):
    persoon = InburgeraarFactory(bsn=BSN, voornamen=NAAM[0], geslachtsnaam=NAAM[1])
    dossier = DossierFactory(inburgeraar=persoon, werkcoach=werkcoach)
    ContactmomentFactory(dossier=dossier)
    InzageLog.objects.create(gebruiker=werkcoach, dossier_id=dossier.pk, pagina="overzicht", pad="/x/")
    return dossier


@pytest.fixture
def ingelogd(client, privacy):
    client.force_login(privacy)
    return client


def _exports():
    return list(Beveiligingslog.objects.filter(gebeurtenis=Gebeurtenis.EXPORT).order_by("id"))


def _overzicht_url(client) -> str:
    response = client.post(START, {"bsn": BSN, "kenmerk": KENMERK})
    assert response.status_code == 302
    return response["Location"]


def test_the_url_is_stable():
    assert reverse("inzage:start") == START


@pytest.mark.parametrize("rol", ["werkcoach", "consulent", "manager", "beheerder"])
def test_every_other_role_gets_403(client, request, rol, persoon_dossier):
    client.force_login(request.getfixturevalue(rol))
    assert client.get(START).status_code == 403
    assert client.post(START, {"bsn": BSN, "kenmerk": KENMERK}).status_code == 403
    assert client.get(f"{START}eenToken/").status_code == 403
    assert client.post(f"{START}eenToken/downloaden/", {"formaat": "json"}).status_code == 403
    assert not _exports()


def test_anonymous_goes_to_the_login(client):
    response = client.get(START)
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_the_nav_shows_the_item_to_the_privacy_officer_only(client, ingelogd, werkcoach):
    assert 'href="/privacy/inzageverzoek/"' in ingelogd.get(START).content.decode()
    client.force_login(werkcoach)
    assert 'href="/privacy/inzageverzoek/"' not in client.get("/dossiers/").content.decode()


def test_an_invalid_bsn_is_refused_next_to_the_field(ingelogd):
    response = ingelogd.post(START, {"bsn": "123456789", "kenmerk": ""})

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors == {"bsn": [str(BSN_ONGELDIG)], "kenmerk": [str(KENMERK_LEEG)]}
    assert 'aria-invalid="true"' in html and str(BSN_ONGELDIG) in html
    assert not _exports()


def test_the_bsn_does_not_belong_in_the_kenmerk(ingelogd):
    response = ingelogd.post(START, {"bsn": BSN, "kenmerk": f"verzoek {BSN}"})
    assert response.context["form"].errors == {"kenmerk": [str(BSN_IN_KENMERK)]}


def test_an_unknown_bsn_says_so_and_is_logged(ingelogd):
    response = ingelogd.post(START, {"bsn": "111222333", "kenmerk": KENMERK})

    assert response.status_code == 200
    assert str(GEEN_GEGEVENS) in response.content.decode()
    [log] = _exports()
    assert log.details == {"soort": "inzageverzoek", "formaat": "overzicht", "kenmerk": KENMERK, "dossiers": [],
                           "bsn_hmac": zoekterm_hash("111222333"), "gevonden": False}
    assert "111222333" not in json.dumps(log.details) + log.pad


def test_the_summary_shows_the_person_and_the_counts_and_is_logged(ingelogd, persoon_dossier):
    url = _overzicht_url(ingelogd)
    assert re.fullmatch(r"/privacy/inzageverzoek/[\w-]{20,}/", url)

    response = ingelogd.get(url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Inzageverzoek: Zwaantje Inzagetest" in html
    inzage = response.context["inzage"]
    assert inzage.dossier_ids == [persoon_dossier.pk] and len(inzage.inzagen) == 1
    assert "Contactmomenten" in html and "PDF downloaden" in html and "JSON downloaden" in html
    [log] = _exports()
    assert log.gebruiker.username == "privacy"
    assert log.details == {"soort": "inzageverzoek", "formaat": "overzicht", "kenmerk": KENMERK,
                           "dossiers": [persoon_dossier.pk], "bsn_hmac": zoekterm_hash(BSN)}


@pytest.mark.parametrize(("formaat", "type_"), [("json", "application/json"), ("pdf", "application/pdf")])
def test_the_downloads_are_attachments_without_bsn_or_name_and_are_logged(ingelogd, persoon_dossier, formaat,
                                                                          type_):
    url = _overzicht_url(ingelogd)

    response = ingelogd.post(f"{url}downloaden/", {"formaat": formaat})

    assert response.status_code == 200
    assert response["Content-Type"].startswith(type_)
    schijf = response["Content-Disposition"]
    assert re.fullmatch(rf'attachment; filename="inzageverzoek-z-2026-0042-\d{{4}}-\d\d-\d\d\.{formaat}"', schijf)
    inhoud = b"".join(response.streaming_content)
    if formaat == "json":
        data = json.loads(inhoud)
        assert data["kenmerk"] == KENMERK and data["dossiers"] == [persoon_dossier.pk]
        assert {v["veld"]: v["waarde"] for v in data["persoon"]["velden"]}["bsn"] == BSN
    else:
        assert inhoud.startswith(b"%PDF")
    [log] = _exports()
    assert log.details["formaat"] == formaat and log.details["dossiers"] == [persoon_dossier.pk]
    assert log.details["kenmerk"] == KENMERK
    from inburgering.audit.models import Dataverwerking

    export = Dataverwerking.objects.get(handelingen__contains="exporteren")
    assert (export.activiteit_id, export.dossier_ids) == ("inzageverzoek", [persoon_dossier.pk])


def test_no_log_row_holds_the_bsn_or_the_name(ingelogd, persoon_dossier):
    url = _overzicht_url(ingelogd)
    ingelogd.get(url)
    ingelogd.post(f"{url}downloaden/", {"formaat": "json"})
    ingelogd.post(f"{url}downloaden/", {"formaat": "pdf"})

    logs = Beveiligingslog.objects.all()
    assert [log.details["formaat"] for log in _exports()] == ["overzicht", "json", "pdf"]
    for log in logs:
        tekst = json.dumps(log.details) + log.pad + log.gebruikersnaam
        assert BSN not in tekst and NAAM[1] not in tekst


def test_the_bsn_is_never_in_a_url_the_flow_visits(ingelogd, persoon_dossier):
    bezocht = [START]
    pagina = ingelogd.get(START).content.decode()
    response = ingelogd.post(START, {"bsn": BSN, "kenmerk": KENMERK}, follow=True)
    bezocht += [url for url, _status in response.redirect_chain]
    bezocht.append(response.request["PATH_INFO"] + ("?" + response.request["QUERY_STRING"]
                                                    if response.request.get("QUERY_STRING") else ""))
    pagina += response.content.decode()
    download = ingelogd.post(f"{bezocht[-1]}downloaden/", {"formaat": "json"})
    assert download.status_code == 200
    # Every URL visited, and every link and form target on the pages, is free of the BSN.
    bezocht += re.findall(r'(?:href|action)="([^"]*)"', pagina)
    assert len(bezocht) > 5
    assert not [url for url in bezocht if BSN in url.replace(".", "").replace(" ", "")]
    assert BSN not in download["Content-Disposition"] and NAAM[1] not in download["Content-Disposition"]


def test_an_unknown_or_expired_token_goes_back_to_the_start(ingelogd, persoon_dossier):
    response = ingelogd.get(f"{START}onbekend/", follow=True)
    assert response.redirect_chain == [(START, 302)]
    assert str(VERLOPEN) in response.content.decode()
    assert ingelogd.post(f"{START}onbekend/downloaden/", {"formaat": "json"})["Location"] == START


def test_a_token_is_only_valid_in_its_own_session(client, privacy, persoon_dossier):
    client.force_login(privacy)
    url = _overzicht_url(client)
    ander = Client()
    ander.force_login(PrivacyOfficerFactory(username="privacy2"))
    assert ander.get(url)["Location"] == START
    assert ander.post(f"{url}downloaden/", {"formaat": "json"})["Location"] == START


def test_downloading_needs_a_post_and_a_known_format(ingelogd, persoon_dossier):
    url = _overzicht_url(ingelogd)
    assert ingelogd.get(f"{url}downloaden/").status_code == 405
    assert ingelogd.post(f"{url}downloaden/", {"formaat": "xml"}).status_code == 400
    assert not _exports()
