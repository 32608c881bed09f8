"""What every import shares: a CSV file read row by row with its line numbers, the bad rows named by
line and column, entries saved with their first revision, and one transaction for the whole file.

An import runs in full inside a transaction and is rolled back when any row is bad or when it is a
dry run: what a dry run or a preview reports is exactly what the import would do, since it is the
import itself, undone.
"""

import csv
import dataclasses
import hashlib
import io

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, router, transaction

from editorial.curation import Status
from events.exports import FORMULA_TRIGGERS

# Every entry an import creates or changes waits in review: only a reviewer's publish makes it public.
IMPORTED_STATUS = Status.REVIEW

def exported_text(value):
    """A free-text cell as the record's export wrote it (events.exports.free_text), back to the text it was."""
    if value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value


@dataclasses.dataclass(frozen=True)
class BadRow:
    line: int
    column: str
    problem: str

    def __str__(self):
        return f"line {self.line}, column {self.column}: {self.problem}"


@dataclasses.dataclass(frozen=True)
class Outcome:
    """What the import does to one entry: creates it, changes it (and what), or leaves it alone."""

    action: str  # "create", "change" or "unchanged"
    entry: str  # 'claim “isgs-killed-100”'
    details: tuple = ()

    def __str__(self):
        verb = {"create": "create", "change": "change", "unchanged": "leave alone"}[self.action]
        details = f": {'; '.join(self.details)}" if self.details else ""
        return f"{verb} {self.entry}{details}"


@dataclasses.dataclass
class Report:
    file_name: str
    format: str
    outcomes: list = dataclasses.field(default_factory=list)
    bad_rows: list = dataclasses.field(default_factory=list)

    def of(self, action):
        return [outcome for outcome in self.outcomes if outcome.action == action]

    @property
    def created(self):
        return self.of("create")

    @property
    def changed(self):
        return self.of("change")

    @property
    def unchanged(self):
        return self.of("unchanged")

    @property
    def writes_anything(self):
        return bool(self.created or self.changed)

    def counts(self):
        return f"{len(self.created)} to create, {len(self.changed)} to change, {len(self.unchanged)} to leave alone"

    def lines(self):
        """The report as text, one line per entry: what a dry run prints and a preview shows."""
        return [str(outcome) for outcome in self.outcomes]

    def digest(self):
        """A fingerprint of what the import does, to tell whether a confirmation would do what its preview showed."""
        return hashlib.sha256("\n".join(self.lines()).encode()).hexdigest()


class ImportRefused(Exception):
    """The file has bad rows: nothing was loaded. ``report.bad_rows`` names each one."""

    def __init__(self, report):
        self.report = report
        lines = len({bad_row.line for bad_row in report.bad_rows})
        super().__init__(f"Nothing was imported: {report.file_name} has {lines} bad row{'' if lines == 1 else 's'}.")


class Row:
    """One row of the file: its cells by column name, and the line of the file it starts on."""

    def __init__(self, line, values):
        self.line = line
        self.values = values
        self.problems = []  # (column, problem) found while reading the row's cells

    def __getitem__(self, column):
        return (self.values.get(column) or "").strip()


class RowIsBad(Exception):
    """Raised to stop working on a row once it has been reported as bad."""


