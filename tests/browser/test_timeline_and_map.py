"""The timeline and the map as drawn by a real browser."""

import pytest

from events.charts import place_map as map_charts
from events.charts import timeline as timeline_charts
from events.models import Event, Place

from .pages import MAIN_EVENT
from .test_accessibility import axe_violations, readable
from .test_html_validity import nu_errors

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 740}


def overlap(a, b):
    return a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and \
        a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]


def test_the_timeline_draws_a_visible_bar_and_label_for_every_dated_event(tab, record):
    dated = Event.objects.published().filter(start_date__isnull=False).count()

    tab.goto("/timeline/")
    overview = tab.locator("svg.timeline").first
    bars = overview.locator("a.timeline-bar")

    assert overview.is_visible()
    assert bars.count() == dated
    for index in range(bars.count()):
        bar = bars.nth(index).locator("rect").bounding_box()
        label = bars.nth(index).locator("text").bounding_box()
        assert bar["width"] >= 2 and bar["height"] > 5
        assert label["width"] > 10 and label["x"] + label["width"] <= bar["x"], "a label runs into its bar"


def test_the_timeline_detail_makes_the_clashes_readable_and_links_to_them(tab, record):
    main_event = Event.objects.get(slug=MAIN_EVENT)

    tab.goto("/timeline/")
    detail = tab.locator("svg.timeline").nth(1)
    bar = detail.locator(f'a[href="{main_event.get_absolute_url()}"]')

    assert detail.is_visible()
    assert bar.locator("rect").bounding_box()["width"] > 100
    assert bar.locator("text").text_content().rstrip("…") in main_event.title
    bar.locator("rect").click()
    tab.wait_for_url(f"**{main_event.get_absolute_url()}")
    assert tab.get_by_role("heading", level=1).inner_text() == main_event.title


def test_the_map_draws_every_located_place_with_a_label_that_overlaps_no_other(tab, record):
    located = Place.objects.published().filter(latitude__isnull=False)
    unlocated = Place.objects.published().filter(latitude__isnull=True)

    tab.goto("/map/")
    svg = tab.locator("svg.place-map")
    frame = svg.bounding_box()
    markers = svg.locator("a.map-point, a.map-area")
    labels = [markers.nth(index).locator(".point-label") for index in range(markers.count())]
    boxes = [label.bounding_box() for label in labels]

    assert svg.is_visible()
    # A country is drawn as its borders, its name a link to its place; every other located place as a marker.
    countries = [place.name for place in located if place.kind == Place.Kind.COUNTRY]
    assert sorted(label.text_content() for label in labels) == sorted(place.name for place in located if place.name not in countries)
    for name in countries:
        assert svg.locator("a.country-link", has_text=name).is_visible()
    for index, box in enumerate(boxes):
        assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"]
        assert not any(overlap(box, other) for other in boxes[index + 1:]), labels[index].text_content()
    aside = tab.locator("aside", has_text="Location not published")
    for place in unlocated:
        assert aside.get_by_role("link", name=place.name, exact=True).is_visible()


def test_the_map_draws_mali_and_its_neighbours_a_scale_bar_and_the_locator(tab, record):
    tab.goto("/map/")
    svg = tab.locator("svg.place-map")

    mali = svg.locator('path[data-country="Mali"]').bounding_box()
    assert mali["width"] > 150 and mali["height"] > 150
    for name in ("Niger", "Burkina Faso", "Algeria", "Mauritania"):
        assert svg.locator(f'path[data-country="{name}"]').count() == 1
        assert svg.locator("text.country-label").get_by_text(name, exact=True).is_visible()
    assert svg.locator("g.scale-bar text").text_content().endswith(" km")
    assert svg.locator("text.map-attribution").is_visible()
    assert tab.locator("svg.map-locator path.locator-mali").is_visible()


def test_the_map_legend_shows_each_confidence_drawn_as_on_the_map(tab, record):
    points = Place.objects.published().filter(latitude__isnull=False).exclude(kind__in=map_charts.AREA_KINDS)
    on_the_map = set(points.values_list("coordinate_confidence", flat=True))
    style = "circle => [getComputedStyle(circle).fill, getComputedStyle(circle).strokeDasharray]"

    tab.goto("/map/")

    assert on_the_map
    for confidence in ("good", "representative", "low"):
        assert tab.locator(f".chart-legend .point-{confidence} circle").is_visible()
    for confidence in on_the_map:
        legend_swatch = tab.locator(f".chart-legend .map-point.point-{confidence} circle")
        drawn = tab.locator(f"svg.place-map .map-point.point-{confidence}:not(.highlighted) circle").first
        assert legend_swatch.evaluate(style) == drawn.evaluate(style)
    area = "path => [getComputedStyle(path).fill, getComputedStyle(path).stroke]"
    drawn_area = tab.locator("svg.place-map .map-area:not(.highlighted) path").first
    assert tab.locator(".chart-legend .map-area path").evaluate(area) == drawn_area.evaluate(area)


@pytest.mark.parametrize("path", ["/timeline/", "/map/", f"/map/?part_of={MAIN_EVENT}", f"/events/{MAIN_EVENT}/"])
def test_on_a_phone_the_charts_fit_without_sideways_scrolling(tab, record, path):
    tab.set_viewport_size(PHONE)
    tab.goto(path)

    page_width = tab.evaluate("document.documentElement.scrollWidth")
    assert page_width <= PHONE["width"]
    assert tab.locator("table").first.is_visible() or tab.locator("section.event-map").is_visible()
    if path != "/timeline/":
        drawing = tab.locator("svg.place-map").bounding_box()
        assert drawing["x"] >= 0 and drawing["x"] + drawing["width"] <= PHONE["width"]


