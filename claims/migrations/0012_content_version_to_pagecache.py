"""ContentVersion now belongs to the pagecache app (pagecache 0001): the claims app forgets
it in Django's state only; its table and row stay, now pagecache's."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("claims", "0011_provenance_levels"),
        ("pagecache", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ContentVersion")],
            database_operations=[],
        ),
    ]
