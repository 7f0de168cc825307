"""Aanbieders (zorgaanbieders) that deliver Wmo support."""
