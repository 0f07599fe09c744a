"""The idle timeout without a session write on every request (issue 18): a request renews the session's
expiry (SESSION_IDLE_MINUTES) only when the last renewal is at least `SESSIE_AANRAKEN_SECONDEN` old, so a
user clicking through lists costs no UPDATE of django_session per page. The timeout is then exact to
within that minute. A login stamps the session, so its first requests write nothing either."""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

AANGERAAKT = "_aangeraakt"


def _aanraken(sessie) -> None:
    sessie[AANGERAAKT] = int(time.time())  # marks the session modified: SessionMiddleware saves it


class SessieAanrakenMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sessie = request.session
        if sessie.session_key is not None and (
            time.time() - sessie.get(AANGERAAKT, 0) >= settings.SESSIE_AANRAKEN_SECONDEN
        ):
            _aanraken(sessie)
        return self.get_response(request)


@receiver(user_logged_in)
def _bij_inloggen(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        _aanraken(request.session)
