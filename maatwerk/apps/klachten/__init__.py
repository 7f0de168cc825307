"""Klacht (Awb chapter 9) about the gemeente or a provider: registered, handled in time, outcome, measures."""
