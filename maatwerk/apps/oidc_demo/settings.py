"""Settings of the demo OpenID Connect provider: a separate Django project, on loopback only.

``MAATWERK_OIDC_DEMO_DATA`` is the directory of its SQLite database (default ``var/oidc-demo`` in the
working directory); ``MAATWERK_OIDC_DEMO_URL`` the address it is reached at (the issuer is that plus
``/openid``). The secret key is a fixed development value: this provider exists for the demo and the
tests only and never holds real identities.
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR = Path(os.environ.get("MAATWERK_OIDC_DEMO_DATA", Path.cwd() / "var" / "oidc-demo"))
SITE_URL = os.environ.get("MAATWERK_OIDC_DEMO_URL", "http://127.0.0.1:8001").rstrip("/")

SECRET_KEY = "maatwerk-oidc-demo-only-not-for-production"  # noqa: S105 (demo provider on loopback)
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": DATA_DIR / "provider.sqlite3"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oidc_provider",
    "maatwerk.apps.oidc_demo",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "maatwerk.apps.oidc_demo.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]
LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOGIN_URL = "/inloggen/"
# A separate cookie name: the provider and maatwerk both run on 127.0.0.1 (cookies ignore the port).
SESSION_COOKIE_NAME = "oidc_demo_sessie"
CSRF_COOKIE_NAME = "oidc_demo_csrf"
SESSION_COOKIE_SAMESITE = "Lax"
LOGGING_CONFIG = None

OIDC_USERINFO = "maatwerk.apps.oidc_demo.claims.userinfo"
OIDC_EXTRA_SCOPE_CLAIMS = "maatwerk.apps.oidc_demo.claims.BsnClaims"
OIDC_IDTOKEN_EXPIRE = 10 * 60
OIDC_CODE_EXPIRE = 5 * 60
