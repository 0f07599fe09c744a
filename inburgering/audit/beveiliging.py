"""Security headers the whole application sends (issue 12 item 2), next to django-csp's
Content-Security-Policy (settings `CONTENT_SECURITY_POLICY`). Lives in the audit app, the kernel's
security module.

- `Permissions-Policy`: every powerful browser feature off (camera, microphone, geolocation, …); the
  application uses none of them.
- `Cache-Control: no-store` on every response to a logged-in user: all those pages may show personal
  data (a dossier, a name, a BSN), so no browser or proxy keeps a copy. Anonymous pages (the login page,
  static files) keep their own caching. A response that already says `no-store` is left alone.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen",
        "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment", "picture-in-picture",
        "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
    )
)


class BeveiligingsHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", getattr(settings, "PERMISSIONS_POLICY", PERMISSIONS_POLICY))
        gebruiker = getattr(request, "user", None)
        if gebruiker is not None and gebruiker.is_authenticated:
            patch_cache_control(response, no_store=True, private=True, no_cache=True, max_age=0)
        return response
