"""Fixtures for the explorer tests: seeded content and a count of every table's rows."""

import pytest
from django.apps import apps

from tests.content import load_explorer


@pytest.fixture
def seeded(db):
    load_explorer()


def row_counts() -> dict[str, int]:
    """Rows in every table, to prove a page wrote nothing."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}
