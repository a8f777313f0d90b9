"""ContentVersion moves here from the claims app: in Django's state only. Its table, created
by claims 0004 and given its one row by claims 0005, stays as it is, row and all, so no
database changes and code of either age finds it during a deploy."""

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("claims", "0005_content_version_row"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ContentVersion",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("number", models.PositiveBigIntegerField(default=1)),
                        ("changed_at", models.DateTimeField()),
                    ],
                    options={"db_table": "claims_contentversion"},
                ),
            ],
            database_operations=[],
        ),
    ]
