"""Who must sign in to the admin with a one-time code (TOTP), and the admin site that asks."""

from django import forms
from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django_otp.forms import OTPAuthenticationFormMixin

from editorial.roles import REVIEWER, SITE_ADMIN


def requires_two_factor(user) -> bool:
    """Reviewers, site admins and superusers, when STAFF_TWO_FACTOR_REQUIRED is on."""
    if not settings.STAFF_TWO_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=[REVIEWER, SITE_ADMIN]).exists()


def may_use_staff_pages(user) -> bool:
    """An active staff account, with a verified code if its role needs one *now*: checked on
    every request, so moving someone into a role that needs a code takes effect at once."""
    if not (user.is_active and user.is_staff):
        return False
    return not requires_two_factor(user) or user.is_verified()


class StaffAuthenticationForm(AdminAuthenticationForm, OTPAuthenticationFormMixin):
    """Password first; then a one-time code for the roles that need one."""

    otp_device = forms.CharField(required=False, widget=forms.Select)
    otp_token = forms.CharField(
        required=False, label="Code from your authenticator app",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    otp_challenge = forms.CharField(required=False)

    def clean(self):
        self.cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and requires_two_factor(user):
            self.clean_otp(user)
        return self.cleaned_data


class StaffAdminSite(AdminSite):
    site_header = "MS Claim Check: editors"
    site_title = "MS Claim Check editors"
    index_title = "Curation"
    login_form = StaffAuthenticationForm
    login_template = "otp/admin111/login.html"

    def has_permission(self, request):
        return may_use_staff_pages(request.user)
