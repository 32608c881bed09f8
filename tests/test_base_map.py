"""The map over its base map, as readers get it: borders, scale, areas, places placed honestly, events, the event page's map."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from editorial.page_cache import record_changed
from events.charts import basemap
from events.charts import place_map as map_charts
from events.models import Event, Place, Status
from events.templatetags.record import coordinates
from sources.management.commands.synthesize import gather_statistics
from tests.factories import make_event, make_place

pytestmark = pytest.mark.django_db

D = datetime.date
DRAFT_MARKER = "Zzdraftmarker"
# Mali and its seven neighbours, as Natural Earth names them, by their ISO 3166-1 numeric codes.
MALI_AND_NEIGHBOURS = {
    "466": "Mali", "012": "Algeria", "562": "Niger", "854": "Burkina Faso", "384": "Côte d'Ivoire",
    "324": "Guinea", "686": "Senegal", "478": "Mauritania",
}


def located(slug, name, latitude, longitude, confidence, **fields):
    return make_place(slug=slug, name=name, latitude=Decimal(latitude), longitude=Decimal(longitude),
                      coordinate_confidence=confidence, **fields)


def make_record():
    """The article's places, nested as in the fixture: a country, regions, a cercle, a commune, villages."""
    mali = located("mali", "Mali", "17.00000", "-4.00000", Place.CoordinateConfidence.REPRESENTATIVE,
                   kind=Place.Kind.COUNTRY, alternate_names="Republic of Mali\nML")
    gao_region = located("gao-region", "Gao Region", "17.09861", "0.35139", Place.CoordinateConfidence.REPRESENTATIVE,
                         kind=Place.Kind.REGION, parent=mali)
    located("menaka-region", "Ménaka Region", "16.70000", "2.70000", Place.CoordinateConfidence.REPRESENTATIVE,
            kind=Place.Kind.REGION, parent=mali)
    cercle = make_place(slug="gao-cercle", name="Gao Cercle", kind=Place.Kind.CERCLE, parent=gao_region)
    tessit = located("tessit", "Tessit", "15.22626", "0.29338", Place.CoordinateConfidence.LOW,
                     kind=Place.Kind.COMMUNE, parent=gao_region)
    located("fitili", "Fitili", "15.05510", "0.25980", Place.CoordinateConfidence.LOW,
            kind=Place.Kind.MILITARY_BASE, parent=mali)
    located("menaka", "Ménaka", "15.91667", "2.40000", Place.CoordinateConfidence.GOOD, kind=Place.Kind.TOWN, parent=mali)
    return {
        "mali": mali, "gao_region": gao_region, "tessit": tessit,
        "haroum": make_place(slug="haroum", name="Haroum", parent=gao_region),
        "ntillit": make_place(slug="ntillit", name="N'Tillit", parent=cercle),
        "tadjalalt": make_place(slug="tadjalalt", name="Tadjalalt", parent=tessit),
        "alabadje": make_place(slug="alabadje", name="Alabadje", kind=Place.Kind.TOWN, parent=mali),
    }


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def map_svg(html):
    match = re.search(r'<svg class="place-map".*?</svg>', html, re.S)
    assert match, "no map on the page"
    return match.group(0)


def aside(html):
    return html[html.index('<aside class="map-aside"'):html.index("</aside>")]


def markers(svg):
    """(slug, marker kind, classes, x, y) of each place drawn: a point's circle centre, or an area diamond's centre."""
    found = []
    for slug, kind, classes, body in re.findall(
        r'<a href="/places/([^"]+)/" class="(map-point|map-area|map-town)([^"]*)">(.*?)</a>', svg, re.S
    ):
        circle = re.search(r'<circle cx="([\d.-]+)" cy="([\d.-]+)"', body)
        diamond = re.search(r'<path d="M([\d.-]+),([\d.-]+)l([\d.]+),', body)
        if circle:
            x, y = float(circle.group(1)), float(circle.group(2))
        else:
            x, y = float(diamond.group(1)), float(diamond.group(2)) + float(diamond.group(3))
        found.append((slug, kind, classes.split(), x, y))
    return found


