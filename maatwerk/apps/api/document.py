"""Write the OpenAPI document of /api/v1 (for Spectral in bin/test, and for whoever wants it offline).

DJANGO_SETTINGS_MODULE=maatwerk.web.settings_dev python -m maatwerk.apps.api.document var/openapi.json
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def main(pad: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    import django

    django.setup()
    from .api import BASIS, api

    document = api.get_openapi_schema(path_prefix=BASIS)
    Path(pad).parent.mkdir(parents=True, exist_ok=True)
    Path(pad).write_text(json.dumps(document, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    print(f"OpenAPI-document geschreven naar {pad} ({len(document['paths'])} paden)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "var/openapi.json")
