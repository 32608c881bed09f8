"""An entry's revisions, together with the rows edited with it (an event's participants, a claim's citations).

An admin save writes the entry's own historical record first and its rows'
records just after, so the rows as they were at a revision are the rows as they
stood just before the entry's next revision. The edit token names the latest
historical record of the entry and of each of its row tables: if it moved
between opening a form and saving it, someone else saved in between.
"""

import dataclasses
import datetime
import difflib
import re

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models, router, transaction
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from simple_history.models import DeletedObject

from .models import PendingChange

EMPTY = "(empty)"
ROW_VERBS = {"+": "added", "~": "changed, now", "-": "removed"}
# Above this length a before/after pair is read as text: the changed words are marked.
LONG_TEXT = 60


@dataclasses.dataclass(frozen=True)
class RowSet:
    """The rows of one table that belong to an entry through a foreign key: an event's participations.

    ``is_entry`` marks rows that are entries in their own right (the claims about
    an event): they have revisions of their own, so they take part in the edit
    token but not in the parent's revisions.
    """

    model: type
    fk_name: str
    label: str
    is_entry: bool = False

    def rows_of(self, entry):
        return self.model._default_manager.filter(**{self.fk_name: entry.pk}).order_by("pk")

    def history_of(self, entry):
        return (
            self.model.history.filter(**{f"{self.fk_name}_id": entry.pk})
            .select_related(*related_names(self.model))
            .order_by("history_date", "history_id")
        )

    @property
    def value_fields(self):
        return [f for f in self.model._meta.concrete_fields if not f.primary_key and f.name != self.fk_name]

    def values_of(self, row):
        return {f.attname: getattr(row, f.attname) for f in self.value_fields}

    def describe(self, record):
        """One line for a row as a historical record shows it: "actor JNIM, role Side A"."""
        if self.is_entry:
            return str(getattr(record, "instance", record))
        parts = []
        for field in self.value_fields:
            text = display_value(field, value_of(record, field))
            if text != EMPTY:
                parts.append(f"{field.verbose_name} {text}")
        return ", ".join(parts)


@dataclasses.dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str

    def __str__(self):
        return f"{self.label}: {self.old} → {self.new}"

    @property
    def is_long(self):
        return max(len(self.old), len(self.new)) > LONG_TEXT

    @property
    def marked(self):
        """(before, after) as HTML, the words only one of them has in <del> and <ins>."""
        return word_diff(self.old, self.new)

    def as_json(self):
        return [str(self.label), self.old, self.new]


@dataclasses.dataclass(frozen=True)
class RowChanges:
    label: str
    added: list
    removed: list
    changed: list  # (row description, [FieldChange])

    def as_json(self):
        return {
            "label": str(self.label),
            "added": self.added,
            "removed": self.removed,
            "changed": [[row, [change.as_json() for change in changes]] for row, changes in self.changed],
        }

    @classmethod
    def from_json(cls, data):
        return cls(
            label=data["label"],
            added=data["added"],
            removed=data["removed"],
            changed=[(row, [FieldChange(*change) for change in changes]) for row, changes in data["changed"]],
        )


@dataclasses.dataclass(frozen=True)
class Revision:
    number: int
    record: models.Model
    changes: list
    row_changes: list
    rows: dict  # RowSet -> {row id: historical record}, as the rows stood at this revision

    @property
    def date(self):
        return self.record.history_date

    @property
    def user(self):
        return self.record.history_user

    @property
    def reason(self):
        return self.record.history_change_reason

    @property
    def is_creation(self):
        return self.record.history_type == "+"

    def described_rows(self):
        return [(row_set.label, [row_set.describe(row) for row in rows.values()]) for row_set, rows in self.rows.items()]


class RestoreRefused(Exception):
    """A revision that cannot be restored as it is; the message says why."""


def recorded_fields(model):
    """The model's concrete fields that its history keeps: a derived column left out of the history is not content."""
    recorded = {field.name for field in model.history.model._meta.concrete_fields}
    return [field for field in model._meta.concrete_fields if field.name in recorded]


def related_names(model):
    return [f.name for f in model._meta.concrete_fields if f.is_relation]


def entry_history(entry):
    model = type(entry)
    return (
        model.history.filter(id=entry.pk)
        .select_related("history_user", *related_names(model))
        .order_by("history_date", "history_id")
    )


def value_of(record, field):
    if not field.is_relation:
        return getattr(record, field.attname)
    if getattr(record, field.attname) is None:
        return None
    try:
        return getattr(record, field.name)
    except ObjectDoesNotExist:
        return DeletedObject(field.related_model, getattr(record, field.attname))


def display_value(field, value):
    if field.choices:
        label = dict(field.flatchoices).get(value)
        if label is not None:
            return str(label)
    if value is None or value == "":
        return EMPTY
    if isinstance(value, DeletedObject):
        return f"deleted {value.model._meta.verbose_name} #{value.pk}"
    if isinstance(value, datetime.date):
        return formats.date_format(value, "j F Y")
    return str(value)


