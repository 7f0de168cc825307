"""maatwerk: objectieve, uitlegbare indicatie van Wmo hulp bij het huishouden."""

__version__ = "0.1.0"
