"""The timeline and the map as readers get them."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from editorial.page_cache import record_changed
from events.charts import place_map as map_charts
from events.charts import timeline as timeline_charts
from events.models import Event, Place, Status
from tests.factories import make_event, make_place

pytestmark = pytest.mark.django_db

D = datetime.date
DRAFT_MARKER = "Zzdraftmarker"


def svg_of(response):
    """The page's first inline SVG drawing that is not a legend swatch."""
    html = response.content.decode()
    match = re.search(r"<svg class=\"(?:timeline|place-map)\".*?</svg>", html, re.S)
    assert match, "no chart SVG on the page"
    return match.group(0)


def make_war_and_clashes():
    war = make_event(slug="jnim-isgs-war", title="JNIM–ISGS war", event_type=Event.Type.CONFLICT,
                     start_date=D(2020, 1, 1), end_date=None, precision=Event.DatePrecision.YEAR)
    clashes = make_event(slug="december-2022-menaka-region-clashes", title="December 2022 Ménaka region clashes",
                         parent=war, start_date=D(2022, 12, 3), end_date=D(2022, 12, 10))
    make_event(slug="fighting-in-ntillit", title="Fighting in N'Tillit", parent=clashes, start_date=D(2022, 12, 3))
    make_event(slug="truce-expires", title="Truce expires", parent=war,
               start_date=D(2022, 9, 1), precision=Event.DatePrecision.MONTH)
    return war, clashes


def test_the_timeline_draws_each_published_event_as_a_bar_linked_to_its_page(client):
    make_war_and_clashes()

    response = client.get(reverse("timeline"))
    svg = svg_of(response)

    assert response.status_code == 200
    for slug, title in [
        ("jnim-isgs-war", "JNIM–ISGS war"),
        ("december-2022-menaka-region-clashes", "December 2022 Ménaka region clashes"),
        ("fighting-in-ntillit", "Fighting in N&#x27;Tillit"),
        ("truce-expires", "Truce expires"),
    ]:
        assert f'href="/events/{slug}/"' in svg
        assert title in svg


def test_the_timeline_says_how_precisely_each_bar_is_dated(client):
    make_war_and_clashes()

    svg = svg_of(client.get(reverse("timeline")))

    assert "<title>Truce expires: September 2022</title>" in svg
    assert "<title>December 2022 Ménaka region clashes: 3–10 December 2022</title>" in svg
    assert "<title>JNIM–ISGS war: from 2020</title>" in svg
    assert 'class="timeline-bar shade-1 precision-month"' in svg


def test_the_timeline_zooms_in_on_the_days_of_the_clashes(client):
    make_war_and_clashes()

    response = client.get(reverse("timeline"))

    assert "Detail: 2 December 2022 to 11 December 2022" in response.content.decode()
    assert response.content.decode().count('<svg class="timeline"') == 2


def test_the_timeline_has_a_text_alternative_listing_the_same_events(client):
    make_war_and_clashes()

    html = client.get(reverse("timeline")).content.decode()
    table = html[html.index("<table"):html.index("</table>")]

    assert '<title id="timeline-overview-title">' in html and '<desc id="timeline-overview-desc">' in html
    assert "<figcaption>" in html
    assert re.search(r"Truce expires</a></th>\s*<td[^>]*>September 2022</td>\s*<td[^>]*>JNIM–ISGS war</td>", table)


def test_events_with_unknown_dates_are_listed_beside_the_timeline_with_any_end_date_known(client):
    make_event(slug="dated", title="A dated clash", start_date=D(2022, 12, 3))
    make_event(slug="skirmishes", title="Skirmishes", start_date=None, end_date=D(2022, 12, 13))
    make_event(slug="undated-overflight", title="Air force overflight", start_date=None, end_date=None)

    response = client.get(reverse("timeline"))
    html = response.content.decode()

    assert "Air force overflight" not in svg_of(response)
    undated = html[html.index("Events with unknown dates"):]
    assert '<a href="/events/undated-overflight/">Air force overflight</a>' in undated
    assert "Skirmishes</a> <span class=\"meta\">(until 13 December 2022)</span>" in undated


