"""Print a one-time link for a staff member to set a new password; nobody else ever knows it."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


class Command(BaseCommand):
    help = (
        "Print a one-time link for a staff account to set its own password: "
        "reset_staff_password USERNAME. The old password stops working at once; the link "
        "works once, for PASSWORD_RESET_TIMEOUT seconds (a day)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(
            username=username, is_staff=True, is_active=True
        ).first()
        if user is None:
            raise CommandError(f"No active staff account called '{username}'.")
        # A reset is for a forgotten or exposed password: it must not keep working meanwhile.
        # This also signs the account out everywhere (its sessions hold the old hash).
        user.set_unusable_password()
        user.save(update_fields=["password"])
        path = reverse("editorial:set_password", kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        })
        hours = settings.PASSWORD_RESET_TIMEOUT // 3600
        self.stdout.write(f"Give this link to '{username}' only. It works once, for {hours} "
                          "hours:")
        self.stdout.write(f"{settings.SITE_URL}{path}")
