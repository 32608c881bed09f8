"""The layout of the timeline and the map, before any HTML."""

import datetime
from decimal import Decimal

import pytest

from events.charts import place_map as map_charts
from events.charts import timeline as timeline_charts
from events.models import Event, Place, Status
from tests.factories import make_event, make_place

pytestmark = pytest.mark.django_db

D = datetime.date


def bars_by_slug(panel):
    return {bar.event.slug: bar for bar in panel.bars}


def day_width(panel):
    return (panel.axis_right - panel.axis_left) / (panel.end - panel.start).days


def test_a_month_precision_event_covers_its_whole_month():
    make_event(slug="truce-expires", start_date=D(2022, 9, 1), precision=Event.DatePrecision.MONTH)
    make_event(slug="later", start_date=D(2022, 12, 31))

    panel = timeline_charts.chart_timeline().overview
    bar = bars_by_slug(panel)["truce-expires"]

    assert panel.start == D(2022, 9, 1)
    assert bar.x == panel.axis_left
    assert bar.width == pytest.approx(30 * day_width(panel), abs=0.2)
    assert bar.precision == "month"


def test_a_year_precision_event_covers_its_whole_year():
    make_event(slug="split", start_date=D(2020, 6, 15), precision=Event.DatePrecision.YEAR)
    make_event(slug="later", start_date=D(2022, 12, 31))

    panel = timeline_charts.chart_timeline().overview
    bar = bars_by_slug(panel)["split"]

    assert panel.start == D(2020, 1, 1)
    assert bar.width == pytest.approx(366 * day_width(panel), abs=0.2)
    assert bar.precision == "year"


def test_a_day_precision_event_covers_its_first_and_last_days():
    make_event(slug="clashes", start_date=D(2022, 12, 3), end_date=D(2022, 12, 10))

    span = timeline_charts.date_span(Event.objects.get(slug="clashes"))

    assert (span.start, span.end, span.days) == (D(2022, 12, 3), D(2022, 12, 11), 8)
    assert not span.approximate


def test_an_approximate_date_is_flagged_so_that_it_is_drawn_fuzzy():
    make_event(slug="withdrawal", start_date=D(2022, 12, 11), precision=Event.DatePrecision.APPROXIMATE)

    bar = bars_by_slug(timeline_charts.chart_timeline().overview)["withdrawal"]

    assert bar.approximate
    assert bar.precision == "precise"


def test_an_event_whose_end_is_unknown_runs_to_the_edge_of_the_axis():
    make_event(slug="war", start_date=D(2012, 1, 17), end_date=None)
    make_event(slug="clash", start_date=D(2022, 12, 3))

    panel = timeline_charts.chart_timeline().overview
    bar = bars_by_slug(panel)["war"]

    assert bar.right == panel.axis_right
    assert bar.end_unknown and bar.continues_after


def test_children_are_drawn_under_their_parent_one_level_deeper():
    war = make_event(slug="war", start_date=D(2020, 1, 1), end_date=D(2023, 1, 1))
    clashes = make_event(slug="clashes", parent=war, start_date=D(2022, 12, 3), end_date=D(2022, 12, 10))
    make_event(slug="haroum", parent=clashes, start_date=D(2022, 12, 7), end_date=D(2022, 12, 10))
    make_event(slug="truce", parent=war, start_date=D(2022, 5, 1), precision=Event.DatePrecision.MONTH)
    make_event(slug="elsewhere", start_date=D(2021, 1, 1))

    panel = timeline_charts.chart_timeline().overview

    assert [(bar.event.slug, bar.depth) for bar in panel.bars] == [
        ("war", 0), ("truce", 1), ("clashes", 1), ("haroum", 2), ("elsewhere", 0),
    ]
    assert panel.bars[3].label_x > panel.bars[2].label_x > panel.bars[0].label_x


def test_events_with_unknown_dates_are_listed_beside_the_chart_not_drawn():
    make_event(slug="dated", start_date=D(2022, 12, 3))
    make_event(slug="undated", start_date=None, end_date=None)

    timeline = timeline_charts.chart_timeline()

    assert [event.slug for event in timeline.undated] == ["undated"]
    assert list(bars_by_slug(timeline.overview)) == ["dated"]


def test_drafts_are_never_drawn_and_a_child_of_a_draft_stands_on_its_own():
    draft = make_event(slug="draft-war", status=Status.DRAFT, start_date=D(2020, 1, 1))
    make_event(slug="child", parent=draft, start_date=D(2022, 12, 3))
    make_event(slug="draft-undated", status=Status.DRAFT, start_date=None, end_date=None)
    make_event(slug="in-review", status=Status.REVIEW, start_date=D(2022, 12, 4))

    timeline = timeline_charts.chart_timeline()

    assert [(bar.event.slug, bar.depth) for bar in timeline.overview.bars] == [("child", 0)]
    assert timeline.undated == []


def test_an_empty_record_has_no_panels():
    make_event(slug="draft", status=Status.DRAFT)

    timeline = timeline_charts.chart_timeline()

    assert timeline.is_empty and timeline.detail is None


