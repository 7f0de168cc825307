"""Start the demo OpenID Connect provider (maatwerk.apps.oidc_demo) as a real server on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import requests

from maatwerk.apps.oidc_demo.inrichting import CLIENT_ID, CLIENT_SECRET


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def demo_provider(map_: Path, redirect_uris: Sequence[str]) -> Iterator[str]:
    """Run the provider in a subprocess until the block ends; yields its issuer URL."""
    poort = vrije_poort()
    args = [
        sys.executable,
        "-m",
        "maatwerk.apps.oidc_demo",
        "serve",
        "--poort",
        str(poort),
        "--data",
        str(map_),
    ]
    for uri in redirect_uris:
        args += ["--redirect-uri", uri]
    omgeving = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    log = open(map_ / "provider.log", "w")  # noqa: SIM115 (closed below)
    proces = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=omgeving)
    issuer = f"http://127.0.0.1:{poort}/openid"
    try:
        for _ in range(300):
            if proces.poll() is not None:
                raise RuntimeError("demo-provider gestopt:\n" + (map_ / "provider.log").read_text())
            try:
                if requests.get(f"{issuer}/.well-known/openid-configuration", timeout=1).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)
        else:
            raise RuntimeError("demo-provider start niet:\n" + (map_ / "provider.log").read_text())
        yield issuer
    finally:
        proces.terminate()
        proces.wait(10)
        log.close()


def instellingen(settings, issuer: str) -> None:  # noqa: ANN001
    """Point maatwerk's OpenID Connect client at ``issuer`` (pytest-django ``settings`` fixture)."""
    settings.MAATWERK_OIDC_ISSUER = issuer
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{issuer}/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{issuer}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{issuer}/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{issuer}/jwks"
    settings.OIDC_OP_END_SESSION_ENDPOINT = f"{issuer}/end-session"
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
