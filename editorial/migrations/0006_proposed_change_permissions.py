"""Reviewers approve proposed changes; editors and site admins read the queue and the record
of who changed what."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Editor": ["view_proposedchange", "view_contribution"],
    "Medical reviewer": ["view_proposedchange", "view_contribution", "review_change"],
    "Site admin": ["view_proposedchange", "view_contribution", "review_change"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("editorial")
    had_models_module = getattr(app_config, "models_module", None)
    app_config.models_module = had_models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = had_models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.get(name=name)
        group.permissions.add(*Permission.objects.filter(
            content_type__app_label="editorial", codename__in=codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = {codename for names in GRANTS.values() for codename in names}
    permissions = Permission.objects.filter(
        content_type__app_label="editorial", codename__in=codenames)
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0005_proposed_changes")]

    operations = [migrations.RunPython(grant, revoke)]
