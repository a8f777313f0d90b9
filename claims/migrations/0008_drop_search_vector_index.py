"""Drop the GIN index on search_vector: search no longer asks PostgreSQL to match it.

Each process now reads the search vectors once per content version into its own index
(claims.search.SearchIndex), which ranks a query's candidates without a query. The vectors
stay; the GIN index on search_words, still used for matches in summaries, stays too. On
SQLite both steps are no-ops.
"""

from django.db import migrations

VECTOR_INDEX = "claims_claim_search_vector"


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {VECTOR_INDEX}")


def restore_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {VECTOR_INDEX} ON claims_claim USING gin (search_vector)"
        )


class Migration(migrations.Migration):
    dependencies = [("claims", "0007_fill_claim_search_fields")]

    operations = [migrations.RunPython(drop_index, restore_index, elidable=False)]
