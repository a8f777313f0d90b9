"""Site admins keep reviewer profiles: add, change and view. Editors and reviewers get nothing,
so nobody writes the credentials shown beside their own approvals."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["add_reviewerprofile", "change_reviewerprofile", "view_reviewerprofile"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("claims")
    had_models_module = getattr(app_config, "models_module", None)
    app_config.models_module = had_models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = had_models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.get(name="Site admin")
    group.permissions.add(*Permission.objects.filter(
        content_type__app_label="claims", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.get(name="Site admin")
    group.permissions.remove(*Permission.objects.filter(
        content_type__app_label="claims", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0006_proposed_change_permissions"),
        ("claims", "0010_provenance_grades_reviewers"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
