"""Levering: zorgplan (aanbieder and client sign), toewijzing (iWmo WMO301), start/stop, einde recht.

Public API (stable)::

    from maatwerk.apps.levering import services
    zorgplan = services.zorgplan_voor(zaak, aanbieder_user)            # draft for zaak.aanbieder
    services.wijzig_zorgplan(zorgplan, aanbieder_user, zorgplan.versie, {"schoon_huis": "dinsdag"}, "")
    services.teken_zorgplan(zorgplan, aanbieder_user, zorgplan.versie, "naam cliënt")
    services.wijs_later_toe(zaak, user)          # when the ZIN beschikking was not assigned at issuing
    services.start_levering(toewijzing, user, datum); services.stop_levering(toewijzing, user, datum, "19")
    services.beeindig_recht(toewijzing, user, datum, "Verhuisd")
    services.wmo301(toewijzing)                                        # validated iWmo 3.2 XML bytes
    # refusals raise services.Geweigerd with the Dutch reason; nothing is stored

levering never imports :mod:`maatwerk.apps.besluiten`: a Toewijzing knows its Beschikking by foreign key
only. :mod:`.iwmo` is pure Python (code lists from ``maatwerk/regels/iwmo/`` and the WMO301 message).
"""