def test_drafts_appear_nowhere_on_the_timeline(client):
    war, _ = make_war_and_clashes()
    make_event(slug="draft-dated", title=f"{DRAFT_MARKER} dated", parent=war, status=Status.DRAFT)
    make_event(slug="draft-undated", title=f"{DRAFT_MARKER} undated", start_date=None, end_date=None,
               status=Status.REVIEW)

    html = client.get(reverse("timeline")).content.decode()

    assert DRAFT_MARKER not in html
    assert "draft-dated" not in html and "draft-undated" not in html


def test_an_empty_record_gets_a_timeline_page_that_says_so(client):
    make_event(slug="draft", status=Status.DRAFT)

    response = client.get(reverse("timeline"))

    assert response.status_code == 200
    assert "No published event has a known date yet." in response.content.decode()


def located(slug, name, latitude, longitude, confidence, **fields):
    return make_place(slug=slug, name=name, latitude=Decimal(latitude), longitude=Decimal(longitude),
                      coordinate_confidence=confidence, **fields)


def make_places():
    located("menaka", "Ménaka", "15.91667", "2.40000", Place.CoordinateConfidence.GOOD, kind=Place.Kind.TOWN)
    located("gao-region", "Gao Region", "17.09861", "0.35139", Place.CoordinateConfidence.REPRESENTATIVE,
            kind=Place.Kind.REGION)
    located("fitili", "Fitili", "15.05510", "0.25980", Place.CoordinateConfidence.LOW,
            kind=Place.Kind.MILITARY_BASE)
    make_place(slug="haroum", name="Haroum")


def test_the_map_draws_each_located_place_with_its_confidence_and_a_link(client):
    make_places()

    response = client.get(reverse("map"))
    svg = svg_of(response)

    assert response.status_code == 200
    for slug, name, marker, confidence in [
        ("menaka", "Ménaka", "map-point", "good"), ("gao-region", "Gao Region", "map-area", "representative"),
        ("fitili", "Fitili", "map-point", "low"),
    ]:
        assert f'<a href="/places/{slug}/" class="{marker} point-{confidence}">' in svg
        assert f">{name}</text>" in svg
    assert "<title>Fitili: around 15.1° N, 0.3° E; confidence: low</title>" in svg


def test_the_map_explains_its_symbols_in_a_legend(client):
    make_places()

    html = client.get(reverse("map")).content.decode()
    legend = html[html.index("How to read the map"):]

    assert "Good: a gazetteer point corroborated within about 2 km" in legend
    assert "Representative: a conventional point for an area" in legend
    assert "Low: one weak source, or possibly another feature of that name" in legend


def test_places_without_coordinates_are_listed_beside_the_map_not_drawn(client):
    make_places()

    response = client.get(reverse("map"))
    html = response.content.decode()
    aside = html[html.index('<aside class="map-aside"'):html.index("</aside>")]

    assert "Haroum" not in svg_of(response)
    assert "Location not published" in aside
    assert '<a href="/places/haroum/">Haroum</a>' in aside
    assert "Ménaka" not in aside


def test_the_map_has_a_table_of_the_places_with_coordinates_and_confidence(client):
    make_places()

    html = client.get(reverse("map")).content.decode()
    table = html[html.index("<table"):html.index("</table>")]

    assert re.search(r"Ménaka</a></th>\s*<td[^>]*>Town</td>\s*<td[^>]*>15.91667° N, 2.4° E</td>\s*"
                     r"<td[^>]*>Good: a gazetteer point", table)
    assert "Haroum" not in table


def test_drafts_appear_nowhere_on_the_map(client):
    make_places()
    located("draft-located", f"{DRAFT_MARKER} base", "15.5", "1.5", Place.CoordinateConfidence.GOOD,
            status=Status.DRAFT)
    make_place(slug="draft-unlocated", name=f"{DRAFT_MARKER} village", status=Status.WITHDRAWN)

    html = client.get(reverse("map")).content.decode()

    assert DRAFT_MARKER not in html
    assert "draft-located" not in html and "draft-unlocated" not in html


