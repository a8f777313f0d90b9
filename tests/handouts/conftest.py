import pytest


@pytest.fixture
def site(seeded_site):
    """The seeded live server's address (handout tests print from it)."""
    return seeded_site
