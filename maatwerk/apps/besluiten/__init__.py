"""Besluiten: the ondersteuningsplan and the beschikking (the letter, immutable, hashed, versioned).

Public API (stable)::

    from maatwerk.apps.besluiten import services
    services.stel_ondersteuningsplan_op(zaak, user, doelen={"schoon_huis": "..."})   # from the Indicatie
    b = services.geef_beschikking_af(zaak, user, services.Besluitgegevens(...))       # -> Beschikking
    services.corrigeer_beschikking(b, user, reden, services.Besluitgegevens(...))    # new version
    # refusals raise services.Geweigerd with the Dutch reason; nothing is stored
    from maatwerk.apps.besluiten import selectors   # audited reads (besluit page, beschikking, PDF)

Zorgplan, toewijzing and levering are :mod:`maatwerk.apps.levering` (called through its services).
Pure parts (no Django models): :mod:`.brief` (letter context), :mod:`.render` (HTML/PDF), :mod:`.opmaak`.
Demo data: :func:`maatwerk.apps.besluiten.demo.vul_demo` (``maatwerk demo`` through :mod:`.webdemo`).
"""
