"""The claims tests use `seed_content` and the role users from tests/conftest.py."""