# The base map


def test_the_shipped_base_map_is_small_and_holds_mali_and_its_neighbours_from_natural_earth():
    asset = basemap.load_basemap()

    assert basemap.ASSET.stat().st_size < 60_000
    assert {country["id"]: country["name"] for country in asset["countries"]}.items() >= MALI_AND_NEIGHBOURS.items()
    assert "Natural Earth" in asset["attribution"] and "world-atlas" in asset["attribution"]
    mali = next(country for country in asset["countries"] if country["id"] == "466")
    west, south, east, north = mali["bounds"]
    # Mali spans about 12.2°W to 4.2°E and 10.1°N to 25°N.
    assert west == pytest.approx(-12.2, abs=0.3) and east == pytest.approx(4.25, abs=0.3)
    assert south == pytest.approx(10.15, abs=0.3) and north == pytest.approx(25.0, abs=0.3)


def test_the_map_draws_the_borders_of_mali_and_its_neighbours_named_with_a_scale_bar_and_the_attribution(client):
    make_record()

    html = page(client, reverse("map"))
    svg = map_svg(html).replace("&#x27;", "'")

    for number, name in MALI_AND_NEIGHBOURS.items():
        assert re.search(rf'<path class="country country-{number}[^"]*" data-country="{re.escape(name)}" d="M[\d,l -]+z', svg), name
    named = re.findall(r'<text class="country-label"[^>]*>([^<]+)</text>', svg)
    assert {"Mali", "Algeria", "Niger", "Burkina Faso", "Mauritania", "Senegal", "Guinea"} <= set(named)
    scale = re.search(r'<g class="scale-bar".*?<path d="M0,0v6h([\d.]+)v-6"/>\s*<text[^>]*>([\d,]+) km</text>', svg, re.S)
    assert scale, "no scale bar"
    assert "Borders: Natural Earth · world-atlas" in svg
    assert "Natural Earth</a> (public domain)" in html and "world-atlas</a> package (ISC licence)" in html
    assert '<svg class="map-locator"' in html


def test_the_scale_bar_is_as_long_as_its_kilometres_at_the_scale_of_the_map():
    make_record()

    place_map = map_charts.chart_places(Place.objects)
    bar = place_map.scale_bar
    # A degree of latitude is about 111.2 km, and the projection draws it place_map.projection.scale units tall.
    assert bar.length == pytest.approx(bar.km / 111.195 * place_map.projection.scale, rel=0.002)
    # Round lengths step by at most 2.5 times (200, 500 km): the longest that fits is over a tenth of the width.
    assert place_map.width / 10 < bar.length <= place_map.width / 4


def test_the_counted_map_is_drawn_over_the_same_borders(client, monkeypatch):
    monkeypatch.setattr(map_charts, "DETAIL_LIMIT", 3)
    make_record()

    svg = map_svg(page(client, reverse("map")))

    assert 'class="map-cell density-' in svg
    assert 'data-country="Mali"' in svg and 'data-country="Niger"' in svg
    assert '<g class="scale-bar"' in svg and "Natural Earth" in svg


def test_a_map_far_from_the_sahel_has_no_borders_rather_than_wrong_ones(client):
    located("far", "Far away", "50.5", "10.5", Place.CoordinateConfidence.GOOD)

    svg = map_svg(page(client, reverse("map") + "?bbox=10,50,11,51"))

    assert '<path class="country' not in svg and '<text class="country-label"' not in svg
    assert '<a href="/places/far/" class="map-point point-good">' in svg


# Areas are not points


