"""Proposed changes no longer carry the original-document check (verified, verified_by,
verified_at): only a medical reviewer's own action writes it. Drop those keys from pending
evidence proposals, so they still compare equal to the row and can be approved."""

from django.db import migrations

OWNED = ("verified", "verified_by_id", "verified_at")


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ProposedChange = apps.get_model("editorial", "ProposedChange")
    evidence_type = ContentType.objects.filter(app_label="claims", model="evidence").first()
    if evidence_type is None:
        return
    for change in ProposedChange.objects.filter(content_type=evidence_type, state="pending"):
        for values in (change.data, change.base):
            for key in OWNED:
                values.pop(key, None)
        change.save(update_fields=["data", "base"])


class Migration(migrations.Migration):
    dependencies = [("editorial", "0007_reviewer_profile_permissions")]

    # Nothing to put back: the dropped values were copies of the row's own.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
