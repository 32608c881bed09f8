"""Public CSV exports: the rows of a filtered list as a file researchers open in a spreadsheet or a script."""

import csv
import itertools

from django.http import HttpResponseRedirect, StreamingHttpResponse
from django.urls import reverse

from .models import Participation
from .views import EventListView, published_participations

# Rows are read and written this many at a time, so a large export streams in bounded memory
# (each chunk costs its own few queries for the related rows it prefetches).
ROWS_PER_CHUNK = 2000

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV Injection"),
# and editors' text is not code. Only free text goes through this guard: slugs, choice codes, dates
# and validated URLs cannot hold a formula, and numbers must stay numbers for whoever sums or sorts them.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def free_text(value):
    return f"'{value}" if value.startswith(FORMULA_TRIGGERS) else value


class Passthrough:
    """A file-like object for csv.writer that hands each written line back instead of storing it."""

    def write(self, line):
        return line


def joined(values):
    return " | ".join(value for value in values if value)


class CSVExport:
    """A filtered list view's rows as a CSV download.

    With invalid filters there is no file: the reader is sent to the list page, which shows the form's errors.
    """

    paginate_by = None  # the whole filtered list, whatever page the reader was on
    list_url_name = None
    filename = None
    columns = ()

    def render_to_response(self, context, **response_kwargs):
        if self.filterset.errors:
            return HttpResponseRedirect(f"{reverse(self.list_url_name)}?{self.request.GET.urlencode()}")
        writer = csv.writer(Passthrough())
        entries = self.object_list.iterator(chunk_size=ROWS_PER_CHUNK)
        rows = itertools.chain([self.columns], (self.row(entry) for entry in entries))
        return StreamingHttpResponse(
            (writer.writerow(row) for row in rows),
            content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{self.filename}"'},
        )


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
        "time_precision",
        "event_type",
        "sub_event_type",
        "part_of",
        "actor1",
        "actor2",
        "other_actors",
        "locations",
        "notes",
    )

    def get_queryset(self):
        return super().get_queryset().select_related("parent").prefetch_related(published_participations())

    def row(self, event):
        by_role = {role: [] for role in Participation.Role.values}
        for participation in event.published_participations:
            by_role[participation.role].append(participation)
        parent = event.parent
        return [
            event.slug,
            self.request.build_absolute_uri(event.get_absolute_url()),
            free_text(event.title),
            event.start_date,
            event.end_date,
            event.date_precision,
            event.get_event_type_display(),
            event.get_sub_event_type_display(),
            parent.slug if parent is not None and parent.is_published else "",
            free_text(joined(p.actor.label for p in by_role[Participation.Role.SIDE_A])),
            free_text(joined(p.actor.label for p in by_role[Participation.Role.SIDE_B])),
            free_text(
                joined(
                    f"{p.actor.label} ({p.role})"
                    for role in (Participation.Role.PERPETRATOR, Participation.Role.TARGET, Participation.Role.OTHER)
                    for p in by_role[role]
                )
            ),
            free_text(joined(event_place.place.name for event_place in event.published_event_places)),
            free_text(event.summary),
        ]
