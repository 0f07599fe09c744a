"""Shared settings. Environment modules (dev, test, production) set their defaults in the
environment first and then import everything from here, so every environment runs the same code.
"""

from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import dj_database_url
from celery.schedules import crontab

from inburgering import env
from inburgering.accounts.roles import Rol

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env.string("VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env.string("SECRET_KEY")
DEBUG = env.boolean("DEBUG", False)
ALLOWED_HOSTS = env.strings("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.strings("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "inburgering.staticfiles.StaticFilesConfig",  # = django.contrib.staticfiles; see that module
    "django.contrib.humanize",
    "django.forms",
    "django_fsm",
    "simple_history",
    "django_htmx",
    "csp",
    # login: lockout (axes), two-factor (django-otp + two_factor), the gemeente's identity provider (OIDC)
    "inburgering.accounts.derden.AxesConfig",  # axes, with a Dutch name in the admin
    "django_otp",
    "inburgering.accounts.derden.TotpConfig",  # django_otp.plugins.otp_totp, idem
    "django_otp.plugins.otp_static",
    "two_factor",
    "mozilla_django_oidc",
    # shared kernel (bottom layer)
    "inburgering.accounts",
    "inburgering.instellingen",
    "inburgering.audit",
    "inburgering.kalender",
    "inburgering.documenten",
    "inburgering.handleiding",  # the in-app manual per role (issue 20 item 5)
    # domain apps
    "cases",
    "pip_plans",
    "leerroutes",
    "handhaving",
    # top layer: reads every app
    "dashboards",
    "avg",  # privacy: bewaartermijn, vernietiging, inzageverzoek (reads and destroys the data of every app)
    "brp",  # persons from the BRP API Personen: registration by BSN, nightly refresh (issue 14)
    "duo",  # sending to DUO through a transactional outbox (issue 16)
    "duo.notificaties",  # DUO's notifications: the Notificatie endpoint, the inflow, raadplegingen (issue 17)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "inburgering.accounts.sessies.SessieAanrakenMiddleware",  # the idle timeout, renewed at most once a minute
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "inburgering.accounts.tweefactor.TweeFactorVerplichtMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "inburgering.audit.beveiliging.BeveiligingsHeadersMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # One Logboek Dataverwerkingen row per request that processed personal data (issue 13); inside the
    # history middleware, so the view's history writes are seen.
    "inburgering.audit.verwerkingen.DataverwerkingMiddleware",
    "inburgering.audit.middleware.GeweigerdLogMiddleware",
    "inburgering.audit.fouten.DocumentGemanipuleerdMiddleware",
    "axes.middleware.AxesMiddleware",  # last (axes' docs): turns a lockout into the Dutch lockout page
]

# Content-Security-Policy (issue 12 item 2, django-csp): no inline script or style anywhere (htmx's own
# indicator style is switched off in base.html), no framing, forms only to ourselves. The favicon is a
# data: URL, hence img-src data:.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

ROOT_URLCONF = "inburgering.urls"
WSGI_APPLICATION = "inburgering.wsgi.application"
FORM_RENDERER = "inburgering.formulieren.Renderer"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "inburgering.accounts.context_processors.rollen",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env.string("DATABASE_URL", f"sqlite:///{VAR_DIR / 'inburgering.sqlite3'}"),
        # Reused connections (issue 18: a new connection per request halves the throughput of cheap pages);
        # the health check reopens one the database or a proxy closed in between, instead of failing a request.
        # Celery's Django fixup closes stale connections around each task, so workers are safe too.
        conn_max_age=env.integer("DATABASE_CONN_MAX_AGE", 60, minimum=0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + a busy timeout let the web process and the Celery worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
# Parallel query off for this app's connections (issue 18): its pages run small, index-driven queries that
# stop after a page or a capped count, and starting a parallel worker (~5 ms) cost more than the query
# itself (the start page's week count at 1M dossiers: 7.4 ms with a worker, 0.6 ms of work). -1 leaves
# the server's setting, e.g. behind PgBouncer, which refuses startup options.
_PARALLEL = env.integer("DATABASE_PARALLEL_WORKERS", 0, minimum=-1)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and _PARALLEL >= 0:
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = f"-c max_parallel_workers_per_gather={_PARALLEL}"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "na_inloggen"  # each role's start page (dashboards.views.na_inloggen)
LOGOUT_REDIRECT_URL = "login"
# --- Login (issue 11 items 2 and 3) -----------------------------------------------------------------
# Lockout per account and client address together (never an address alone: a gemeente's office sits
# behind one), or per account alone. The client address is the one the security log records.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked account before the password is checked
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.integer("INLOG_MAX_POGINGEN", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env.integer("INLOG_VERGRENDELING_MINUTEN", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = {
    "account_en_adres": [["username", "ip_address"]],
    "account": ["username"],
}[env.choice("INLOG_VERGRENDELING_PER", ("account_en_adres", "account"), "account_en_adres")]
AXES_CLIENT_IP_CALLABLE = "inburgering.audit.services.client_ip"
AXES_HANDLER = "inburgering.accounts.inloggen.AxesLogHandler"
AXES_LOCKOUT_CALLABLE = "inburgering.accounts.inloggen.vergrendeld"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False  # inburgering.accounts.inlogbeheer registers the Dutch, role-checked admin
AXES_VERBOSE = False

# Two-factor (TOTP + backup codes). Roles for which it is mandatory: a user with one of them who has
# no verified device is sent to the enrolment page and can do nothing else.
TWEEFACTOR_VERPLICHT_ROLLEN = env.strings("TWEEFACTOR_VERPLICHT_ROLLEN", ["consulent", "manager", "beheerder", "privacy", "postkamer", "koppelbeheer"])
if set(TWEEFACTOR_VERPLICHT_ROLLEN) - set(Rol):
    raise ImproperlyConfigured(f"TWEEFACTOR_VERPLICHT_ROLLEN: only {', '.join(Rol)}.")
OTP_TOTP_ISSUER = env.string("TWEEFACTOR_UITGEVER", "Inburgering")
TWO_FACTOR_LOGIN_TIMEOUT = 600
TWO_FACTOR_REMEMBER_COOKIE_AGE = None  # no "remember this browser": every login asks for the code

# Login through the gemeente's identity provider (OpenID Connect). Off unless OIDC_ENABLED.
OIDC_ENABLED = env.boolean("OIDC_ENABLED", False)
if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.append("inburgering.accounts.oidc.GemeenteOIDCBackend")
    OIDC_RP_CLIENT_ID = env.string("OIDC_RP_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = env.string("OIDC_RP_CLIENT_SECRET")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env.string("OIDC_OP_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env.string("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env.string("OIDC_OP_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = env.string("OIDC_OP_JWKS_ENDPOINT")
    OIDC_RP_SIGN_ALGO = env.string("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_RP_SCOPES = env.string("OIDC_RP_SCOPES", "openid email profile")
# The claim that holds the account name; users must exist unless OIDC_GEBRUIKERS_AANMAKEN (then they
# are created without a role). A claim maps to roles only when OIDC_ROL_CLAIM is set, and then only to
# the roles in OIDC_ROLLEN_TOEGESTAAN.
OIDC_GEBRUIKERSNAAM_CLAIM = env.string("OIDC_GEBRUIKERSNAAM_CLAIM", "preferred_username")
OIDC_CREATE_USER = env.boolean("OIDC_GEBRUIKERS_AANMAKEN", False)
OIDC_ROL_CLAIM = env.string("OIDC_ROL_CLAIM", "")
OIDC_ROLLEN_TOEGESTAAN = env.strings("OIDC_ROLLEN_TOEGESTAAN", [])
# Whether a login through the identity provider counts as two-factor (only when that provider enforces
# its own second factor); otherwise a mandatory role also enrols a TOTP device here.
OIDC_TELT_ALS_TWEEFACTOR = env.boolean("OIDC_TELT_ALS_TWEEFACTOR", False)
if set(OIDC_ROLLEN_TOEGESTAAN) - set(Rol):
    raise ImproperlyConfigured(f"OIDC_ROLLEN_TOEGESTAAN: only {', '.join(Rol)}.")
OIDC_USE_PKCE = True
LOGIN_REDIRECT_URL_FAILURE = "/inloggen/?oidc=mislukt"
OIDC_AUTHENTICATE_CLASS = "inburgering.accounts.oidc.StartView"
OIDC_CALLBACK_CLASS = "inburgering.accounts.oidc.TerugkeerView"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "inburgering.accounts.wachtwoorden.VoorspelbaarWachtwoordValidator"},  # Dutch words, repeats
]

# Sessions expire after inactivity: every request renews the cookie, a quiet browser is logged out.
# Behind a reverse proxy: the header with the client's address as Django sees it in request.META (e.g.
# HTTP_X_FORWARDED_FOR) and how many trusted proxies append to it. Empty: REMOTE_ADDR.
CLIENT_IP_HEADER = env.string("CLIENT_IP_HEADER", "")
CLIENT_IP_PROXIES = env.integer("CLIENT_IP_PROXIES", 1, minimum=1)

SESSION_COOKIE_AGE = env.integer("SESSION_IDLE_MINUTES", 30, minimum=1) * 60
# Not on every request (3 queries and a write each): inburgering.accounts.sessies renews the expiry at
# most once a minute.
SESSION_SAVE_EVERY_REQUEST = False
SESSIE_AANRAKEN_SECONDEN = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]  # the UI: Dutch only, whatever the browser asks (Accept-Language)
# Languages a letter's plain-language summary may also be written in (issue 15): each needs a catalogue
# in locale/<code>/LC_MESSAGES/ (README "Taal van de samenvatting"). Never in LANGUAGES: the UI stays Dutch.
BRIEF_TALEN = [("en", "English"), ("ar", "العربية")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.string("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/utrecht", NODE_MODULES / "@utrecht" / "component-library-css" / "dist"),
    ("vendor/utrecht-tokens", NODE_MODULES / "@utrecht" / "design-tokens" / "dist"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = Path(env.string("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
# Uploads (issue 12 item 5, inburgering/documenten/uploads.py): size limit, and clamd when configured
# (`tcp://host:3310` or `unix:///run/clamav/clamd.ctl`); empty = no virus scan.
UPLOAD_MAX_BYTES = env.integer("UPLOAD_MAX_MB", 10, minimum=1) * 1024 * 1024
CLAMD_ADDRESS = env.string("CLAMD_ADDRESS", "")
# Downloads of a list as CSV or Excel (issue 20, inburgering/export.py): at most this many rows per file.
EXPORT_MAX_RIJEN = env.integer("EXPORT_MAX_RIJEN", 10_000, minimum=1)

# The BRP API Personen (issue 14; brp/client.py). Empty URL: no BRP — persons are typed by hand and marked
# so. Production: RvIG's endpoint with the gemeente's API key and its PKIoverheid client certificate.
BRP_URL = env.string("BRP_URL", "")
BRP_API_KEY = env.string("BRP_API_KEY", "")
BRP_CLIENT_CERT = env.string("BRP_CLIENT_CERT", "")  # PEM file of the client certificate (mutual TLS)
BRP_CLIENT_KEY = env.string("BRP_CLIENT_KEY", "")  # PEM file of its private key
BRP_CA_BUNDLE = env.string("BRP_CA_BUNDLE", "")  # PEM file of the CA that signs the server; empty: system CAs
BRP_TIMEOUT = env.integer("BRP_TIMEOUT", 10, minimum=1)  # seconds per request
BRP_POGINGEN = env.integer("BRP_POGINGEN", 3, minimum=1)  # attempts on a timeout, a connection error or a 5xx
CLAMD_TIMEOUT = env.integer("CLAMD_TIMEOUT", 30, minimum=1)

# DUO's gemeente-m2m-inburgering APIs (issue 16; duo/client.py). DUO_URL is the base including the major
# version (`https://host:port/v1`); empty = the connection is off: messages are written and wait in the
# outbox until it is set. Paths of certificate files only: no secret is kept in the database.
DUO_URL = env.string("DUO_URL", "").rstrip("/")
DUO_OIN_GEMEENTE = env.string("DUO_OIN_GEMEENTE", "00000001001589623000")  # header `bron` (20 digits)
DUO_OIN_DUO = env.string("DUO_OIN_DUO", "00000001800866472000")  # header `doel` (20 digits)
for _naam, _oin in (("DUO_OIN_GEMEENTE", DUO_OIN_GEMEENTE), ("DUO_OIN_DUO", DUO_OIN_DUO)):
    if not (len(_oin) == 20 and _oin.isdigit()):
        raise ImproperlyConfigured(f"{_naam} moet een OIN van precies 20 cijfers zijn.")
DUO_CLIENT_CERT = env.string("DUO_CLIENT_CERT", "")  # PEM file of the PKIoverheid client certificate
DUO_CLIENT_KEY = env.string("DUO_CLIENT_KEY", "")  # PEM file of its private key
DUO_CA_BUNDLE = env.string("DUO_CA_BUNDLE", "")  # PEM file of the CA that signs DUO's server; empty: system CAs
DUO_CONNECT_TIMEOUT = env.integer("DUO_CONNECT_TIMEOUT", 5, minimum=1)  # seconds to connect
DUO_TIMEOUT = env.integer("DUO_TIMEOUT", 30, minimum=1)  # seconds to wait for the answer
DUO_MAX_POGINGEN = env.integer("DUO_MAX_POGINGEN", 8, minimum=1)  # attempts on 5xx/timeout before dode_letter
DUO_BACKOFF_SECONDEN = env.integer("DUO_BACKOFF_SECONDEN", 60, minimum=1)  # wait after the 1st failure, doubled
DUO_BACKOFF_MAX_SECONDEN = env.integer("DUO_BACKOFF_MAX_SECONDEN", 6 * 3600, minimum=1)
# A claimed batch is bezig this long; the default outlasts a batch whose every request times out
# (DUO_REEKS / DUO_GELIJKTIJDIG rounds of DUO_CONNECT_TIMEOUT + DUO_TIMEOUT = 5 × 35 s). A shorter lease is safe
# (a second worker sends again with the same berichtId, DUO deduplicates) but wasteful.
DUO_LEASE_SECONDEN = env.integer("DUO_LEASE_SECONDEN", 300, minimum=1)
DUO_REEKS = env.integer("DUO_REEKS", 20, minimum=1)  # messages claimed (and recorded) per transaction by a drain
DUO_GELIJKTIJDIG = env.integer("DUO_GELIJKTIJDIG", 4, minimum=1)  # requests to DUO at once, each for another person
# DUO's contracts (contracten/duo-m2m/*/openapi.yml): DUO_M2M_SPEC_DIR below; the pre-flight check validates
# every message against them.
# DUO's notifications to us (issue 17, duo/notificaties; README "Meldingen van DUO"). Production: the reverse
# proxy checks DUO's PKIoverheid client certificate and passes its subject in DUO_NOTIFICATIE_CERT_HEADER; the
# subject must contain DUO_NOTIFICATIE_CERT_SUBJECT (e.g. DUO's OIN as serialNumber). Dev/test: a token in
# `Authorization: Token …` (DUO_NOTIFICATIE_TOKEN). Neither set: every notification is refused (401).
DUO_NOTIFICATIE_CERT_HEADER = env.string("DUO_NOTIFICATIE_CERT_HEADER", "")  # e.g. X-SSL-Client-S-DN
DUO_NOTIFICATIE_CERT_SUBJECT = env.string("DUO_NOTIFICATIE_CERT_SUBJECT", "")  # e.g. 00000001800866472000
DUO_NOTIFICATIE_TOKEN = env.string("DUO_NOTIFICATIE_TOKEN", "")
# The team whose inflow queue receives new plichtigen (its name); empty: the first active team.
DUO_INSTROOM_TEAM = env.string("DUO_INSTROOM_TEAM", "")
# Notifications not linked to a dossier (unknown persons, an inflow nobody took up) are pruned after this many
# days; those of a dossier go with the dossier (its bewaartermijn, issue 13).
DUO_NOTIFICATIE_BEWAARDAGEN = env.integer("DUO_NOTIFICATIE_BEWAARDAGEN", 90, minimum=1)
# A claimed notification counts as abandoned (a killed worker) after this many seconds.
DUO_NOTIFICATIE_LEASE_SECONDEN = env.integer("DUO_NOTIFICATIE_LEASE_SECONDEN", 300, minimum=1)
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "inburgering.documenten.uploads.BegrensdeUploadHandler",  # stops writing past UPLOAD_MAX_BYTES
]

EMAIL_BACKEND = env.string("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.string("EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env.string("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.string("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.boolean("EMAIL_USE_TLS", False)
# The address users reach the application at; used for links in e-mails (the daily digest).
SITE_URL = env.string("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = env.string("DEFAULT_FROM_EMAIL", "inburgering@localhost")

# Celery. Embedded default: kombu's filesystem transport and a file result backend in VAR_DIR,
# so `make run` needs no server. Production and CI: Redis.
CELERY_BROKER_URL = env.string("CELERY_BROKER_URL", "filesystem://")
CELERY_RESULT_BACKEND = env.string("CELERY_RESULT_BACKEND", f"file://{VAR_DIR / 'celery' / 'results'}")
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {
        "data_folder_in": str(VAR_DIR / "celery" / "queue"),
        "data_folder_out": str(VAR_DIR / "celery" / "queue"),
        "processed_folder": str(VAR_DIR / "celery" / "processed"),
        "store_processed": False,
        # Fan-out exchanges (the workers' remote-control mailbox) live here; kombu's default is
        # ./control relative to the working directory.
        "control_folder": str(VAR_DIR / "celery" / "control"),
    }
    if CELERY_BROKER_URL.startswith("filesystem://")
    else {"visibility_timeout": 3600}
)
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# acks_late: a task is acknowledged only after it ran, so a worker that dies mid-task leaves the
# message for another worker. Safe because every task here is idempotent (it re-reads state and
# returns early when its work is done).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_RESULT_EXPIRES = 24 * 3600
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celery" / "beat-schedule")
# The one beat schedule of the system.
CELERY_BEAT_SCHEDULE = {
    "dashboard-stand": {
        "task": "dashboards.stand_bijwerken",  # the dashboard's numbers above 10 000 dossiers (issue 18)
        "schedule": crontab(minute="*/15"),  # dashboards.selectors.STAND_MINUTEN
    },
    "termijnen-sweep": {
        "task": "cases.termijnen_sweep",
        "schedule": crontab(hour=6, minute=0),  # Europe/Amsterdam (CELERY_TIMEZONE)
    },
    "termijnen-digest": {
        "task": "cases.digest_versturen",
        "schedule": crontab(hour=7, minute=0),  # after the sweep, before the working day
    },
    "documenten-wezen": {
        "task": "documenten.wezen_opruimen",  # files of rolled-back transactions (issue 12 item 5)
        "schedule": crontab(hour=3, minute=30),
    },
    "logboek-controleren": {
        "task": "audit.logboek_controleren",  # the hash chains of the logs (issue 12 item 3)
        "schedule": crontab(hour=4, minute=0),
    },
    "duo-notificaties-achterstand": {
        "task": "duo_notificaties.achterstand_verwerken",  # what on_commit missed (broker down, worker killed)
        "schedule": crontab(minute="*"),
    },
    "duo-afstemming": {
        "task": "duo_notificaties.afstemmen",  # the gemeente's facts against DUO's, for the koppelbeheerder
        "schedule": crontab(hour=2, minute=0),
    },
    "duo-notificaties-snoeien": {
        "task": "duo_notificaties.snoeien",  # notifications without a dossier, after DUO_NOTIFICATIE_BEWAARDAGEN
        "schedule": crontab(hour=3, minute=50),
    },
    "duo-outbox": {
        "task": "duo.outbox_verzenden",  # the safety net of the DUO outbox (issue 16): what on_commit missed
        "schedule": crontab(minute="*"),
    },
    "brp-verversen": {
        "task": "brp.personen_verversen",  # persons from the BRP: moves, deaths, addresses (issue 14)
        "schedule": crontab(hour=1, minute=30),
    },
    "vernietigingslijst-voorstellen": {
        "task": "avg.vernietigingslijst_voorstellen",  # bewaartermijn, Besluit 9.9 (issue 13)
        "schedule": crontab(hour=2, minute=30),
    },
    "vernietigingslijsten-uitvoeren": {
        "task": "avg.goedgekeurde_lijsten_uitvoeren",
        "schedule": crontab(minute=45),
    },
    "sessies-opruimen": {
        "task": "inburgering.accounts.tasks.sessies_opruimen",  # search terms in expired sessions (issue 13)
        "schedule": crontab(hour=3, minute=15),
    },
    "logboeken-snoeien": {
        "task": "audit.logboeken_snoeien",  # retention of the inzagelog and the dataverwerkingen log (issue 13)
        "schedule": crontab(hour=3, minute=45),
    },
    "heartbeat": {
        "task": "inburgering.accounts.tasks.heartbeat",
        "schedule": crontab(minute="*/15"),
    },
}

# Logboek Dataverwerkingen (issue 13): the model whose instances are the data subjects' dossiers (a
# history write on it is about its own pk), and the inzagelog's own retention in years (None: the
# gemeente's `logboek_bewaartermijn_jaren`, the same as the dataverwerkingen log).
LOGBOEK_DOSSIER_MODEL = "cases.Dossier"
INZAGELOG_BEWAARTERMIJN_JAREN = env.integer("INZAGELOG_BEWAARTERMIJN_JAREN", 0, minimum=0) or None

# History reasons hold user-written text (a reason, a remark): no 100-character limit.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Demo users (password "demo") may only be created where this is true: dev/demo settings.
DEMO_DATA_ALLOWED = False

# Data that is data rather than code: demo users and aanbieders, example policy settings
# (`manage.py loaddata <name>`, loaded by `manage.py demo_data`). Reference data production needs
# lives in data migrations.
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.choice("LOG_LEVEL", ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"), "INFO")},
    # WeasyPrint logs each layout step at INFO; keep its warnings only.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

DUO_M2M_SPEC_DIR = Path(env.string("DUO_M2M_SPEC_DIR", str(BASE_DIR / "contracten" / "duo-m2m")))
