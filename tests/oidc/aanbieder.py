"""A real OpenID Connect provider as its own process (node + the npm package oidc-provider, see
provider.mjs), on a free 127.0.0.1 port, for as long as one test runs."""

import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

SCRIPT = Path(__file__).with_name("provider.mjs")
CLIENT_ID = "inburgering"
CLIENT_SECRET = "inburgering-test-geheim"


@dataclass
class Aanbieder:
    issuer: str
    configuratie: dict

    def django_instellingen(self) -> dict:
        c = self.configuratie
        return {
            "OIDC_ENABLED": True,
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": c["authorization_endpoint"],
            "OIDC_OP_TOKEN_ENDPOINT": c["token_endpoint"],
            "OIDC_OP_USER_ENDPOINT": c["userinfo_endpoint"],
            "OIDC_OP_JWKS_ENDPOINT": c["jwks_uri"],
            "OIDC_RP_SIGN_ALGO": "RS256",
            "OIDC_RP_SCOPES": "openid email profile",
        }


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def oidc_aanbieder(live_server):
    poort = _vrije_poort()
    proces = subprocess.Popen(
        ["node", str(SCRIPT), str(poort), f"{live_server.url}/oidc/callback/"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    issuer = f"http://127.0.0.1:{poort}"
    try:
        einde = time.monotonic() + 20
        while True:
            if proces.poll() is not None:
                pytest.fail(f"oidc-provider stopte bij het starten:\n{proces.stdout.read()}")
            try:
                configuratie = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=1).json()
                break
            except requests.RequestException:
                if time.monotonic() > einde:
                    pytest.fail("oidc-provider start niet binnen 20 seconden")
                time.sleep(0.1)
        yield Aanbieder(issuer=issuer, configuratie=configuratie)
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait()
