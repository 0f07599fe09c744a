"""Issue 12 item 2: security headers. A dossier page carries a CSP without inline script, forbids
framing, switches off browser features and is never cached; no template holds inline script or style."""

import re
from pathlib import Path

from django.urls import reverse

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


def _csp(response) -> dict[str, list[str]]:
    return {
        deel.split()[0]: deel.split()[1:]
        for deel in (d.strip() for d in response["Content-Security-Policy"].split(";")) if deel
    }


def test_a_dossier_page_sends_the_security_headers(client, werkcoach, dossier):
    client.force_login(werkcoach)

    response = client.get(reverse("cases:dossier_detail", args=[dossier.pk]))

    assert response.status_code == 200
    csp = _csp(response)
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["default-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    beleid = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in beleid
    cache = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= cache
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_anonymous_login_page_has_the_csp_and_permissions_policy_too(client, db):
    response = client.get(reverse("login"))

    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


def test_htmx_is_told_not_to_inject_its_inline_indicator_style(client, werkcoach, dossier):
    client.force_login(werkcoach)

    html = client.get(reverse("cases:dossier_detail", args=[dossier.pk])).content.decode()

    assert """<meta name="htmx-config" content='{"includeIndicatorStyles": false, "allowEval": false}'>""" in html


INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son(?:click|change|submit|load|input|focus|blur|error|key[a-z]+|mouse[a-z]+)=|hx-on|javascript:", re.IGNORECASE
)


@pytest.mark.parametrize("map_", ["templates", "cases", "pip_plans", "leerroutes", "handhaving", "dashboards",
                                  "inburgering"])
def test_no_template_holds_inline_script_or_style(map_):
    """The CSP forbids them; one would silently stop working in the browser."""
    overtredingen = [
        f"{pad.relative_to(BASE_DIR)}: {m.group(0)}"
        for pad in (BASE_DIR / map_).rglob("*.html")
        if "pdf" not in pad.parts and "documenten" not in pad.parts  # PDF templates are rendered by WeasyPrint
        for m in [INLINE.search(pad.read_text())] if m
    ]
    assert overtredingen == []
