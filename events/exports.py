"""Public CSV exports: the rows of a filtered list as a file researchers open in a spreadsheet or a script.

A file is read in chunks of ROWS_PER_CHUNK rows: each chunk is one slice of the list's own
columns (named tuples of ``.values_list()``, no model instances) and one query per related table
for the rows in it, so memory stays flat and the queries per chunk do not grow with the record.
A file is tens of thousands of rows: what is the same for every row (labels, addresses) is
worked out once per file, and each row is a few lookups.
"""

import csv
import io
import itertools
import json
from collections import namedtuple
from functools import partial

from django.db import connection
from django.db.models import CharField, DateField, DateTimeField, Func, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, NullIf
from django.http import HttpResponseRedirect, StreamingHttpResponse
from django.urls import reverse

from .models import DATE_FIELDS, Event, EventPlace, Participation, Status
from .views import EventListView

ROWS_PER_CHUNK = 2000

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV Injection"),
# and editors' text is not code. Only free text goes through this guard: slugs, choice codes, dates
# and validated URLs cannot hold a formula, and numbers must stay numbers for whoever sums or sorts them.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def free_text(value):
    return f"'{value}" if value and value.startswith(FORMULA_TRIGGERS) else value


def joined(values):
    return " | ".join(value for value in values if value)


def chunks(rows):
    """Lists of at most ROWS_PER_CHUNK rows from an iterator."""
    rows, size = iter(rows), ROWS_PER_CHUNK
    while chunk := list(itertools.islice(rows, size)):
        yield chunk


def values_in_chunks(queryset, *fields, **expressions):
    """The queryset's rows as named tuples of ``fields`` and ``expressions`` (``row.slug``), a chunk at a time,
    in its order.

    A date comes as its ISO 8601 text ("2022-12-01", what a file writes), read so by the database: a date
    object per value, made and written back as the same text, was a tenth of a file's time."""
    Row = namedtuple("Row", [*fields, *expressions])
    columns = [IsoDate(field) if is_date(queryset.model, field) else field for field in fields]
    rows = queryset.prefetch_related(None).values_list(*columns, *expressions.values())
    rows = rows.iterator(chunk_size=ROWS_PER_CHUNK)
    return chunks(map(partial(tuple.__new__, Row), rows))  # Row._make without its Python call


class IsoDate(Func):
    """A date column as its ISO 8601 text, NULL for none."""

    output_field = CharField()
    template = "CAST(%(expressions)s AS text)"  # how SQLite stores a date

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="to_char(%(expressions)s, 'YYYY-MM-DD')", **extra_context)


def is_date(model, path):
    """Whether the field at ``path`` ("start_date", "event__start_date") holds a date (not a time)."""
    *relations, name = path.split("__")
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    field = model._meta.pk if name == "pk" else model._meta.get_field(name)
    return isinstance(field, DateField) and not isinstance(field, DateTimeField)


def labels(choices):
    """{value: label} of a model's choices as plain text, in the language of the request: a lazy label costs a
    translation lookup each time it is written, tens of thousands of times a file."""
    return {value: str(label) for value, label in choices}


def any_of(ids):
    """The ids, for an ``__in`` lookup, as one query parameter: given a list, Django prepares each id on its
    own, which at a chunk's thousands of ids was a fifth of an export's time. SQLite reads them from JSON,
    PostgreSQL from an array."""
    ids = list(ids)
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [ids])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])


def grouped(pairs):
    """{key: [value, ...]} from (key, value) pairs, keeping their order."""
    groups = {}
    for key, value in pairs:
        groups.setdefault(key, []).append(value)
    return groups


def label_in_sql(path):
    """What files name the actor at ``path`` by: its short name, or its name when it has none."""
    return Coalesce(NullIf(f"{path}short_name", Value("")), f"{path}name")


def participants_of(event_ids):
    """{event id: [(role, actor id, actor label, actor kind), ...]}: the published actors, by name."""
    rows = (
        Participation.objects.filter(event_id__in=any_of(event_ids), actor__status=Status.PUBLISHED)
        .order_by("actor__name", "pk")
        .values_list("event_id", "role", "actor_id", label_in_sql("actor__"), "actor__kind")
    )
    return grouped((event, (role, actor, label, kind)) for event, role, actor, label, kind in rows)


def places_of(event_ids):
    """{event id: [place id, ...]}: the published places, by name."""
    rows = (
        EventPlace.objects.filter(event_id__in=any_of(event_ids), place__status=Status.PUBLISHED)
        .order_by("place__name", "pk")
        .values_list("event_id", "place_id", "place__name")
    )
    return grouped((event, (place, name)) for event, place, name in rows)


def entry_url_pattern(request, url_name):
    """The absolute address of an entry's page with "{}" for its slug: one reverse() per file, not per row."""
    return request.build_absolute_uri(reverse(url_name, args=["SLUG"])).replace("SLUG", "{}")


def published_values(model, pks, *fields):
    """The ``fields`` of the published entries among ``pks``, as named rows (with their ``status``).

    Read by primary key, the status checked here: asked as status = published, SQLite walks the status
    index through every published entry, for a file's few hundred parents a hundred times the rows wanted
    (an eighth of /events.csv's time at 100,000 events)."""
    rows = model.objects.filter(pk__in=any_of(pks)).order_by().values_list("status", *fields, named=True)
    return [row for row in rows if row.status == Status.PUBLISHED]


