"""Dossier per zaak: a journal of contactmomenten and documents (issue 10, point 11)."""
