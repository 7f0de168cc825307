from tests.schouw.conftest import aanbieders, consulent, kwaliteit, noord, zaak  # noqa: F401
