"""Django's loaddata, with two additions for the record.

Every row loaded gets its first revision (see ``editorial.history``), and when a JSON
fixture is broken the error names the object as the fixture names it (its slug or
natural key) and says why, instead of Django's "pk=None". Django already loads a
fixture in one transaction, so a broken fixture loads nothing.

This module doubles as the JSON serialization module for the run: the command
registers it for the "json" format, so that loaddata reads fixtures with the
``Deserializer`` below. Writing JSON is left to Django.
"""

import json

from django.apps import apps
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.core.management.base import CommandError
from django.core.management.commands import loaddata
from django.core.serializers import base
from django.core.serializers import json as django_json
from django.db import DatabaseError

from editorial.history import loading_fixtures

Serializer = django_json.Serializer


class Deserializer(django_json.Deserializer):
    """Django's JSON deserializer, whose errors say which fixture object failed and why."""

    def __init__(self, stream_or_string, **options):
        try:
            super().__init__(stream_or_string, **options)
        except base.DeserializationError as error:
            raise base.DeserializationError(f"not valid JSON: {error.__cause__}") from error.__cause__

    def _handle_object(self, obj):
        name = describe(obj)
        try:
            for deserialized in super()._handle_object(obj):
                yield FixtureObject(deserialized, name)
        except base.DeserializationError as error:
            problems = []
            if isinstance(error.__cause__, ObjectDoesNotExist):  # a reference Django could not defer
                problems = unknown_references(obj, self.using)
            reason = "; ".join(problems) or str(error).removeprefix("Error deserializing object: ")
            raise base.DeserializationError(f"Could not load {name}: {reason}") from error


class FixtureObject(base.DeserializedObject):
    """A deserialized object that knows its name in the fixture."""

    def __init__(self, deserialized, name):
        super().__init__(deserialized.object, deserialized.m2m_data, deserialized.deferred_fields)
        self.name = name

    def save_deferred_fields(self, using=None):
        # References to objects further down the fixture are resolved at the very end.
        try:
            super().save_deferred_fields(using=using)
        except base.DeserializationError as error:
            reason = "; ".join(self.unknown_deferred_references(using)) or str(error)
            raise base.DeserializationError(f"Could not load {self.name}: {reason}") from error
        except DatabaseError as error:
            error.args = (f"Could not load {self.name}: {error}",)
            raise

    def unknown_deferred_references(self, using):
        deferred = {"model": self.object._meta.label_lower,
                    "fields": {field.name: value for field, value in self.deferred_fields.items()}}
        return unknown_references(deferred, using)

    def references_left_for_later(self):
        """The references Django put off because, when it read this object, they named no row."""
        return [names_no_row(field.name, value, field.related_model) for field, value in self.deferred_fields.items()]


def describe(obj):
    """Name a fixture object as the fixture does: by its slug, or by the fields of its natural key."""
    if not isinstance(obj, dict):
        return f"the fixture entry {json.dumps(obj, ensure_ascii=False)}"
    label, fields = obj.get("model"), obj.get("fields") or {}
    if "slug" in fields:
        return f"{label} {json.dumps(fields['slug'], ensure_ascii=False)}"
    key = [f"{name}={json.dumps(fields.get(name), ensure_ascii=False)}" for name in natural_key_fields(label)]
    return f"{label} ({', '.join(key)})" if key else f"{label} {json.dumps(fields, ensure_ascii=False)}"


def natural_key_fields(label):
    try:
        model = apps.get_model(label)
    except (LookupError, TypeError, ValueError):
        return []
    unique = [constraint for constraint in model._meta.constraints if getattr(constraint, "fields", None)]
    return list(unique[0].fields) if unique else []


def unknown_references(obj, using):
    """The natural keys in a fixture object that name no row in the database."""
    try:
        model = apps.get_model(obj["model"])
        fields = dict(obj["fields"])
    except (LookupError, TypeError, ValueError, KeyError):
        return []
    problems = []
    for name, value in fields.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not (field.many_to_one and isinstance(value, list)):
            continue
        target = field.related_model
        try:
            target._default_manager.db_manager(using).get_by_natural_key(*value)
        except (ObjectDoesNotExist, TypeError):
            problems.append(names_no_row(name, value, target))
    return problems


def names_no_row(name, value, target):
    return (f"its {name} {json.dumps(value, ensure_ascii=False)} names no {target._meta.label_lower} "
            "in the database or earlier in the fixture")


class Command(loaddata.Command):
    help = (
        loaddata.Command.help
        + " Every row loaded gets a revision whose reason names the fixture; a JSON fixture with an error"
        " loads nothing, and the error names the object by its natural key."
    )

    def handle(self, *fixture_labels, **options):
        serializers.register_serializer("json", __name__)
        with loading_fixtures(fixture_labels):
            try:
                return super().handle(*fixture_labels, **options)
            except (base.DeserializationError, DatabaseError) as error:
                raise CommandError(f"Nothing was loaded. {error}") from error

    def save_obj(self, obj):
        try:
            return super().save_obj(obj)
        except DatabaseError as error:
            if isinstance(obj, FixtureObject):
                # A reference left for later is empty now, which a constraint may refuse: the
                # missing entry, not the constraint, is what the fixture got wrong.
                django_name = f"Could not load {obj.object._meta.label}(pk={obj.object.pk}): "
                reason = "; ".join(obj.references_left_for_later()) or str(error).removeprefix(django_name)
                error.args = (f"Could not load {obj.name}: {reason}",)
            raise
