"""Moved to :mod:`maatwerk.iwmo.codes` (pure iWmo code lists); kept so old imports keep working."""

from maatwerk.iwmo.codes import (  # noqa: F401
    REGELS_IWMO,
    Codelijst,
    Codelijsten,
    GemeenteIwmo,
    Lijstnaam,
    Product,
    codelijst,
    codelijsten,
    gemeente_iwmo,
    omschrijving,
    product_voor,
)
