"""Onderzoek / keukentafelgesprek: situation (engine input), live indication, verslag, reactie.

``Onderzoek`` (one per Zaak) stores the engine's Situatie as JSON, the Indicatie JSON it produced
and the normenkader id/version; it uses optimistic locking (``versie``) so that two consulenten
never overwrite each other's work.
"""
