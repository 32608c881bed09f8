"""Geometry of the timeline and the map: published rows in, positions out.

Nothing here renders HTML; the templates draw what these functions lay out, so the
layout can be tested on its own. Every function takes a queryset and asks it for its
published rows itself, so a draft can never be drawn.
"""

import datetime
import math
from dataclasses import dataclass, field

from .models import Event, Place

# The timeline: a label column on the left, the time axis on the right (SVG user units).
TIMELINE_WIDTH = 960
LABEL_COLUMN = 320
AXIS_LEFT = LABEL_COLUMN + 10
AXIS_RIGHT = TIMELINE_WIDTH - 20
ROW_HEIGHT = 24
BAR_HEIGHT = 14
AXIS_HEIGHT = 34
INDENT = 14
LABEL_FONT_WIDTH = 6.6  # average advance of a 13px sans-serif character
MIN_BAR_WIDTH = 3

# Events that last a few days are unreadable on an axis that spans the whole war (the
# December 2022 clashes would be two pixels wide on ten years). A log or broken axis
# would distort durations, which is exactly what a reader compares, so the timeline
# keeps linear axes and adds a second, zoomed panel over the densest run of short,
# day-precise events, with that window marked on the overview.
SHORT_EVENT_DAYS = 31
CLUSTER_GAP_DAYS = 14
ZOOM_WHEN_WINDOW_BELOW = 0.25  # zoom only when the window is under a quarter of the overview

# Past a few hundred rows a timeline is no longer read, only scrolled (and the page grows
# with every row): a bigger record is drawn down to the deepest level that fits.
MAX_ROWS = 300

MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Span:
    """The days an event may cover: [start, end), widened to its date precision."""

    start: datetime.date
    end: datetime.date
    approximate: bool
    end_unknown: bool

    @property
    def days(self):
        return (self.end - self.start).days


def first_of_month(day):
    return day.replace(day=1)


def first_of_next_month(day):
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def date_span(event):
    """The span an event covers on the axis, or None when its start is unknown.

    "Sometime in September" covers the whole month, "2020" the whole year: a point on
    the first day would claim a precision the record does not have.
    """
    if event.start_date is None:
        return None
    start, end = event.start_date, event.end_date
    end_unknown = end is None
    end = end or start
    precision = event.date_precision
    if precision == Event.DatePrecision.MONTH:
        start, end = first_of_month(start), first_of_next_month(end)
    elif precision == Event.DatePrecision.YEAR:
        start, end = datetime.date(start.year, 1, 1), datetime.date(end.year + 1, 1, 1)
    else:
        end = end + DAY
    return Span(start, end, precision == Event.DatePrecision.APPROXIMATE, end_unknown)


def shade_of(depth):
    """Deeper events are drawn lighter; beyond three levels they share a shade."""
    return min(depth, 3)


@dataclass
class TimelineRow:
    event: Event
    span: Span
    depth: int
    parent: Event = None

    @property
    def shade(self):
        return shade_of(self.depth)


@dataclass
class Bar:
    event: Event
    depth: int
    y: float
    x: float
    width: float
    label: str
    label_x: float
    approximate: bool
    # "precise", "month" or "year": how much of the bar the event really covered.
    precision: str
    # The bar runs on past the panel's edge (the event continues, or its end is unknown).
    continues_before: bool
    continues_after: bool
    end_unknown: bool

    height = BAR_HEIGHT

    @property
    def text_y(self):
        return self.y + BAR_HEIGHT - 3

    @property
    def shade(self):
        return shade_of(self.depth)

    @property
    def row_y(self):
        return self.y - (ROW_HEIGHT - BAR_HEIGHT) / 2

    @property
    def right(self):
        return self.x + self.width

    @property
    def arrow_before(self):
        """An arrowhead pointing left from a bar that began before the panel's first day."""
        return arrowhead(self.x, -1, self.y)

    @property
    def arrow_after(self):
        return arrowhead(self.right, 1, self.y)


def arrowhead(edge, direction, top):
    middle = top + BAR_HEIGHT / 2
    return f"{edge},{top - 2} {edge + direction * 7},{middle} {edge},{top + BAR_HEIGHT + 2}"


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Panel:
    name: str
    start: datetime.date
    end: datetime.date
    bars: list
    ticks: list
    height: float
    # On the overview: the zoomed window, drawn as a band (x, width), or None.
    window: tuple = None

    width = TIMELINE_WIDTH
    axis_left = AXIS_LEFT
    axis_right = AXIS_RIGHT
    row_height = ROW_HEIGHT

    @property
    def axis_y(self):
        return self.height - AXIS_HEIGHT + 6

    @property
    def tick_label_y(self):
        return self.axis_y + 18

    @property
    def first_day(self):
        return self.start

    @property
    def last_day(self):
        return self.end - DAY


