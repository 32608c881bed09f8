"""``manage.py import_records FILE --format claims|acled --user USERNAME [--dry-run] [--reason TEXT]``."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from exchange.imports import FORMATS, ImportRefused, import_file, may_import


class Command(BaseCommand):
    help = (
        "Import a CSV file of claims (as /claims.csv writes it) or of ACLED-shaped events, in one transaction: "
        "a file with any bad row loads nothing, and every bad row is named by line and column. Imported entries "
        "are in review, each with a first revision naming the file and the user; importing the same file again "
        "changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the CSV file (UTF-8)")
        parser.add_argument("--format", required=True, choices=sorted(FORMATS), help="the file's shape")
        parser.add_argument(
            "--user",
            required=True,
            help="the reviewer account the revisions are attributed to (an editor may not import)",
        )
        parser.add_argument("--reason", default="", help="why, added to every revision's reason")
        parser.add_argument(
            "--dry-run", action="store_true", help="print what would be created, changed and left alone; write nothing"
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        user = self.importing_user(options["user"])
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise CommandError(f"There is no file {path}.")
        except UnicodeDecodeError as error:
            raise CommandError(f"{path.name} is not UTF-8 text (byte {error.start}): nothing was imported.")
        dry_run = options["dry_run"]
        try:
            report = import_file(
                text, file_name=path.name, file_format=options["format"], user=user, reason=options["reason"], dry_run=dry_run
            )
        except ImportRefused as refusal:
            for bad_row in refusal.report.bad_rows:
                self.stderr.write(f"{path.name}: {bad_row}")
            raise CommandError(str(refusal))
        if options["verbosity"] >= 1:
            for line in report.lines():
                self.stdout.write(f"  {line}")
        if dry_run:
            self.stdout.write(f"{path.name}: {report.counts()}. Dry run: nothing was written.")
        elif report.writes_anything:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Imported {path.name}: {len(report.created)} created, {len(report.changed)} changed, "
                    f"{len(report.unchanged)} left alone. What was created or changed is in review."
                )
            )
        else:
            self.stdout.write(f"{path.name}: the record already holds all of it; nothing was changed.")

    def importing_user(self, username):
        user = get_user_model()._default_manager.filter(**{get_user_model().USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"There is no account “{username}”.")
        if not may_import(user):
            raise CommandError(f"“{username}” may not import: only reviewers (and superusers) import records.")
        return user
