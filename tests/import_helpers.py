"""Helpers for the import tests: the importing accounts, files on disk, and counts of every row and revision."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from events.models import Actor, ActorRelation, Event, EventPlace, Participation, Place
from exchange.models import ImportBatch
from sources.models import Citation, Claim, Source
from tests.admin_helpers import make_reviewer

RECORD_MODELS = (Actor, ActorRelation, Place, Event, EventPlace, Participation, Source, Claim, Citation)


def counts():
    """How many rows and how many revisions each table of the record holds, and how many imports are logged."""
    numbers = {model.__name__: model.objects.count() for model in RECORD_MODELS}
    numbers.update({f"{model.__name__} revisions": model.history.count() for model in RECORD_MODELS})
    numbers["imports logged"] = ImportBatch.objects.count()
    return numbers


def csv_text(header, rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run_import(path, file_format, user, *extra):
    """The command's output, or pytest.fail if it refused the file."""
    out = io.StringIO()
    call_command("import_records", str(path), "--format", file_format, "--user", user.username, *extra, stdout=out)
    return out.getvalue()


def refused_import(path, file_format, user, *extra):
    """What the command says when it refuses the file: (the error, the bad rows it printed)."""
    err = io.StringIO()
    with pytest.raises(CommandError) as refusal:
        call_command("import_records", str(path), "--format", file_format, "--user", user.username, *extra, stderr=err)
    return str(refusal.value), err.getvalue()


@pytest.fixture
def alice():
    return make_reviewer(username="alice")