@dataclass
class Timeline:
    overview: Panel = None
    detail: Panel = None
    undated: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    # Dated events left out because the record is too big to draw whole.
    not_drawn: int = 0

    @property
    def is_empty(self):
        return self.overview is None


def build_timeline(events):
    """Lay out the published events of a queryset as one or two timeline panels."""
    published = list(events.published().only(
        "slug", "title", "start_date", "end_date", "date_precision", "parent_id"
    ).order_by("start_date", "title", "pk"))
    dated = [(event, date_span(event)) for event in published]
    undated = [event for event, span in dated if span is None]
    all_rows = nested_rows([(event, span) for event, span in dated if span is not None])
    rows = shallowest_rows(all_rows)
    if not rows:
        return Timeline(undated=undated)

    start = min(row.span.start for row in rows)
    end = max(row.span.end for row in rows)
    overview = layout_panel("overview", rows, start, end)
    detail = None
    window = zoom_window(rows, start, end)
    if window:
        window_start, window_end = window
        left = x_for(window_start, start, end)
        overview.window = (left, x_for(window_end, start, end) - left)
        in_window = [
            row for row in rows
            if row.span.start < window_end and (row.span.end_unknown or row.span.end > window_start)
        ]
        detail = layout_panel("detail", in_window, window_start, window_end)
    return Timeline(overview=overview, detail=detail, undated=undated, rows=rows, not_drawn=len(all_rows) - len(rows))


def shallowest_rows(rows):
    """The rows down to the deepest level that fits in MAX_ROWS, so that a huge record keeps its outline."""
    if len(rows) <= MAX_ROWS:
        return rows
    per_depth = {}
    for row in rows:
        per_depth[row.depth] = per_depth.get(row.depth, 0) + 1
    depth, drawn = -1, 0
    while depth + 1 in per_depth and drawn + per_depth[depth + 1] <= MAX_ROWS:
        depth += 1
        drawn += per_depth[depth]
    return [row for row in rows if row.depth <= max(depth, 0)][:MAX_ROWS]


def nested_rows(dated):
    """Depth-first order: each event right under its parent, children by date.

    A child whose parent is not on the chart (a draft, or undated) starts a tree of its own.
    """
    on_chart = {event.pk: event for event, _ in dated}
    children = {}
    roots = []
    for event, span in dated:
        if event.parent_id in on_chart:
            children.setdefault(event.parent_id, []).append((event, span))
        else:
            roots.append((event, span))

    rows = []
    stack = [(event, span, 0) for event, span in reversed(roots)]
    while stack:
        event, span, depth = stack.pop()
        rows.append(TimelineRow(event, span, depth, on_chart.get(event.parent_id)))
        for child, child_span in reversed(children.get(event.pk, [])):
            stack.append((child, child_span, depth + 1))
    return rows


def zoom_window(rows, start, end):
    """The days of the densest run of short, day-precise events, if the overview crushes them."""
    short = sorted(
        (row.span for row in rows
         if row.event.date_precision == Event.DatePrecision.DAY
         and not row.span.end_unknown and row.span.days <= SHORT_EVENT_DAYS),
        key=lambda span: span.start,
    )
    clusters = []
    for span in short:
        if clusters and span.start <= clusters[-1]["end"] + datetime.timedelta(days=CLUSTER_GAP_DAYS):
            cluster = clusters[-1]
            cluster["end"] = max(cluster["end"], span.end)
            cluster["count"] += 1
        else:
            clusters.append({"start": span.start, "end": span.end, "count": 1})
    if not clusters:
        return None
    best = max(clusters, key=lambda cluster: (cluster["count"], cluster["start"]))
    window = (best["start"] - DAY, best["end"] + DAY)
    if best["count"] < 2 or (window[1] - window[0]).days >= ZOOM_WHEN_WINDOW_BELOW * (end - start).days:
        return None
    return window


def x_for(day, start, end):
    fraction = (day - start).days / max((end - start).days, 1)
    return round(AXIS_LEFT + fraction * (AXIS_RIGHT - AXIS_LEFT), 1)