def test_a_map_without_located_places_still_lists_the_others(client):
    make_place(slug="haroum", name="Haroum")

    html = client.get(reverse("map")).content.decode()

    assert "No published place has coordinates yet." in html
    assert '<a href="/places/haroum/">Haroum</a>' in html


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def page_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def counted_bars(html):
    """(label, count, address) of each counted bar, as the reader sees them in the table."""
    table = html[html.index("<table"):html.index("</table>")]
    rows = re.findall(r'<th scope="row">(?:<a href="([^"]*)">)?([^<]+)(?:</a>)?</th>\s*<td data-label="Events">(\d+)</td>', table)
    return [(label, int(count), address.replace("&amp;", "&")) for address, label, count in rows]


def bulk_events(number, start, step_days=1, **fields):
    """Many published events fast (no history: the public pages never read it)."""
    fields.setdefault("status", Status.PUBLISHED)
    Event.objects.bulk_create([
        Event(slug=f"bulk-{start:%Y%m%d}-{index}-{fields.get('status')}", title=f"Bulk event {index}",
              event_type=Event.Type.BATTLES, start_date=start + datetime.timedelta(days=index * step_days),
              end_date=start + datetime.timedelta(days=index * step_days), start_precision="day", end_precision="day",
              **fields)
        for index in range(number)
    ])
    record_changed()  # bulk writes send no signals: the page cache must hear of them


def test_a_record_too_big_to_draw_is_counted_by_year_and_a_year_drills_into_its_events(client, monkeypatch):
    monkeypatch.setattr(timeline_charts, "DETAIL_LIMIT", 5)
    war, _ = make_war_and_clashes()
    make_event(slug="offensive", title="Offensive", parent=war, start_date=D(2021, 3, 1))
    make_event(slug="draft-2021", title=f"{DRAFT_MARKER} clash", start_date=D(2021, 4, 1), status=Status.DRAFT)
    make_event(slug="undated", title="Undated clash", start_date=None, end_date=None)

    html = page_of(client, reverse("timeline"))

    assert counted_bars(html) == [
        ("2020", 1, "?period=2020"), ("2021", 1, "?period=2021"), ("2022", 3, "?period=2022"),
    ]
    assert '<svg class="timeline-counts"' in html and '<svg class="timeline"' not in html
    assert "<title>2022: 3 events</title>" in html
    assert "1 published event has no known start date" in html
    assert '<a href="/timeline/?within=jnim-isgs-war">JNIM–ISGS war</a>' in html
    assert DRAFT_MARKER not in html and "draft-2021" not in html

    year = page_of(client, reverse("timeline") + "?period=2022")
    svg = svg_of(client.get(reverse("timeline") + "?period=2022"))

    assert [(bar.event.slug, bar.depth) for bar in timeline_charts.chart_timeline(
        period=timeline_charts.Period.parse("2022")).overview.bars] == [
        ("truce-expires", 0), ("december-2022-menaka-region-clashes", 0), ("fighting-in-ntillit", 1),
    ]
    assert 'href="/events/fighting-in-ntillit/"' in svg and 'href="/events/truce-expires/"' in svg
    assert "jnim-isgs-war" not in svg
    assert '<span aria-current="page">Events beginning in 2022</span>' in year
    assert '<a href="/timeline/">The whole record</a>' in year


def test_a_crowded_year_is_counted_by_month_and_a_crowded_month_by_day(client, monkeypatch):
    monkeypatch.setattr(timeline_charts, "DETAIL_LIMIT", 5)
    bulk_events(8, D(2022, 12, 1), step_days=2)
    bulk_events(3, D(2022, 3, 10))
    bulk_events(4, D(2022, 12, 2), status=Status.DRAFT)

    year = counted_bars(page_of(client, reverse("timeline")))
    month = counted_bars(page_of(client, reverse("timeline") + "?period=2022-12"))

    assert len(year) == 12
    assert year[2] == ("March 2022", 3, "?period=2022-03")
    assert year[11] == ("December 2022", 8, "?period=2022-12")
    assert year[0] == ("January 2022", 0, "")
    assert len(month) == 31
    assert [count for _, count, _ in month[:5]] == [1, 0, 1, 0, 1]
    assert month[14] == ("15 December 2022", 1, "?period=2022-12-15")
    assert sum(count for _, count, _ in month) == 8


