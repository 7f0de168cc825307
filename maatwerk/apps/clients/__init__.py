"""Cliënten (inwoners) with their personal data. BSN checked with the 11-proef."""
