"""The login settings (issue 11 items 2, 3) in a clean production process: two-factor mandatory for
consulent, manager, beheerder and privacy officer by default; nonsense role names refused; OIDC complete or refused;
the deployment checklist stays clean with OIDC on."""

import pytest

from tests.kern.test_settings import manage, production_env

TOON = [
    "shell", "--no-imports", "-c",
    "from django.conf import settings as s; print(s.TWEEFACTOR_VERPLICHT_ROLLEN, s.AXES_LOCKOUT_PARAMETERS,"
    " s.AXES_FAILURE_LIMIT, s.AXES_CLIENT_IP_CALLABLE, s.OIDC_ENABLED, s.OIDC_ROL_CLAIM, s.OIDC_CREATE_USER)",
]

OIDC = {
    "OIDC_ENABLED": "true",
    "OIDC_RP_CLIENT_ID": "inburgering",
    "OIDC_RP_CLIENT_SECRET": "geheim",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://login.gemeente.example/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://login.gemeente.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://login.gemeente.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://login.gemeente.example/jwks",
}


def test_production_defaults_mandatory_two_factor_lockout_per_account_and_address_no_role_mapping():
    result = manage(*TOON, environment=production_env())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "['consulent', 'manager', 'beheerder', 'privacy', 'postkamer', 'koppelbeheer'] [['username', 'ip_address']] 5 "
        "inburgering.audit.services.client_ip False  False"
    )


@pytest.mark.parametrize(("naam", "waarde"), [
    ("TWEEFACTOR_VERPLICHT_ROLLEN", "consulent,superuser"),
    ("OIDC_ROLLEN_TOEGESTAAN", "admin"),
    ("INLOG_VERGRENDELING_PER", "adres"),  # never an address alone
    ("INLOG_MAX_POGINGEN", "0"),
])
def test_nonsense_login_settings_are_refused(naam, waarde):
    result = manage("check", environment=production_env(**{naam: waarde}))
    assert result.returncode != 0
    assert naam in result.stderr


def test_oidc_without_its_endpoints_is_refused():
    result = manage("check", environment=production_env(OIDC_ENABLED="true"))
    assert result.returncode != 0
    assert "OIDC_RP_CLIENT_ID" in result.stderr


def test_the_deployment_checklist_stays_clean_with_oidc_on():
    result = manage("check", "--deploy", "--fail-level", "WARNING", environment=production_env(**OIDC))
    assert result.returncode == 0, result.stdout + result.stderr