def test_regions_are_drawn_as_area_markers_and_a_country_as_its_borders_never_as_village_points(client):
    make_record()

    svg = map_svg(page(client, reverse("map")))
    drawn = {slug: (kind, classes) for slug, kind, classes, _, _ in markers(svg)}

    assert drawn["gao-region"][0] == "map-area" and drawn["menaka-region"][0] == "map-area"
    assert drawn["menaka"][0] == "map-point" and drawn["fitili"][0] == "map-point" and drawn["tessit"][0] == "map-point"
    assert re.search(r'<a href="/places/gao-region/" class="map-area[^"]*">\s*<title>Gao Region \(region: a conventional '
                     r'point for the whole area\)[^<]*</title>\s*<path d="M', svg)
    area_links = re.findall(r'<a href="/places/gao-region/".*?</a>', svg, re.S)
    assert "<circle" not in area_links[0]
    # Mali has a point in the record, but it is a country: its borders stand for it, its name links to it.
    assert "mali" not in drawn
    assert re.search(r'<a href="/places/mali/" class="country-link[^"]*"><title>Mali: country, drawn as its borders', svg)


def test_each_point_and_area_marker_keeps_its_confidence(client):
    make_record()

    drawn = {slug: classes for slug, _, classes, _, _ in markers(map_svg(page(client, reverse("map"))))}

    assert "point-good" in drawn["menaka"]
    assert "point-low" in drawn["fitili"] and "point-low" in drawn["tessit"]
    assert "point-representative" in drawn["gao-region"]


# Places without coordinates


def test_a_village_without_coordinates_is_listed_somewhere_in_its_region_and_the_region_highlighted(client):
    make_record()

    html = page(client, reverse("map"))
    svg = map_svg(html)
    listed = aside(html)
    drawn = {slug: classes for slug, _, classes, _, _ in markers(svg)}

    assert re.search(r'<a href="/places/haroum/">Haroum</a> <span class="meta">\(village\)</span>: somewhere in '
                     r'<a href="/places/gao-region/" class="somewhere-in">Gao Region</a>', listed)
    # Through a cercle that has no point of its own, up to the region that has one.
    assert re.search(r"N&#x27;Tillit</a>.*?somewhere in <a href=\"/places/gao-region/\"", listed)
    assert "highlighted" in drawn["gao-region"]
    assert "haroum" not in drawn and "ntillit" not in drawn and "Haroum" not in svg
    # A village of a commune with a point: somewhere in the commune, whose point is highlighted.
    assert re.search(r'Tadjalalt</a>.*?somewhere in <a href="/places/tessit/"', listed)
    assert "highlighted" in drawn["tessit"]
    assert "highlighted" not in drawn["menaka"] and "highlighted" not in drawn["menaka-region"]


def test_a_place_whose_only_known_area_is_the_country_highlights_the_country(client):
    make_record()

    html = page(client, reverse("map"))

    assert re.search(r'Alabadje</a>.*?somewhere in <a href="/places/mali/"', aside(html))
    assert re.search(r'<path class="country country-466 home area-highlight" data-country="Mali"', map_svg(html))
    assert not re.search(r'class="country country-562[^"]*area-highlight', html)


def test_a_place_within_a_draft_is_not_placed_in_it_nor_anywhere_above_it(client):
    records = make_record()
    draft_region = located("draft-region", f"{DRAFT_MARKER} region", "16.0", "1.0",
                           Place.CoordinateConfidence.REPRESENTATIVE, kind=Place.Kind.REGION,
                           parent=records["mali"], status=Status.DRAFT)
    make_place(slug="orphan", name="Orphan village", parent=draft_region)

    html = page(client, reverse("map"))

    assert DRAFT_MARKER not in html and "draft-region" not in html
    assert re.search(r'Orphan village</a> <span class="meta">\(village\)</span></li>', aside(html))


# Honest coordinates


