"""The database selected by DATABASE_URL is the one the tests really use."""

import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_database_url_selects_backend():
    url = os.environ.get("DATABASE_URL", "")
    verwacht = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == verwacht
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