class Import:
    """One file of one format, imported by one user.

    Subclasses name their ``required_columns`` and implement ``load(rows)``, which creates and
    changes entries through ``prepare`` and ``commit`` and reports each bad row through ``bad``.
    """

    format_name = ""
    required_columns = ()
    model = None  # the model whose database the import writes to

    def __init__(self, file_name, user, reason=""):
        self.file_name = file_name
        self.user = user
        self.reason = reason.strip()
        self.report = Report(file_name=file_name, format=self.format_name)

    def run(self, text, dry_run=False):
        """Import ``text`` (the file's content); return the report, or raise ImportRefused naming every bad row."""
        rows = self.read(text)
        if not self.report.bad_rows:
            with transaction.atomic(using=router.db_for_write(self.model)):
                self.load(rows)
                if self.report.bad_rows or dry_run:
                    transaction.set_rollback(True, using=router.db_for_write(self.model))
        if self.report.bad_rows:
            self.report.bad_rows.sort(key=lambda bad_row: bad_row.line)  # rows may be worked on out of file order
            raise ImportRefused(self.report)
        return self.report

    def read(self, text):
        reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
        header = next(reader, None)
        if header is None:
            self.report.bad_rows.append(BadRow(1, "(header)", "the file is empty: it needs a header row"))
            return []
        header = [name.strip() for name in header]
        missing = [column for column in self.required_columns if column not in header]
        for column in missing:
            self.report.bad_rows.append(BadRow(1, column, "the header has no such column"))
        rows = []
        line = reader.line_num
        try:
            for cells in reader:
                if any(cell.strip() for cell in cells):
                    rows.append(Row(line + 1, dict(zip(header, cells))))
                line = reader.line_num
        except csv.Error as error:
            self.report.bad_rows.append(BadRow(reader.line_num, "(file)", f"not readable as CSV: {error}"))
        return [] if missing else rows

    def load(self, rows):
        raise NotImplementedError

    # Reporting bad rows.

    def bad(self, row, column, problem):
        self.report.bad_rows.append(BadRow(row.line, column, problem))

    def refuse(self, row, column, problem):
        self.bad(row, column, problem)
        raise RowIsBad

    def stop_if_bad(self, row):
        """Report the problems found in the row's cells, if any, and stop working on it."""
        for column, problem in row.problems:
            self.bad(row, column, problem)
        if row.problems:
            raise RowIsBad

    def each_row(self, rows, handle):
        """Run ``handle`` on every row, carrying on past bad ones so that the report names them all."""
        for row in rows:
            try:
                handle(row)
            except RowIsBad:
                pass

    # Creating and changing entries.

    def revision_reason(self, created):
        verb = "Imported" if created else "Updated"
        reason = f"{verb} from {self.file_name} by {self.user.get_username()}"
        return f"{reason}: {self.reason}" if self.reason else reason

    def prepare(self, model, existing, values, **new_fields):
        """The entry with ``values`` applied, and the names of the fields that changed (None: a new entry)."""
        if existing is None:
            return model(**new_fields, **values), None
        changed = []
        for name, value in values.items():
            field = model._meta.get_field(name)
            current = getattr(existing, field.attname)
            new = value.pk if field.is_relation and value is not None else value
            if current != new:
                changed.append(name)
                setattr(existing, name, value)
        return existing, changed

    def commit(self, row, entry, changed, columns, row_changes=(), fallback_column=None):
        """Save a prepared entry with its revision, or leave it alone when nothing changed; record the outcome.

        ``columns`` maps the entry's fields to the file's columns, so that a refusal names the column.
        ``row_changes`` lists rows (participants, citations) the import adds to an existing entry: they change it too.
        """
        name = f"{entry._meta.verbose_name} “{entry.slug}”"
        created = changed is None
        if not created and not changed and not row_changes:
            self.report.outcomes.append(Outcome("unchanged", name))
            return entry
        if not created and entry.status == Status.PUBLISHED:
            # Taking it back to review would unpublish it by surprise; a change to what the public
            # reads is made in the admin, where it goes through a reviewer.
            column = columns.get(changed[0], fallback_column) if changed else fallback_column
            self.refuse(
                row,
                column,
                f"{name} is published, and an import does not change published entries "
                f"(it would change: {', '.join([*(verbose(entry, field) for field in changed), *row_changes])}); "
                "change it in the admin",
            )
        if created or entry.status != IMPORTED_STATUS:
            entry.status = IMPORTED_STATUS
            if not created:
                changed = [*changed, "status"]
        self.save(row, entry, columns, fallback_column, created)
        details = () if created else (*(verbose(entry, field) for field in changed), *row_changes)
        self.report.outcomes.append(Outcome("create" if created else "change", name, tuple(details)))
        return entry

    def add_row(self, row, model, columns, fallback_column, **fields):
        """Save a new row that belongs to an entry (a participation, a citation) with the entry's revision reason."""
        self.save(row, model(**fields), columns, fallback_column, created=True)

    def save(self, row, obj, columns, fallback_column, created):
        try:
            obj.full_clean()
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                column = columns.get(field, fallback_column) if field != NON_FIELD_ERRORS else fallback_column
                for message in messages:
                    self.bad(row, column, message)
            raise RowIsBad from error
        obj._history_user = self.user
        obj._change_reason = self.revision_reason(created)
        try:
            with transaction.atomic(using=router.db_for_write(type(obj))):
                obj.save()
        except DatabaseError as error:
            self.refuse(row, fallback_column, f"the database refuses the {obj._meta.verbose_name}: {error}")


def verbose(entry, field_name):
    return str(entry._meta.get_field(field_name).verbose_name)
