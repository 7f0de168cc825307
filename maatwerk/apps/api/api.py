"""The NinjaAPI of ``/api/v1`` and its OpenAPI document after the API Design Rules (ADR 2.0).

The document is generated from the code (the endpoints in :mod:`.views` and the schemas) and then
completed with what django-ninja does not write itself: the server URL with the major version, the
``API-Version`` header on every response, ``application/problem+json`` for every error (400, 401, 403,
404, 429), the security scheme and the situation schema of the engine.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from pydantic.alias_generators import to_camel

from . import fouten
from .auth import Geweigerd, Token
from .problemen import API_VERSIE, Probleem, probleem
from .views import berichten, indicaties, meldingen, zaken

logger = logging.getLogger(__name__)

BASIS = "/api/v1"
BESCHRIJVING = """\
De API van maatwerk: meldingen registreren, zaken volgen (status, statusgeschiedenis, termijnen),
onderzoeken met hun vastgelegde indicatie, beschikkingen (gegevens en PDF), toewijzingen, de iWmo-berichten
met aanbieders, en een indicatie berekenen zonder iets op te slaan.

Elke applicatie heeft een eigen token (`Authorization: Bearer <token>`) met scopes; de beheerder maakt het
aan (`maatwerk api-client aanmaken NAAM --scopes zaken:lezen,...`). Elk verzoek dat persoonsgegevens raakt,
staat met de naam van de applicatie in het auditlog. Fouten zijn `application/problem+json`.
"""

#: Errors every operation can answer, and those of operations on one resource.
_FOUTEN = {
    "400": "Ongeldige invoer (de velden staan in invalidParams).",
    "401": "Geen of een onbekend of ingetrokken token.",
    "403": "De applicatie heeft de scope van dit endpoint niet.",
    "429": "Te veel verzoeken van deze applicatie in een minuut (zie Retry-After).",
}
_NIET_GEVONDEN = "Bestaat niet, of deze applicatie mag het niet zien."
_UITDAGING = {"WWW-Authenticate": 'Bearer realm="maatwerk"'}
#: The operations' tags, described in the document (every tag an operation uses is listed here).
_TAGS = {
    "meldingen": "Meldingen registreren, bijvoorbeeld vanuit een intakeformulier (Open Formulieren).",
    "zaken": "Zaken, onderzoeken met hun indicatie, beschikkingen en toewijzingen lezen.",
    "indicaties": "Een uitgelegde indicatie berekenen zonder iets op te slaan.",
    "berichten": "De iWmo-berichten die met aanbieders zijn uitgewisseld.",
}


class MaatwerkApi(NinjaAPI):
    def get_openapi_operation_id(self, operation: Any) -> str:
        return to_camel(operation.view_func.__name__)

    def get_openapi_schema(self, *, path_prefix: str | None = None, path_params: Any = None) -> Any:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return vul_document(schema)


def _kop(beschrijving: str) -> dict[str, Any]:
    return {"description": beschrijving, "schema": {"type": "string"}}


def vul_document(schema: Any) -> Any:
    """Complete ninja's document to the API Design Rules (see the module docstring)."""
    schema["servers"] = [{"url": BASIS, "description": "Deze installatie van maatwerk"}]
    schema["paths"] = {
        (pad[len(BASIS) :] if pad.startswith(BASIS) else pad): inhoud
        for pad, inhoud in schema["paths"].items()
    }
    componenten = schema.setdefault("components", {})
    schemas = componenten.setdefault("schemas", {})
    schemas["Probleem"] = Probleem.model_json_schema(ref_template="#/components/schemas/{model}")
    for naam, deel in (
        Probleem.model_json_schema(ref_template="#/components/schemas/{model}").get("$defs", {}).items()
    ):
        schemas[naam] = deel
    schemas["Probleem"].pop("$defs", None)
    situatie = indicaties.situatie_schema()
    for naam, deel in {**situatie.pop("$defs", {}), "Situatie": situatie}.items():
        if naam in schemas and schemas[naam] != deel:
            raise RuntimeError(f"Schemanaam {naam} komt twee keer voor in het OpenAPI-document")
        schemas[naam] = deel
    versie = _kop("De volledige versie van de API (semver).")
    probleem_ref = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Probleem"}}}
    for pad, operaties in schema["paths"].items():
        for methode, operatie in operaties.items():
            if methode not in ("get", "post", "put", "patch", "delete"):
                continue
            antwoorden: dict[str, Any] = {}
            for code, antwoord in operatie.get(
                "responses", {}
            ).items():  # ninja's int keys and extra's str keys
                antwoorden.setdefault(str(code), {}).update(antwoord)
            operatie["responses"] = antwoorden
            for code, antwoord in antwoorden.items():
                antwoord.setdefault("headers", {})["API-Version"] = versie
                if code == "201":
                    antwoord["headers"]["Location"] = _kop("URL van de nieuwe zaak.")
            fouten_hier = dict(_FOUTEN)
            if "{" in pad:
                fouten_hier["404"] = _NIET_GEVONDEN
            for code, beschrijving in fouten_hier.items():
                antwoorden[code] = {
                    "description": beschrijving,
                    "headers": {"API-Version": versie},
                    "content": probleem_ref,
                }
            antwoorden["429"]["headers"]["Retry-After"] = _kop("Seconden tot het volgende verzoek kan.")
    gebruikt = {t for operaties in schema["paths"].values() for o in operaties.values() for t in o["tags"]}
    if gebruikt - _TAGS.keys():
        raise RuntimeError(f"Tag zonder beschrijving in het OpenAPI-document: {gebruikt - _TAGS.keys()}")
    schema["tags"] = [{"name": n, "description": uitleg} for n, uitleg in _TAGS.items() if n in gebruikt]
    _zonder_ongebruikte_schemas(schema)
    schema["info"]["contact"] = {
        "name": "Functioneel beheer maatwerk",
        "url": "https://example.org/maatwerk",
        "email": "beheer@example.org",
    }
    schema["info"]["license"] = {"name": "EUPL-1.2", "identifier": "EUPL-1.2"}
    return schema


