"""Beschikkingen: ondersteuningsplan, zorgplan, beschikking (letter), toewijzing (iWmo) and levering.

Public API (stable)::

    from maatwerk.apps.beschikkingen import services
    services.stel_ondersteuningsplan_op(zaak, user, doelen={"schoon_huis": "..."})
    zorgplan = services.zorgplan_voor(zaak, aanbieder_user)            # draft for zaak.aanbieder
    services.teken_zorgplan(zorgplan, aanbieder_user, zorgplan.versie, "naam cliënt")
    b = services.geef_beschikking_af(zaak, user, services.Besluitgegevens(...))   # -> Beschikking
    services.corrigeer_beschikking(b, user, reden, services.Besluitgegevens(...))  # new version
    services.start_levering(toewijzing, user, datum); services.stop_levering(toewijzing, user, datum, "19")
    services.wmo301(toewijzing)                                        # validated iWmo 3.2 XML bytes
    # refusals raise services.Geweigerd with the Dutch reason; nothing is stored

Pure parts (no Django models): :mod:`.brief` (letter context), :mod:`.render` (HTML/PDF), :mod:`.opmaak`,
:mod:`.iwmo` (code lists + WMO301). Demo data: :func:`maatwerk.apps.beschikkingen.demo.vul_demo` (called by
``maatwerk demo`` through :mod:`.webdemo`).
"""
