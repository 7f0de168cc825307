"""Indicaties: the one stored, immutable indication (situatie, result, kader@versie, rule-file hash).

Public API (stable)::

    from maatwerk.apps.indicaties import services
    ind = services.leg_vast(zaak, user, situatie_json, engine_indicatie)   # new row, never updated
    ind.engine            # the engine's Indicatie, typed (maatwerk.engine.serialisatie)
    ind.kader_at_versie   # "kpmg-hbel@2021"

Onderzoek, ondersteuningsplan, beschikking and toewijzing refer to a row by foreign key; nothing copies
the indication JSON.
"""