def test_every_drawn_point_is_a_record_coordinate_through_the_projection_and_no_other_coordinate_is_written(client):
    records = make_record()
    html = page(client, reverse("map"))
    place_map = map_charts.chart_places(Place.objects)
    projection = place_map.projection
    published = {place.slug: place for place in Place.objects.published()}

    drawn = markers(map_svg(html))

    assert drawn
    for slug, _, _, x, y in drawn:
        place = published[slug]
        assert place.has_coordinates, f"{slug} has no coordinates but is drawn"
        assert (x, y) == projection.project(float(place.latitude), float(place.longitude))
        # And back: the point drawn is the record's, to the precision of a tenth of a unit.
        assert float(place.longitude) == pytest.approx(projection.west + x / (projection.x_stretch * projection.scale), abs=0.01)
        assert float(place.latitude) == pytest.approx(projection.north - y / projection.scale, abs=0.01)
    assert {slug for slug, *_ in drawn} == {slug for slug, place in published.items() if place.has_coordinates} - {"mali"}
    written = set(re.findall(r"(?:around )?[\d.]+° [NS], [\d.]+° [EW]", html))
    assert written <= {coordinates(place) for place in published.values() if place.has_coordinates}
    assert coordinates(records["haroum"]) not in written


# Events on the map


def make_clashes(records):
    war = make_event(slug="war", title="The war", start_date=D(2020, 1, 1), places=[records["mali"]])
    clashes = make_event(slug="clashes", title="The clashes", parent=war, start_date=D(2022, 12, 3), end_date=D(2022, 12, 10),
                         places=[records["gao_region"]])
    make_event(slug="at-fitili", title="At Fitili", parent=clashes, start_date=D(2022, 12, 4),
               places=[Place.objects.get(slug="fitili"), records["haroum"]])
    make_event(slug="at-ntillit", title="At N'Tillit", parent=clashes, start_date=D(2022, 12, 5), places=[records["ntillit"]])
    make_event(slug="draft-event", title="Draft", parent=clashes, status=Status.DRAFT, start_date=D(2022, 12, 6),
               places=[Place.objects.get(slug="menaka-region")])
    make_event(slug="elsewhere", title="Elsewhere", start_date=D(2019, 5, 1), places=[Place.objects.get(slug="menaka")])
    return clashes


def test_the_map_of_an_events_parts_draws_their_places_and_where_the_unlocated_ones_lie(client):
    clashes = make_clashes(make_record())

    html = page(client, reverse("map") + f"?part_of={clashes.slug}")
    drawn = {slug: (kind, classes) for slug, kind, classes, _, _ in markers(map_svg(html))}

    assert drawn["fitili"][0] == "map-point"
    # Haroum and N'Tillit are somewhere in Gao Region: drawn highlighted though no part is at it.
    assert "highlighted" in drawn["gao-region"][1]
    assert re.search(r'Haroum</a>.*?somewhere in <a href="/places/gao-region/"', aside(html))
    # A draft part's place and another event's are not among the places shown; Ménaka may be there for orientation only.
    assert "menaka-region" not in drawn
    assert drawn.get("menaka", ("map-town",))[0] == "map-town"
    assert "The places of the events part of The clashes" in html
    assert f'<a href="/events/?part_of={clashes.slug}&amp;place=fitili">Events there</a>' in html


def test_the_map_of_a_period_draws_the_places_of_the_events_of_that_period(client):
    make_clashes(make_record())

    html = page(client, reverse("map") + "?start=2019-01-01&end=2019-12-31")
    drawn = {slug: kind for slug, kind, *_ in markers(map_svg(html))}

    assert drawn == {"menaka": "map-point"}
    assert "The places of the events from 1 January 2019 to 31 December 2019" in html


def test_an_event_filter_that_is_not_one_is_an_error_over_the_map_of_every_place(client):
    make_record()

    html = page(client, reverse("map") + "?part_of=no-such-event&start=2022-13-45")

    assert '<div class="form-errors" role="alert">' in html
    assert "No published event matches “no-such-event”." in html and "Enter a valid date." in html
    assert "The places of every event are shown instead." in html
    assert '<a href="/places/menaka/" class="map-point point-good">' in html


# The event page's map