def test_a_day_with_more_events_than_can_be_drawn_draws_the_first_and_says_how_many_more(client, monkeypatch):
    monkeypatch.setattr(timeline_charts, "DETAIL_LIMIT", 5)
    bulk_events(7, D(2022, 12, 3), step_days=0)

    html = page_of(client, reverse("timeline") + "?period=2022-12-03")

    assert html.count('class="timeline-bar ') == 5
    assert "2 more events are not drawn" in html
    assert '<a href="/events/?start=2022-12-03&amp;end=2022-12-03">' in html


def test_an_event_with_many_parts_is_counted_and_one_with_few_is_drawn_with_its_parts_nested(client, monkeypatch):
    monkeypatch.setattr(timeline_charts, "DETAIL_LIMIT", 5)
    war, clashes = make_war_and_clashes()
    for number in range(6):
        make_event(title=f"Raid {number}", parent=war, start_date=D(2021, 1 + number, 1))
    make_event(title=f"{DRAFT_MARKER} raid", parent=war, start_date=D(2021, 1, 1), status=Status.DRAFT)

    counted = page_of(client, reverse("timeline") + "?within=jnim-isgs-war")
    drawn = client.get(reverse("timeline") + "?within=december-2022-menaka-region-clashes")

    assert counted_bars(counted) == [
        ("2021", 6, "?within=jnim-isgs-war&period=2021"), ("2022", 2, "?within=jnim-isgs-war&period=2022"),
    ]
    assert DRAFT_MARKER not in counted
    assert "JNIM–ISGS war and its parts" in counted
    bars = re.findall(r'<a href="(/events/[^"]+/)" class="timeline-bar shade-(\d)', svg_of(drawn))
    assert bars == [("/events/december-2022-menaka-region-clashes/", "0"), ("/events/fighting-in-ntillit/", "1")]
    assert '<a href="/timeline/?within=jnim-isgs-war">JNIM–ISGS war</a>' in drawn.content.decode()


@pytest.mark.parametrize("query, error", [
    ("period=2022-13", "A month is numbered from 01 to 12."),
    ("period=2022-02-30", "2022-02-30 is not a day of the calendar."),
    ("period=december", "Give a year (2022), a month (2022-12)"),
    ("period=2023-2020", "The last year of a span cannot be before its first."),
    ("within=not%20a%20slug", "Enter a valid “slug”"),
])
def test_a_period_or_event_that_is_not_one_is_an_error_over_the_whole_timeline(client, query, error):
    make_war_and_clashes()

    response = client.get(reverse("timeline") + "?" + query)
    html = response.content.decode()

    assert response.status_code == 200
    assert '<div class="form-errors" role="alert">' in html
    assert error in html
    assert 'href="/events/fighting-in-ntillit/"' in svg_of(response)


@pytest.mark.parametrize("slug", ["no-such-event", "draft-war"])
def test_drilling_into_an_unknown_or_unpublished_event_is_not_found(client, slug):
    make_event(slug="draft-war", status=Status.DRAFT)

    assert client.get(reverse("timeline") + f"?within={slug}").status_code == 404


