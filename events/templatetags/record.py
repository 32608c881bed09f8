"""Template filters for showing the record as it is known: dates with their precision, coordinates with their confidence."""

from django import template
from django.utils.dateformat import format as format_date

from events.models import Event, Place

register = template.Library()

Precision = Event.DatePrecision


@register.filter
def event_dates(event):
    """The event's dates in words, no more precisely than they are known, saying what they bound.

    Dates that say how long it lasted read "3–10 December 2022", "September 2022", "2020"; an
    unrecorded end is not a one-day event: "from 3 December 2022" (an unrecorded start: "until …").
    Dates that bound a moment nobody dated read "sometime between 7 and 10 December 2022",
    "sometime in September 2022", "on or after 3 December 2022".
    """
    start, end = event.start_date, event.end_date
    start_precision, end_precision = event.start_precision, event.end_precision
    within = event.is_dated_within
    if start is None and end is None:
        return "date unknown"
    if start is None:
        return f"{'on or before' if within else 'until'} {date_span(end, end, end_precision)}"
    if end is None:
        return f"{'on or after' if within else 'from'} {date_span(start, start, start_precision)}"
    if not within:
        if start_precision == end_precision:
            return date_span(start, end, start_precision)
        return f"{date_span(start, start, start_precision)} – {date_span(end, end, end_precision)}"
    if start_precision == end_precision:
        one_day_or_unit = date_span(start, end, start_precision, joiner=BETWEEN)
        if date_span(start, start, start_precision) == date_span(end, end, end_precision):
            return one_day_or_unit if start_precision == Precision.DAY else f"sometime in {one_day_or_unit}"
        return f"sometime between {one_day_or_unit}"
    return f"sometime between {date_span(start, start, start_precision)} and {date_span(end, end, end_precision)}"


@register.filter
def precision_note(event):
    """What the words of event_dates cannot say: "known only to the month", "the start known only to the year"."""
    start_precision, end_precision = event.start_precision, event.end_precision
    notes = []
    if Precision.APPROXIMATE in (start_precision, end_precision):
        notes.append("approximate: the dates are estimates")
    if start_precision and end_precision and start_precision == end_precision:
        if start_precision in (Precision.MONTH, Precision.YEAR):
            notes.append(f"known only to the {start_precision}")
    else:
        for end, precision in (("start", start_precision), ("end", end_precision)):
            if precision in (Precision.MONTH, Precision.YEAR):
                notes.append(f"the {end} known only to the {precision}")
    return "; ".join(notes)


# How the two ends of a span are joined: "3–10 December 2022", or "between 7 and 10 December 2022".
DURATION = ("–", " – ")
BETWEEN = (" and ", " and ")


def date_span(start, end, precision, joiner=DURATION):
    if precision == Precision.YEAR:
        return _span(start.year, end.year, str(start.year), str(end.year), joiner)
    if precision == Precision.MONTH:
        return _month_span(start, end, joiner)
    day_span = _day_span(start, end, joiner)
    if precision == Precision.APPROXIMATE:
        return f"c. {day_span}"
    return day_span


def _span(first, last, first_text, last_text, joiner):
    return first_text if first == last else f"{first_text}{joiner[0]}{last_text}"


def _month_span(start, end, joiner):
    tight, loose = joiner
    if (start.year, start.month) == (end.year, end.month):
        return format_date(start, "F Y")
    if start.year == end.year:
        return f"{format_date(start, 'F')}{tight}{format_date(end, 'F Y')}"
    return f"{format_date(start, 'F Y')}{loose}{format_date(end, 'F Y')}"


def _day_span(start, end, joiner):
    tight, loose = joiner
    if start == end:
        return format_date(start, "j F Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}{tight}{format_date(end, 'j F Y')}"
    if start.year == end.year:
        return f"{format_date(start, 'j F')}{loose}{format_date(end, 'j F Y')}"
    return f"{format_date(start, 'j F Y')}{loose}{format_date(end, 'j F Y')}"


@register.filter
def coordinates(place):
    """Latitude and longitude in degrees; a low-confidence point is rounded to a tenth of a degree (about 10 km)."""
    if not place.has_coordinates:
        return "Location not published"
    if place.coordinate_confidence == Place.CoordinateConfidence.LOW:
        return f"around {_degrees(place.latitude, 'N', 'S', 1)}, {_degrees(place.longitude, 'E', 'W', 1)}"
    return f"{_degrees(place.latitude, 'N', 'S')}, {_degrees(place.longitude, 'E', 'W')}"


def _degrees(value, positive, negative, decimals=None):
    hemisphere = positive if value >= 0 else negative
    magnitude = abs(value)
    text = f"{magnitude:.{decimals}f}" if decimals is not None else f"{magnitude.normalize():f}"
    return f"{text}° {hemisphere}"


CONFIDENCE_IN_BRIEF = {
    Place.CoordinateConfidence.GOOD: "good confidence",
    Place.CoordinateConfidence.REPRESENTATIVE: "a representative point for an area",
    Place.CoordinateConfidence.LOW: "low confidence, approximate",
    Place.CoordinateConfidence.NONE: "no published coordinates",
}


@register.filter
def confidence_in_brief(place):
    return CONFIDENCE_IN_BRIEF[place.coordinate_confidence]


@register.filter
def thousands(number):
    """5000 → "5,000", as the record's counts are written."""
    return f"{number:,}"