def word_diff(old, new):
    """Both texts as HTML, whole, with the words deleted from ``old`` and inserted in ``new`` marked."""
    old_words, new_words = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    before, after = [], []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        old_part, new_part = "".join(old_words[old_start:old_end]), "".join(new_words[new_start:new_end])
        if op == "equal":
            before.append(conditional_escape(old_part))
            after.append(conditional_escape(new_part))
        else:
            before.append(mark_words(old_part, "del"))
            after.append(mark_words(new_part, "ins"))
    return mark_safe("".join(before)), mark_safe("".join(after))


def mark_words(text, tag):
    """The words of ``text`` in the tag, the spaces around them left outside."""
    lead, words, trail = re.fullmatch(r"(\s*)(.*?)(\s*)", text, re.DOTALL).groups()
    if not words:
        return text
    return f"{lead}<{tag}>{conditional_escape(words)}</{tag}>{trail}"


def field_changes(new_record, old_record, excluded=()):
    delta = new_record.diff_against(old_record, excluded_fields=excluded, foreign_keys_are_objs=True)
    opts = new_record.instance_type._meta
    changes = []
    for change in delta.changes:
        field = opts.get_field(change.field)
        changes.append(
            FieldChange(capfirst(field.verbose_name), display_value(field, change.old), display_value(field, change.new))
        )
    return changes


def who(record):
    return record.history_user.get_username() if record.history_user else "no recorded user"


def when(record):
    return formats.date_format(timezone.localtime(record.history_date), "j F Y, H:i")


def rows_before(records, moment):
    """The rows standing just before ``moment`` (None: now), from their historical records in date order."""
    rows = {}
    for record in records:
        if moment is not None and record.history_date >= moment:
            break
        rows[record.id] = record
    return {row_id: record for row_id, record in sorted(rows.items()) if record.history_type != "-"}


def row_changes(row_set, old_rows, new_rows):
    changed = []
    for row_id in sorted(old_rows.keys() & new_rows.keys()):
        old, new = old_rows[row_id], new_rows[row_id]
        if old.history_id != new.history_id:
            changes = field_changes(new, old, excluded=[row_set.fk_name])
            if changes:
                changed.append((row_set.describe(old), changes))
    return RowChanges(
        label=row_set.label,
        added=[row_set.describe(new_rows[i]) for i in new_rows if i not in old_rows],
        removed=[row_set.describe(old_rows[i]) for i in old_rows if i not in new_rows],
        changed=changed,
    )


def revisions_of(entry, row_sets):
    """The entry's revisions, oldest first, each with what changed from the one before."""
    records = list(entry_history(entry))
    row_records = {row_set: list(row_set.history_of(entry)) for row_set in row_sets}
    revisions = []
    for index, record in enumerate(records):
        following = records[index + 1].history_date if index + 1 < len(records) else None
        rows = {row_set: rows_before(row_records[row_set], following) for row_set in row_sets}
        previous = revisions[-1] if revisions else None
        changes = []
        if previous is not None:
            changes = field_changes(record, previous.record)
        all_row_changes = [
            row_changes(row_set, previous.rows[row_set] if previous else {}, rows[row_set]) for row_set in row_sets
        ]
        revisions.append(
            Revision(
                number=index + 1,
                record=record,
                changes=changes,
                row_changes=[c for c in all_row_changes if c.added or c.removed or c.changed],
                rows=rows,
            )
        )
    return revisions


def content_token(entry, row_sets):
    """The latest historical record of the entry and of each of its row tables: what a change is based on."""
    latest = [type(entry).history.filter(id=entry.pk).aggregate(latest=Max("history_id"))["latest"]]
    for row_set in row_sets:
        latest.append(row_set.model.history.filter(**{f"{row_set.fk_name}_id": entry.pk}).aggregate(latest=Max("history_id"))["latest"])
    return ".".join(str(history_id or 0) for history_id in latest)


def latest_proposal(entry):
    return PendingChange.objects.of(entry).aggregate(latest=Max("pk"))["latest"] or 0


def edit_token(entry, row_sets):
    """The content token and the latest change proposed for review: a form opened before either moved is stale."""
    return f"{content_token(entry, row_sets)}.{latest_proposal(entry)}"


def read_token(token, row_sets):
    try:
        ids = [int(part) for part in token.split(".")]
    except ValueError:
        return None
    return ids if len(ids) == 2 + len(row_sets) else None


def lock(entry, row_sets):
    """Hold the entry's row and its rows until the transaction ends, so that saves of it queue up."""
    model = type(entry)
    list(model._default_manager.select_for_update().filter(pk=entry.pk).order_by().values_list("pk"))
    for row_set in row_sets:
        list(row_set.rows_of(entry).select_for_update().values_list("pk"))