def test_the_timeline_stays_under_150_kb_at_the_most_events_it_draws_and_when_it_counts(client):
    long_title = "Clashes reported between the armed groups around the villages of the commune " * 2
    war = make_event(slug="war", title=long_title[:200], start_date=D(2012, 1, 1), end_date=None)
    Event.objects.bulk_create([
        Event(slug=f"part-{index}", title=long_title[:190] + str(index), event_type=Event.Type.BATTLES, parent=war,
              start_date=D(2022, 12, 1 + index % 28), end_date=D(2022, 12, 4 + index % 28), start_precision="day",
              end_precision="day", date_meaning="within" if index % 2 else "lasted", status=Status.PUBLISHED)
        for index in range(timeline_charts.DETAIL_LIMIT - 1)
    ])
    record_changed()  # bulk writes send no signals: the page cache must hear of them
    drawn = client.get(reverse("timeline"))
    bulk_events(2000, D(2015, 1, 1))
    counted = client.get(reverse("timeline"))

    assert drawn.content.decode().count('class="timeline-bar ') >= timeline_charts.DETAIL_LIMIT
    assert len(drawn.content) < 150_000
    assert '<svg class="timeline-counts"' in counted.content.decode()
    assert len(counted.content) < 150_000


def located_grid(rows, columns, confidence=Place.CoordinateConfidence.GOOD, status=Status.PUBLISHED, prefix="grid"):
    """Places one degree apart from 15°N 0°E, bulk-created."""
    Place.objects.bulk_create([
        Place(slug=f"{prefix}-{row}-{column}", name=f"{prefix.title()} {row} {column}", kind=Place.Kind.VILLAGE,
              latitude=Decimal(15 + row) + Decimal("0.5"), longitude=Decimal(column) + Decimal("0.5"),
              coordinate_confidence=confidence, status=status)
        for row in range(rows) for column in range(columns)
    ])
    record_changed()  # bulk writes send no signals: the page cache must hear of them


def counted_squares(html):
    table = html[html.index("<table"):html.index("</table>")]
    return re.findall(
        r'<th scope="row"><a href="([^"]+)">([^<]+)</a></th>\s*<td data-label="Good">(\d+)</td>\s*'
        r'<td data-label="Representative point">(\d+)</td>\s*<td data-label="Low">(\d+)</td>\s*'
        r'<td data-label="Places">(\d+)</td>', table)


def test_a_map_with_too_many_points_counts_them_per_square_with_their_confidence(client, monkeypatch):
    monkeypatch.setattr(map_charts, "DETAIL_LIMIT", 5)
    located_grid(2, 2)
    located_grid(1, 1, Place.CoordinateConfidence.LOW, prefix="low")
    located("tessit", "Tessit", "15.22626", "0.29338", Place.CoordinateConfidence.REPRESENTATIVE)
    located("far-east", "Far East", "15.5", "6.2", Place.CoordinateConfidence.GOOD)
    located("draft-base", f"{DRAFT_MARKER} base", "16.2", "1.2", Place.CoordinateConfidence.GOOD, status=Status.DRAFT)
    make_place(slug="haroum", name="Haroum")

    html = page_of(client, reverse("map"))

    # Squares of one degree: the places span almost six degrees of longitude.
    assert counted_squares(html) == [
        ("?bbox=0,16,1,17", "16°N to 17°N, 0° to 1°E", "1", "0", "0", "1"),
        ("?bbox=1,16,2,17", "16°N to 17°N, 1°E to 2°E", "1", "0", "0", "1"),
        ("?bbox=0,15,1,16", "15°N to 16°N, 0° to 1°E", "1", "1", "1", "3"),
        ("?bbox=1,15,2,16", "15°N to 16°N, 1°E to 2°E", "1", "0", "0", "1"),
        ("?bbox=6,15,7,16", "15°N to 16°N, 6°E to 7°E", "1", "0", "0", "1"),
    ]
    assert "<title>3 places: 1 good, 1 representative point, 1 low</title>" in html
    assert 'class="map-point' not in svg_of(client.get(reverse("map")))
    assert DRAFT_MARKER not in html and "draft-base" not in html
    assert '<a href="/places/haroum/">Haroum</a>' in html


