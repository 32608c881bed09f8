"""Revision history for rows that arrive by fixture.

django-simple-history records nothing for raw saves, which is how ``loaddata``
saves, so a fresh install would start with entries that have no history at all.
Here every raw save of a history-tracked model gets a revision of its own, unless
the row is already recorded exactly as loaded: loading the same fixture twice
adds no revisions.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.db.models.signals import post_save
from django.utils.translation import gettext as _

_fixture_labels = ContextVar("fixture_labels", default=())


@contextmanager
def loading_fixtures(labels):
    """Name the fixtures being loaded, so that their revisions say where they came from."""
    token = _fixture_labels.set(tuple(labels))
    try:
        yield
    finally:
        _fixture_labels.reset(token)


IMPORTED_FROM_FIXTURE, UPDATED_FROM_FIXTURE = "Imported from fixture", "Updated from fixture"


def fixture_reason(created):
    labels = ", ".join(_fixture_labels.get()) or "a fixture"
    return f"{IMPORTED_FROM_FIXTURE if created else UPDATED_FROM_FIXTURE} {labels}"


def public_reason(reason):
    """A revision's reason as readers read it: a fixture's name is the editors' business, not the readers'."""
    if reason.startswith(IMPORTED_FROM_FIXTURE):
        return _("Entered from the record’s initial data; each statement names the source it comes from.")
    if reason.startswith(UPDATED_FROM_FIXTURE):
        return _("Updated when the record’s initial data was loaded again.")
    return reason


def is_fixture_load(reason):
    return reason.startswith((IMPORTED_FROM_FIXTURE, UPDATED_FROM_FIXTURE))


def tracked_models():
    """Every model django-simple-history keeps a history of, in whichever app it lives."""
    for model in apps.get_models():
        if hasattr(model._meta, "simple_history_manager_attribute"):
            yield model


def record_fixture_loads():
    for model in tracked_models():
        post_save.connect(record_raw_save, sender=model, weak=False, dispatch_uid=f"raw-history-{model._meta.label}")


def record_raw_save(sender, instance, raw, **kwargs):
    if not raw:
        return
    history = getattr(sender, sender._meta.simple_history_manager_attribute)
    latest = history.filter(**{sender._meta.pk.attname: instance.pk}).order_by("-history_id").first()
    if latest is not None and not differs_from_revision(instance, latest):
        return
    created = latest is None
    history.bulk_history_create(
        [instance], update=not created, default_change_reason=fixture_reason(created)
    )


def differs_from_revision(instance, revision):
    return any(
        getattr(revision, field.attname) != getattr(instance, field.attname)
        for field in type(revision).tracked_fields
    )

