from django.contrib.auth.models import Group
from django.core import serializers
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction

from editorial.backups import FORMAT, backed_up_models

BATCH = 1000


class Command(BaseCommand):
    help = (
        "Restore a file written by `backup` into an empty, migrated database: every row comes back with its "
        "id, and every revision with its time, user and reason. A database that already holds entries or "
        "accounts is refused; a broken file restores nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, file, database=DEFAULT_DB_ALIAS, **options):
        models = [model for model, _ in backed_up_models()]
        self.refuse_unless_empty(models, database)
        try:
            with open(file, encoding="utf-8") as stream, transaction.atomic(using=database):
                restored = self.restore(stream, database)
                self.reset_sequences(models, database)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        except (DeserializationError, DatabaseError) as error:
            raise CommandError(f"Nothing was restored: {file} is not a backup of this record ({error})") from error
        self.stdout.write(f"Restored {restored} rows from {file}.")

    def refuse_unless_empty(self, models, database):
        # The groups are created by the migrations; the backup's groups merge with them by name.
        found = [f"{count} {model._meta.label}" for model in models if model is not Group
                 for count in [model._base_manager.using(database).count()] if count]
        if found:
            raise CommandError(
                "restore_backup restores into an empty, migrated database; this one already holds "
                f"{', '.join(found)}. Nothing was restored."
            )

    def restore(self, stream, database):
        """Save row by row what has many-to-many data (accounts), everything else in batches.

        A batch insert sends no signals: a restored row gets no new revision, its history
        is restored as it was.
        """
        pending, restored = [], 0

        def flush():
            if pending:
                type(pending[0])._base_manager.using(database).bulk_create(pending, batch_size=BATCH)
                pending.clear()

        for row in serializers.deserialize(FORMAT, stream, using=database):
            if row.m2m_data:
                flush()
                row.save(using=database)
            else:
                if pending and (type(pending[0]) is not type(row.object) or len(pending) >= BATCH):
                    flush()
                pending.append(row.object)
            restored += 1
        flush()
        return restored

    def reset_sequences(self, models, database):
        """Start PostgreSQL's id sequences after the restored ids, so that new rows do not collide."""
        connection = connections[database]
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
