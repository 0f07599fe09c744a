"""The page header is built once per role set, page and language and reused (issue 18: it was a third of a
trivial page); what differs per user (name, CSRF token) is filled in per request. The kept header must be
exactly what the template gives for that request."""

import re

from django.template.loader import render_to_string
from django.test import Client

import pytest

from inburgering.accounts.roles import Rol
from inburgering.accounts.templatetags import paginakop
from tests.factories import BeheerderFactory, UserFactory, WerkcoachFactory

KOP = re.compile(r"<header class=\"utrecht-page-header kop\">.*?</header>", re.S)

PAGINAS = ["/", "/dossiers/", "/werkvoorraad/", "/account/wachtwoord/", "/handleiding/"]


@pytest.fixture(autouse=True)
def _lege_kop():
    paginakop._versies.clear()
    yield
    paginakop._versies.clear()


TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def _kop(antwoord) -> str:
    return KOP.search(antwoord.content.decode()).group(0)


def _zonder_token(html: str) -> str:
    """Each CSRF token is masked afresh when rendered: compare the rest."""
    return TOKEN.sub('name="csrfmiddlewaretoken" value=""', html)


def _zelfde(antwoord) -> bool:
    """The header of the response is the template's header for this request, without the kept versions."""
    direct = render_to_string(paginakop.SJABLOON, request=antwoord.wsgi_request).strip()
    return _zonder_token(_kop(antwoord)) == _zonder_token(direct)


def _ingelogd(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("rol", list(Rol))
def test_kept_header_is_the_templates_header_for_every_role_and_page(rol):
    user = UserFactory(rol=rol, is_staff=rol == Rol.BEHEERDER)
    client = _ingelogd(user)
    for pad in PAGINAS:
        eerste = client.get(pad, follow=True)  # a role's own start page, or the 403 page (with the header too)
        assert eerste.status_code in (200, 403), pad
        if eerste.wsgi_request.path.startswith("/beheer/"):  # the beheerder's start: the admin, its own header
            continue
        tweede = client.get(pad, follow=True)  # from the kept version
        assert _zelfde(eerste), (rol, pad)
        assert _zelfde(tweede), (rol, pad)
    assert paginakop._versies, "the header is kept"


@pytest.mark.django_db
def test_anonymous_header_is_the_brand_only():
    antwoord = Client().get("/inloggen/")
    assert _zelfde(antwoord)
    assert "Hoofdmenu" not in _kop(antwoord)


@pytest.mark.django_db
def test_two_users_with_the_same_roles_share_the_header_but_not_name_or_token():
    eerste = WerkcoachFactory(first_name="Ans", last_name="<b>de Vries</b>")
    tweede = WerkcoachFactory(first_name="Bram", last_name="Smit")
    a, b = _ingelogd(eerste).get("/dossiers/"), _ingelogd(tweede).get("/dossiers/")
    assert len(paginakop._versies) == 1
    kop_a, kop_b = _kop(a), _kop(b)
    assert "Ans &lt;b&gt;de Vries&lt;/b&gt;" in kop_a and "<b>de Vries" not in kop_a
    assert "Bram Smit" in kop_b and "Ans" not in kop_b
    assert paginakop.NAAM not in kop_a + kop_b and paginakop.CSRF not in kop_a + kop_b
    tokens = [re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', k) for k in (kop_a, kop_b)]
    assert all(len(t) == 2 for t in tokens)  # the search box and the logout form
    assert tokens[0] != tokens[1]
    # The logout form's token is a valid one for that session: posting it logs out.
    client = Client(enforce_csrf_checks=True)
    client.force_login(eerste)
    kop = _kop(client.get("/dossiers/"))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', kop).group(1)
    assert client.post("/uitloggen/", {"csrfmiddlewaretoken": token}).status_code == 302


@pytest.mark.django_db
def test_current_page_is_marked_in_the_menu():
    client = _ingelogd(WerkcoachFactory())
    kop = _kop(client.get("/werkvoorraad/"))
    assert re.search(r'href="/werkvoorraad/" aria-current="page">Werkvoorraad<', kop)
    assert 'aria-current="page">Dossiers<' not in kop
    kop = _kop(client.get("/dossiers/"))
    assert re.search(r'aria-current="page">Dossiers<', kop)
    assert 'aria-current="page">Werkvoorraad<' not in kop


@pytest.mark.django_db
def test_a_changed_role_changes_the_header_at_once():
    user = WerkcoachFactory()
    client = _ingelogd(user)
    assert ">Handhaving<" not in _kop(client.get("/dossiers/"))
    from django.contrib.auth.models import Group

    user.groups.set([Group.objects.get(name=Rol.MANAGER.value)])
    assert ">Handhaving<" in _kop(client.get("/dossiers/"))


@pytest.mark.django_db
def test_staff_sees_beheer_and_with_debug_nothing_is_kept(settings):
    client = _ingelogd(BeheerderFactory())
    assert ">Beheer<" in _kop(client.get("/account/wachtwoord/"))
    paginakop._versies.clear()
    settings.DEBUG = True
    client.get("/account/wachtwoord/")
    assert paginakop._versies == {}


@pytest.mark.django_db
def test_the_kept_versions_are_bounded(monkeypatch):
    monkeypatch.setattr(paginakop, "MAX_VERSIES", 2)
    client = _ingelogd(WerkcoachFactory())
    for pad in PAGINAS:
        client.get(pad)
        assert 1 <= len(paginakop._versies) <= 2


@pytest.mark.django_db
def test_users_with_the_same_first_role_but_more_roles_get_their_own_header():
    from django.contrib.auth.models import Group

    alleen = WerkcoachFactory()
    ook_privacy = WerkcoachFactory()
    ook_privacy.groups.add(Group.objects.get(name=Rol.PRIVACY.value))
    assert ">Logboek<" not in _kop(_ingelogd(alleen).get("/dossiers/"))
    assert ">Logboek<" in _kop(_ingelogd(ook_privacy).get("/dossiers/"))
    assert ">Logboek<" not in _kop(_ingelogd(alleen).get("/dossiers/"))
