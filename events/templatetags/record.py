"""Template filters for showing the record as it is known: dates with their precision, coordinates with their confidence."""

from django import template
from django.utils.dateformat import format as format_date

from events.models import Event, Place

register = template.Library()

Precision = Event.DatePrecision


@register.filter
def event_dates(event):
    """The event's dates no more precisely than they are known: "3–10 December 2022", "September 2022", "2020".

    An unrecorded end is not a one-day event: "from 3 December 2022"; an unrecorded start gives "until …".
    """
    start, end, precision = event.start_date, event.end_date, event.date_precision
    if start is None and end is None:
        return "date unknown"
    if start is None:
        return f"until {date_span(end, end, precision)}"
    if end is None:
        return f"from {date_span(start, start, precision)}"
    return date_span(start, end, precision)


def date_span(start, end, precision):
    if precision == Precision.YEAR:
        return _span(start.year, end.year, str(start.year), str(end.year))
    if precision == Precision.MONTH:
        return _month_span(start, end)
    day_span = _day_span(start, end)
    if precision == Precision.APPROXIMATE:
        return f"c. {day_span}"
    return day_span


def _span(first, last, first_text, last_text):
    return first_text if first == last else f"{first_text}–{last_text}"


def _month_span(start, end):
    if (start.year, start.month) == (end.year, end.month):
        return format_date(start, "F Y")
    if start.year == end.year:
        return f"{format_date(start, 'F')}–{format_date(end, 'F Y')}"
    return f"{format_date(start, 'F Y')} – {format_date(end, 'F Y')}"


def _day_span(start, end):
    if start == end:
        return format_date(start, "j F Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_date(end, 'j F Y')}"
    if start.year == end.year:
        return f"{format_date(start, 'j F')} – {format_date(end, 'j F Y')}"
    return f"{format_date(start, 'j F Y')} – {format_date(end, 'j F Y')}"


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
