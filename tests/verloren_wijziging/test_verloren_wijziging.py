"""Issue 9 §1: no edit form of an existing or singleton object lets a stale or missing version
overwrite a colleague's save. One parametrised test over every edit form of every app."""

import importlib
import importlib.util
import re

import pytest

from inburgering.schrijven import VERSIE_VEROUDERD

from .geval import Geval

APPS = ("cases", "pip_plans", "leerroutes", "handhaving")
GEVALLEN: list[Geval] = [
    geval
    for app in APPS
    if importlib.util.find_spec(f"tests.verloren_wijziging.gevallen_{app}")
    for geval in importlib.import_module(f"tests.verloren_wijziging.gevallen_{app}").GEVALLEN
]

pytestmark = pytest.mark.django_db


def _getoonde_versie(html: str) -> str:
    gevonden = re.search(r'<input type="hidden" name="versie" value="(\d+)"', html)
    assert gevonden, "het formulier toont geen verborgen versie"
    return gevonden.group(1)


def _geweigerd(response, opzet) -> None:
    assert response.status_code == 200  # the form again, not a redirect: nothing saved
    html = response.content.decode()
    assert str(VERSIE_VEROUDERD) in html
    assert opzet.zichtbare_invoer in html  # the user's input is kept on the page


@pytest.mark.parametrize("geval", GEVALLEN, ids=lambda g: g.naam)
def test_a_stale_version_is_refused_and_the_colleagues_save_stands(geval, client, request):
    opzet = geval.opzet(request)
    client.force_login(opzet.gebruiker)
    versie = _getoonde_versie(client.get(opzet.url).content.decode())
    opzet.collega_slaat_op()
    na_collega = opzet.stand()
    response = client.post(opzet.url, {**opzet.invoer, "versie": versie})
    _geweigerd(response, opzet)
    assert opzet.stand() == na_collega


@pytest.mark.parametrize("geval", GEVALLEN, ids=lambda g: g.naam)
def test_a_missing_version_is_refused(geval, client, request):
    opzet = geval.opzet(request)
    client.force_login(opzet.gebruiker)
    voor = opzet.stand()
    response = client.post(opzet.url, opzet.invoer)
    _geweigerd(response, opzet)
    assert opzet.stand() == voor



def test_every_app_lists_its_edit_forms():
    assert {geval.naam.split(":")[0] for geval in GEVALLEN} == set(APPS)
    assert len({geval.naam for geval in GEVALLEN}) == len(GEVALLEN)
