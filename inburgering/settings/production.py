"""Production: every secret and address comes from the environment; nothing insecure by default."""

import os

from django.core.exceptions import ImproperlyConfigured

# No silent fall-back to the embedded defaults: without CELERY_BROKER_URL the web container would
# queue tasks in its own filesystem, where no worker ever sees them.
for _required in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "CELERY_BROKER_URL"):
    if not os.environ.get(_required):
        raise ImproperlyConfigured(f"Production settings need the environment variable {_required}.")

from .base import *  # noqa: E402, F403
from .base import DEBUG, env  # noqa: E402

if DEBUG:
    raise ImproperlyConfigured("DEBUG must be false in production.")

DEMO_DATA_ALLOWED = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.boolean("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
EMAIL_BACKEND = env.string("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
