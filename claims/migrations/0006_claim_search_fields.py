"""Search columns for fast search at scale (see claims.text.claim_search_fields).

On PostgreSQL GIN indexes on both tsvectors find the matches (search_vector: own wording and
aliases; search_words: every word of the search document), and the trigram index on the
search document (0002), which search no longer uses, is dropped. On SQLite the index steps
are no-ops. Migration 0007 fills the new columns.
"""

import django.contrib.postgres.search
from django.db import migrations, models

VECTOR_INDEX = "claims_claim_search_vector"
WORDS_INDEX = "claims_claim_search_words"
TRIGRAM_INDEX = "claims_claim_search_trgm"


def swap_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for index, column in [(VECTOR_INDEX, "search_vector"), (WORDS_INDEX, "search_words")]:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {index} ON claims_claim USING gin ({column})"
            )
        schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")


def restore_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON claims_claim "
            "USING gin (search_document gin_trgm_ops)"
        )
        for index in (VECTOR_INDEX, WORDS_INDEX):
            schema_editor.execute(f"DROP INDEX IF EXISTS {index}")


class Migration(migrations.Migration):
    dependencies = [("claims", "0005_content_version_row")]

    operations = [
        migrations.AddField(
            model_name="claim",
            name="search_terms",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="claim",
            name="search_words",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="claim",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(swap_indexes, restore_indexes),
    ]