def layout_panel(name, rows, start, end):
    bars = []
    for index, row in enumerate(rows):
        span = row.span
        bar_start = max(span.start, start)
        bar_end = end if span.end_unknown else min(span.end, end)
        x = x_for(bar_start, start, end)
        width = max(x_for(bar_end, start, end) - x, MIN_BAR_WIDTH)
        label_x = INDENT * row.depth + 4
        bars.append(Bar(
            event=row.event,
            depth=row.depth,
            y=8 + index * ROW_HEIGHT,
            x=x,
            width=round(width, 1),
            label=truncate(row.event.title, int((LABEL_COLUMN - label_x) / LABEL_FONT_WIDTH)),
            label_x=label_x,
            approximate=span.approximate,
            precision=precision_class(row.event.date_precision),
            continues_before=span.start < start,
            continues_after=span.end_unknown or span.end > end,
            end_unknown=span.end_unknown,
        ))
    height = 8 + len(rows) * ROW_HEIGHT + AXIS_HEIGHT
    return Panel(name=name, start=start, end=end, bars=bars, ticks=ticks(start, end), height=height)


def precision_class(precision):
    if precision in (Event.DatePrecision.MONTH, Event.DatePrecision.YEAR):
        return precision
    return "precise"


def truncate(text, characters):
    return text if len(text) <= characters else text[: max(characters - 1, 1)].rstrip() + "…"


def ticks(start, end):
    """Tick marks at round dates: years, months or days, few enough for their labels to fit."""
    days = (end - start).days
    if days > 4 * 366:
        step = next(step for step in (1, 2, 5, 10, 20, 50) if (end.year - start.year) / step <= 12)
        first_year = start.year + (-start.year) % step
        dates = [datetime.date(year, 1, 1) for year in range(first_year, end.year + 1, step)]
        labels = [str(day.year) for day in dates]
    elif days > 62:
        months = (end.year - start.year) * 12 + end.month - start.month
        step = next(step for step in (1, 2, 3, 6, 12) if months / step <= 8)
        dates = []
        day = first_of_month(start) if start.day == 1 else first_of_next_month(start)
        while day <= end:
            if (day.month - 1) % step == 0:
                dates.append(day)
            day = first_of_next_month(day)
        labels = [f"{MONTH_ABBREVIATIONS[day.month - 1]} {day.year}" for day in dates]
    else:
        step = next(step for step in (1, 2, 7, 14) if days / step <= 14)
        dates = [start + datetime.timedelta(days=offset) for offset in range(0, days, step)]
        labels = [f"{day.day} {MONTH_ABBREVIATIONS[day.month - 1]}" for day in dates]
    return [Tick(x_for(day, start, end), label) for day, label in zip(dates, labels) if start <= day <= end]


# The map: an equirectangular projection centred on the points, in SVG user units.
MAP_MAX_WIDTH = 720
MAP_MAX_HEIGHT = 640
MAP_MARGIN_FRACTION = 0.12
MAP_MIN_MARGIN_DEGREES = 0.3
MAP_LABEL_FONT_WIDTH = 7  # a generous average advance of a 12px sans-serif character
POINT_RADIUS = 6
# A low-confidence point is a wider, dashed ring around a question mark.
LOW_RING_RADIUS = 9


@dataclass
class MapPoint:
    place: Place
    x: float
    y: float
    confidence: str
    label_x: float
    label_y: float
    label_anchor: str

    @property
    def confidence_label(self):
        return CONFIDENCE_LABELS[self.confidence]

    @property
    def radius(self):
        return LOW_RING_RADIUS if self.confidence == Place.CoordinateConfidence.LOW else POINT_RADIUS


@dataclass
class GridLine:
    position: float
    label: str


@dataclass
class PlaceMap:
    width: float
    height: float
    points: list
    unplaced: list
    meridians: list
    parallels: list

    # Room outside the frame for the degree labels of the graticule.
    frame_x = 46
    frame_y = 10

    @property
    def is_empty(self):
        return not self.points

    @property
    def svg_width(self):
        return round(self.frame_x + self.width + 10, 1)

    @property
    def svg_height(self):
        return round(self.frame_y + self.height + 28, 1)

    @property
    def bottom_label_y(self):
        return self.height + 18

    @property
    def legend(self):
        return [(confidence, Place.CoordinateConfidence(confidence).label) for confidence in CONFIDENCE_LABELS]


