"""Template filters for showing the record as it is known: dates with their precision, coordinates with their confidence."""

from django import template
from django.utils.dateformat import format as format_date
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from editorial.dates import day_month, day_month_year, day_of_month
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
        return _("date unknown")
    # French says "jusqu'au 3 décembre" but "jusqu'en décembre": the preposition depends on what the date is.
    is_day = precision in (Precision.DAY, Precision.APPROXIMATE)
    if start is None:
        text = pgettext("up to a day", "until %(date)s") if is_day else pgettext("up to a month or year", "until %(date)s")
        return text % {"date": date_span(end, end, precision)}
    if end is None:
        text = pgettext("from a day", "from %(date)s") if is_day else pgettext("from a month or year", "from %(date)s")
        return text % {"date": date_span(start, start, precision)}
    return date_span(start, end, precision)


def date_span(start, end, precision):
    if precision == Precision.YEAR:
        return _span(start.year, end.year, str(start.year), str(end.year))
    if precision == Precision.MONTH:
        return _month_span(start, end)
    day_span = _day_span(start, end)
    if precision == Precision.APPROXIMATE:
        return pgettext("an approximate date", "c. %(date)s") % {"date": day_span}
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
        return day_month_year(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{day_of_month(start)}–{day_month_year(end)}"
    if start.year == end.year:
        return f"{day_month(start)} – {day_month_year(end)}"
    return f"{day_month_year(start)} – {day_month_year(end)}"


@register.filter
def coordinates(place):
    """Latitude and longitude in degrees; a low-confidence point is rounded to a tenth of a degree (about 10 km)."""
    if not place.has_coordinates:
        return _("Location not published")
    north, south = pgettext("compass point", "N"), pgettext("compass point", "S")
    east, west = pgettext("compass point", "E"), pgettext("compass point", "W")
    if place.coordinate_confidence == Place.CoordinateConfidence.LOW:
        latitude, longitude = _degrees(place.latitude, north, south, 1), _degrees(place.longitude, east, west, 1)
        return _("around %(latitude)s, %(longitude)s") % {"latitude": latitude, "longitude": longitude}
    return f"{_degrees(place.latitude, north, south)}, {_degrees(place.longitude, east, west)}"


def _degrees(value, positive, negative, decimals=None):
    """15.3° N in English, 15,3° N in French: the decimal mark is the reader's."""
    hemisphere = positive if value >= 0 else negative
    magnitude = abs(value)
    text = f"{magnitude:.{decimals}f}" if decimals is not None else f"{magnitude.normalize():f}"
    return f"{number_format(text)}° {hemisphere}"


CONFIDENCE_IN_BRIEF = {
    Place.CoordinateConfidence.GOOD: gettext_lazy("good confidence"),
    Place.CoordinateConfidence.REPRESENTATIVE: gettext_lazy("a representative point for an area"),
    Place.CoordinateConfidence.LOW: gettext_lazy("low confidence, approximate"),
    Place.CoordinateConfidence.NONE: gettext_lazy("no published coordinates"),
}


@register.filter
def confidence_in_brief(place):
    return CONFIDENCE_IN_BRIEF[place.coordinate_confidence]


@register.filter
def thousands(number):
    """5000 → "5,000" in English, "5 000" in French: counts grouped in the reader's language."""
    return number_format(number, force_grouping=True)
