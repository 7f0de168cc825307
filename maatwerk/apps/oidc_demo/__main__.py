"""``python -m maatwerk.apps.oidc_demo serve``: run the demo OpenID Connect provider on loopback."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m maatwerk.apps.oidc_demo", description=__doc__)
    sub = parser.add_subparsers(dest="opdracht", required=True)
    serve = sub.add_parser("serve", help="richt de provider in en start hem")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--poort", type=int, default=8001)
    serve.add_argument("--data", type=Path, help="map voor de database (standaard var/oidc-demo)")
    serve.add_argument(
        "--redirect-uri",
        action="append",
        default=[],
        help="toegestane redirect-URI van het portaal (herhaalbaar; standaard die van 'make run')",
    )
    serve.add_argument(
        "--post-logout-redirect-uri",
        action="append",
        default=[],
        help="waarheen na uitloggen (RP-initiated logout; herhaalbaar; standaard de startpagina van het "
        "portaal bij elke redirect-URI)",
    )
    serve.add_argument("--client-secret", default=None)
    args = parser.parse_args(argv)
    if args.host not in LOOPBACK:
        parser.error("de demo-provider draait alleen op loopback (127.0.0.1, localhost of ::1)")
    if args.data is not None:
        os.environ["MAATWERK_OIDC_DEMO_DATA"] = str(args.data)
    os.environ.setdefault("MAATWERK_OIDC_DEMO_URL", f"http://{args.host}:{args.poort}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "maatwerk.apps.oidc_demo.settings"

    import django
    from django.conf import settings

    django.setup()
    Path(settings.DATA_DIR).mkdir(parents=True, exist_ok=True)
    from django.core.servers.basehttp import run
    from django.core.wsgi import get_wsgi_application

    from .inrichting import CLIENT_SECRET, richt_in

    richt_in(
        args.redirect_uri
        or ["http://127.0.0.1:8000/portaal/oidc/callback/", "http://localhost:8000/portaal/oidc/callback/"],
        args.client_secret or CLIENT_SECRET,
        args.post_logout_redirect_uri or None,
    )
    print(f"demo-OIDC-provider op {settings.SITE_URL}/openid (issuer)", flush=True)
    run(args.host, args.poort, get_wsgi_application(), threading=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
