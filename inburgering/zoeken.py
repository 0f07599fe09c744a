"""Searching without the term in a URL (issue 12 items 1 and 4, ASVS V8.3.1 / BIO: no personal data in
URLs, so not in access logs, proxies or browser history).

A list page with a free-text or BSN search posts its filter form. The term is kept server-side, in the
user's session, under a random token; the page then lives at `?zoekopdracht=<token>&fase=…` — the other
filters carry no personal data and stay in the query string — so pagination, the back button, sorting
and the filters keep working. Without JavaScript a POST answers with a 303 to that URL; the htmx live
search gets the results directly, with `HX-Push-Url` set to it. A token is short-lived
(`GELDIGHEID`) and only valid in the session that made it; an unknown or expired one searches nothing
and says so.

Every search is written to the security log with its kind and a KEYED hash of the term (HMAC-SHA256
with a key derived from SECRET_KEY), never the term itself: the same term by the same installation
gives the same hash, so a search can be traced when the term is known, but the log does not reveal it.
"""

import time
from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from inburgering import sessietokens
from inburgering.audit.models import Gebeurtenis
from inburgering.audit.services import beveiliging_vastleggen

PARAMETER = "zoekopdracht"
SESSIE_SLEUTEL = "zoekopdrachten"
GELDIGHEID = 60 * 60  # seconds: a search stays usable for an hour of paging and going back
MAXIMUM = 20  # searches kept per session; the oldest goes first
HMAC_ZOUT = "inburgering.zoeken.zoekterm"
VERLOPEN = _("Deze zoekopdracht is verlopen. Zoek opnieuw.")


def zoekterm_hash(term: str) -> str:
    """The keyed hash of a search term as it is logged (HMAC-SHA256, key from SECRET_KEY)."""
    return salted_hmac(HMAC_ZOUT, term.strip(), algorithm="sha256").hexdigest()


@dataclass
class Zoekopdracht:
    """What a list view needs: `data` for its filter form (None: unbound, the defaults), `parameters`
    for its page links (no term in them), and `antwoord` when the view must answer with a redirect."""

    data: QueryDict | None
    parameters: QueryDict
    antwoord: HttpResponse | None = None
    push_url: str = ""

    def afronden(self, response: HttpResponse) -> HttpResponse:
        """Set the URL the browser shows after an htmx live search (the token URL, never the term)."""
        if self.push_url:
            response["HX-Push-Url"] = self.push_url
        return response


def _nu() -> float:
    return time.time()


def _bewaren(request: HttpRequest, term: str) -> str:
    return sessietokens.bewaren(request, SESSIE_SLEUTEL, term, nu=_nu(), geldigheid=GELDIGHEID, maximum=MAXIMUM)


def zoekopdracht(request: HttpRequest, *, soort: str, veld: str = "zoek") -> Zoekopdracht:
    """Read a list page's filters and search term (see the module). `soort` names the search in the
    security log (e.g. "dossiers", "werkvoorraad")."""
    if request.method == "POST":
        invoer = request.POST.copy()
        invoer.pop("csrfmiddlewaretoken", None)
        invoer.pop("pagina", None)  # a new search starts at the first page
        term = invoer.pop(veld, [""])[-1].strip()
        parameters = QueryDict(mutable=True)
        for sleutel in invoer:
            if sleutel != PARAMETER:
                parameters.setlist(sleutel, invoer.getlist(sleutel))
        if term:
            parameters[PARAMETER] = _bewaren(request, term)
            beveiliging_vastleggen(Gebeurtenis.ZOEKOPDRACHT, request=request,
                                   details={"soort": soort, "term_hmac": zoekterm_hash(term)})
        url = f"{request.path}?{parameters.urlencode()}" if parameters else request.path
        data = parameters.copy()
        data[veld] = term
        if request.htmx:
            return Zoekopdracht(data=data, parameters=parameters, push_url=url)
        return Zoekopdracht(data=data, parameters=parameters, antwoord=HttpResponseRedirect(url, status=303))
    parameters = request.GET.copy()
    parameters.pop("pagina", None)
    parameters.pop(veld, None)  # a term in the URL is never used (nor kept in the page links)
    data = parameters.copy()
    if token := parameters.get(PARAMETER):
        term = sessietokens.lezen(request, SESSIE_SLEUTEL, token, nu=_nu())
        if term is None:
            messages.warning(request, VERLOPEN)
            parameters.pop(PARAMETER)
        else:
            data[veld] = term
    data.pop(PARAMETER, None)
    return Zoekopdracht(data=data or None, parameters=parameters)


def filterdata(request: HttpRequest, parameters: QueryDict, *, veld: str = "zoek") -> QueryDict:
    """A list's filter form data from the query string of one of its pages (`parameters`: the filters and
    the search token, e.g. kept by a bulk action to come back to), the term read from the session. An
    unknown or expired token searches nothing."""
    data = parameters.copy()
    data.pop("pagina", None)
    data.pop(veld, None)  # a term in a query string is never used
    if token := data.pop(PARAMETER, [""])[-1]:
        term = sessietokens.lezen(request, SESSIE_SLEUTEL, token, nu=_nu())
        if term is not None:
            data[veld] = term
    return data
