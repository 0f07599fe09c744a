"""The page header (`{% paginakop %}` in base.html), built once per what it depends on and then reused.

The header (menu, search box, manual links, user menu) is the same for every user with the same roles on
the same page: it depends on the roles, staff status, the role the manual follows, the page (its view name:
which menu item is current, which manual section helps) and the language. Rendering it through the template
took about a third of a trivial page (≈ 1 ms of ≈ 3.5, issue 18), so `includes/kop.html` is rendered once
per such combination and kept; the two things that differ per user, the name and the CSRF token of the
logout and search forms, go in afterwards. Not kept with DEBUG on, so an edited template shows at once.
"""

from types import SimpleNamespace

from django import template
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.urls import get_script_prefix
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from inburgering.accounts.context_processors import rollen as rol_vlaggen

register = template.Library()

SJABLOON = "includes/kop.html"
# Stand-ins rendered into the kept HTML, replaced per request; nothing else in the header can contain them.
NAAM = "KOP-NAAM-7f3a1c"
CSRF = "KOP-CSRF-7f3a1c"
MAX_VERSIES = 2048  # bounded: role sets × pages × languages is far smaller; a full cache starts again

_versies: dict[tuple, str] = {}


class _Gebruiker:
    """What the header template reads of the user: nothing personal, the name is a stand-in."""

    is_authenticated = True

    def __init__(self, user):
        self.is_staff = user.is_staff
        self.rol = user.rol

    def __str__(self) -> str:
        return NAAM


def _vlaggen(user) -> dict:
    """The role flags the templates get (the `rollen` context processor), for this user."""
    return rol_vlaggen(SimpleNamespace(user=user))


def sleutel(request, user) -> tuple:
    match = getattr(request, "resolver_match", None)
    rollen = tuple(sorted(_vlaggen(user).items()))
    return (get_language(), get_script_prefix(), user.is_authenticated, rollen,
            user.is_authenticated and user.is_staff, getattr(user, "rol", None), match.view_name if match else None)


def _opbouwen(request, user) -> str:
    gebruiker = _Gebruiker(user) if user.is_authenticated else user
    context = _vlaggen(user)
    context.update(
        user=gebruiker, csrf_token=CSRF,
        request=SimpleNamespace(user=gebruiker, resolver_match=getattr(request, "resolver_match", None)),
    )
    return get_template(SJABLOON).render(context).strip()


@register.simple_tag(takes_context=True)
def paginakop(context) -> str:
    request = context.get("request")
    user = context.get("user") or AnonymousUser()  # a page rendered without a request (500.html)
    sleutel_ = sleutel(request, user)
    html = _versies.get(sleutel_)
    if html is None:
        html = _opbouwen(request, user)
        if not settings.DEBUG:
            if len(_versies) >= MAX_VERSIES:
                _versies.clear()
            _versies[sleutel_] = html
    if user.is_authenticated:
        html = html.replace(NAAM, escape(str(user)))
    if CSRF in html and request is not None:
        html = html.replace(CSRF, get_token(request))
    return mark_safe(html)
