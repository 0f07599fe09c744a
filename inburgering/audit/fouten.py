"""Dutch error pages (issue 12 item 7). Django's default handlers render 403.html, 404.html and 500.html
from `templates/`; this module adds the 400 handler (which says when a POST was too large) and turns a
tampered stored document into a Dutch page instead of an English "Server Error".

500.html gets no request and no context from Django's `server_error`: it needs neither the database nor
the user. The tampered-document page uses the same template with `gemanipuleerd`.
"""

import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpResponseBadRequest, HttpResponseServerError
from django.template import loader
from django.template.defaultfilters import filesizeformat

from inburgering.documenten.services import DocumentGemanipuleerd

logger = logging.getLogger(__name__)


def fout_400(request, exception=None):
    te_groot = isinstance(exception, RequestDataTooBig | TooManyFieldsSent | TooManyFilesSent)
    context = {"te_groot": te_groot, "grens": filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)}
    return HttpResponseBadRequest(loader.render_to_string("400.html", context, request))


class DocumentGemanipuleerdMiddleware:
    """A document whose file no longer matches its sha256 (`document_response`) answers a Dutch page
    and is logged as an error, for whoever watches the logs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DocumentGemanipuleerd):
            return None
        logger.error("Gemanipuleerd document geweigerd op %s: %s", request.path, exception)
        return HttpResponseServerError(loader.render_to_string("500.html", {"gemanipuleerd": True}))
