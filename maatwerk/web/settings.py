"""Django settings. Every value can be set from the environment (docs/beheer.md lists them).

Two modes:

* **development** (``MAATWERK_DEV=1``; set by ``maatwerk serve --dev``, ``make run`` and the tests
  through ``maatwerk.web.settings_dev``): a development secret key and audit key, SQLite in
  ``var/`` and ``localhost`` as host when nothing else is set;
* **production** (anything else): ``SECRET_KEY``, ``MAATWERK_AUDIT_SLEUTEL`` and ``ALLOWED_HOSTS``
  must be set, ``DEBUG`` cannot be switched on, and a missing value stops start-up with a Dutch
  message instead of running on a public key.

``DATABASE_URL`` selects the database the application connects to (default: a SQLite file
``var/maatwerk.sqlite3`` in the working directory); PostgreSQL is the production database, where
``DATABASE_OWNER_URL`` is the role that owns the tables and runs ``maatwerk migrate``.
Importing this module creates no files or directories.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from maatwerk.web.logconfig import logging_config

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("MAATWERK_DATA_DIR", Path.cwd() / "var"))
ONTWIKKELING = os.environ.get("MAATWERK_DEV", "0") == "1"

# Not a secret: only ever used in development mode (MAATWERK_DEV=1).
_DEV_SLEUTEL = "maatwerk-dev-only-not-for-production"


def _verplicht(naam: str, uitleg: str, dev: str | None = None) -> str:
    """A required environment value; in development ``dev`` stands in when it is missing."""
    waarde = os.environ.get(naam, "").strip()
    if waarde:
        return waarde
    if ONTWIKKELING and dev is not None:
        return dev
    raise ImproperlyConfigured(
        f"{naam} ontbreekt: {uitleg} Zet {naam} in de omgeving, of start in ontwikkelmodus "
        "met 'maatwerk serve --dev' (MAATWERK_DEV=1). Zie docs/beheer.md."
    )


SECRET_KEY = _verplicht(
    "SECRET_KEY", "zonder eigen geheime sleutel start maatwerk niet buiten ontwikkelmodus.", _DEV_SLEUTEL
)
if not ONTWIKKELING and (SECRET_KEY == _DEV_SLEUTEL or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "SECRET_KEY is te zwak: gebruik minstens 50 willekeurige tekens, bijvoorbeeld de uitvoer van "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )
# Key of the audit log's HMAC chain; kept outside the database (docs/beheer.md, "Auditlog").
MAATWERK_AUDIT_SLEUTEL = _verplicht(
    "MAATWERK_AUDIT_SLEUTEL",
    "de sleutel van de hashketen van het auditlog hoort buiten de database te staan.",
    _DEV_SLEUTEL + "-audit",
)
# Later keys of the audit chain after a key change, as "ID:SLEUTEL,ID:SLEUTEL" (maatwerk.apps.audit.sleutels).
MAATWERK_AUDIT_SLEUTELS = os.environ.get("MAATWERK_AUDIT_SLEUTELS", "")
DEBUG = os.environ.get("DEBUG", "0") == "1"
if DEBUG and not ONTWIKKELING:
    raise ImproperlyConfigured("DEBUG=1 kan alleen in ontwikkelmodus (MAATWERK_DEV=1): het toont broncode.")
ALLOWED_HOSTS = [
    h.strip()
    for h in _verplicht(
        "ALLOWED_HOSTS",
        "noem de hostnamen waaronder maatwerk bereikbaar is (komma's ertussen).",
        "127.0.0.1,localhost,testserver",
    ).split(",")
    if h.strip()
]
HTTPS = os.environ.get("HTTPS", "0") == "1"  # behind TLS in production: secure cookies and HSTS
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]


def _database_url() -> str:
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    # The directory is made by the commands that create the database (maatwerk.web.paden).
    return f"sqlite:///{DATA_DIR / 'maatwerk.sqlite3'}"


DATABASES = {"default": dj_database_url.parse(_database_url(), conn_max_age=60)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",  # widget templates for FORM_RENDERER = TemplatesSetting
    "django_htmx",
    "axes",  # lockout after repeated failed logins (per user and per address)
    "django_otp",
    "django_otp.plugins.otp_totp",  # second factor: TOTP (authenticator app)
    "django_otp.plugins.otp_static",  # recovery codes
    # maatwerk domain apps
    "maatwerk.apps.clients",
    "maatwerk.apps.aanbieders",
    "maatwerk.apps.accounts",
    "maatwerk.apps.audit",
    "maatwerk.apps.cases",
    "maatwerk.apps.indicaties",
    "maatwerk.apps.onderzoek",
    "maatwerk.apps.herindicatie",
    "maatwerk.apps.finance",
    "maatwerk.apps.beschikkingen",  # migration history only; models moved to besluiten and levering
    "maatwerk.apps.levering",
    "maatwerk.apps.besluiten",
    "maatwerk.apps.beleid",
    "maatwerk.apps.bemiddeling",
    "maatwerk.apps.schouw",
    "maatwerk.apps.bezwaren",
    "maatwerk.apps.klachten",
    "maatwerk.apps.portaal",  # inwonerportaal: OpenID Connect login, status page, e-mail on status change
    "maatwerk.apps.monitor",
    "maatwerk.apps.berichten",
    "ninja",  # the API's browsable docs (Swagger UI from its own static files, no CDN)
    "maatwerk.apps.api",
    "maatwerk.apps.dossier",
    "maatwerk.apps.gemeente",  # contact details and product codes, dated versions edited in the admin
]

MIDDLEWARE = [
    "maatwerk.web.verzoek.RequestIdMiddleware",
    "maatwerk.apps.api.middleware.ApiVersieMiddleware",  # API-Version header, problem+json under /api/
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "maatwerk.web.middleware.StuurtekensMiddleware",  # NUL and other control characters: 400
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "maatwerk.apps.accounts.middleware.LoginBeveiligingMiddleware",  # 2FA and idle timeout
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "maatwerk.web.middleware.BeveiligingsheadersMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the Dutch lockout page
]

ROOT_URLCONF = "maatwerk.web.urls"
# Widgets render with the project's template engine, so maatwerk/web/templates/django/forms/ can
# override Django's widget templates (select.html: options written out instead of one include each).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "maatwerk.web.wsgi.application"

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
                "maatwerk.web.context.navigatie",
            ]
        },
    }
]

LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"  # filled by collectstatic (maatwerk serve)
MAATWERK_GEMEENTE = os.environ.get("MAATWERK_GEMEENTE", "Voorbeeldstad")
# iWmo file drop: an inbox and outbox per aanbieder (docs/iwmo.md, "Transport").
MAATWERK_IWMO_MAP = os.environ.get("MAATWERK_IWMO_MAP") or str(DATA_DIR / "iwmo")

# API (/api/v1, docs/api.md): calls per minute per API client; above it 429 (0 = no limit).
MAATWERK_API_LIMIET_PER_MINUUT = int(os.environ.get("MAATWERK_API_LIMIET_PER_MINUUT", "600"))

LOGIN_URL = "/login/"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out user or address
    "django.contrib.auth.backends.ModelBackend",
]
# Login hardening (docs/beheer.md, "Inloggen"): after MAATWERK_LOGIN_POGINGEN failures for one user
# name, or from one address, logging in is refused for MAATWERK_LOGIN_BLOKKADE_MINUTEN minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("MAATWERK_LOGIN_POGINGEN", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("MAATWERK_LOGIN_BLOKKADE_MINUTEN", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one locks
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"
AXES_VERBOSE = False
# Behind a reverse proxy (HTTPS=1) the client address comes from X-Forwarded-For, set by that proxy.
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("MAATWERK_PROXY_AANTAL", "1" if HTTPS else "0")) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)
# Second factor for every user (maatwerk.apps.accounts.middleware); idle timeout in minutes.
OTP_TOTP_ISSUER = f"maatwerk {os.environ.get('MAATWERK_GEMEENTE', 'Voorbeeldstad')}"
MAATWERK_INACTIEF_MINUTEN = int(os.environ.get("MAATWERK_INACTIEF_MINUTEN", "30"))
LOGIN_REDIRECT_URL = "/"

LOGOUT_REDIRECT_URL = "/login/"
CSRF_FAILURE_VIEW = "maatwerk.web.views.csrf_fout"

# Security headers. The Content-Security-Policy (no inline script or style) and
# Permissions-Policy are set by maatwerk.web.middleware (Django < 6 has no CSP support).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS and os.environ.get("HSTS_SUBDOMEINEN", "1") == "1"
# Preloading is a decision of the domain's owner that cannot be undone quickly: off unless asked for.
SECURE_HSTS_PRELOAD = HTTPS and os.environ.get("HSTS_PRELOAD", "0") == "1"
SECURE_SSL_REDIRECT = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SESSION_COOKIE_AGE = 8 * 3600
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False

# Logging to stderr: text, or JSON lines with MAATWERK_LOG_FORMAAT=json; every line carries the
# request id (also in the X-Request-ID response header); server errors (500) are logged with it.
LOGGING_CONFIG = "logging.config.dictConfig"
LOGGING = logging_config(
    formaat=os.environ.get("MAATWERK_LOG_FORMAAT", "tekst"),
    niveau=os.environ.get("MAATWERK_LOG_NIVEAU", "INFO"),
)

# Inwonerportaal (maatwerk.apps.portaal, docs/portaal.md): the inwoner logs in with OpenID Connect, in
# production through the gemeente's DigiD broker (MAATWERK_OIDC_*). In development mode the demo provider
# that `make run` starts on 127.0.0.1:8001 is the default. Without issuer, client id and secret the portal
# says that logging in is not set up.
_OIDC_DEMO = "http://127.0.0.1:8001/openid" if ONTWIKKELING else ""
MAATWERK_OIDC_ISSUER = os.environ.get("MAATWERK_OIDC_ISSUER", _OIDC_DEMO).rstrip("/")


def _oidc_url(naam: str, pad: str) -> str:
    return os.environ.get(naam, f"{MAATWERK_OIDC_ISSUER}/{pad}" if MAATWERK_OIDC_ISSUER else "")


OIDC_OP_AUTHORIZATION_ENDPOINT = _oidc_url("MAATWERK_OIDC_AUTORISATIE_URL", "authorize")
OIDC_OP_TOKEN_ENDPOINT = _oidc_url("MAATWERK_OIDC_TOKEN_URL", "token")
OIDC_OP_USER_ENDPOINT = _oidc_url("MAATWERK_OIDC_USERINFO_URL", "userinfo")
OIDC_OP_JWKS_ENDPOINT = _oidc_url("MAATWERK_OIDC_JWKS_URL", "jwks")
# RP-initiated logout: uitloggen in the portal also ends the session at the provider (its
# end_session_endpoint; MAATWERK_OIDC_UITLOG_URL="" when the broker has none: only the portal's session ends).
OIDC_OP_END_SESSION_ENDPOINT = _oidc_url("MAATWERK_OIDC_UITLOG_URL", "end-session")
OIDC_OP_LOGOUT_URL_METHOD = "maatwerk.apps.portaal.oidc.uitlog_url"
OIDC_STORE_ID_TOKEN = True  # the id_token_hint of the logout request; in the (server-side) session only
OIDC_RP_CLIENT_ID = os.environ.get("MAATWERK_OIDC_CLIENT_ID", "maatwerk-portaal" if ONTWIKKELING else "")
OIDC_RP_CLIENT_SECRET = os.environ.get(
    "MAATWERK_OIDC_CLIENT_SECRET", "maatwerk-portaal-demo-geheim" if ONTWIKKELING else ""
)
OIDC_RP_SIGN_ALGO = os.environ.get("MAATWERK_OIDC_ALGORITME", "RS256")
OIDC_RP_SCOPES = os.environ.get("MAATWERK_OIDC_SCOPES", "openid bsn")
MAATWERK_OIDC_BSN_CLAIM = os.environ.get("MAATWERK_OIDC_BSN_CLAIM", "bsn")
OIDC_USE_PKCE = True
OIDC_AUTHENTICATION_CALLBACK_URL = "portaal:oidc_callback"
OIDC_TIMEOUT = 10
MAATWERK_PORTAAL_INACTIEF_MINUTEN = int(os.environ.get("MAATWERK_PORTAAL_INACTIEF_MINUTEN", "15"))
# Where inwoners reach maatwerk (the link in the e-mail is this + /portaal/).
MAATWERK_PORTAAL_URL = os.environ.get("MAATWERK_PORTAAL_URL", "http://127.0.0.1:8000" if ONTWIKKELING else "")
# E-mail to inwoners (a status change): SMTP (EMAIL_HOST...) in production; in development files in var/mail/.
EMAIL_BACKEND = os.environ.get(
    "MAATWERK_EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend"
    if ONTWIKKELING
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = DATA_DIR / "mail"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("MAATWERK_AFZENDER_EMAIL", "noreply@voorbeeldstad.example")
