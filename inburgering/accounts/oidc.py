"""Login through the gemeente's identity provider over OpenID Connect (issue 11 item 3).

The account is found by the claim `OIDC_GEBRUIKERSNAAM_CLAIM` (default `preferred_username`) equal to
the username. An unknown account is refused, or created without any role when `OIDC_GEBRUIKERS_AANMAKEN`.
Roles come from the provider only when `OIDC_ROL_CLAIM` names a claim, and then only the roles listed in
`OIDC_ROLLEN_TOEGESTAAN`: those follow the claim (granted and withdrawn); every other role stays as
the beheerder set it. Each change goes to the security log.
"""

from django.conf import settings
from django.http import Http404

from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from inburgering.audit.models import Gebeurtenis
from inburgering.audit.services import beveiliging_vastleggen

from .roles import Rol
from .rollen import rol_wijzigen
from .tweefactor import OIDC_SESSIE


def toegestane_rollen(claimwaarde, toegestaan: list[str]) -> set[str]:
    """The roles a claim grants: its values (a list or one string) that are also allowed by the setting."""
    if isinstance(claimwaarde, str):
        claimwaarde = [claimwaarde]
    if not isinstance(claimwaarde, list | tuple):
        return set()
    return {str(w) for w in claimwaarde} & set(toegestaan) & {r.value for r in Rol}


class GemeenteOIDCBackend(OIDCAuthenticationBackend):
    def _gebruikersnaam(self, claims) -> str:
        return str(claims.get(settings.OIDC_GEBRUIKERSNAAM_CLAIM) or "").strip()

    def verify_claims(self, claims) -> bool:
        return bool(self._gebruikersnaam(claims))

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.filter(username=self._gebruikersnaam(claims))

    def create_user(self, claims):
        user = self.UserModel.objects.create_user(
            username=self._gebruikersnaam(claims),
            email=claims.get("email", ""),
            first_name=claims.get("given_name", ""),
            last_name=claims.get("family_name", ""),
        )
        return self._rollen_bijwerken(user, claims)

    def update_user(self, user, claims):
        return self._rollen_bijwerken(user, claims)

    def _rollen_bijwerken(self, user, claims):
        """The provider's claim sets the role only where the settings allow it, and only through the one
        way a role changes (`accounts.rollen.rol_wijzigen`: a Rolwijziging row, history, the security log,
        an e-mail). A user has one role: a claim naming several allowed roles changes nothing. The claim
        never takes away a role it may not grant."""
        if not settings.OIDC_ROL_CLAIM or not settings.OIDC_ROLLEN_TOEGESTAAN:
            return user
        gewenst = toegestane_rollen(claims.get(settings.OIDC_ROL_CLAIM), settings.OIDC_ROLLEN_TOEGESTAAN)
        huidig = user.rol
        if len(gewenst) > 1 or (huidig is not None and huidig.value not in settings.OIDC_ROLLEN_TOEGESTAAN):
            return user
        nieuw = Rol(next(iter(gewenst))) if gewenst else None
        if nieuw != huidig:
            rol_wijzigen(gebruiker=user, nieuwe_rol=nieuw, door=None, request=self.request,
                         reden=f"Rol uit de identity provider (OIDC-claim {settings.OIDC_ROL_CLAIM})")
            user.__dict__.pop("rollen", None)
        return user

    def authenticate(self, request, **kwargs):
        user = super().authenticate(request, **kwargs)
        if user is not None and request is not None:
            request.session[OIDC_SESSIE] = True
            beveiliging_vastleggen(Gebeurtenis.INLOG_GELUKT, request=request, gebruiker=user, details={"via": "oidc"})
        return user


class _AlleenAls:
    def dispatch(self, request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class StartView(_AlleenAls, OIDCAuthenticationRequestView):
    """Sends the browser to the identity provider."""

    def __init__(self, *args, **kwargs):
        if not settings.OIDC_ENABLED:  # the parent reads the provider's settings on construction
            return
        super().__init__(*args, **kwargs)


class TerugkeerView(_AlleenAls, OIDCAuthenticationCallbackView):
    """The provider's redirect back: logs the user in, or back to the login page with a message."""
