"""Give a staff account an authenticator-app device (TOTP) and show its set-up code once."""

import segno
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Add an authenticator app (TOTP) to a staff account: add_totp_device USERNAME"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--replace", action="store_true",
                            help="Remove the account's existing authenticator devices first.")

    def handle(self, *args, username, replace, **options):
        user = get_user_model().objects.filter(username=username, is_staff=True).first()
        if user is None:
            raise CommandError(f"No staff account called '{username}'.")
        existing = TOTPDevice.objects.filter(user=user)
        if existing.exists() and not replace:
            raise CommandError(
                f"'{username}' already has an authenticator. Use --replace to set up a new one."
            )
        existing.delete()
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
        self.stdout.write(f"Scan this with the authenticator app of '{username}' "
                          f"(issuer {settings.OTP_TOTP_ISSUER}). It is shown only now.")
        self.stdout.write(device.config_url)
        segno.make(device.config_url, error="m").terminal(out=self.stdout, compact=True)
