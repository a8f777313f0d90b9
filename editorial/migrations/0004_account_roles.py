"""Site admins manage staff through the role screen only: a "manage staff roles" permission
replaces Django's add and change user, which let them edit any field of any account (make
themselves superuser, grant themselves permissions, set another person's password)."""

from django.db import migrations

MANAGE_ROLES = "manage_staff_roles"
MANAGE_ROLES_NAME = "Can create staff accounts, set their role and switch them on or off"
STOCK_USER_PERMISSIONS = ["add_user", "change_user"]


def _user_permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    user_type, _ = ContentType.objects.get_or_create(app_label="auth", model="user")
    manage, _ = Permission.objects.get_or_create(
        content_type=user_type, codename=MANAGE_ROLES, defaults={"name": MANAGE_ROLES_NAME}
    )
    stock = Permission.objects.filter(
        content_type=user_type, codename__in=STOCK_USER_PERMISSIONS
    )
    return manage, stock


def grant(apps, schema_editor):
    manage, stock = _user_permissions(apps)
    site_admin = apps.get_model("auth", "Group").objects.get(name="Site admin")
    site_admin.permissions.remove(*stock)
    site_admin.permissions.add(manage)


def revoke(apps, schema_editor):
    manage, stock = _user_permissions(apps)
    site_admin = apps.get_model("auth", "Group").objects.get(name="Site admin")
    site_admin.permissions.add(*stock)
    manage.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_assessments_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
