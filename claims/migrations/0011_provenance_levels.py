"""Move existing evidence to the three honest levels of checking.

Nothing reaches "checked against the original document" here: that level needs a named
reviewer (verified_by), set by the reviewer's action in the admin. A tick with nobody behind it
becomes "seen in a published source", or "seen in a summary of the source" for sources the
team saw only through summaries (NICE NG239, Savage et al. 1994). Evidence whose note says it
was seen only in the AI answer site's summary, or is general knowledge, is "not yet checked".
Grades get the question they grade, so they stop standing in for the claim's own.
"""

from django.db import migrations

SUMMARY_ONLY_SOURCES = {"nice-ng239", "savage-1994"}
UNCHECKED_NOTE_PREFIX = "Not yet verified against the primary document"
GRADE_QUESTIONS = {
    ("espen", "0"): "B12 supplements to prevent MS",
    ("grade", "low"): "B12 tablets compared with B12 injections for B12 deficiency",
}


def forwards(apps, schema_editor):
    Evidence = apps.get_model("claims", "Evidence")
    for item in Evidence.objects.select_related("source", "grade", "grade__scheme"):
        named = item.verified and item.verified_by_id is not None
        if item.verification_note.startswith(UNCHECKED_NOTE_PREFIX):
            item.seen_as = "unchecked"
        elif item.source.key in SUMMARY_ONLY_SOURCES:
            item.seen_as = "summary"
        elif item.verified:
            item.seen_as = "source"
        else:
            item.seen_as = "unchecked"
        if not named:
            item.verified, item.verified_at = False, None
        if item.grade_id and not item.grade_question:
            key = (item.grade.scheme.slug, item.grade.code)
            item.grade_question = GRADE_QUESTIONS.get(key, "")
        item.save(update_fields=["seen_as", "verified", "verified_at", "grade_question"])

    DoseReference = apps.get_model("claims", "DoseReference")
    DoseReference.objects.filter(key="deficiency-treatment").update(clinician_only=True)
    DoseReference.objects.filter(key="adult-intake").update(country="US")


def backwards(apps, schema_editor):
    Evidence = apps.get_model("claims", "Evidence")
    # The old single tick meant "seen in the source"; levels below it were unticked.
    Evidence.objects.filter(seen_as="source").update(verified=True)


class Migration(migrations.Migration):
    dependencies = [("claims", "0010_provenance_grades_reviewers")]
    operations = [migrations.RunPython(forwards, backwards)]
