"""The manual (inburgering.handleiding): its register of sections, the pages per role, the header links
("Handleiding", "Hulp bij deze pagina") and the help texts on the fields users misread."""

import re
from pathlib import Path

from django.conf import settings
from django.template.loader import get_template
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import pytest

from cases.intake.forms import IntakeForm
from inburgering.accounts.roles import Rol
from inburgering.handleiding import secties
from inburgering.handleiding.secties import Sectie
from pip_plans.forms import PipForm
from tests.factories import UserFactory

STATIC_MAP = Path(settings.BASE_DIR) / "static" / "handleiding"


def _url_namen(resolver: URLResolver, prefix: str = "") -> set[str]:
    namen: set[str] = set()
    for patroon in resolver.url_patterns:
        if isinstance(patroon, URLResolver):
            ns = f"{prefix}{patroon.namespace}:" if patroon.namespace else prefix
            namen |= _url_namen(patroon, ns)
        elif isinstance(patroon, URLPattern) and patroon.name:
            namen.add(f"{prefix}{patroon.name}")
    return namen


# --- the register ---

def test_every_role_with_a_start_page_has_a_manual_page():
    assert {r.rol for r in secties.ROLHANDLEIDINGEN} == set(Rol)


def test_every_role_page_has_at_least_one_section():
    for rol in secties.ROLHANDLEIDINGEN:
        assert secties.secties(rol.rol), rol.slug


def test_every_section_has_its_template():
    for rol in secties.ROLHANDLEIDINGEN:
        for sectie in secties.secties(rol.rol):
            get_template(sectie.sjabloon)  # raises TemplateDoesNotExist


def test_every_page_a_section_explains_is_a_real_url_name():
    bestaand = _url_namen(get_resolver())
    onbekend = {(s.rol.value, s.anker, naam) for r in secties.ROLHANDLEIDINGEN for s in secties.secties(r.rol)
                for naam in s.paginas if naam not in bestaand}
    assert not onbekend


def test_a_second_section_with_the_same_anchor_fails_loudly():
    with pytest.raises(ValueError, match="werkcoach#werkvoorraad"):
        secties.registreer_sectie(Sectie(Rol.WERKCOACH, "werkvoorraad", "Nog een keer"))


def test_hulp_bij_prefers_the_section_of_the_users_own_role():
    extra = Sectie(Rol.MANAGER, "test-werkvoorraad", "Werkvoorraad voor managers", ("werkvoorraad:lijst",))
    secties.registreer_sectie(extra)
    try:
        assert secties.hulp_bij("werkvoorraad:lijst", Rol.MANAGER) == extra
        assert secties.hulp_bij("werkvoorraad:lijst", Rol.WERKCOACH).rol == Rol.WERKCOACH
        # a role without its own section gets the first in the order of the role pages
        assert secties.hulp_bij("werkvoorraad:lijst", Rol.CONSULENT).rol == Rol.WERKCOACH
        assert secties.hulp_bij("werkvoorraad:lijst", None).rol == Rol.WERKCOACH
    finally:
        secties._secties.remove(extra)


def test_hulp_bij_is_none_for_a_page_without_a_section():
    assert secties.hulp_bij("accounts:wachtwoord_wijzigen", Rol.WERKCOACH) is None


# --- the pages ---

