"""Fixtures shared with the bezwaar tests: jurist, consulent, kwaliteitsmedewerker, a beschikking."""

from tests.bezwaren.conftest import (  # noqa: F401
    aanbieder,
    beschikking,
    consulent,
    jurist,
    kwaliteit,
    rollen,
    zaak_zonder_besluit,
)
