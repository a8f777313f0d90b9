"""The three editorial roles. Their permissions are set by migration 0002_editorial_groups."""

EDITOR = "Editor"
REVIEWER = "Medical reviewer"
SITE_ADMIN = "Site admin"

ROLE_GROUPS = {"editor": EDITOR, "reviewer": REVIEWER, "admin": SITE_ADMIN}