def changes_since(entry, row_sets, token):
    """What was saved or proposed since ``token`` was issued, one sentence each; None when the token cannot be read."""
    seen = read_token(token, row_sets)
    if seen is None:
        return None
    history = entry_history(entry)
    newer = list(history.filter(history_id__gt=seen[0]))
    lines = []
    for record in newer:
        reason = f" (reason: {record.history_change_reason})" if record.history_change_reason else ""
        lines.append(f"Saved by {who(record)} on {when(record)}{reason}.")
    opened = history.filter(history_id=seen[0]).first()
    if newer and opened is not None:
        lines.extend(str(change) for change in field_changes(newer[-1], opened))
    for row_set, seen_id in zip(row_sets, seen[1:-1]):
        for record in row_set.history_of(entry).filter(history_id__gt=seen_id):
            lines.append(f"{row_set.label}: {ROW_VERBS[record.history_type]} {row_set.describe(record)}")
    for proposal in PendingChange.objects.of(entry).filter(pk__gt=seen[-1]).select_related("author"):
        moment = formats.date_format(timezone.localtime(proposal.created), "j F Y, H:i")
        lines.append(f"Proposed for review by {proposal.author.get_username()} on {moment} (reason: {proposal.reason}).")
        lines.extend(str(change) for change in proposal_field_changes(proposal))
        for rows in proposal_row_changes(proposal):
            lines.extend(f"{rows.label}: added {row}" for row in rows.added)
            lines.extend(f"{rows.label}: removed {row}" for row in rows.removed)
            lines.extend(f"{rows.label}: changed {row}" for row, _ in rows.changed)
    return lines


def proposal_field_changes(proposal):
    return [FieldChange(*change) for change in proposal.changes.get("fields", [])]


def proposal_row_changes(proposal):
    return [RowChanges.from_json(rows) for rows in proposal.changes.get("rows", [])]


def as_json(changes, row_changes):
    return {"fields": [c.as_json() for c in changes], "rows": [rows.as_json() for rows in row_changes]}


def compare(older, newer):
    """What differs between two revisions of one entry: fields and rows, older first."""
    changes = field_changes(newer.record, older.record)
    all_row_changes = [row_changes(row_set, older.rows[row_set], newer.rows[row_set]) for row_set in newer.rows]
    return changes, [c for c in all_row_changes if c.added or c.removed or c.changed]


def restore_preview(revisions, revision):
    """What restoring ``revision`` would change in the latest one: its fields (not its status) and its rows."""
    latest = revisions[-1]
    changes = field_changes(revision.record, latest.record, excluded=["status"])
    all_row_changes = [row_changes(row_set, latest.rows[row_set], revision.rows[row_set]) for row_set in revision.rows]
    return changes, [c for c in all_row_changes if c.added or c.removed or c.changed]


def restore_reason(revision):
    return f"Restored revision {revision.number} ({when(revision.record)}, {who(revision.record)})"


def restore(entry, revision, row_sets, *, user, may_remove_rows, status=None, reason=None):
    """Make the entry's content and rows what they were at ``revision``, as one new revision; return its reason.

    The status is the entry's current one unless ``status`` names another: bringing back old
    content is not a decision to publish or unpublish, which only a reviewer makes, on purpose.
    """
    model = type(entry)
    reason = reason or restore_reason(revision)
    with transaction.atomic(using=router.db_for_write(model)):
        current = model._default_manager.select_for_update().order_by().get(pk=entry.pk)
        status = status or current.status
        past = revision.record.instance
        for field in recorded_fields(model):
            if not field.primary_key:
                setattr(current, field.attname, getattr(past, field.attname))
        current.status = status
        save_validated(current, reason, user)
        for row_set in row_sets:
            restore_rows(current, row_set, revision.rows[row_set], reason, user, may_remove_rows)
    return reason


def restore_rows(entry, row_set, past_rows, reason, user, may_remove_rows):
    current = {row.pk: row for row in row_set.rows_of(entry).select_for_update()}
    leftover = {row_id: row for row_id, row in current.items() if row_id not in past_rows}
    to_create = []
    for row_id, record in past_rows.items():
        if row_id in current:
            continue
        # A row removed and added again since has a new id: it is the same row.
        twin = next((row for row in leftover.values() if row_set.values_of(row) == row_set.values_of(record)), None)
        if twin is None:
            to_create.append(record)
        else:
            del leftover[twin.pk]
    if leftover and not may_remove_rows:
        raise RestoreRefused(
            f"it would remove {row_set.label.lower()} from an entry that has been published, which only reviewers may do."
        )
    for row in leftover.values():
        row._change_reason = reason
        row._history_user = user
        row.delete()
    for row_id, record in past_rows.items():
        row = current.get(row_id)
        if row is not None and row_set.values_of(row) != row_set.values_of(record):
            for attname, value in row_set.values_of(record).items():
                setattr(row, attname, value)
            save_validated(row, reason, user)
    for record in to_create:
        row = row_set.model(**row_set.values_of(record))
        setattr(row, row_set.fk_name, entry)
        save_validated(row, reason, user)


def save_validated(obj, reason, user):
    try:
        obj.full_clean()
    except ValidationError as error:
        raise RestoreRefused("; ".join(error.messages)) from error
    obj._change_reason = reason
    obj._history_user = user
    obj.save()
