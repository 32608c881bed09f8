"""The public corrections log of any curated entry: events, actors, places, sources, claims."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.shortcuts import get_object_or_404, render
from django.utils.dateformat import format as format_date

from .curation import Status
from .revisions import recorded_fields


# Editorial state, not part of what the public reads.
UNLOGGED_FIELDS = {"id", "status"}


@dataclass
class FieldChange:
    label: str
    before: object
    after: object


@dataclass
class PublicRevision:
    date: datetime.datetime
    reason: str
    kind: str
    changes: list


def entry_history(request, slug, model, public_entries=None):
    """The revisions in which the entry was published, and what changed from one published version to the next.

    Revisions that were never published are not shown, not even through a diff, and editors' names stay private.
    ``public_entries`` narrows what the public may see where "published" alone is not enough.
    """
    entries = public_entries() if public_entries else model.objects.published()
    entry = get_object_or_404(entries, slug=slug)
    revisions = entry.history.order_by("history_date", "history_id")
    return render(
        request,
        "history/entry_history.html",
        {"entry": entry, "kind": model._meta.verbose_name, "revisions": public_log(revisions, model)[::-1]},
    )


def public_log(revisions, model):
    fields = [f for f in recorded_fields(model) if f.name not in UNLOGGED_FIELDS]
    published, last_published, previous = [], None, None
    for revision in revisions:
        if revision.status == Status.PUBLISHED:
            if last_published is None:
                published.append((revision, "First published", []))
            else:
                kind = "Corrected" if previous is last_published else "Published again"
                published.append((revision, kind, changed_fields(last_published, revision, fields)))
            last_published = revision
        previous = revision
    shown = public_values([change for _, _, changes in published for change in changes])
    return [
        PublicRevision(
            revision.history_date,
            revision.history_change_reason or "",
            kind,
            [FieldChange(f.verbose_name, shown(f, old), shown(f, new)) for f, old, new in changes],
        )
        for revision, kind, changes in published
    ]


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
        if f.is_relation:
            linked_pks[f.related_model].update({old, new} - {None})
    published_entries = {model: model.objects.published().in_bulk(pks) for model, pks in linked_pks.items()}

    def shown(f, value):
        if value is None or value == "":
            return ""
        if f.is_relation:
            return published_entries[f.related_model].get(value, "an entry that is not published")
        if f.choices:
            return dict(f.flatchoices).get(value, value)
        if isinstance(value, datetime.date):
            return format_date(value, "j F Y")
        return value

    return shown


