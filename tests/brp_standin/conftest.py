"""The BRP stand-in as a session-wide subprocess, and a client that checks every answer against the contract."""

from __future__ import annotations

import pytest
import requests

from tests.brp_standin import contract
from tests.standins import BrpStandin


class BrpClient:
    """POST /personen with the API key; every answer is checked against the contract before it is returned."""

    def __init__(self, standin: BrpStandin):
        self.url, self.api_key = standin
        self.sessie = requests.Session()

    def personen(self, body, *, headers: dict | None = None, controleer: bool = True, **kwargs) -> requests.Response:
        h = {"X-API-KEY": self.api_key, "Content-Type": "application/json; charset=utf-8", "Accept": "application/json"}
        h.update(headers or {})
        h = {k: v for k, v in h.items() if v is not None}
        if "data" not in kwargs:
            kwargs["json"] = body
        response = self.sessie.post(f"{self.url}/personen", headers=h, timeout=10, **kwargs)
        if controleer:
            contract.controleer(response)
        return response

    def raadpleeg(self, bsns: list[str], fields: list[str], **extra) -> list[dict]:
        r = self.personen(
            {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": bsns, "fields": fields, **extra}
        )
        assert r.status_code == 200, r.text
        return r.json()["personen"]

    def beheer(self, methode: str, pad: str, body=None) -> requests.Response:
        return self.sessie.request(
            methode, f"{self.url}/_beheer/{pad}", json=body, headers={"X-API-KEY": self.api_key}, timeout=10
        )


@pytest.fixture(scope="session")
def brp_standin_proces(brp_standin_sessie) -> BrpStandin:
    """The session's one stand-in (tests/conftest.py): personen.json, without its scheduled events."""
    return brp_standin_sessie


@pytest.fixture
def brp(brp_standin_proces) -> BrpClient:
    return BrpClient(brp_standin_proces)
