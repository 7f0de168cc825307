"""The council monitor: figures per quarter or half year without personal data (page, CSV, XLSX, plots).

Pure: :mod:`.perioden` (period arithmetic), :mod:`.export` (CSV/XLSX with cell neutralisation).
Database aggregation: :mod:`.cijfers`, reading other apps only through :mod:`.bronnen`.
"""