def test_an_event_page_has_a_small_map_of_its_places_and_of_where_the_unlocated_ones_lie(client):
    records = make_record()
    event = make_event(slug="fighting", title="Fighting", places=[Place.objects.get(slug="fitili"), records["haroum"]])

    html = page(client, event.get_absolute_url())
    section = html[html.index('<section class="event-map"'):]
    section = section[:section.index("</section>")]
    drawn = {slug: (kind, classes) for slug, kind, classes, _, _ in markers(map_svg(section))}

    assert drawn["fitili"][0] == "map-point"
    assert "highlighted" in drawn["gao-region"][1] and drawn["gao-region"][0] == "map-area"
    assert all(kind == "map-town" for slug, (kind, _) in drawn.items() if slug not in ("fitili", "gao-region"))
    assert re.search(r'Haroum</a>: somewhere in <a href="/places/gao-region/">Gao Region</a>', section)
    assert 'data-country="Mali"' in section and '<g class="scale-bar"' in section and "Natural Earth" in section
    assert '<link rel="stylesheet" href="/static/css/map.css">' in section


def test_the_page_of_an_event_with_parts_links_to_the_map_of_their_places(client):
    clashes = make_clashes(make_record())

    html = page(client, clashes.get_absolute_url())

    assert f'<a href="/map/?part_of={clashes.slug}">The places of the events within this one, on the map</a>' in html


def test_an_event_without_places_has_no_map(client):
    event = make_event(slug="nowhere", title="Nowhere")

    assert 'class="event-map"' not in page(client, event.get_absolute_url())


# Bounded


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def grow(records, number, offset=0):
    clashes = Event.objects.get(slug="clashes")
    places = Place.objects.bulk_create([
        Place(slug=f"grown-{offset + index}", name=f"Grown {offset + index}", kind=Place.Kind.VILLAGE,
              parent=records["gao_region"] if index % 2 else records["tessit"], status=Status.PUBLISHED,
              latitude=None if index % 3 == 0 else Decimal("15") + Decimal(index % 50) / 50,
              longitude=None if index % 3 == 0 else Decimal("0.5") + Decimal(index % 40) / 40,
              coordinate_confidence=Place.CoordinateConfidence.NONE if index % 3 == 0 else Place.CoordinateConfidence.LOW)
        for index in range(number)
    ])
    events = Event.objects.bulk_create([
        Event(slug=f"grown-event-{offset + index}", title=f"Grown event {offset + index}", event_type=Event.Type.BATTLES,
              parent=clashes, status=Status.PUBLISHED, start_date=D(2022, 12, 3 + index % 7), start_precision="day")
        for index in range(number)
    ])
    Event.event_places.rel.related_model.objects.bulk_create([
        Event.event_places.rel.related_model(event=event, place=place) for event, place in zip(events, places)
    ])
    record_changed()  # bulk writes send no signals: the page cache must hear of them
    gather_statistics()  # without them PostgreSQL planned nested scans of every row: a query ran for minutes in CI


@pytest.mark.parametrize("limit", [1000, 5], ids=["drawn", "counted"])
@pytest.mark.parametrize("url", ["/map/", "/map/?part_of=clashes", "/events/clashes/", "/map/?part_of=clashes&bbox=0,15,1,16"])
def test_the_number_of_queries_of_the_maps_does_not_grow_with_the_record(client, monkeypatch, url, limit):
    monkeypatch.setattr(map_charts, "DETAIL_LIMIT", limit)
    records = make_record()
    make_clashes(records)
    grow(records, 10)
    small = count_queries(client, url)

    grow(records, 200, offset=10)

    assert count_queries(client, url) == small


def test_the_map_of_many_events_stays_under_150_kb(client):
    records = make_record()
    make_clashes(records)
    grow(records, 3000)

    drawn = client.get("/map/?part_of=clashes&bbox=0.5,15,0.6,15.1")
    counted = client.get("/map/?part_of=clashes")

    assert 'class="map-cell density-' in counted.content.decode()
    assert len(counted.content) < 150_000 and len(drawn.content) < 150_000