def published_slugs(model, pks):
    return {row.pk: row.slug for row in published_values(model, pks, "pk", "slug")}


# How many entries a file keeps between its chunks (places, parent events, date codes) before it starts over:
# enough that a region's villages or a war's campaigns are read once for many chunks, and a bound, so that a
# worker streaming a million-event file does not grow with the record.
KEPT_BETWEEN_CHUNKS = 20_000


def make_room(memo, *kept_with_it):
    """Empties the memo, and those kept with it, once it holds KEPT_BETWEEN_CHUNKS entries. Called before a
    chunk reads what it needs, never while its rows are written, so a row never misses what its chunk read."""
    if len(memo) >= KEPT_BETWEEN_CHUNKS:
        for kept in (memo, *kept_with_it):
            kept.clear()


class PublishedSlugs:
    """The slugs of published entries that rows name (their parents), read as a file's chunks go: each entry
    once per file, though thousands of rows name the same war or region; None for an entry not published."""

    def __init__(self, model):
        self.model, self.known = model, {}

    def of(self, pks):
        make_room(self.known)
        missing = {pk for pk in pks if pk and pk not in self.known}
        if missing:
            found = published_slugs(self.model, missing)
            self.known.update((pk, found.get(pk)) for pk in missing)
        return self.known


class CSVExport:
    """A filtered list view's rows as a CSV download.

    With invalid filters there is no file: the reader is sent to the list page, which shows the form's errors.
    A subclass gives the ``columns`` and ``rows(queryset)``, an iterator of lists of cells.
    """

    paginate_by = None  # the whole filtered list, whatever page the reader was on
    list_url_name = None
    filename = None
    columns = ()

    def render_to_response(self, context, **response_kwargs):
        if self.filterset.errors:
            return HttpResponseRedirect(f"{reverse(self.list_url_name)}?{self.request.GET.urlencode()}")
        return csv_download(self.columns, self.rows(self.object_list), self.filename)


def csv_text(columns, rows):
    """The file as text, a chunk of rows at a time: one write to the client per chunk, not per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for batch in itertools.chain([[]], chunks(rows)):
        writer.writerows(batch)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def csv_download(columns, rows, filename, headers=None):
    return StreamingHttpResponse(
        csv_text(columns, rows),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', **(headers or {})},
    )


SIDE_A, SIDE_B = Participation.Role.SIDE_A, Participation.Role.SIDE_B
# Other participants are listed in this order of roles, each role's actors by name.
OTHER_ROLES = (Participation.Role.PERPETRATOR, Participation.Role.TARGET, Participation.Role.OTHER)


class EventExportView(CSVExport, EventListView):
    list_url_name = "event-list"
    filename = "menaka-events.csv"
    # ACLED's column names where they mean the same thing. There is no fatalities column on purpose:
    # every casualty figure is a claim, with its claimant, and stays in the claims export.
    columns = (
        "event_id",
        "url",
        "title",
        "event_date_start",
        "event_date_end",
        "start_precision",
        "end_precision",
        "date_meaning",
        "event_type",
        "sub_event_type",
        "part_of",
        "actor1",
        "actor2",
        "other_actors",
        "locations",
        "notes",
    )
    fields = (
        "pk", "slug", "title", "summary", *DATE_FIELDS, "event_type", "sub_event_type", "parent_id",
    )  # fmt: skip

    def rows(self, queryset):
        for _, rows in self.rows_in_chunks(queryset):
            yield from rows

    def rows_in_chunks(self, queryset):
        """(the events' ids, their rows) a chunk at a time."""
        type_labels, sub_type_labels = labels(Event.Type.choices), labels(Event.SubType.choices)
        detail_url = entry_url_pattern(self.request, "event-detail")
        parent_slugs = PublishedSlugs(Event)
        for events in values_in_chunks(queryset, *self.fields):
            ids = [event.pk for event in events]
            participants, places = participants_of(ids), places_of(ids)
            parents = parent_slugs.of(event.parent_id for event in events)
            rows = []
            for event in events:
                side_a, side_b, others = [], [], []
                for role, _, label, _ in participants.get(event.pk, ()):
                    if role == SIDE_A:
                        side_a.append(label)
                    elif role == SIDE_B:
                        side_b.append(label)
                    else:
                        others.append((OTHER_ROLES.index(role), len(others), f"{label} ({role})"))
                if len(others) > 1:
                    others.sort()
                rows.append([
                    event.slug,
                    detail_url.format(event.slug),
                    free_text(event.title),
                    event.start_date,
                    event.end_date,
                    event.start_precision,
                    event.end_precision,
                    event.date_meaning,
                    type_labels.get(event.event_type, event.event_type),
                    sub_type_labels.get(event.sub_event_type, ""),
                    parents.get(event.parent_id) or "",
                    free_text(" | ".join(side_a)),
                    free_text(" | ".join(side_b)),
                    free_text(" | ".join(text for _, _, text in others)),
                    free_text(joined(name for _, name in places.get(event.pk, ()))),
                    free_text(event.summary),
                ])  # fmt: skip
            yield ids, rows