def test_the_map_prints_within_the_page(tab, record):
    tab.emulate_media(media="print")
    tab.set_viewport_size({"width": 700, "height": 1000})
    tab.goto("/map/")

    assert tab.evaluate("document.documentElement.scrollWidth") <= 700
    assert tab.locator("svg.place-map").bounding_box()["width"] <= 700


def test_the_event_page_has_a_small_map_of_its_places_that_links_to_them(tab, record):
    main_event = Event.objects.get(slug=MAIN_EVENT)

    tab.goto(main_event.get_absolute_url())
    section = tab.locator("section.event-map")
    svg = section.locator("svg.place-map")

    assert svg.is_visible()
    assert svg.bounding_box()["width"] <= 420
    assert svg.locator('path[data-country="Mali"]').count() == 1
    assert svg.locator("g.scale-bar").is_visible()
    marker = svg.locator("a.map-area, a.map-point").first
    href = marker.get_attribute("href")
    marker.locator("path, circle").first.click()
    tab.wait_for_url(f"**{href}")


PHONE_390 = {"width": 390, "height": 844}


def test_at_390_px_the_december_clashes_bars_are_in_view_with_their_full_titles_and_no_sideways_scroll(tab, record):
    clashes = Event.objects.get(slug=MAIN_EVENT)
    parts = list(Event.objects.published().filter(parent=clashes, start_date__isnull=False))
    tab.set_viewport_size(PHONE_390)
    tab.goto("/timeline/")

    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE_390["width"]
    detail = tab.locator("figure.chart").nth(1).locator(".timeline-compact")
    for event in [clashes, *parts]:
        row = detail.locator("li", has=tab.locator(f'a[href="{event.get_absolute_url()}"]'))
        row.scroll_into_view_if_needed()
        bar = row.locator("svg.timeline-strip rect").bounding_box()
        link = row.locator("a").bounding_box()
        assert row.locator("a").inner_text() == event.title
        assert bar["width"] >= 2 and bar["height"] > 5, event.slug
        assert 0 <= bar["x"] and bar["x"] + bar["width"] <= PHONE_390["width"], event.slug
        assert 0 <= link["x"] and link["x"] + link["width"] <= PHONE_390["width"], event.slug
    overflight_link = tab.locator('a[href="/events/malian-air-force-overflight/"]')
    overflight = detail.locator("li", has=overflight_link)
    assert "within" in overflight.locator("svg.timeline-strip").get_attribute("class")  # hatched, as in the legend
    listed = tab.locator("table tr", has=overflight_link)
    listed.scroll_into_view_if_needed()
    assert listed.is_visible() and "sometime between 7 and 10 December 2022" in listed.inner_text()
    # The parts are drawn nested under the clashes: indented further than the event they are part of.
    parent_row = detail.locator("li", has=tab.locator(f'a[href="{clashes.get_absolute_url()}"]'))
    assert overflight.bounding_box()["x"] > parent_row.bounding_box()["x"]


# The article is small enough to draw whole; with lower bounds it shows the counted views.
COUNTED_VIEWS = [
    "/timeline/",
    "/timeline/?period=2022",
    "/timeline/?within=jnim-isgs-war",
    "/timeline/?period=2022-13",
    "/map/",
    "/map/?bbox=0,15,1,16",
    "/map/?bbox=west",
    f"/map/?part_of={MAIN_EVENT}",
    "/map/?part_of=no-such-event",
]


@pytest.fixture
def low_bounds(monkeypatch):
    monkeypatch.setattr(timeline_charts, "DETAIL_LIMIT", 3)
    monkeypatch.setattr(map_charts, "DETAIL_LIMIT", 3)


def test_a_counted_timeline_bar_leads_to_the_events_of_its_period(tab, record, low_bounds):
    tab.goto("/timeline/")

    for period in ("2022", "2022-12", "2022-12-03"):
        bar = tab.locator(f'svg.timeline-counts a.period-bar[href="?period={period}"]')
        assert bar.locator("rect").bounding_box()["width"] > 3
        bar.locator("rect").click()
        tab.wait_for_url(f"**/timeline/?period={period}")

    drawn = tab.locator("svg.timeline").first.locator(f'a[href="/events/{MAIN_EVENT}/"]')
    assert drawn.locator("rect").bounding_box()["width"] > 100


def test_a_counted_map_square_leads_to_its_points(tab, record, low_bounds):
    tab.goto("/map/")
    square = tab.locator("svg.place-map a.map-cell").first
    places = int(square.locator("text").text_content())

    square.locator("rect").click()
    tab.wait_for_url("**/map/?bbox=*")
    assert tab.locator("svg.place-map a.map-point, svg.place-map a.map-area").count() == places


@pytest.mark.parametrize("path", COUNTED_VIEWS)
def test_the_counted_views_pass_axe_and_fit_a_phone(tab, record, low_bounds, path):
    tab.set_viewport_size(PHONE)
    response = tab.goto(path)
    violations = axe_violations(tab)

    assert response.status == 200
    assert not violations, readable(path, violations)
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_counted_views_are_valid_html(client, record, low_bounds, tmp_path):
    paths = []
    for number, path in enumerate(COUNTED_VIEWS):
        response = client.get(path)
        assert response.status_code == 200, path
        saved = tmp_path / f"view-{number}.html"
        saved.write_bytes(response.content)
        paths.append(saved)

    errors = nu_errors(paths)

    assert not any(errors.values()), {COUNTED_VIEWS[int(name[5:-5])]: messages for name, messages in errors.items() if messages}