def test_a_square_of_the_counted_map_drills_into_its_points_with_their_confidence(client, monkeypatch):
    monkeypatch.setattr(map_charts, "DETAIL_LIMIT", 5)
    located_grid(2, 2)
    located_grid(1, 1, Place.CoordinateConfidence.LOW, prefix="low")
    located("tessit", "Tessit", "15.22626", "0.29338", Place.CoordinateConfidence.REPRESENTATIVE)
    located("far-east", "Far East", "15.5", "6.2", Place.CoordinateConfidence.GOOD)
    located("draft-base", f"{DRAFT_MARKER} base", "15.2", "0.2", Place.CoordinateConfidence.GOOD, status=Status.DRAFT)

    response = client.get(reverse("map") + "?bbox=0,15,1,16")
    html = response.content.decode()
    svg = svg_of(response)

    assert re.findall(r'<a href="/places/([^"]+)/" class="map-point point-(\w+)">', svg) == [
        ("grid-0-0", "good"), ("low-0-0", "low"), ("tessit", "representative"),
    ]
    assert "15°N to 16°N, 0° to 1°E" in html
    assert '<a href="/map/">The whole map</a>' in html
    assert DRAFT_MARKER not in html


@pytest.mark.parametrize("bbox, error", [
    ("1,2,3", "Give four numbers separated by commas"),
    ("a,b,c,d", "Give four numbers separated by commas"),
    ("nan,15,1,16", "Each edge is a number of degrees."),
    ("3,15,1,16", "West and east are longitudes from -180 to 180, west first."),
    ("0,95,1,96", "South and north are latitudes from -90 to 90, south first."),
    ("0,16,1,16", "South and north are latitudes from -90 to 90, south first."),
])
def test_an_area_that_is_not_one_is_an_error_over_the_whole_map(client, bbox, error):
    make_places()

    response = client.get(reverse("map"), {"bbox": bbox})
    html = response.content.decode()

    assert response.status_code == 200
    assert '<div class="form-errors" role="alert">' in html and error in html
    assert '<a href="/places/menaka/" class="map-point point-good">' in svg_of(response)


def test_an_area_without_located_places_says_so(client):
    make_places()

    html = page_of(client, reverse("map") + "?bbox=10,40,11,41")

    assert "No published place with coordinates lies in this area." in html


def test_the_places_without_coordinates_are_named_up_to_a_bound_and_counted_beyond_it(client):
    Place.objects.bulk_create([
        Place(slug=f"village-{index:03}", name=f"Village {index:03}", kind=Place.Kind.VILLAGE, status=Status.PUBLISHED)
        for index in range(map_charts.UNPLACED_SHOWN + 5)
    ])
    record_changed()  # bulk writes send no signals: the page cache must hear of them
    make_place(slug="draft-village", name=f"{DRAFT_MARKER} village", status=Status.DRAFT)

    html = page_of(client, reverse("map"))
    aside = html[html.index('<aside class="map-aside"'):html.index("</aside>")]

    assert f"No published source gives coordinates for {map_charts.UNPLACED_SHOWN + 5} places" in aside
    assert aside.count('<a href="/places/village-') == map_charts.UNPLACED_SHOWN
    assert "And 5 more" in aside and '<a href="/places/">the list of places</a>' in aside
    assert DRAFT_MARKER not in html


def test_the_map_stays_under_150_kb_at_the_most_points_it_draws_and_when_it_counts(client):
    long_name = "Village of the wells beyond the dunes of the eastern commune"
    Place.objects.bulk_create([
        Place(slug=f"place-{index}", name=f"{long_name} {index}", kind=Place.Kind.VILLAGE, status=Status.PUBLISHED,
              latitude=Decimal("15") + Decimal(index) / 100, longitude=Decimal("0.5") + Decimal(index % 10) / 10,
              coordinate_confidence=Place.CoordinateConfidence.LOW)
        for index in range(map_charts.DETAIL_LIMIT)
    ])
    record_changed()  # bulk writes send no signals: the page cache must hear of them
    drawn = client.get(reverse("map"))
    located_grid(40, 40)
    counted = client.get(reverse("map"))

    assert drawn.content.decode().count('/" class="map-point point-low">') == map_charts.DETAIL_LIMIT
    assert len(drawn.content) < 150_000
    assert 'class="map-cell density-' in counted.content.decode()
    assert len(counted.content) < 150_000


