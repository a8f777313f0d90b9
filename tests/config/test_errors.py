"""Unknown addresses get a helpful 404 page."""

import pytest


@pytest.mark.django_db
def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "search the claims" in response.content.decode()
