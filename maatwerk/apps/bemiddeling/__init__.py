"""Informal resolution on any zaak: driegesprek, second opinion by a senior consulent, mediation.

Public API::

    from maatwerk.apps.bemiddeling.services import registreer, Geweigerd
    registreer(zaak, user, soort="driegesprek", datum=..., uitkomst="overeenstemming", toelichting="...")

The zaak page shows them through ``{% include "bemiddeling/op_zaak.html" %}`` (reads ``zaak.bemiddelingen``).
"""
