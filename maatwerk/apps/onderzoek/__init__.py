"""Onderzoek / keukentafelgesprek: situation (engine input), live indication, verslag, reactie.

``Onderzoek`` (one per Zaak) refers to its stored, immutable
:class:`~maatwerk.apps.indicaties.models.Indicatie` (situation, result, kader@versie, rule-file hash); it
uses optimistic locking (``versie``) so that two consulenten never overwrite each other's work. Changes go
through :mod:`.services` (``sla_onderzoek_op``, ``leg_reactie_vast``, ``deel_verslag``,
``geef_tweede_mening``, ``importeer_onderzoek``); audited reads through :mod:`.selectors`.
"""
