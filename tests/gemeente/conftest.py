"""The besluiten fixtures (a zaak with an indication, a consulent, aanbieders)."""

from tests.besluiten.conftest import aanbieders, consulent, zaak  # noqa: F401