CONFIDENCE_LABELS = {
    Place.CoordinateConfidence.GOOD: "Good",
    Place.CoordinateConfidence.REPRESENTATIVE: "Representative point",
    Place.CoordinateConfidence.LOW: "Low",
}
CONFIDENCE_RANK = {confidence: rank for rank, confidence in enumerate(CONFIDENCE_LABELS)}


def build_place_map(places):
    """Project the published places with coordinates; list the others as unplaced."""
    published = list(places.published().only(
        "slug", "name", "kind", "latitude", "longitude", "coordinate_confidence"
    ).order_by("name", "pk"))
    located = [place for place in published if place.has_coordinates]
    unplaced = [place for place in published if not place.has_coordinates]
    if not located:
        return PlaceMap(width=MAP_MAX_WIDTH, height=0, points=[], unplaced=unplaced, meridians=[], parallels=[])

    latitudes = [float(place.latitude) for place in located]
    longitudes = [float(place.longitude) for place in located]
    south, north = padded(min(latitudes), max(latitudes))
    west, east = padded(min(longitudes), max(longitudes))
    # Equirectangular with its standard parallel through the middle of the map, so
    # that a degree of longitude is as wide as it is on the ground there.
    x_stretch = math.cos(math.radians((south + north) / 2))
    scale = min(MAP_MAX_WIDTH / ((east - west) * x_stretch), MAP_MAX_HEIGHT / (north - south))
    width = round((east - west) * x_stretch * scale, 1)
    height = round((north - south) * scale, 1)

    def project(latitude, longitude):
        return round((longitude - west) * x_stretch * scale, 1), round((north - latitude) * scale, 1)

    positions = {place.pk: project(float(place.latitude), float(place.longitude)) for place in located}
    taken = [point_box(x, y) for x, y in positions.values()]
    labels = {}
    # The best-known points choose their label positions first.
    for place in sorted(located, key=lambda place: CONFIDENCE_RANK[place.coordinate_confidence]):
        labels[place.pk] = place_label(place.name, *positions[place.pk], width, height, taken)
    points = [
        MapPoint(place, *positions[place.pk], place.coordinate_confidence, *labels[place.pk]) for place in located
    ]

    meridians = [GridLine(project(south, lon)[0], degrees(lon, "E", "W")) for lon in grid_degrees(west, east)]
    parallels = [GridLine(project(lat, west)[1], degrees(lat, "N", "S")) for lat in grid_degrees(south, north)]
    return PlaceMap(width, height, points, unplaced, meridians, parallels)


def padded(low, high):
    margin = max((high - low) * MAP_MARGIN_FRACTION, MAP_MIN_MARGIN_DEGREES)
    return low - margin, high + margin


def grid_degrees(low, high):
    step = next(step for step in (0.5, 1, 2, 5, 10, 20, 30) if (high - low) / step <= 8)
    first = math.ceil(low / step) * step
    return [first + index * step for index in range(int((high - first) / step) + 1)]


def degrees(value, positive, negative):
    hemisphere = positive if value > 0 else negative if value < 0 else ""
    return f"{abs(value):g}°{hemisphere}"


def place_label(name, x, y, width, height, taken):
    """Put a label right, left, above or below its point, wherever it overlaps nothing yet.

    Where every spot is taken the point goes unlabelled (None): its name is still in its
    tooltip and in the table, and a pile of overlapping labels would be unreadable.
    """
    text_width = len(name) * MAP_LABEL_FONT_WIDTH
    gap = LOW_RING_RADIUS + 3
    candidates = [(x + gap, y + 4, "start"), (x - gap, y + 4, "end"), (x, y - gap - 4, "middle"), (x, y + gap + 12, "middle")]
    for label_x, label_y, anchor in candidates:
        box = label_box(label_x, label_y, anchor, text_width)
        if inside(box, width, height) and not any(overlaps(box, other) for other in taken):
            taken.append(box)
            return round(label_x, 1), round(label_y, 1), anchor
    return None, None, None


def label_box(label_x, baseline, anchor, text_width):
    """The room a 12px label takes around its baseline, as (left, top, right, bottom)."""
    left = {"start": label_x, "end": label_x - text_width, "middle": label_x - text_width / 2}[anchor]
    return left, baseline - 12, left + text_width, baseline + 4


def point_box(x, y):
    return (x - LOW_RING_RADIUS, y - LOW_RING_RADIUS, x + LOW_RING_RADIUS, y + LOW_RING_RADIUS)


def inside(box, width, height):
    left, top, right, bottom = box
    return left >= 0 and top >= 0 and right <= width and bottom <= height


def overlaps(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
