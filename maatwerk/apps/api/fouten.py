"""Dutch messages for the validation errors of the API's input (pydantic's error types)."""

from __future__ import annotations

from typing import Any

_MELDINGEN: dict[str, str] = {
    "missing": "Dit veld is verplicht.",
    "extra_forbidden": "Dit veld bestaat niet in deze API.",
    "string_type": "Dit moet tekst zijn.",
    "bool_type": "Dit moet true of false zijn.",
    "bool_parsing": "Dit moet true of false zijn.",
    "int_type": "Dit moet een geheel getal zijn.",
    "int_parsing": "Dit moet een geheel getal zijn.",
    "int_from_float": "Dit moet een geheel getal zijn.",
    "float_type": "Dit moet een getal zijn.",
    "float_parsing": "Dit moet een getal zijn.",
    "date_type": "Vul een geldige datum in (JJJJ-MM-DD).",
    "date_parsing": "Vul een geldige datum in (JJJJ-MM-DD).",
    "date_from_datetime_parsing": "Vul een geldige datum in (JJJJ-MM-DD).",
    "date_from_datetime_inexact": "Vul een datum in zonder tijd (JJJJ-MM-DD).",
    "uuid_type": "Dit moet een UUID zijn.",
    "uuid_parsing": "Dit moet een UUID zijn.",
    "model_type": "Dit moet een object zijn (sleutel: waarde).",
    "model_attributes_type": "Dit moet een object zijn (sleutel: waarde).",
    "dict_type": "Dit moet een object zijn (sleutel: waarde).",
    "list_type": "Dit moet een lijst zijn.",
    "json_invalid": "Dit is geen geldige JSON.",
    "json_type": "Dit is geen geldige JSON.",
    "string_too_long": "Dit mag hoogstens {max_length} tekens lang zijn.",
    "string_too_short": "Dit moet minstens {min_length} tekens lang zijn.",
    "greater_than_equal": "Dit moet minstens {ge} zijn.",
    "less_than_equal": "Dit mag hoogstens {le} zijn.",
    "greater_than": "Dit moet groter zijn dan {gt}.",
    "less_than": "Dit moet kleiner zijn dan {lt}.",
    "literal_error": "Kies uit: {expected}.",
    "enum": "Kies uit: {expected}.",
}

#: The parameter names that wrap a whole body; they do not appear in a field's name.
_OMHULSELS = {"body", "query", "path", "header", "payload", "melding", "filters", "data"}


def veldnaam(loc: tuple[Any, ...] | list[Any]) -> str:
    delen = [str(d) for d in loc]
    while delen and delen[0] in _OMHULSELS:
        delen.pop(0)
    return ".".join(delen)


def melding(fout: dict[str, Any]) -> str:
    sjabloon = _MELDINGEN.get(str(fout.get("type", "")))
    if sjabloon is None:
        return f"Ongeldige waarde ({fout.get('msg', 'onbekende fout')})."
    try:
        return sjabloon.format(**(fout.get("ctx") or {}))
    except (KeyError, IndexError):
        return sjabloon.split(":")[0] + "."


def veldfouten(fouten: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(veldnaam(f.get("loc", ())), melding(f)) for f in fouten]
