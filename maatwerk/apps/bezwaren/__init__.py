"""Bezwaar against a beschikking (Awb chapters 6 and 7), premature bezwaar on any zaak.

Public API: :mod:`.services` (every state change, each with its audit entry), :mod:`.koppeling` (the one
place that reaches the beschikking and its correction mechanism), deadlines from :mod:`maatwerk.termijnen`.
"""
