"""Django apps of maatwerk, one per domain concept (app label = folder name)."""
