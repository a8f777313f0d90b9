import os

import pytest
from django.core.management import call_command


@pytest.fixture
def seeded_site(transactional_db, live_server):
    """A live server with the shipped seed content, for checks of every public page."""
    call_command("load_seed_content", stdout=open(os.devnull, "w"))
    return live_server.url
