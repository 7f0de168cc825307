"""The scopes an API client can hold (technical names; the API's OpenAPI document lists them too)."""

from __future__ import annotations

#: scope -> what it allows (Dutch, shown by ``maatwerk api-client scopes`` and in the admin).
SCOPES: dict[str, str] = {
    "zaken:lezen": "zaken, onderzoeken met indicatie, beschikkingen (met PDF) en toewijzingen lezen",
    "meldingen:schrijven": "meldingen registreren (bijvoorbeeld vanuit een intakeformulier)",
    "indicaties:berekenen": "een uitgelegde indicatie berekenen uit een situatie (slaat niets op)",
    "berichten:lezen": "iWmo-berichten met aanbieders lezen (gegevens, status en retourcodes)",
}

#: Scopes an aanbieder's application may hold: it reads its own clients and computes, never registers.
AANBIEDER_SCOPES: frozenset[str] = frozenset({"zaken:lezen", "indicaties:berekenen", "berichten:lezen"})
