"""Financiën voor aanbieders en raad: inkomsten oud (PxQ) en nieuw (tarief per trede), uitmiddelen,
herstelactie/compensatie en begrotingseffect van een herindicatiecampagne.

The computation modules (``geld``, ``tarieven``, ``perioden``, ``inkomsten``, ``uitmiddelen``,
``herstel``, ``begroting``, ``plots``) are pure Python + Polars and never import Django; only
``apps``, ``views`` and ``urls`` form the thin Django layer.
"""
