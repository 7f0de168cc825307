"""Schouw: quality check at home of the help delivered, per task of the client's current indication.

Pure modules (no Django): :mod:`.regels` (the YAML under ``maatwerk/regels/schouw/``), :mod:`.steekproef`
(reproducible sample per provider), :mod:`.checklist` (tasks and rooms from the indication) and
:mod:`.resultaten` (scores per provider per quarter, signals). State changes: :mod:`.services`.
Data from other apps only through :mod:`.bronnen`.
"""
