"""Production-safe settings: no start without real keys and hosts, HTTPS mode passes check --deploy."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

MAATWERK = str(Path(sys.executable).with_name("maatwerk"))


def _omgeving(tmp_path: Path, **waarden: str) -> dict[str, str]:
    """A production environment (no MAATWERK_DEV) with its own data directory in tmp_path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAATWERK_", "DJANGO_", "PYTEST"))}
    env.pop("SECRET_KEY", None)
    env.pop("ALLOWED_HOSTS", None)
    env.pop("HTTPS", None)
    env.pop("DEBUG", None)
    env.pop("DATABASE_URL", None)
    env["DJANGO_SETTINGS_MODULE"] = "maatwerk.web.settings"
    env["MAATWERK_DATA_DIR"] = str(tmp_path / "var")
    env.update(waarden)
    return env


def _productie(tmp_path: Path, **waarden: str) -> dict[str, str]:
    basis = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "MAATWERK_AUDIT_SLEUTEL": secrets.token_urlsafe(32),
        "ALLOWED_HOSTS": "wmo.voorbeeldstad.nl",
    }
    return _omgeving(tmp_path, **{**basis, **waarden})


def _maatwerk(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [MAATWERK, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize(
    ("weg", "melding"),
    [
        ("SECRET_KEY", "SECRET_KEY ontbreekt"),
        ("MAATWERK_AUDIT_SLEUTEL", "MAATWERK_AUDIT_SLEUTEL ontbreekt"),
        ("ALLOWED_HOSTS", "ALLOWED_HOSTS ontbreekt"),
    ],
)
def test_buiten_ontwikkelmodus_weigert_start_zonder_verplichte_waarde(tmp_path, weg, melding):
    env = _productie(tmp_path)
    env.pop(weg)
    uitkomst = _maatwerk(env, tmp_path, "check")
    assert uitkomst.returncode != 0
    assert melding in uitkomst.stderr and "Traceback" not in uitkomst.stderr
    assert not (tmp_path / "var").exists(), "geen mappen aanmaken bij het laden van de instellingen"


def test_serve_zonder_sleutel_start_niet(tmp_path):
    uitkomst = _maatwerk(_omgeving(tmp_path), tmp_path, "serve", "--port", "8999")
    assert uitkomst.returncode != 0 and "SECRET_KEY ontbreekt" in uitkomst.stderr


def test_ontwikkelsleutel_of_zwakke_sleutel_geweigerd(tmp_path):
    for sleutel in ("maatwerk-dev-only-not-for-production", "kort"):
        uitkomst = _maatwerk(_productie(tmp_path, SECRET_KEY=sleutel), tmp_path, "check")
        assert uitkomst.returncode != 0 and "SECRET_KEY is te zwak" in uitkomst.stderr


def test_debug_kan_niet_aan_in_productie(tmp_path):
    uitkomst = _maatwerk(_productie(tmp_path, DEBUG="1"), tmp_path, "check")
    assert uitkomst.returncode != 0 and "DEBUG=1 kan alleen in ontwikkelmodus" in uitkomst.stderr


def test_check_deploy_slaagt_met_https(tmp_path):
    env = _productie(tmp_path, HTTPS="1")
    uitkomst = _maatwerk(env, tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    assert "no issues" in uitkomst.stdout


def test_check_deploy_zonder_https_waarschuwt(tmp_path):
    """The check can fail: without HTTPS the deploy check names the missing settings."""
    uitkomst = _maatwerk(_productie(tmp_path), tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    assert uitkomst.returncode != 0
    assert "security.W004" in uitkomst.stderr + uitkomst.stdout  # no HSTS


def test_https_instellingen():
    from django.conf import settings

    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS, s.DEBUG)"
    )
    env = _productie(Path("/nonexistent"), HTTPS="1")
    uitkomst = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert uitkomst.stdout.split() == ["True", "True", "True", "31536000", "False"]
    assert settings.ONTWIKKELING  # the tests themselves run in development mode


def test_ontwikkelmodus_start_zonder_omgeving(tmp_path):
    uitkomst = _maatwerk(_omgeving(tmp_path, MAATWERK_DEV="1"), tmp_path, "check")
    assert uitkomst.returncode == 0, uitkomst.stderr
