"""What a change form proposes for a published entry, read from the form before anything is saved."""

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst

from .revisions import FieldChange, RowChanges, display_value, value_of


def proposed_changes(form, formsets, row_sets):
    """(field changes, row changes) the validated form and its inlines would make to the entry as stored."""
    entry = form.instance
    live = type(entry)._default_manager.get(pk=entry.pk)
    changes = changed_fields(form, live)
    by_model = {row_set.model: row_set for row_set in row_sets}
    all_row_changes = [rows_changed(formset, by_model[formset.model], live) for formset in formsets]
    return changes, [c for c in all_row_changes if c.added or c.removed or c.changed]


def changed_fields(form, stored):
    opts = type(stored)._meta
    changes = []
    for name in form.changed_data:
        try:
            field = opts.get_field(name)
        except FieldDoesNotExist:
            continue
        if field.concrete and not field.many_to_many:
            old, new = value_of(stored, field), value_of(form.instance, field)
            changes.append(FieldChange(capfirst(field.verbose_name), display_value(field, old), display_value(field, new)))
    return changes


def rows_changed(formset, row_set, entry):
    stored = {row.pk: row for row in row_set.rows_of(entry)}
    added, removed, changed = [], [], []
    for form in formset.forms:
        row = stored.get(form.instance.pk)
        if row is None:
            if form.has_changed() and not formset._should_delete_form(form):
                added.append(row_set.describe(form.instance))
        elif formset.can_delete and formset._should_delete_form(form):
            removed.append(row_set.describe(row))
        elif form.has_changed():
            row_changes = changed_fields(form, row)
            if row_changes:
                changed.append((row_set.describe(row), row_changes))
    return RowChanges(label=row_set.label, added=added, removed=removed, changed=changed)
