"""Template filters for showing the record as it is known: dates with their precision, coordinates with their confidence."""

import functools

from django import template
from django.utils.dateformat import format as format_date
from django.utils.formats import get_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import get_language, gettext_lazy, pgettext

from editorial.dates import day_month, day_month_year, day_of_month
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
        return _("date unknown")
    if start is None:
        return bounded("until", "on or before", within, end_precision) % {"date": date_span(end, end, end_precision)}
    if end is None:
        return bounded("from", "on or after", within, start_precision) % {"date": date_span(start, start, start_precision)}
    if not within:
        if start_precision == end_precision:
            return date_span(start, end, start_precision)
        return f"{date_span(start, start, start_precision)} – {date_span(end, end, end_precision)}"
    if start_precision == end_precision:
        one_day_or_unit = date_span(start, end, start_precision, joiner=between())
        if date_span(start, start, start_precision) == date_span(end, end, end_precision):
            if start_precision == Precision.DAY:
                return one_day_or_unit
            return _("sometime in %(date)s") % {"date": one_day_or_unit}
        return _("sometime between %(dates)s") % {"dates": one_day_or_unit}
    return _("sometime between %(first)s and %(last)s") % {
        "first": date_span(start, start, start_precision),
        "last": date_span(end, end, end_precision),
    }


def bounded(lasting, within_words, within, precision):
    """ "until 3 December", "on or after September 2022": French says "jusqu'au 3 décembre" but "jusqu'en
    septembre", so the words depend on whether the date is a day."""
    is_day = precision in (Precision.DAY, Precision.APPROXIMATE)
    words = {
        ("until", True): pgettext("up to a day", "until %(date)s"),
        ("until", False): pgettext("up to a month or year", "until %(date)s"),
        ("from", True): pgettext("from a day", "from %(date)s"),
        ("from", False): pgettext("from a month or year", "from %(date)s"),
        ("on or before", True): pgettext("at the latest a day", "on or before %(date)s"),
        ("on or before", False): pgettext("at the latest a month or year", "on or before %(date)s"),
        ("on or after", True): pgettext("at the earliest a day", "on or after %(date)s"),
        ("on or after", False): pgettext("at the earliest a month or year", "on or after %(date)s"),
    }
    return words[(within_words if within else lasting, is_day)]


@register.filter
def precision_note(event):
    """What the words of event_dates cannot say: "known only to the month", "the start known only to the year"."""
    start_precision, end_precision = event.start_precision, event.end_precision
    notes = []
    if Precision.APPROXIMATE in (start_precision, end_precision):
        notes.append(_("approximate: the dates are estimates"))
    if start_precision and end_precision and start_precision == end_precision:
        if start_precision in (Precision.MONTH, Precision.YEAR):
            notes.append(KNOWN_ONLY_TO[(None, start_precision)])
    else:
        for end, precision in (("start", start_precision), ("end", end_precision)):
            if precision in (Precision.MONTH, Precision.YEAR):
                notes.append(KNOWN_ONLY_TO[(end, precision)])
    return "; ".join(str(note) for note in notes)


KNOWN_ONLY_TO = {
    (None, Precision.MONTH): gettext_lazy("known only to the month"),
    (None, Precision.YEAR): gettext_lazy("known only to the year"),
    ("start", Precision.MONTH): gettext_lazy("the start known only to the month"),
    ("start", Precision.YEAR): gettext_lazy("the start known only to the year"),
    ("end", Precision.MONTH): gettext_lazy("the end known only to the month"),
    ("end", Precision.YEAR): gettext_lazy("the end known only to the year"),
}


# How the two ends of a span are joined: "3–10 December 2022", or "between 7 and 10 December 2022".
DURATION = ("–", " – ")


def between():
    words = pgettext("between two dates", " and ")
    return (words, words)


def date_span(start, end, precision, joiner=DURATION):
    if precision == Precision.YEAR:
        return _span(start.year, end.year, str(start.year), str(end.year), joiner)
    if precision == Precision.MONTH:
        return _month_span(start, end, joiner)
    day_span = _day_span(start, end, joiner)
    if precision == Precision.APPROXIMATE:
        return pgettext("an approximate date", "c. %(date)s") % {"date": day_span}
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
        return day_month_year(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{day_of_month(start)}{tight}{day_month_year(end)}"
    if start.year == end.year:
        return f"{day_month(start)}{loose}{day_month_year(end)}"
    return f"{day_month_year(start)}{loose}{day_month_year(end)}"


@register.filter
def coordinates(place):
    """Latitude and longitude in degrees; a low-confidence point is rounded to a tenth of a degree (about 10 km)."""
    if not place.has_coordinates:
        return _("Location not published")
    language = get_language()
    north, south, east, west = compass_points(language)
    mark = decimal_mark(language)
    if place.coordinate_confidence == Place.CoordinateConfidence.LOW:
        latitude, longitude = _degrees(place.latitude, north, south, mark, 1), _degrees(place.longitude, east, west, mark, 1)
        return _("around %(latitude)s, %(longitude)s") % {"latitude": latitude, "longitude": longitude}
    return f"{_degrees(place.latitude, north, south, mark)}, {_degrees(place.longitude, east, west, mark)}"


@functools.cache
def compass_points(language):
    """N, S, E and W in the language: looked up once, not four times for each of a list's hundred places."""
    return (
        pgettext("compass point", "N"),
        pgettext("compass point", "S"),
        pgettext("compass point", "E"),
        pgettext("compass point", "W"),
    )


@functools.cache
def decimal_mark(language):
    """The language's decimal mark, looked up once rather than for each coordinate of a list's places (a degree has
    no thousands to group, so the mark is all that number_format would change)."""
    return get_format("DECIMAL_SEPARATOR", language)


def _degrees(value, positive, negative, mark, decimals=None):
    """15.3° N in English, 15,3° N in French: the decimal mark is the reader's."""
    hemisphere = positive if value >= 0 else negative
    magnitude = abs(value)
    text = f"{magnitude:.{decimals}f}" if decimals is not None else f"{magnitude.normalize():f}"
    return f"{text.replace('.', mark)}° {hemisphere}"


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