def grow_record(number, offset=0):
    """More events (nested, some undated, some drafts) and places (located or not), bulk-created."""
    war = Event.objects.get(slug="jnim-isgs-war")
    Event.objects.bulk_create([
        Event(slug=f"grown-{offset + index}", title=f"Clash {offset + index}", event_type=Event.Type.BATTLES,
              parent=war if index % 2 else None, status=Status.DRAFT if index % 7 == 0 else Status.PUBLISHED,
              start_date=None if index % 11 == 0 else D(2015, 1, 1) + datetime.timedelta(days=(offset + index) * 3),
              start_precision="" if index % 11 == 0 else "day")
        for index in range(number)
    ])
    record_changed()  # bulk writes send no signals: the page cache must hear of them
    Place.objects.bulk_create([
        Place(slug=f"grown-place-{offset + index}", name=f"Grown place {offset + index}", kind=Place.Kind.VILLAGE,
              status=Status.DRAFT if index % 7 == 0 else Status.PUBLISHED,
              latitude=None if index % 3 == 0 else Decimal("14") + Decimal(offset + index) / 500,
              longitude=None if index % 3 == 0 else Decimal("-1") + Decimal((offset + index) % 97) / 20,
              coordinate_confidence=Place.CoordinateConfidence.NONE if index % 3 == 0 else Place.CoordinateConfidence.LOW)
        for index in range(number)
    ])
    record_changed()  # bulk writes send no signals: the page cache must hear of them


TIMELINE_AND_MAP_VIEWS = [
    "/timeline/", "/timeline/?period=2015", "/timeline/?period=2015-03", "/timeline/?within=jnim-isgs-war",
    "/timeline/?period=2022-13", "/map/", "/map/?bbox=-1,14,2,16", "/map/?bbox=x",
]


@pytest.mark.parametrize("url", TIMELINE_AND_MAP_VIEWS)
def test_the_number_of_queries_of_a_drawn_view_does_not_grow_with_the_record(client, url):
    make_war_and_clashes()
    make_places()
    grow_record(10)
    small = count_queries(client, url)

    grow_record(40, offset=10)

    assert count_queries(client, url) == small
    assert "timeline-counts" not in page_of(client, url) and "map-cell" not in page_of(client, url)


@pytest.mark.parametrize("url", TIMELINE_AND_MAP_VIEWS)
def test_the_number_of_queries_of_a_counted_view_does_not_grow_with_the_record(client, monkeypatch, url):
    monkeypatch.setattr(timeline_charts, "DETAIL_LIMIT", 5)
    monkeypatch.setattr(map_charts, "DETAIL_LIMIT", 5)
    make_war_and_clashes()
    make_places()
    grow_record(100)
    small = count_queries(client, url)

    grow_record(1000, offset=100)

    assert count_queries(client, url) == small
    assert "timeline-counts" in page_of(client, url) or "map-cell" in page_of(client, url)


def test_a_place_on_the_edge_of_a_square_is_counted_in_the_square_that_shows_it(client, monkeypatch):
    monkeypatch.setattr(map_charts, "DETAIL_LIMIT", 2)
    located("on-edge", "On the edge", "15.2", "0.4", Place.CoordinateConfidence.GOOD)
    located("below", "Below", "15.19999", "0.4", Place.CoordinateConfidence.GOOD)
    located("north", "North", "15.9", "0.9", Place.CoordinateConfidence.GOOD)

    squares = counted_squares(page_of(client, reverse("map")))
    shown = {address: int(places) for address, _, _, _, _, places in squares}

    # Squares of 0.1°: the record spans 0.7° of latitude.
    assert shown == {"?bbox=0.9,15.9,1,16": 1, "?bbox=0.4,15.2,0.5,15.3": 1, "?bbox=0.4,15.1,0.5,15.2": 1}
    assert re.findall(r'href="/places/([^"]+)/"', svg_of(client.get("/map/?bbox=0.4,15.2,0.5,15.3"))) == ["on-edge"]
    assert re.findall(r'href="/places/([^"]+)/"', svg_of(client.get("/map/?bbox=0.4,15.1,0.5,15.2"))) == ["below"]
