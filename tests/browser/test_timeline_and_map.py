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
    points = svg.locator("a.map-point")
    labels = [points.nth(index).locator(".point-label") for index in range(points.count())]
    boxes = [label.bounding_box() for label in labels]

    assert svg.is_visible()
    assert sorted(label.text_content() for label in labels) == sorted(place.name for place in located)
    for index, box in enumerate(boxes):
        assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"]
        assert not any(overlap(box, other) for other in boxes[index + 1:]), labels[index].text_content()
    aside = tab.locator("aside", has_text="Location not published")
    for place in unlocated:
        assert aside.get_by_role("link", name=place.name, exact=True).is_visible()


def test_the_map_legend_shows_each_confidence_drawn_as_on_the_map(tab, record):
    on_the_map = set(Place.objects.published().filter(latitude__isnull=False).values_list("coordinate_confidence", flat=True))
    style = "circle => [getComputedStyle(circle).fill, getComputedStyle(circle).strokeDasharray]"

    tab.goto("/map/")

    assert on_the_map
    for confidence in ("good", "representative", "low"):
        assert tab.locator(f".chart-legend .point-{confidence} circle").is_visible()
    for confidence in on_the_map:
        legend_swatch = tab.locator(f".chart-legend .point-{confidence} circle")
        drawn = tab.locator(f"svg.place-map .point-{confidence} circle").first
        assert legend_swatch.evaluate(style) == drawn.evaluate(style)


@pytest.mark.parametrize("path", ["/timeline/", "/map/"])
def test_on_a_phone_the_charts_scroll_inside_their_frame_not_the_page(tab, record, path):
    tab.set_viewport_size(PHONE)
    tab.goto(path)

    page_width = tab.evaluate("document.documentElement.scrollWidth")
    assert page_width <= PHONE["width"]
    assert tab.locator("table").first.is_visible()


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
    assert tab.locator("svg.place-map a.map-point").count() == places


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
