import getpass
import os
import sys

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from editorial.roles import GROUP_FOR_ROLE


class Command(BaseCommand):
    help = (
        "Create an account for the editorial admin: an editor (writes entries and submits them for review) "
        "or a reviewer (also publishes and withdraws). Prompts for the password, or reads it from an "
        "environment variable with --password-from-env."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", choices=sorted(GROUP_FOR_ROLE), required=True)
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password-from-env",
            metavar="VARIABLE",
            help="Read the password from this environment variable instead of prompting for it.",
        )
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="Never prompt: fail instead."
        )

    def handle(self, username, role, email, password_from_env, interactive, **options):
        try:
            group = Group.objects.get(name=GROUP_FOR_ROLE[role])
        except Group.DoesNotExist:
            raise CommandError(f"The group {GROUP_FOR_ROLE[role]} does not exist: run `manage.py migrate` first.")
        user = get_user_model()(username=username, email=email, is_staff=True)
        try:
            user.full_clean(exclude=["password"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages))
        if password_from_env:
            password = self.password_from_environment(password_from_env, user)
        elif interactive and sys.stdin.isatty():
            password = self.prompt_for_password(user)
        else:
            raise CommandError("Without a terminal to prompt on, give the password with --password-from-env VARIABLE.")
        with transaction.atomic():
            user.set_password(password)
            user.save()
            user.groups.add(group)
        self.stdout.write(f"Created the {role} account “{username}” (group {group.name}). Sign in at /admin/.")

    def password_from_environment(self, variable, user):
        password = os.environ.get(variable, "")
        if not password:
            raise CommandError(f"The environment variable {variable} is empty or not set.")
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            raise CommandError("The password is refused: " + " ".join(error.messages))
        return password

    def prompt_for_password(self, user):
        while True:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                self.stderr.write("The two passwords differ. Try again.")
                continue
            try:
                password_validation.validate_password(password, user)
            except ValidationError as error:
                self.stderr.write("\n".join(error.messages))
                continue
            return password
