"""What a backup holds, and how it writes time: the whole record, its history to the microsecond.

A backup is JSON Lines, one row a line, in Django's serialization format. It holds
the accounts (groups by name, users with their password hashes), every model of the
project's own apps with its history tables, and the admin's action log. It leaves
out what ``migrate`` recreates (content types, permissions) and what is only of the
moment (sessions, sign-in attempts).

Django's JSON encoder cuts times to milliseconds, which can reorder two revisions
saved within one millisecond; this one keeps the microseconds.
"""

import datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.serializers.json import DjangoJSONEncoder

FORMAT = "jsonl"


class FullPrecisionEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, (datetime.datetime, datetime.time)):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def backed_up_models():
    """(model, use_natural_keys) in the order a restore needs them: accounts first."""
    yield Group, True  # by name, to merge with the groups the migrations create
    yield get_user_model(), True  # groups and permissions by name; the id is kept, revisions point to it
    for app_config in apps.get_app_configs():
        if Path(app_config.path).parent == settings.BASE_DIR:  # the project's own apps, not installed ones
            for model in app_config.get_models():
                yield model, False  # ids kept as they are: history rows point to them
    yield LogEntry, True  # content types by name: their ids differ between databases


def serialization_options(model, natural):
    return {
        "use_natural_foreign_keys": natural,
        "use_natural_primary_keys": natural and model is Group,
        "cls": FullPrecisionEncoder,
    }
