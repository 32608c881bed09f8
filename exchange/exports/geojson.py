"""/data/events.geojson and /data/places.geojson: RFC 7946 FeatureCollections of the located record.

Coordinates are [longitude, latitude] in WGS 84. An event has one Point feature per published
place of it that has a point (a battle fought at two located villages is two features with the
event's properties): each point then carries its own confidence. An event none of whose places
has a point, and a place without a point, is left out and counted in the collection's
``events_without_coordinates`` or ``places_without_coordinates``.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext_lazy as _

from events.exports import PublishedSlugs, chunks, labels, places_of, values_in_chunks
from events.models import DATE_FIELDS, Event, Place
from sources.grades import grades_of
from sources.models import Claim

from .codebook import DataFile
from .record import Gazetteer

MEDIA_TYPE = "application/geo+json"

EVENTS = DataFile(
    name="events.geojson",
    title=_("Events on the map (GeoJSON)"),
    description=(
        "One Point feature per published event and each of its published places that has a point; "
        "properties: event, title, url, event_type, start_date, end_date, start_precision and end_precision "
        "(day, month, year, approximate; null for an unknown date), date_meaning (lasted: from start to end; "
        "within: sometime between them), part_of, "
        "place, place_name, place_kind, coordinate_confidence, grade_occurred and grade_perpetrator (the event's "
        "two grades, it happened and who did it: an assessment, or null when no claim answers it). Events without any "
        "located place are left out and counted in the collection's events_without_coordinates."
    ),
    columns=(),
    media_type=MEDIA_TYPE,
    filters="events",
)

PLACES = DataFile(
    name="places.geojson",
    title=_("Places on the map (GeoJSON)"),
    description=(
        "One Point feature per published place with a point; properties: place, name, kind, parent, url, "
        "coordinate_confidence, coordinate_source_url, coordinate_note. Places without a point are left out "
        "and counted in the collection's places_without_coordinates."
    ),
    columns=(),
    media_type=MEDIA_TYPE,
)

COLLECTION_START = '{"type": "FeatureCollection", "features": [\n'


def point(place):
    return {"type": "Point", "coordinates": [float(place.longitude), float(place.latitude)]}


def collection(features, counts):
    """The collection as text, a feature a line; ``counts``, filled as the features are read, closes it."""
    yield COLLECTION_START
    encode = DjangoJSONEncoder(ensure_ascii=False).encode  # one encoder for the file, not one a feature
    separator = ""
    for batch in chunks(features):
        yield separator + ",\n".join(map(encode, batch))
        separator = ",\n"
    yield "\n], " + json.dumps(counts)[1:] + "\n"


def event_features(queryset, urls, counts):
    gazetteer, types = Gazetteer(), labels(Event.Type.choices)
    fields = ("pk", "slug", "title", "event_type", *DATE_FIELDS, "parent_id")
    parent_slugs = PublishedSlugs(Event)
    for events in values_in_chunks(queryset, *fields):
        ids = [event.pk for event in events]
        places, graded = places_of(ids), grades_of(ids)
        gazetteer.load(pk for named in places.values() for pk, _ in named)
        parents = parent_slugs.of(event.parent_id for event in events)
        for event in events:
            located = [
                place
                for place in (gazetteer.places.get(pk) for pk, _ in places.get(event.pk, ()))
                if place and place.latitude is not None
            ]
            if not located:
                counts["events_without_coordinates"] += 1
            for place in located:
                yield {
                    "type": "Feature",
                    "id": f"{event.slug}@{place.slug}",
                    "geometry": point(place),
                    "properties": {
                        "event": event.slug,
                        "title": event.title,
                        "url": urls["event"].format(event.slug),
                        "event_type": types[event.event_type],
                        "start_date": iso(event.start_date),
                        "end_date": iso(event.end_date),
                        "start_precision": event.start_precision or None,
                        "end_precision": event.end_precision or None,
                        "date_meaning": event.date_meaning,
                        "part_of": parents.get(event.parent_id),
                        "place": place.slug,
                        "place_name": place.name,
                        "place_kind": place.kind,
                        "coordinate_confidence": place.coordinate_confidence,
                        "grade_occurred": graded.get(event.pk, {}).get(Claim.Kind.OCCURRED),
                        "grade_perpetrator": graded.get(event.pk, {}).get(Claim.Kind.PERPETRATOR),
                    },
                }


def place_features(urls, counts):
    fields = ("slug", "name", "kind", "parent_id", "latitude", "longitude", "coordinate_confidence",
              "coordinate_source_url", "coordinate_note")  # fmt: skip
    parent_slugs = PublishedSlugs(Place)
    for places in values_in_chunks(Place.objects.published().order_by("name", "pk"), *fields):
        parents = parent_slugs.of(place.parent_id for place in places)
        for place in places:
            if place.latitude is None:
                counts["places_without_coordinates"] += 1
                continue
            yield {
                "type": "Feature",
                "id": place.slug,
                "geometry": {"type": "Point", "coordinates": [float(place.longitude), float(place.latitude)]},
                "properties": {
                    "place": place.slug,
                    "name": place.name,
                    "kind": place.kind,
                    "parent": parents.get(place.parent_id),
                    "url": urls["place"].format(place.slug),
                    "coordinate_confidence": place.coordinate_confidence,
                    "coordinate_source_url": place.coordinate_source_url or None,
                    "coordinate_note": place.coordinate_note or None,
                },
            }


def iso(day):
    """The ISO text of a date, as values_in_chunks reads it; null for none."""
    return day or None
