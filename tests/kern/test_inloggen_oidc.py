"""Issue 11 item 3: login through the gemeente's identity provider over OpenID Connect, against a real
provider process (tests/oidc: node + oidc-provider), through real HTTP requests that follow every redirect.
A claim maps to a role only where the settings allow it."""

import re
from html import unescape

from django.contrib.auth import get_user_model
from django.test import override_settings

import pytest
import requests

from inburgering.accounts.oidc import toegestane_rollen
from inburgering.audit.models import Beveiligingslog, Gebeurtenis
from tests.factories import WerkcoachFactory
from tests.oidc.aanbieder import oidc_aanbieder  # noqa: F401 (fixture)

User = get_user_model()


@pytest.mark.parametrize(("claim", "toegestaan", "verwacht"), [
    (["consulent", "beheerder"], ["consulent"], {"consulent"}),  # only what the setting allows
    ("consulent", ["consulent", "manager"], {"consulent"}),  # one string
    (["consulent"], [], set()),  # default: no mapping at all
    (["superuser", "consulent"], ["superuser", "consulent"], {"consulent"}),  # never a non-role
    (None, ["consulent"], set()),
    ({"rol": "consulent"}, ["consulent"], set()),  # nonsense claim
])
def test_a_claim_grants_only_allowed_roles(claim, toegestaan, verwacht):
    assert toegestane_rollen(claim, toegestaan) == verwacht


@pytest.fixture
def oidc(oidc_aanbieder, settings):  # noqa: F811
    for naam, waarde in oidc_aanbieder.django_instellingen().items():
        setattr(settings, naam, waarde)
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, "inburgering.accounts.oidc.GemeenteOIDCBackend"]
    return oidc_aanbieder


def inloggen_via_gemeente(live_server, account: str) -> tuple[requests.Session, requests.Response]:
    """The browser's way: our login link, the provider's login form, back to the application."""
    sessie = requests.Session()
    pagina = sessie.get(f"{live_server.url}/inloggen/", timeout=10)
    link = re.search(r'href="(/oidc/authenticate/[^"]*)"', pagina.text)
    assert link, "the login page offers the gemeente's login"
    aanbieder = sessie.get(f"{live_server.url}{unescape(link.group(1))}", timeout=10)
    assert aanbieder.url.startswith("http://127.0.0.1:") and 'name="login"' in aanbieder.text
    actie = unescape(re.search(r'<form[^>]*action="([^"]+)"', aanbieder.text).group(1))
    basis = re.match(r"http://[^/]+", aanbieder.url).group(0)
    terug = sessie.post(
        actie if actie.startswith("http") else f"{basis}{actie}",
        data={"prompt": "login", "login": account, "password": "wat-dan-ook"}, timeout=10,
    )
    return sessie, terug


def _ingelogd(sessie, live_server) -> bool:
    antwoord = sessie.get(f"{live_server.url}/dossiers/", timeout=10, allow_redirects=False)
    return antwoord.status_code == 200


@pytest.mark.django_db(transaction=True)
def test_an_existing_user_logs_in_through_the_identity_provider(live_server, oidc):
    gebruiker = WerkcoachFactory(username="oidc-werkcoach")
    sessie, terug = inloggen_via_gemeente(live_server, "oidc-werkcoach")
    assert terug.url.startswith(live_server.url) and terug.status_code == 200
    assert _ingelogd(sessie, live_server)
    log = Beveiligingslog.objects.get(gebeurtenis=Gebeurtenis.INLOG_GELUKT)
    assert log.gebruiker == gebruiker and log.details == {"via": "oidc"}
    assert not Beveiligingslog.objects.filter(gebeurtenis=Gebeurtenis.ROL_GEWIJZIGD).exists()


@pytest.mark.django_db(transaction=True)
def test_an_unknown_account_is_refused_by_default(live_server, oidc):
    sessie, terug = inloggen_via_gemeente(live_server, "oidc-consulent")
    assert terug.url.startswith(f"{live_server.url}/inloggen/")
    assert "Inloggen via de gemeente is niet gelukt" in terug.text
    assert not _ingelogd(sessie, live_server)
    assert not User.objects.filter(username="oidc-consulent").exists()


@pytest.mark.django_db(transaction=True)
def test_a_created_account_has_no_role_without_a_mapping(live_server, oidc, settings):
    settings.OIDC_CREATE_USER = True
    sessie, _ = inloggen_via_gemeente(live_server, "oidc-consulent")
    nieuw = User.objects.get(username="oidc-consulent")
    assert nieuw.email == "consulent@gemeente.test"
    assert not nieuw.groups.exists() and not nieuw.is_staff and not nieuw.is_superuser
    # logged in, but without a role nothing opens
    assert sessie.get(f"{live_server.url}/dossiers/", timeout=10, allow_redirects=False).status_code == 403


@pytest.mark.django_db(transaction=True)
def test_the_role_claim_maps_only_to_the_allowed_roles(live_server, oidc, settings):
    settings.OIDC_CREATE_USER = True
    settings.OIDC_ROL_CLAIM = "rollen"
    settings.OIDC_ROLLEN_TOEGESTAAN = ["consulent"]  # the claim also says beheerder: not allowed
    sessie, _ = inloggen_via_gemeente(live_server, "oidc-consulent")
    nieuw = User.objects.get(username="oidc-consulent")
    assert set(nieuw.groups.values_list("name", flat=True)) == {"consulent"}
    assert _ingelogd(sessie, live_server)
    wijziging = Beveiligingslog.objects.get(gebeurtenis=Gebeurtenis.ROL_GEWIJZIGD)
    assert wijziging.betreft == nieuw and wijziging.details["nieuw"] == "consulent"
    assert nieuw.rolwijzigingen.get().reden.startswith("Rol uit de identity provider")


@pytest.mark.django_db(transaction=True)
def test_a_mandatory_role_still_enrols_two_factor_unless_the_provider_counts(live_server, oidc, settings):
    settings.TWEEFACTOR_VERPLICHT_ROLLEN = ["consulent"]
    settings.OIDC_CREATE_USER = True
    settings.OIDC_ROL_CLAIM = "rollen"
    settings.OIDC_ROLLEN_TOEGESTAAN = ["consulent"]
    sessie, terug = inloggen_via_gemeente(live_server, "oidc-consulent")
    assert "/tweestaps/instellen/" in terug.url
    settings.OIDC_TELT_ALS_TWEEFACTOR = True
    sessie, terug = inloggen_via_gemeente(live_server, "oidc-consulent")
    assert _ingelogd(sessie, live_server)


@pytest.mark.django_db
@override_settings(OIDC_ENABLED=False)
def test_without_oidc_the_routes_are_absent_and_the_link_is_hidden(client):
    assert client.get("/oidc/authenticate/").status_code == 404
    assert client.get("/oidc/callback/").status_code == 404
    assert "/oidc/" not in client.get("/inloggen/").content.decode()