def test_days_long_clashes_in_a_years_long_war_get_a_zoomed_panel():
    war = make_event(slug="war", start_date=D(2012, 1, 17), end_date=None)
    clashes = make_event(slug="clashes", parent=war, start_date=D(2022, 12, 3), end_date=D(2022, 12, 10))
    make_event(slug="ntillit", parent=clashes, start_date=D(2022, 12, 3))
    make_event(slug="skirmishes", parent=clashes, start_date=D(2022, 12, 11), end_date=D(2022, 12, 13))
    make_event(slug="escalation", parent=war, start_date=D(2022, 11, 1), precision=Event.DatePrecision.MONTH)

    timeline = timeline_charts.chart_timeline()
    detail = timeline.detail
    bars = bars_by_slug(detail)

    assert (detail.start, detail.end) == (D(2022, 12, 2), D(2022, 12, 15))
    assert list(bars) == ["war", "clashes", "ntillit", "skirmishes"]
    assert bars["war"].continues_before and bars["war"].continues_after
    assert not bars["clashes"].continues_before and not bars["clashes"].continues_after
    assert bars["clashes"].width == pytest.approx(8 * day_width(detail), abs=0.2)
    assert bars["clashes"].width > 100
    band_x, band_width = timeline.overview.window
    assert band_x == pytest.approx(bars_by_slug(timeline.overview)["clashes"].x - day_width(timeline.overview), abs=0.5)
    assert 0 < band_width < 10


def test_no_zoomed_panel_when_everything_already_fits():
    make_event(slug="one", start_date=D(2022, 12, 3))
    make_event(slug="two", start_date=D(2022, 12, 7), end_date=D(2022, 12, 10))

    timeline = timeline_charts.chart_timeline()

    assert timeline.detail is None
    assert timeline.overview.window is None


def test_axis_ticks_count_years_on_a_long_record_and_days_on_a_short_one():
    make_event(slug="war", start_date=D(2012, 1, 17), end_date=D(2022, 12, 13))
    long_ticks = [tick.label for tick in timeline_charts.chart_timeline().overview.ticks]
    Event.objects.all().delete()
    make_event(slug="clash", start_date=D(2022, 12, 3), end_date=D(2022, 12, 10))
    short_ticks = [tick.label for tick in timeline_charts.chart_timeline().overview.ticks]

    assert long_ticks[0] == "2013" and long_ticks[-1] == "2022"
    assert short_ticks[0] == "3 Dec" and short_ticks[-1] == "10 Dec"


def place_at(slug, latitude, longitude, confidence=Place.CoordinateConfidence.GOOD, **fields):
    return make_place(
        slug=slug, name=fields.pop("name", slug.title()), latitude=Decimal(latitude), longitude=Decimal(longitude),
        coordinate_confidence=confidence, **fields,
    )


def points_by_slug(place_map):
    return {point.place.slug: point for point in place_map.points}


def test_the_map_projects_west_to_the_left_and_north_to_the_top_inside_a_margin():
    place_at("gao", "16.26667", "-0.05000")
    place_at("menaka", "15.91667", "2.40000")
    place_at("talataye", "16.53333", "1.52972")

    place_map = map_charts.chart_places(Place.objects)
    points = points_by_slug(place_map)

    assert points["gao"].x < points["talataye"].x < points["menaka"].x
    assert points["talataye"].y < points["gao"].y < points["menaka"].y
    for point in place_map.points:
        assert 0.05 * place_map.width < point.x < 0.95 * place_map.width
        assert 0.05 * place_map.height < point.y < 0.95 * place_map.height


def test_the_map_keeps_ground_proportions_at_its_latitude():
    place_at("south-west", "15.0", "0.0")
    place_at("north-east", "16.0", "1.0")

    points = points_by_slug(map_charts.chart_places(Place.objects))
    across = points["north-east"].x - points["south-west"].x
    up = points["south-west"].y - points["north-east"].y

    # A degree of longitude at 15.5°N is cos(15.5°) of a degree of latitude.
    assert across / up == pytest.approx(0.9636, abs=0.01)


def test_each_point_carries_its_coordinate_confidence():
    place_at("menaka", "15.91667", "2.40000", Place.CoordinateConfidence.GOOD)
    place_at("gao-region", "17.09861", "0.35139", Place.CoordinateConfidence.REPRESENTATIVE)
    place_at("fitili", "15.05510", "0.25980", Place.CoordinateConfidence.LOW)

    points = points_by_slug(map_charts.chart_places(Place.objects))

    assert {slug: point.confidence_label for slug, point in points.items()} == {
        "menaka": "Good", "gao-region": "Representative point", "fitili": "Low",
    }


def test_places_without_coordinates_are_listed_not_drawn_and_drafts_are_neither():
    place_at("menaka", "15.91667", "2.40000")
    make_place(slug="haroum")
    place_at("secret", "15.5", "1.5", status=Status.DRAFT)
    make_place(slug="draft-unlocated", status=Status.DRAFT)

    place_map = map_charts.chart_places(Place.objects)

    assert list(points_by_slug(place_map)) == ["menaka"]
    assert [place.slug for place in place_map.unplaced.shown] == ["haroum"]


