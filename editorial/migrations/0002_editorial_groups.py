"""Create the Editor, Medical reviewer and Site admin groups with least-privilege permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CLAIMS_CONTENT = ["claim", "evidence", "source", "claimorigin", "origin", "citationcheck",
                  "dosecheck", "dosereference"]
CLAIMS_REFERENCE = ["topic", "verdict", "gradingscheme", "grade", "verdictchange",
                    "claimrevision"]
HISTORY = ["historicalclaim", "historicalevidence", "historicalsource"]


def _codenames(models, actions):
    return [(f"{action}_{model}") for model in models for action in actions]


GROUPS = {
    # Writes drafts; can never approve, delete or touch accounts.
    "Editor": {
        "claims": _codenames(CLAIMS_CONTENT, ["view", "add", "change"])
        + _codenames(CLAIMS_REFERENCE + HISTORY, ["view"])
        + ["delete_evidence", "delete_claimorigin", "submit_claim"],
        "editorial": ["view_auditentry", "view_suggestion", "change_suggestion",
                      "triage_suggestion"],
    },
    # Reads everything, approves or sends back; changes no content itself.
    "Medical reviewer": {
        "claims": _codenames(CLAIMS_CONTENT + CLAIMS_REFERENCE + HISTORY, ["view"])
        + ["review_claim"],
        "editorial": ["view_auditentry", "view_suggestion"],
    },
    "Site admin": {
        "claims": _codenames(CLAIMS_CONTENT + ["topic", "verdict", "gradingscheme", "grade",
                                               "verdictchange"],
                             ["view", "add", "change", "delete"])
        + _codenames(["claimrevision"] + HISTORY, ["view"])
        + ["submit_claim", "review_claim"],
        "editorial": ["view_auditentry", "view_suggestion", "change_suggestion",
                      "delete_suggestion", "triage_suggestion"],
        "auth": _codenames(["user"], ["view", "add", "change"]) + ["view_group"],
        "admin": ["view_logentry"],
    },
}


def create_groups(apps, schema_editor):
    # Permissions are normally made after migrate; make them now so the groups can hold them.
    for app_config in apps.get_app_configs():
        had_models_module = getattr(app_config, "models_module", None)
        app_config.models_module = had_models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = had_models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, by_app in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = []
        for app_label, codenames in by_app.items():
            found = list(
                Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )
            missing = set(codenames) - {p.codename for p in found}
            if missing:
                raise RuntimeError(f"Permissions missing for {name}: {sorted(missing)}")
            wanted.extend(found)
        group.permissions.set(wanted)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("claims", "0003_claim_revision_and_review_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
