import sys

from django.core import serializers
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from editorial.backups import FORMAT, backed_up_models, serialization_options


class Command(BaseCommand):
    help = (
        "Write the whole record to one file: accounts, every entry with its full history (times to the "
        "microsecond, users and reasons), and the admin's log. `restore_backup FILE` reads it back into an "
        "empty database. The file holds password hashes: keep it as safe as the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", metavar="FILE", help="Write to this file instead of standard output.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, output=None, database=DEFAULT_DB_ALIAS, **options):
        stream = open(output, "w", encoding="utf-8", newline="\n") if output else self.stdout
        try:
            counts = self.write(stream, database)
        finally:
            if output:
                stream.close()
        summary = ", ".join(f"{count} {label}" for label, count in counts.items() if count)
        print(f"Backed up {sum(counts.values())} rows ({summary}).", file=sys.stderr)

    def write(self, stream, database):
        connection = connections[database]
        counts = {}
        # One snapshot for every table, so that a revision saved meanwhile is either wholly in or out
        # (inside a caller's transaction, that transaction's snapshot).
        outermost = not connection.in_atomic_block
        with transaction.atomic(using=database):
            if outermost and connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            for model, natural in backed_up_models():
                rows = model._base_manager.using(database).order_by("pk")
                counts[model._meta.label] = rows.count()
                serializers.serialize(FORMAT, rows.iterator(), stream=stream, **serialization_options(model, natural))
        return counts
