"""Every refused request (403) goes to the security log (issue 11 item 7): the path only, no query."""

from .models import Gebeurtenis
from .services import beveiliging_vastleggen


class GeweigerdLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 403:
            beveiliging_vastleggen(Gebeurtenis.GEWEIGERD, request=request, details={"methode": request.method})
        return response