def _zonder_ongebruikte_schemas(schema: Any) -> None:
    """Drop the query-parameter models ninja also lists as schemas: nothing refers to them."""
    schemas = schema["components"]["schemas"]
    while True:
        tekst = json.dumps({k: v for k, v in schema.items() if k != "components"}) + json.dumps(
            {k: v for k, v in schema["components"].items() if k != "schemas"}
        )
        verwezen = set(re.findall(r'"#/components/schemas/([^"]+)"', tekst + json.dumps(schemas)))
        ongebruikt = [naam for naam in schemas if naam not in verwezen]
        if not ongebruikt:
            return
        for naam in ongebruikt:
            del schemas[naam]


api = MaatwerkApi(
    title="maatwerk API",
    version=API_VERSIE,
    description=BESCHRIJVING,
    auth=Token(),
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
)
api.add_router("", meldingen.router)
api.add_router("", zaken.router)
api.add_router("", indicaties.router)
api.add_router("", berichten.router)


@api.exception_handler(Geweigerd)
def _geweigerd(request: HttpRequest, exc: Geweigerd) -> HttpResponse:
    kop = _UITDAGING if exc.status == 401 else {}
    return probleem(exc.status, exc.detail, request.path, headers=kop | exc.headers)


@api.exception_handler(ValidationError)
def _ongeldig(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    velden = fouten.veldfouten(exc.errors)
    return probleem(400, "De invoer is ongeldig: verbeter de velden in invalidParams.", request.path, velden)


@api.exception_handler(HttpError)
def _http(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 400:
        return probleem(400, "De inhoud van het verzoek is geen geldige JSON.", request.path)
    if exc.status_code == 401:
        return probleem(
            401,
            "Stuur het token van uw applicatie mee: Authorization: Bearer <token>.",
            request.path,
            headers=_UITDAGING,
        )
    return probleem(exc.status_code, str(exc), request.path)


@api.exception_handler(Http404)
@api.exception_handler(ObjectDoesNotExist)
def _niet_gevonden(request: HttpRequest, exc: Exception) -> HttpResponse:
    return probleem(404, _NIET_GEVONDEN, request.path)


@api.exception_handler(Exception)
def _fout(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("Onverwachte fout in de API (%s)", request.path)
    return probleem(500, "Er ging iets mis in maatwerk. Meld het met de X-Request-ID.", request.path)