def test_labels_of_neighbouring_points_do_not_overlap():
    place_at("tessit", "15.22626", "0.29338", Place.CoordinateConfidence.LOW)
    place_at("fitili", "15.05510", "0.25980", Place.CoordinateConfidence.LOW)
    place_at("ansongo", "15.65944", "0.50167")
    place_at("menaka", "15.91667", "2.40000")
    place_at("mali", "17.0", "-4.0", Place.CoordinateConfidence.REPRESENTATIVE)

    place_map = map_charts.chart_places(Place.objects)
    points = points_by_slug(place_map)

    boxes = [
        map_charts.label_box(point.label_x, point.label_y, point.label_anchor, len(point.place.name) * map_charts.MAP_LABEL_FONT_WIDTH)
        for point in points.values()
    ]
    for index, box in enumerate(boxes):
        assert not any(map_charts.overlaps(box, other) for other in boxes[index + 1:])
        assert 0 <= box[0] and box[2] <= place_map.width


def test_the_map_has_graticule_lines_labelled_in_degrees():
    place_at("gao", "16.26667", "-0.05000")
    place_at("menaka", "15.91667", "2.40000")

    place_map = map_charts.chart_places(Place.objects)

    assert "1°E" in [line.label for line in place_map.meridians]
    assert "16°N" in [line.label for line in place_map.parallels]


def test_a_map_with_no_located_place_is_empty_but_lists_the_others():
    make_place(slug="haroum")

    place_map = map_charts.chart_places(Place.objects)

    assert place_map.is_empty
    assert [place.slug for place in place_map.unplaced.shown] == ["haroum"]


def test_a_long_title_is_shortened_to_fit_the_label_column_with_an_ellipsis():
    title = "Clashes between the two groups in the villages of Tadjalalt and Haroum, the heaviest of all"
    make_event(slug="long", title=title)

    bar = timeline_charts.chart_timeline().overview.bars[0]

    assert bar.label.endswith("…") and title.startswith(bar.label[:-1])
    assert bar.label_x + len(bar.label) * timeline_charts.LABEL_FONT_WIDTH <= timeline_charts.LABEL_COLUMN


def test_axis_ticks_over_a_few_years_are_half_years_so_that_their_labels_fit():
    make_event(slug="war", start_date=D(2020, 1, 1), precision=Event.DatePrecision.YEAR)
    make_event(slug="clash", start_date=D(2022, 12, 10))

    panel = timeline_charts.chart_timeline().overview
    labels = [tick.label for tick in panel.ticks]
    spacing = min(later.x - earlier.x for earlier, later in zip(panel.ticks, panel.ticks[1:]))

    assert labels == ["Jan 2020", "Jul 2020", "Jan 2021", "Jul 2021", "Jan 2022", "Jul 2022"]
    assert spacing > len("Jul 2022") * timeline_charts.LABEL_FONT_WIDTH


def test_a_record_too_big_to_draw_is_counted_by_year_each_bar_as_long_as_its_count(monkeypatch):
    monkeypatch.setattr(timeline_charts, "DETAIL_LIMIT", 3)
    for day in (D(2020, 3, 1), D(2020, 4, 1), D(2022, 1, 5), D(2022, 6, 1), D(2022, 7, 1), D(2022, 12, 3)):
        make_event(start_date=day)
    make_event(start_date=D(2021, 5, 1), status=Status.DRAFT)
    make_event(start_date=None, end_date=None)

    counted = timeline_charts.chart_timeline()

    assert counted.is_counted
    assert [(bar.period.label, bar.count) for bar in counted.bars] == [("2020", 2), ("2021", 0), ("2022", 4)]
    assert counted.bars[2].width == timeline_charts.PERIOD_BAR_MAX
    assert counted.bars[0].width == pytest.approx(timeline_charts.PERIOD_BAR_MAX / 2)
    assert counted.bars[1].width == 0
    assert counted.undated == 1


def test_a_point_with_no_free_spot_for_its_label_goes_unlabelled_rather_than_overlapping():
    place_at("menaka", "15.91667", "2.40000")
    place_at("far-away", "17.0", "-4.0")
    for number in range(12):
        place_at(f"crowd-{number}", f"{15.9 + number * 0.003:.5f}", f"{2.4 + number * 0.003:.5f}",
                 Place.CoordinateConfidence.LOW)

    points = map_charts.chart_places(Place.objects).points
    labelled = [point for point in points if point.label_anchor]

    assert 2 <= len(labelled) < len(points)
    boxes = [
        map_charts.label_box(point.label_x, point.label_y, point.label_anchor, len(point.place.name) * map_charts.MAP_LABEL_FONT_WIDTH)
        for point in labelled
    ]
    assert not any(map_charts.overlaps(a, b) for index, a in enumerate(boxes) for b in boxes[index + 1:])
