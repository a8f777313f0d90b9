"""The admin, with our site class (sign-in with a one-time code for the roles that need it)."""

from django.contrib.admin.apps import AdminConfig


class StaffAdminConfig(AdminConfig):
    default_site = "editorial.two_factor.StaffAdminSite"
