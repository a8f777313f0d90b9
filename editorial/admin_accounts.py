"""Staff accounts in the admin, with least privilege.

Superusers keep Django's full user admin. Site admins (who hold `auth.manage_staff_roles`, from
migration 0004) get a role screen instead: create a staff account, choose one of the three
roles, switch an account on or off. It has no superuser flag, no permissions, no free choice of
groups and no password, and it never edits their own account or a superuser's. Passwords are
reset with a one-time link (`manage.py reset_staff_password`). Authenticator devices are for
superusers only, and their secret keys never show (OTP_ADMIN_HIDE_SENSITIVE_DATA).
"""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.roles import ROLE_GROUPS

User = get_user_model()
MANAGE_ROLES = "auth.manage_staff_roles"
ROLE_NAMES = list(ROLE_GROUPS.values())


def staff_role_of(account) -> str:
    names = {group.name for group in account.groups.all()}  # prefetched in lists
    return next((name for name in ROLE_NAMES if name in names), "")


def staff_account_set_role(*, account, role: str) -> None:
    """Put the account in exactly one editorial role; any other group a superuser gave stays."""
    account.groups.remove(*Group.objects.filter(name__in=ROLE_NAMES).exclude(name=role))
    account.groups.add(Group.objects.get(name=role))


class StaffRoleForm(forms.ModelForm):
    """Who the person is, their one role, and whether the account can sign in."""

    role = forms.ChoiceField(choices=[(name, name) for name in ROLE_NAMES])

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["role"].initial = staff_role_of(self.instance)

    def clean_username(self):
        # "Rita" beside "rita" would let one person pass for another in the record.
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("An account with that username already exists.")
        return username


ROLE_FIELDSETS = [
    (None, {"fields": ["username", "first_name", "last_name", "email"]}),
    ("Role", {"fields": ["role", "is_active"]}),
    ("Sign-ins", {"fields": ["last_login", "date_joined"]}),
]
ROLE_ADD_FIELDSETS = [
    (None, {
        "fields": ["username", "first_name", "last_name", "email", "role"],
        "description": "The new account has no password yet: whoever runs the servers gives "
                       "the person a one-time link to set one (manage.py "
                       "reset_staff_password USERNAME).",
    }),
]


admin.site.unregister(User)


@admin.register(User)
class StaffAccountAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "email", "role", "is_active"]

    @admin.display(description="role")
    def role(self, account):
        return "Superuser" if account.is_superuser else staff_role_of(account) or "none"

    def get_queryset(self, request):
        accounts = super().get_queryset(request).prefetch_related("groups")
        return accounts if request.user.is_superuser else accounts.filter(is_superuser=False)

    # --- who may do what: everything for superusers, the role screen for site admins -------
    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) or request.user.has_perm(MANAGE_ROLES)

    def has_add_permission(self, request):
        return request.user.is_superuser or request.user.has_perm(MANAGE_ROLES)

    def has_change_permission(self, request, obj=None):
        user = request.user
        if user.is_superuser:
            return super().has_change_permission(request, obj)
        # Nobody changes their own role, and only a superuser touches a superuser.
        return user.has_perm(MANAGE_ROLES) and (
            obj is None or (obj.pk != user.pk and not obj.is_superuser)
        )

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    def user_change_password(self, request, id, form_url=""):
        if not request.user.is_superuser:
            raise PermissionDenied  # others reset passwords with a one-time link
        return super().user_change_password(request, id, form_url)

    # --- the role screen -------------------------------------------------------------------
    def get_fieldsets(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        return ROLE_FIELDSETS if obj else ROLE_ADD_FIELDSETS

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return ()
        # A username is chosen once: the audit record names people by it.
        return ("username", "last_login", "date_joined") if obj else ()

    def get_list_filter(self, request):
        return super().get_list_filter(request) if request.user.is_superuser else ["is_active"]

    def get_form(self, request, obj=None, **kwargs):
        if not request.user.is_superuser:
            kwargs["form"] = StaffRoleForm
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        if isinstance(form, StaffRoleForm):
            obj.is_staff = True
            if not change:
                obj.set_unusable_password()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if isinstance(form, StaffRoleForm):
            staff_account_set_role(account=form.instance, role=form.cleaned_data["role"])


admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class AuthenticatorDeviceAdmin(TOTPDeviceAdmin):
    """Superusers only. Staff get a device from `manage.py add_totp_device USERNAME`."""

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser
