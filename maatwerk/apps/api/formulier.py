"""The API's input schema for a Django form, built from the form's own fields, and its errors.

The melding endpoint accepts exactly the fields of the web form
:class:`~maatwerk.apps.cases.forms.MeldingForm`
(names in lowerCamelCase) and validates them with that same form, so the API and the web page cannot
drift: :func:`schema_van` derives the pydantic model for the OpenAPI document (types, required, maximum
lengths, choices), the form then checks everything else (BSN 11-proef, postcode, dates) with its Dutch
messages, and the services check the case rules.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django import forms
from pydantic import ConfigDict, Field, StrictBool, create_model
from pydantic.alias_generators import to_camel


def camel(naam: str) -> str:
    return to_camel(naam)


def _type(veld: forms.Field) -> Any:
    if isinstance(veld, forms.BooleanField):
        return StrictBool  # true or false, not "ja" or 1
    if isinstance(veld, forms.DateField):
        from .schemas import Datum

        return Datum
    if isinstance(veld, forms.ChoiceField) and veld.choices:
        waarden = tuple(str(w) for w, _ in veld.choices if w != "")
        return Literal[waarden]  # type: ignore[valid-type]
    return str


def schema_van(formulier: type[forms.Form], naam: str, beschrijving: str) -> type:
    """A pydantic model (unknown fields refused) with the form's fields in lowerCamelCase."""
    velden: dict[str, Any] = {}
    for veldnaam, veld in formulier.base_fields.items():
        tp = _type(veld)
        extra: dict[str, Any] = {"description": str(veld.label or veldnaam)}
        if veld.help_text:
            extra["description"] += f" ({veld.help_text})"
        if tp is str and getattr(veld, "max_length", None):
            extra["max_length"] = veld.max_length
        if tp is str and veld.required:
            extra["min_length"] = 1  # the form treats "" as missing
        if veld.required:
            velden[camel(veldnaam)] = (tp, Field(..., **extra))
        elif tp is StrictBool:
            velden[camel(veldnaam)] = (StrictBool, Field(False, **extra))
        else:
            velden[camel(veldnaam)] = (tp | None, Field(None, **extra))
    return create_model(  # type: ignore[call-overload, no-any-return]
        naam, __config__=ConfigDict(extra="forbid", title=naam), __doc__=beschrijving, **velden
    )


def formulierdata(formulier: type[forms.Form], invoer: dict[str, Any]) -> dict[str, str]:
    """The API's (camelCase, typed) input as the form's POST data (snake_case strings)."""
    data: dict[str, str] = {}
    for veldnaam, veld in formulier.base_fields.items():
        waarde = invoer.get(camel(veldnaam))
        if waarde is None or waarde is False:
            continue
        if isinstance(veld, forms.BooleanField):
            data[veldnaam] = "on"
        elif isinstance(waarde, dt.date):
            data[veldnaam] = waarde.isoformat()
        else:
            data[veldnaam] = str(waarde)
    return data


def veldfouten(form: forms.Form) -> list[tuple[str, str]]:
    """The form's errors as (API field name, Dutch message); errors of no field have name ""."""
    return [
        ("" if veld == "__all__" else camel(veld), str(melding))
        for veld, meldingen in form.errors.items()
        for melding in meldingen
    ]
