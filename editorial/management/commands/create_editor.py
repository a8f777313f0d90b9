"""Create a staff account for one editorial role. There are no default accounts."""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from editorial.roles import ROLE_GROUPS

PASSWORD_ENV = "CREATE_EDITOR_PASSWORD"


class Command(BaseCommand):
    help = (
        "Create a staff account: create_editor USERNAME --role editor|reviewer|admin. The "
        f"password is prompted for, or read from the {PASSWORD_ENV} environment variable."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=sorted(ROLE_GROUPS))
        parser.add_argument("--email", default="")

    def handle(self, *args, username, role, email, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user called '{username}' already exists.")
        try:
            group = Group.objects.get(name=ROLE_GROUPS[role])
        except Group.DoesNotExist as exc:
            raise CommandError("The editorial groups are missing: run migrate first.") from exc
        password = os.environ.get(PASSWORD_ENV) or self._prompt()
        user = User(username=username, email=email, is_staff=True)
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise CommandError("Password refused: " + " ".join(exc.messages)) from exc
        with transaction.atomic():
            user.set_password(password)
            user.full_clean()
            user.save()
            user.groups.add(group)
        self.stdout.write(self.style.SUCCESS(f"Created {role} account '{username}'."))

    def _prompt(self) -> str:
        try:
            first = getpass.getpass("Password: ")
            second = getpass.getpass("Password (again): ")
        except (EOFError, KeyboardInterrupt) as exc:
            raise CommandError(f"No password given (set {PASSWORD_ENV} to script this).") from exc
        if first != second:
            raise CommandError("The two passwords do not match.")
        if not first:
            raise CommandError("The password cannot be empty.")
        return first
