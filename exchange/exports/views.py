"""The /data/ page and its files.

Event-shaped files take the events list's filters and the claims file the claims list's, through
the same FilterSets; with an invalid filter there is no file, only the list with its errors.
"""

from django.http import Http404, HttpResponseRedirect, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import http_date

from events.exports import EventExportView, csv_download, entry_url_pattern
from events.views import EventListView
from sources.exports import ClaimExportView
from sources.grades import grades_of
from sources.models import Claim

from . import acled, geojson, tables, ucdp
from .datapackage import ARTICLE, LICENCE, RecordVersion, descriptor
from .record import without_containers

FILES = (
    acled.FILE,
    ucdp.FILE,
    geojson.EVENTS,
    geojson.PLACES,
    tables.EVENTS,
    tables.CLAIMS,
    tables.ACTORS,
    tables.PLACES,
    tables.SOURCES,
)
TABLES = tuple(data_file for data_file in FILES if data_file.is_table)


def stamped(response, name, version):
    """The download named after the record's version, so that two downloads can be told apart."""
    stem, extension = name.rsplit(".", 1)
    response["Content-Disposition"] = f'attachment; filename="menaka-{stem}-{version.label}.{extension}"'
    if version.changed:
        response["Last-Modified"] = http_date(version.changed.timestamp())
    return response


def detail_urls(request):
    """{"event": "https://.../events/{}/", ...}: entry addresses to fill with a slug."""
    return {kind: entry_url_pattern(request, f"{kind}-detail") for kind in ("event", "place")}


def data_index(request):
    context = {
        "files": FILES,
        "version": RecordVersion.current(),
        "licence": LICENCE,
        "article": ARTICLE,
        "package_url": reverse("data-file", args=["datapackage.json"]),
    }
    return render(request, "exchange/data.html", context)


def datapackage(request):
    version = RecordVersion.current()
    response = JsonResponse(descriptor(TABLES, version), json_dumps_params={"ensure_ascii": False, "indent": 2})
    return stamped(response, "datapackage.json", version)


class VersionedFile:
    """A list's own download, stamped with the record's version."""

    data_file = None

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if response.status_code != 200:
            return response
        return stamped(response, self.data_file.name, RecordVersion.current())


class EventsFile(VersionedFile, EventExportView):
    """The events list's file, with the two grades of each event (sources/grades.py) at the end."""

    data_file = tables.EVENTS
    columns = (*EventExportView.columns, "grade_occurred", "grade_perpetrator")

    def rows(self, queryset):
        for ids, rows in self.rows_in_chunks(queryset):
            graded = grades_of(ids)
            for pk, row in zip(ids, rows):
                event_grades = graded.get(pk, {})
                yield [*row, event_grades.get(Claim.Kind.OCCURRED, ""), event_grades.get(Claim.Kind.PERPETRATOR, "")]


class ClaimsFile(VersionedFile, ClaimExportView):
    data_file = tables.CLAIMS


class EventShapedFile(EventListView):
    """A file of the events list, filtered as the list is; a subclass gives ``download(events)``."""

    paginate_by = None  # the whole filtered list, whatever page the reader was on
    data_file = None

    def render_to_response(self, context, **response_kwargs):
        if self.filterset.errors:
            return HttpResponseRedirect(f"{reverse('event-list')}?{self.request.GET.urlencode()}")
        return stamped(self.download(self.object_list), self.data_file.name, RecordVersion.current())


class AcledFile(EventShapedFile):
    data_file = acled.FILE

    def download(self, events):
        return csv_download(self.data_file.column_names, acled.rows(without_containers(events)), self.data_file.name)


class UcdpFile(EventShapedFile):
    data_file = ucdp.FILE

    def download(self, events):
        return csv_download(self.data_file.column_names, ucdp.rows(without_containers(events)), self.data_file.name)


class EventsGeoJSON(EventShapedFile):
    data_file = geojson.EVENTS

    def download(self, events):
        counts = {"events_without_coordinates": 0}
        features = geojson.event_features(events, detail_urls(self.request), counts)
        return StreamingHttpResponse(geojson.collection(features, counts), content_type=geojson.MEDIA_TYPE)


def places_geojson(request):
    counts = {"places_without_coordinates": 0}
    features = geojson.place_features(detail_urls(request), counts)
    response = StreamingHttpResponse(geojson.collection(features, counts), content_type=geojson.MEDIA_TYPE)
    return stamped(response, geojson.PLACES.name, RecordVersion.current())


def table_file(data_file, rows):
    def view(request):
        response = csv_download(data_file.column_names, rows(request), data_file.name)
        return stamped(response, data_file.name, RecordVersion.current())

    return view


actors_csv = table_file(tables.ACTORS, tables.actor_rows)
places_csv = table_file(tables.PLACES, tables.place_rows)
sources_csv = table_file(tables.SOURCES, tables.source_rows)


FILE_VIEWS = {
    acled.FILE.name: AcledFile.as_view(),
    ucdp.FILE.name: UcdpFile.as_view(),
    geojson.EVENTS.name: EventsGeoJSON.as_view(),
    geojson.PLACES.name: places_geojson,
    tables.EVENTS.name: EventsFile.as_view(),
    tables.CLAIMS.name: ClaimsFile.as_view(),
    tables.ACTORS.name: actors_csv,
    tables.PLACES.name: places_csv,
    tables.SOURCES.name: sources_csv,
    "datapackage.json": datapackage,
}


def data_file(request, name):
    if name not in FILE_VIEWS:
        raise Http404("No such file.")
    return FILE_VIEWS[name](request)