def test_the_manual_asks_for_a_login(client):
    for url in (reverse("handleiding:index"), reverse("handleiding:rol", args=["werkcoach"])):
        antwoord = client.get(url)
        assert antwoord.status_code == 302
        assert antwoord["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_an_unknown_role_is_404(client, werkcoach):
    client.force_login(werkcoach)
    assert client.get("/handleiding/onbekend/").status_code == 404


@pytest.mark.django_db
def test_any_logged_in_user_reads_every_role_page(client, werkcoach):
    client.force_login(werkcoach)
    index = client.get(reverse("handleiding:index")).content.decode()
    for rol in secties.ROLHANDLEIDINGEN:
        url = reverse("handleiding:rol", args=[rol.slug])
        assert f'href="{url}"' in index
        html = client.get(url).content.decode()
        assert f"Handleiding {rol.titel}" in html
        for sectie in secties.secties(rol.rol):
            assert f'id="{sectie.anker}"' in html  # the section
            assert f'href="#{sectie.anker}"' in html  # its entry in the table of contents


@pytest.mark.django_db
def test_every_image_of_the_manual_has_a_dutch_alt_text_and_its_file(client, werkcoach):
    client.force_login(werkcoach)
    gevonden = 0
    for rol in secties.ROLHANDLEIDINGEN:
        html = client.get(reverse("handleiding:rol", args=[rol.slug])).content.decode()
        for img in re.findall(r"<img [^>]*>", html):
            bron = re.search(r'src="/static/handleiding/([^"]+)"', img).group(1)
            alt = re.search(r'alt="([^"]*)"', img).group(1)
            assert len(alt) > 20, (bron, alt)
            assert (STATIC_MAP / bron).is_file(), bron
            gevonden += 1
    assert gevonden >= 10


@pytest.mark.django_db
def test_the_header_links_to_the_manual_of_the_users_own_role(client, werkcoach, consulent):
    client.force_login(werkcoach)
    assert f'href="{reverse("handleiding:rol", args=["werkcoach"])}"' in client.get(reverse("home")).content.decode()
    client.force_login(consulent)
    html = client.get(reverse("cases:dossier_lijst")).content.decode()
    assert f'href="{reverse("handleiding:rol", args=["consulent"])}">Handleiding</a>' in html


@pytest.mark.django_db
def test_a_user_without_a_role_gets_the_index(client):
    client.force_login(UserFactory(username="zonder_rol"))
    html = client.get(reverse("accounts:wachtwoord_wijzigen")).content.decode()
    assert f'href="{reverse("handleiding:index")}">Handleiding</a>' in html


@pytest.mark.django_db
def test_hulp_bij_deze_pagina_opens_the_section_of_the_page(client, werkcoach, consulent):
    client.force_login(werkcoach)
    html = client.get(reverse("werkvoorraad:lijst")).content.decode()
    assert f'href="{reverse("handleiding:rol", args=["werkcoach"])}#werkvoorraad">Hulp bij deze pagina</a>' in html
    client.force_login(consulent)
    html = client.get(reverse("pip_plans:te_beoordelen")).content.decode()
    assert f'href="{reverse("handleiding:rol", args=["consulent"])}#pip-beoordelen">Hulp bij deze pagina</a>' in html


@pytest.mark.django_db
def test_a_page_without_a_section_has_no_hulp_link(client, werkcoach):
    client.force_login(werkcoach)
    assert "Hulp bij deze pagina" not in client.get(reverse("accounts:wachtwoord_wijzigen")).content.decode()


# --- help texts on the fields users misread ---

@pytest.mark.parametrize("veld", ["leerroute", "lbt_afwijking_motivering", "pvt_vorm", "pvt_intensiteit",
                                  "map_vorm", "map_intensiteit", "ontzorgen", "ontzorgen_start",
                                  "ontzorgen_vaste_lasten"])
@pytest.mark.django_db  # the beoogde aanbieder's choices come from the aanbieders register
def test_the_pip_form_explains_leerroute_pvt_map_and_ontzorgen(veld):
    assert len(str(PipForm(wijziging=False).fields[veld].help_text)) > 20


@pytest.mark.parametrize("veld", ["lbt_uitkomst", "lbt_score", "lbt_vereiste_score", "lbt_vrijstelling",
                                  "lbt_geen_reden"])
def test_the_intake_form_explains_the_leerbaarheidstoets(veld):
    assert len(str(IntakeForm(zonder_overdracht=False).fields[veld].help_text)) > 20


@pytest.mark.django_db
def test_the_help_text_is_tied_to_its_field(client, werkcoach):
    """The help text is read out with the field (aria-describedby), not only shown next to it."""
    from tests.factories import DossierFactory

    dossier = DossierFactory(werkcoach=werkcoach)
    client.force_login(werkcoach)
    html = client.get(reverse("intake:intake_bewerken", args=[dossier.pk])).content.decode()
    veld = re.search(r'<select[^>]*name="lbt_vrijstelling"[^>]*>', html).group(0)
    beschrijving = re.search(r'aria-describedby="([^"]+)"', veld).group(1)
    hulp = re.search(rf'id="{beschrijving.split()[0]}"[^>]*>(.*?)<', html, re.S).group(1)
    assert "visuele beperking" in hulp


@pytest.mark.django_db
def test_the_admin_links_the_beheerder_to_his_manual(client, beheerder):
    client.force_login(beheerder)
    html = client.get(reverse("admin:index")).content.decode()
    assert f'<a href="{reverse("handleiding:rol", args=["beheerder"])}">Handleiding</a>' in html
