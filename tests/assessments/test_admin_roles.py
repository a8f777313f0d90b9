"""The explorer's data is curated in the admin by editors; reviewers may only read it."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
MODELS = ["condition", "symptom", "redflag", "labtest", "caution"]


@pytest.mark.parametrize("model", MODELS)
def test_editors_can_add_explorer_data_and_reviewers_can_only_view_it(
    client, editor_user, reviewer_user, model
):
    add = reverse(f"admin:assessments_{model}_add")
    changelist = reverse(f"admin:assessments_{model}_changelist")
    client.force_login(editor_user)
    assert client.get(add).status_code == 200
    client.force_login(reviewer_user)
    assert client.get(changelist).status_code == 200
    assert client.get(add).status_code == 403
