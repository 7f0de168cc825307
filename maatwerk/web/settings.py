"""Django settings. Every value can be set from the environment.

``DATABASE_URL`` selects the database (default: a SQLite file ``var/maatwerk.sqlite3``
in the working directory); PostgreSQL is the production database.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("MAATWERK_DATA_DIR", Path.cwd() / "var"))

SECRET_KEY = os.environ.get("SECRET_KEY", "maatwerk-dev-only-not-for-production")
DEBUG = os.environ.get("DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")


def _database_url() -> str:
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    DATA_DIR.mkdir(parents=True, exist_ok=True)
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
    "maatwerk.apps.berichten",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "maatwerk.web.middleware.BeveiligingsheadersMiddleware",
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
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise expects it; collectstatic fills it
MAATWERK_GEMEENTE = os.environ.get("MAATWERK_GEMEENTE", "Voorbeeldstad")
# iWmo file drop: an inbox and outbox per aanbieder (docs/iwmo.md, "Transport").
MAATWERK_IWMO_MAP = os.environ.get("MAATWERK_IWMO_MAP") or str(DATA_DIR / "iwmo")

LOGIN_URL = "/login/"
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
HTTPS = os.environ.get("HTTPS", "0") == "1"  # behind TLS in production: secure cookies and HSTS
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_SSL_REDIRECT = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
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
