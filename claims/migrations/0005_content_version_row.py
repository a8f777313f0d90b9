"""Create the single ContentVersion row that page caching reads."""

from django.db import migrations
from django.utils import timezone


def create_row(apps, schema_editor):
    ContentVersion = apps.get_model("claims", "ContentVersion")
    ContentVersion.objects.get_or_create(pk=1, defaults={"changed_at": timezone.now()})


def delete_row(apps, schema_editor):
    apps.get_model("claims", "ContentVersion").objects.filter(pk=1).delete()


class Migration(migrations.Migration):
    dependencies = [("claims", "0004_content_version")]

    operations = [migrations.RunPython(create_row, delete_row)]
