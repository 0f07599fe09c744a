"""The one way to keep a value in the session under a short-lived token (no personal data in URLs)."""

from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import RequestFactory

from inburgering import sessietokens


def verzoek():
    request = RequestFactory().get("/")
    request.session = SessionStore()
    return request


def test_a_value_is_read_back_until_it_expires():
    request = verzoek()
    token = sessietokens.bewaren(request, "s", {"bsn": "999990007"}, nu=100, geldigheid=60, maximum=3)
    assert sessietokens.lezen(request, "s", token, nu=159) == {"bsn": "999990007"}
    assert sessietokens.lezen(request, "s", token, nu=160) is None
    assert sessietokens.lezen(request, "s", "onbekend", nu=100) is None
    assert sessietokens.lezen(verzoek(), "s", token, nu=100) is None  # another session


def test_at_most_maximum_values_the_oldest_going_first():
    request = verzoek()
    tokens = [sessietokens.bewaren(request, "s", i, nu=100 + i, geldigheid=60, maximum=2) for i in range(3)]
    assert [sessietokens.lezen(request, "s", t, nu=103) for t in tokens] == [None, 1, 2]
