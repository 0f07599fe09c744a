"""Issue 11 item 5: the admin's login page without a session answered 500 (the audit admin asked an
AnonymousUser for `heeft_rol`). Every admin page answers an anonymous visitor with the login."""

from django.contrib.auth.models import AnonymousUser

from inburgering.accounts.roles import Rol, heeft_rol


def test_the_admin_login_page_without_a_session(client, db):
    """One door: the admin's login is the application's (lockout, two-factor), never a 500."""
    antwoord = client.get("/beheer/login/?next=/beheer/", follow=True)
    assert antwoord.status_code == 200
    assert antwoord.redirect_chain[-1][0] == "/inloggen/?next=/beheer/"


def test_the_admin_index_without_a_session_redirects_to_its_login(client, db):
    antwoord = client.get("/beheer/")
    assert antwoord.status_code == 302 and "login" in antwoord["Location"]


def test_an_anonymous_user_has_no_role():
    assert not heeft_rol(AnonymousUser(), Rol.BEHEERDER)
    assert not heeft_rol(None, Rol.BEHEERDER)


def test_a_beheerder_has_his_role(beheerder):
    assert heeft_rol(beheerder, Rol.BEHEERDER)
