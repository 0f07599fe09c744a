"""Issue 11 items 1 and 4 in a real browser: a beheerder asks a role for a new colleague with a reason,
a second beheerder approves it; a user changes his own password from the header. axe-core scans every
page on the way. The sessions are made with Django's test client (force_login), so the test is about
these pages and not about the login flow (which has its own tests)."""

import re

from django.conf import settings
from django.test import Client

from playwright.sync_api import Browser, Page, expect

from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol
from tests.e2e.conftest import WACHTWOORD, assert_geen_axe_fouten
from tests.factories import BeheerderFactory, TeamFactory, UserFactory, WerkcoachFactory


def _aanmelden(page: Page, live_server, user) -> Page:
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies([{
        "name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }])
    return page


def _veld(page: Page, label: str):
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(verplicht\))?:?$", re.IGNORECASE))


def test_een_rol_toekennen_met_reden_en_goedkeuring_van_een_tweede_beheerder(page: Page, live_server,
                                                                               browser: Browser):
    eerste = BeheerderFactory(username="beheer1", first_name="Bea", last_name="Eerste")
    tweede = BeheerderFactory(username="beheer2", first_name="Bob", last_name="Tweede")
    nieuw = UserFactory(username="nieuwe.consulent", first_name="Nina", last_name="Nieuw",
                        email="nina@example.org", team=TeamFactory(naam="Team Noord"))

    _aanmelden(page, live_server, eerste)
    page.goto(f"{live_server.url}/beheer/accounts/user/{nieuw.pk}/change/")
    assert_geen_axe_fouten(page, "gebruiker wijzigen")
    expect(page.get_by_label(re.compile("superuser", re.I))).to_have_count(0)
    page.get_by_role("link", name="Rol toekennen of wijzigen (met reden)").click()
    expect(page.get_by_text("tweede beheerder", exact=False).first).to_be_visible()
    assert_geen_axe_fouten(page, "rolwijziging aanvragen")
    page.get_by_label("Nieuwe rol").select_option(label="Consulent inburgering")
    page.get_by_label("Reden").fill("Nieuwe consulent team Noord, ticket 1234")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text("wacht nu op goedkeuring")).to_be_visible()
    assert_geen_axe_fouten(page, "rolwijzigingen met een aanvraag")
    assert not User.objects.get(pk=nieuw.pk).heeft_rol(Rol.CONSULENT)

    _aanmelden(page, live_server, tweede)
    page.goto(f"{live_server.url}/beheer/accounts/rolwijziging/")
    page.get_by_role("link", name="Beoordelen").click()
    assert_geen_axe_fouten(page, "rolwijziging beoordelen")
    page.get_by_label("Toelichting (optioneel)").fill("Akkoord, ticket gezien")
    page.get_by_role("button", name="Goedkeuren").click()
    expect(page.get_by_text("Goedgekeurd")).to_be_visible()

    assert User.objects.get(pk=nieuw.pk).heeft_rol(Rol.CONSULENT)


def test_het_eigen_wachtwoord_wijzigen_vanuit_de_kop(page: Page, live_server):
    wendy = WerkcoachFactory(username="wendy", first_name="Wendy", last_name="de Coach",
                             team=TeamFactory(naam="Team Noord"))
    _aanmelden(page, live_server, wendy)
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Wachtwoord wijzigen").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Wachtwoord wijzigen")).to_be_visible()
    assert_geen_axe_fouten(page, "wachtwoord wijzigen, leeg")

    _veld(page, "Oud wachtwoord").fill(WACHTWOORD)
    _veld(page, "Nieuw wachtwoord").fill("welkom123456")
    _veld(page, "Nieuw wachtwoord bevestigen").fill("welkom123456")
    page.get_by_role("button", name="Wachtwoord wijzigen").click()
    expect(page.locator("#foutenoverzicht")).to_contain_text("veelgebruikt woord")
    assert_geen_axe_fouten(page, "wachtwoord wijzigen, geweigerd")

    _veld(page, "Oud wachtwoord").fill(WACHTWOORD)
    _veld(page, "Nieuw wachtwoord").fill("Paard-Fiets-Boom-42")
    _veld(page, "Nieuw wachtwoord bevestigen").fill("Paard-Fiets-Boom-42")
    page.get_by_role("button", name="Wachtwoord wijzigen").click()
    expect(page.get_by_text("Uw wachtwoord is gewijzigd.")).to_be_visible()
    wendy.refresh_from_db()
    assert wendy.check_password("Paard-Fiets-Boom-42")
