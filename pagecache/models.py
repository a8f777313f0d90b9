"""The content version's row: the source of truth every worker and machine reads."""

from django.db import models


class ContentVersion(models.Model):
    """One row that changes whenever published content may have changed.

    Cached pages and ETags are keyed by it, so an editor's change shows on every worker and
    every machine at once: nothing can serve a page rendered from older content.
    """

    number = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField()

    class Meta:
        # The table the claims app created: kept by name, so moving the model into this app
        # needed no change to any database, and code of either age finds the row.
        db_table = "claims_contentversion"

    def __str__(self):
        return f"content version {self.number}"
