"""Give the editorial roles the explorer's data (conditions, symptoms, red flags, lab tests,
cautions): editors curate it, reviewers read it, site admins may also delete."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["condition", "symptom", "redflag", "labtest", "caution"]
GRANTS = {
    "Editor": ["view", "add", "change"],
    "Medical reviewer": ["view"],
    "Site admin": ["view", "add", "change", "delete"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("assessments")
    had_models_module = getattr(app_config, "models_module", None)
    app_config.models_module = had_models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = had_models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, actions in GRANTS.items():
        group = Group.objects.get(name=name)
        codenames = [f"{action}_{model}" for model in MODELS for action in actions]
        group.permissions.add(*Permission.objects.filter(
            content_type__app_label="assessments", codename__in=codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="assessments")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_editorial_groups"),
        ("assessments", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
