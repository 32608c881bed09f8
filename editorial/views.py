"""The public corrections log of any curated entry: events, actors, places, sources, claims."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.contrib import admin
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import revisions
from .curation import Status
from .dates import day_month_year
from .history import is_fixture_load, public_reason
from .revisions import recorded_fields



# Editorial state, not part of what the public reads.
UNLOGGED_FIELDS = {"id", "status"}


@dataclass
class FieldChange:
    label: str
    before: object
    after: object


@dataclass
class RowChange:
    label: str  # the rows' name: "Participants"
    verb: str  # added, removed, changed (templates/history/_row_change.html words them)
    row: str
    now: str = ""  # for a changed row: what it reads now


@dataclass
class PublicRevision:
    number: int  # the revision's id: its permanent address is …/history/<number>/
    date: datetime.datetime
    reason: str
    kind: str
    changes: list
    row_changes: list
    is_first: bool  # the entry's first published revision: nothing before it to compare


# A first revision loaded with the record's initial data was entered here, not published anew: its
# statements were published by their sources first (and the record says when, on each source).
FIRST_PUBLISHED, ENTERED = _("First published"), _("Entered in this record")
CORRECTED, PUBLISHED_AGAIN = _("Corrected"), _("Published again")


def entry_history(request, slug, model, public_entries=None):
    """The revisions in which the entry was published, and what changed from one published version to the next.

    Revisions that were never published are not shown, not even through a diff, and editors' names stay private.
    ``public_entries`` narrows what the public may see where "published" alone is not enough.
    """
    entries = public_entries() if public_entries else model.objects.published()
    entry = get_object_or_404(entries, slug=slug)
    entry_revisions = revisions.revisions_of(entry, row_sets_of(model))
    return render(
        request,
        "history/entry_history.html",
        {"entry": entry, "kind": model._meta.verbose_name, "revisions": public_log(entry_revisions, model)[::-1]},
    )


def row_sets_of(model):
    """The rows kept with the entry's revisions (an event's participants and places), as its admin edits them."""
    model_admin = admin.site._registry.get(model)
    return model_admin.revision_row_sets() if model_admin is not None else []


def public_log(entry_revisions, model):
    fields = [f for f in recorded_fields(model) if f.name not in UNLOGGED_FIELDS]
    published, last_published, previous = [], None, None
    for revision in entry_revisions:
        if revision.record.status == Status.PUBLISHED:
            if last_published is None:
                first = ENTERED if is_fixture_load(revision.record.history_change_reason or "") else FIRST_PUBLISHED
                published.append((revision, first, [], [], True))
            else:
                kind = CORRECTED if previous is last_published else PUBLISHED_AGAIN
                changes = changed_fields(last_published.record, revision.record, fields)
                published.append((revision, kind, changes, changed_rows(last_published, revision), False))
            last_published = revision
        previous = revision
    shown = public_values(
        [change for _, _, changes, _, _ in published for change in changes]
        + [(f, value, None) for _, _, _, rows, _ in published for _, _, row in rows for f, value in row]
    )
    return [
        PublicRevision(
            revision.record.history_id,
            revision.record.history_date,
            public_reason(revision.record.history_change_reason or ""),
            kind,
            [FieldChange(f.verbose_name, shown(f, old), shown(f, new)) for f, old, new in changes],
            [row_change(label, verb, row, shown) for label, verb, row in rows],
            is_first,
        )
        for revision, kind, changes, rows, is_first in published
    ]


def changed_rows(before, after):
    """(rows label, verb, [(field, value), ...] for the row, or (old, new) pairs) between two published revisions."""
    changes = []
    for row_set, new_rows in after.rows.items():
        old_rows = before.rows[row_set]
        values = row_values(row_set)
        for row_id in new_rows.keys() - old_rows.keys():
            changes.append((row_set.label, "added", values(new_rows[row_id])))
        for row_id in old_rows.keys() - new_rows.keys():
            changes.append((row_set.label, "removed", values(old_rows[row_id])))
        for row_id in sorted(old_rows.keys() & new_rows.keys()):
            old, new = values(old_rows[row_id]), values(new_rows[row_id])
            if old != new:
                changes.append((row_set.label, "changed", old + [(None, None)] + new))
    return sorted(changes, key=lambda change: (change[0], change[1]))


def row_values(row_set):
    def values(record):
        return [(f, getattr(record, f.attname)) for f in row_set.value_fields if getattr(record, f.attname) not in (None, "")]

    return values


def row_change(label, verb, row, shown):
    def describe(pairs):
        return ", ".join(f"{f.verbose_name} {shown(f, value)}" for f, value in pairs)

    if verb != "changed":
        return RowChange(label, verb, describe(row))
    split = row.index((None, None))
    return RowChange(label, verb, describe(row[:split]), describe(row[split + 1 :]))


def changed_fields(before, after, fields):
    return [
        (f, getattr(before, f.attname), getattr(after, f.attname))
        for f in fields
        if getattr(before, f.attname) != getattr(after, f.attname)
    ]


def public_values(changes):
    """A function giving each raw value as readers see it, with one query per kind of entry linked to."""
    linked_pks = defaultdict(set)
    for f, old, new in changes:
        if f is not None and f.is_relation:
            linked_pks[f.related_model].update({old, new} - {None})
    published_entries = {model: model.objects.published().in_bulk(pks) for model, pks in linked_pks.items()}

    def shown(f, value):
        if value is None or value == "":
            return ""
        if f.is_relation:
            return published_entries[f.related_model].get(value, _("an entry that is not published"))
        if f.choices:
            return dict(f.flatchoices).get(value, value)
        if isinstance(value, datetime.date):
            return day_month_year(value)
        return value

    return shown




# One published revision of an entry, at its permanent address.

# Editorial state and the entry's name in addresses: the page's own address already says it.
UNSHOWN_FIELDS = UNLOGGED_FIELDS | {"slug"}


def entry_revision(request, slug, revision, model, public_entries=None):
    """The entry as it was at one of its published revisions; any other revision is not found."""
    entries = public_entries() if public_entries else model.objects.published()
    entry = get_object_or_404(entries, slug=slug)
    record = get_object_or_404(entry.history.all(), history_id=revision, status=Status.PUBLISHED)
    fields = [f for f in recorded_fields(model) if f.name not in UNSHOWN_FIELDS]
    values = [(f, getattr(record, f.attname)) for f in fields]
    shown = public_values([(f, value, value) for f, value in values])
    latest = entry.history.order_by("-history_date", "-history_id").values_list("history_id", flat=True).first()
    return render(
        request,
        "history/entry_revision.html",
        {
            "entry": entry,
            "kind": model._meta.verbose_name,
            "record": record,
            "is_latest": record.history_id == latest,
            "history_url": reverse(f"{model._meta.model_name}-history", args=[entry.slug]),
            "fields": [(f.verbose_name, shown(f, value)) for f, value in values if shown(f, value) != ""],
        },
    )
