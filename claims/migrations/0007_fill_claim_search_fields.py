"""Fills the search columns of existing claims, in batches, with the function save() uses.

Reversing has nothing to undo: 0006's reverse removes the columns.
"""

from django.db import migrations

from claims.text import claim_search_fields

BATCH = 500
SOURCES = ("text", "short_wording", "aliases", "patient_summary_md", "verdict_reason")
FIELDS = ("search_document", "search_words", "search_terms", "search_vector")


def fill(apps, schema_editor):
    Claim = apps.get_model("claims", "Claim")
    claims = Claim.objects.using(schema_editor.connection.alias).only(*SOURCES).order_by("pk")
    last_pk = 0
    while batch := list(claims.filter(pk__gt=last_pk)[:BATCH]):
        for claim in batch:
            sources = {name: getattr(claim, name) for name in SOURCES}
            for name, value in claim_search_fields(**sources).items():
                setattr(claim, name, value)
        claims.bulk_update(batch, FIELDS)
        last_pk = batch[-1].pk


class Migration(migrations.Migration):
    dependencies = [("claims", "0006_claim_search_fields")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop, elidable=True)]
