import pytest

from tests.conftest import ensure_editorial_groups


@pytest.fixture(autouse=True)
def editorial_groups(request):
    if "django_db" in request.keywords or "transactional_db" in request.fixturenames:
        ensure_editorial_groups()


@pytest.fixture
def second_editor_user(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "eric.editor", "eric@example.org", "correct horse battery", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editor"))
    return user


@pytest.fixture
def author_user(second_editor_user):
    """A separate author, so reviewers in a test are never blocked by the four-eyes rule."""
    return second_editor_user
