"""backup and restore_backup: the record and its full history survive a round trip unchanged.

The record is built in the test database, backed up, and restored into a second,
freshly migrated database (a new SQLite file, or a new database on the same
PostgreSQL server), whose own backup must be the same file byte for byte.
"""

import datetime
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command

from events.models import Event
from tests.factories import make_user

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parent.parent
SAME_MILLISECOND = datetime.datetime(2022, 12, 6, 9, 30, 0, 123456, tzinfo=datetime.UTC)


@pytest.fixture
def empty_database(tmp_path):
    """The address of a new, migrated database of the kind the suite runs on."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        url = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        yield migrated(url)
        return
    name = f"menaka_restore_{uuid.uuid4().hex[:8]}"
    server = {"host": database["HOST"], "port": database["PORT"], "user": database["USER"],
              "password": database["PASSWORD"], "dbname": "postgres", "autocommit": True}
    with psycopg.connect(**server) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        credentials = f"{database['USER']}:{database['PASSWORD']}" if database["PASSWORD"] else database["USER"]
        yield migrated(f"postgres://{credentials}@{database['HOST']}:{database['PORT']}/{name}")
    finally:
        with psycopg.connect(**server) as connection:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def migrated(url):
    manage(url, "migrate", "--noinput", "-v0")
    return url


def manage(database_url, *arguments):
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "true"}
    return subprocess.run([sys.executable, "manage.py", *arguments], cwd=PROJECT, env=env,
                          capture_output=True, text=True)


def edit_the_record():
    """Revisions by two people with their reasons, two of them within one millisecond."""
    call_command("loaddata", "menaka_clashes", verbosity=0)
    alice, bob = make_user("alice"), make_user("bob")
    event = Event.objects.get(slug="december-2022-menaka-region-clashes")
    for user, reason, title in ((alice, "Title as in Le Monde", "Ménaka clashes"), (bob, "Back to the article", event.title)):
        event.title, event._history_user, event._change_reason = title, user, reason
        event.save()
    first, second = event.history.order_by("history_id")[1:3]
    type(first).objects.filter(pk=first.pk).update(history_date=SAME_MILLISECOND)
    type(second).objects.filter(pk=second.pk).update(history_date=SAME_MILLISECOND + datetime.timedelta(microseconds=1))


def rows(backup):
    return [json.loads(line) for line in backup.read_text(encoding="utf-8").splitlines()]


def test_a_restored_backup_is_the_same_record_with_the_same_history(tmp_path, empty_database):
    edit_the_record()
    original = tmp_path / "original.jsonl"
    call_command("backup", output=str(original))

    restored = manage(empty_database, "restore_backup", str(original))
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.strip() == f"Restored {len(rows(original))} rows from {original}."
    again = tmp_path / "again.jsonl"
    backed_up_again = manage(empty_database, "backup", "-o", str(again))

    assert backed_up_again.returncode == 0, backed_up_again.stderr
    assert again.read_bytes() == original.read_bytes()
    revisions = [row for row in rows(again) if row["model"] == "events.historicalevent"
                 and row["fields"]["slug"] == "december-2022-menaka-region-clashes"]
    assert [(row["fields"]["history_date"], row["fields"]["history_change_reason"]) for row in revisions[1:3]] == [
        ("2022-12-06T09:30:00.123456Z", "Title as in Le Monde"),
        ("2022-12-06T09:30:00.123457Z", "Back to the article"),
    ]
    users = {row["pk"]: row["fields"]["username"] for row in rows(again) if row["model"] == "auth.user"}
    assert [users[row["fields"]["history_user"]] for row in revisions[1:3]] == ["alice", "bob"]
    assert sum(row["model"].startswith(("events.historical", "sources.historical")) for row in rows(again)) > 100


def test_a_restored_database_takes_new_entries_and_refuses_a_second_restore(tmp_path, empty_database):
    edit_the_record()
    backup = tmp_path / "backup.jsonl"
    call_command("backup", output=str(backup))
    manage(empty_database, "restore_backup", str(backup))

    added = manage(empty_database, "shell", "--no-imports", "-c",
                   "from tests.factories import make_event, make_user; make_user('carol'); print(make_event().pk)")
    second = manage(empty_database, "restore_backup", str(backup))

    assert added.returncode == 0, added.stderr
    assert int(added.stdout) == Event.objects.order_by("pk").last().pk + 1
    assert second.returncode != 0
    assert "restore_backup restores into an empty, migrated database; this one already holds 3 auth.User" in second.stderr
    assert "Nothing was restored." in second.stderr


def test_a_broken_backup_restores_nothing(tmp_path, empty_database):
    edit_the_record()
    backup = tmp_path / "backup.jsonl"
    call_command("backup", output=str(backup))
    lines = backup.read_text(encoding="utf-8").splitlines()
    backup.write_text("\n".join(lines[:50] + ["{not json"] + lines[50:]) + "\n", encoding="utf-8")

    broken = manage(empty_database, "restore_backup", str(backup))
    count = manage(empty_database, "shell", "--no-imports", "-c",
                   "from events.models import Event; print(Event.objects.count())")

    assert broken.returncode != 0
    assert f"Nothing was restored: {backup} is not a backup of this record" in broken.stderr
    assert count.stdout.strip() == "0"
