"""The timeline: published events on a time axis, or their counts by period when they are many.

Nothing here renders HTML; the templates draw what these functions lay out, so the
layout can be tested on its own. Every function takes a queryset and asks it for its
published rows itself, so a draft can never be drawn or counted.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, F, Max, Min, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy, pgettext_lazy

from editorial.counts import count_of

from ..dates import day_after_the_last_possible, first_of_month, first_of_next_month, first_possible_day
from ..models import DATE_FIELDS, Event
from .periods import Period, count_by_period, count_in_one_pass

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
# On a phone each event is a line of text over a strip as wide as the screen, its bar placed in percent of it.
STRIP_WIDTH = 100
MIN_STRIP_WIDTH = 0.8

# Events that last a few days are unreadable on an axis that spans the whole war (the
# December 2022 clashes would be two pixels wide on ten years). A log or broken axis
# would distort durations, which is exactly what a reader compares, so the timeline
# keeps linear axes and adds a second, zoomed panel over the densest run of short,
# day-precise events, with that window marked on the overview.
SHORT_EVENT_DAYS = 31
CLUSTER_GAP_DAYS = 14
ZOOM_WHEN_WINDOW_BELOW = 0.25  # zoom only when the window is under a quarter of the overview

# Past this many events a timeline is scrolled rather than read, and the page outgrows
# its budget (about 1 KB an event): more are counted by period instead, and the reader
# drills into a period or into one event's parts until few enough are left to draw.
DETAIL_LIMIT = 80
# How many events with parts of their own the counted view offers to drill into.
CONTAINERS_SHOWN = 12

# What each bar of a counted timeline stands for, in "counted by month", "the events of its month".
PART_NAMES = {
    "years": gettext_lazy("span of years"),
    "year": gettext_lazy("year"),
    "month": gettext_lazy("month"),
    "day": gettext_lazy("day"),
}
MONTH_ABBREVIATIONS = (
    pgettext_lazy("month abbreviation", "Jan"),
    pgettext_lazy("month abbreviation", "Feb"),
    pgettext_lazy("month abbreviation", "Mar"),
    pgettext_lazy("month abbreviation", "Apr"),
    pgettext_lazy("month abbreviation", "May"),
    pgettext_lazy("month abbreviation", "Jun"),
    pgettext_lazy("month abbreviation", "Jul"),
    pgettext_lazy("month abbreviation", "Aug"),
    pgettext_lazy("month abbreviation", "Sep"),
    pgettext_lazy("month abbreviation", "Oct"),
    pgettext_lazy("month abbreviation", "Nov"),
    pgettext_lazy("month abbreviation", "Dec"),
)
DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Span:
    """The days an event may cover: [start, end), each end widened to its precision.

    within: the days bound a moment nobody dated, not how long the event lasted.
    """

    start: datetime.date
    end: datetime.date
    approximate: bool
    end_unknown: bool
    within: bool = False

    @property
    def days(self):
        return (self.end - self.start).days


def date_span(event):
    """The span an event covers on the axis, or None when its start is unknown.

    "Sometime in September" covers the whole month, "2020" the whole year: a point on
    the first day would claim a precision the record does not have.
    """
    if event.start_date is None:
        return None
    end_unknown = event.end_date is None
    end, end_precision = (event.start_date, event.start_precision) if end_unknown else (event.end_date, event.end_precision)
    return Span(
        first_possible_day(event.start_date, event.start_precision),
        day_after_the_last_possible(end, end_precision),
        Event.DatePrecision.APPROXIMATE in (event.start_precision, event.end_precision),
        end_unknown,
        event.is_dated_within,
    )


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
    # The bar is a window holding a moment nobody dated, not a duration.
    within: bool
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
    def strip_x(self):
        """Where the bar starts on the compact layout's strip, in percent of the panel's days."""
        return round((self.x - AXIS_LEFT) / (AXIS_RIGHT - AXIS_LEFT) * STRIP_WIDTH, 1)

    @property
    def strip_width(self):
        return min(max(round(self.width / (AXIS_RIGHT - AXIS_LEFT) * STRIP_WIDTH, 1), MIN_STRIP_WIDTH),
                   STRIP_WIDTH - self.strip_x)

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
    # Events of one day left out because that day alone holds more than DETAIL_LIMIT.
    not_drawn: int = 0

    is_counted = False

    @property
    def is_empty(self):
        return self.overview is None


def chart_timeline(period=None, within=None):
    """The published events beginning in a period (or at any date), all or one event's parts: drawn or counted.

    A few events are drawn one by one (build_timeline), under the event they are part of
    when one was asked for; more are counted by the parts of their period (count_timeline).
    A single day cannot be split further, so a day with too many events draws the first
    DETAIL_LIMIT of them and says how many more there are.
    """
    events = Event.objects.published()
    if within is not None:
        events = events.filter(parent=within)
    if period is not None:
        events = events.filter(start_date__gte=period.start, start_date__lt=period.end)
    if len(events.order_by().values_list("pk", flat=True)[: DETAIL_LIMIT + 1]) <= DETAIL_LIMIT:
        return build_timeline(events, root=within)
    undated = None
    if period is None:
        undated, period = undated_and_period_of_starts(events, one_event=within is not None)
    if period is not None and period.unit == "day":
        # Asked for, or every known start on one day: a day has no parts to count by.
        return build_timeline(events, root=within, limit=DETAIL_LIMIT)
    return count_timeline(events, period, undated, one_event=within is not None)


def undated_and_period_of_starts(events, one_event):
    """How many events have no start date, and the smallest period that holds every known start (or None).

    Over the whole record these are three index lookups; over one event's parts, one
    pass over those parts (by the parent's index) is cheaper than walking the whole
    record's date index until they turn up.
    """
    if one_event:
        summary = events.order_by().aggregate(
            undated=Count("pk", filter=Q(start_date__isnull=True)), first=Min("start_date"), last=Max("start_date"),
        )
        undated, first, last = summary["undated"], summary["first"], summary["last"]
    else:
        undated = count_of(events.filter(start_date__isnull=True))
        starts = events.filter(start_date__isnull=False).values_list("start_date", flat=True)
        first, last = starts.order_by("start_date").first(), starts.order_by("-start_date").first()
    return undated, None if first is None else Period.covering(first, last)


def build_timeline(events, root=None, limit=None):
    """Lay out the published events of a queryset as one or two timeline panels, under a root event if given."""
    published = events.published().only("slug", "title", *DATE_FIELDS, "parent_id").order_by("start_date", "title", "pk")
    not_drawn = 0
    if limit is not None:
        not_drawn = max(count_of(published) - limit, 0)
        published = published[:limit]
    dated = [(event, date_span(event)) for event in ([root] if root else []) + list(published)]
    undated = [event for event, span in dated if span is None]
    rows = nested_rows([(event, span) for event, span in dated if span is not None])
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
    return Timeline(overview=overview, detail=detail, undated=undated, rows=rows, not_drawn=not_drawn)


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
         if row.event.start_precision == row.event.end_precision == Event.DatePrecision.DAY
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
            precision=precision_class(row.event.coarsest_precision),
            within=span.within,
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
    """The text cut to fit after its last whole word (the bar's title keeps all of it)."""
    if len(text) <= characters:
        return text
    cut = text[: max(characters - 1, 1)]
    words = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return words.rstrip(" ,;:–-") + "…"


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




# The counted timeline: one horizontal bar per period, narrow enough to read on a phone.
PERIOD_CHART_WIDTH = 400
PERIOD_LABEL_RIGHT = 78
PERIOD_BAR_LEFT = 86
PERIOD_BAR_MAX = 250
PERIOD_ROW_HEIGHT = 24
PERIOD_TOP = 6


@dataclass
class PeriodBar:
    period: Period
    count: int
    y: float
    width: float

    height = BAR_HEIGHT
    x = PERIOD_BAR_LEFT
    label_x = PERIOD_LABEL_RIGHT

    @property
    def text_y(self):
        return self.y + BAR_HEIGHT - 3

    @property
    def count_x(self):
        return round(self.x + self.width + 6, 1)

    @property
    def row_y(self):
        return self.y - (PERIOD_ROW_HEIGHT - BAR_HEIGHT) / 2


@dataclass
class CountedTimeline:
    """The events of a period counted by its parts, for a record too big to draw event by event."""

    period: Period
    bars: list
    # Published events within the view that have parts of their own: ways to drill in by event.
    containers: list
    # Published events in view with no known start; None when a period was asked for (they have none).
    undated: int = None

    is_counted = True
    is_empty = False
    width = PERIOD_CHART_WIDTH
    row_height = PERIOD_ROW_HEIGHT

    @property
    def part_name(self):
        return PART_NAMES[self.bars[0].period.unit]

    @property
    def dated(self):
        return sum(bar.count for bar in self.bars)

    @property
    def height(self):
        return PERIOD_TOP * 2 + len(self.bars) * PERIOD_ROW_HEIGHT


def count_timeline(events, period, undated=None, one_event=False):
    """Count the events beginning in each part of the period, offering the events with parts of their own."""
    if period is None:
        return CountedTimeline(period=None, bars=[], containers=[], undated=undated)
    parts = period.parts()
    counts = count_in_one_pass(events, parts) if one_event else count_by_period(events, parts)
    most = max(counts) or 1
    bars = [
        PeriodBar(part, count, y=PERIOD_TOP + index * PERIOD_ROW_HEIGHT + (PERIOD_ROW_HEIGHT - BAR_HEIGHT) / 2,
                  width=round(max(count / most * PERIOD_BAR_MAX, MIN_BAR_WIDTH) if count else 0, 1))
        for index, (part, count) in enumerate(zip(parts, counts))
    ]
    # By date over the whole record: the date index, read until enough are found. Over one
    # event's parts, by an expression no index holds, so that the parent's index finds them.
    by_date = Coalesce("start_date", "end_date") if one_event else F("start_date")
    containers = list(
        events.containing_events()
        .only("slug", "title", *DATE_FIELDS)
        .order_by(by_date.asc(nulls_last=True), "pk")[:CONTAINERS_SHOWN]
    )
    return CountedTimeline(period=period, bars=bars, containers=containers, undated=undated)
