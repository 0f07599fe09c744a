"""A client for the DUO stand-in that sends DUO's headers and checks every answer against the contract."""

from __future__ import annotations

import pytest
import requests

from tests.standins import DuoStandin
from tests.standins_duo import contract


class DuoClient:
    def __init__(self, standin: DuoStandin):
        self.standin = standin
        self.sessie = requests.Session()

    def __call__(self, methode: str, pad: str, json=None, *, headers: dict | None = None, bericht_id: str | None = None,
                 controleer: bool = True, **kwargs) -> requests.Response:  # fmt: skip
        h = self.standin.headers(bericht_id)
        h.update(headers or {})
        h = {k: v for k, v in h.items() if v is not None}
        kwargs.setdefault("timeout", 30)
        response = self.sessie.request(methode, f"{self.standin.url}{pad}", json=json, headers=h,
                                       **self.standin.requests_kwargs(), **kwargs)  # fmt: skip
        if controleer:
            contract.controleer(methode, pad, response)
        return response

    def persoon(self, bsn: str) -> dict:
        antwoord = self.standin.beheer("GET", f"/_beheer/personen/{bsn}")
        assert antwoord.status_code == 200, antwoord.text
        return antwoord.json()

    def ontvangen(self) -> list[dict]:
        return self.standin.beheer("GET", "/_beheer/ontvangen").json()


@pytest.fixture
def duo(duo_standin) -> DuoClient:
    return DuoClient(duo_standin)


def fouten(response) -> list[str]:
    """The foutteksten of a 403 refusal."""
    assert response.status_code == 403, (response.status_code, response.text)
    return [f["fouttekst"] for f in response.json()]
