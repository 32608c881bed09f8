"""Periods of the calendar a reader can drill into: spans of years, a year, a month, a day.

A period is written in addresses as `2010-2019`, `2022`, `2022-12` or `2022-12-03`, and
split into the parts the timeline counts its events by: a span of years into years (or
into shorter spans when it is long), a year into months, a month into days. A day is
the finest period.
"""

import datetime
import re
from dataclasses import dataclass

from django.db.models import Case, Count, Value, When
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.translation import gettext as _

from editorial.counts import kept_per_version
from editorial.dates import day_month_year

from ..dates import first_of_next_month

# More bars than this and the chart is read as a texture, not as counts.
MAX_PARTS = 60

PERIOD_PATTERN = re.compile(r"(?P<year>\d{4})(?:-(?P<last_year>\d{4})|-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


@dataclass(frozen=True)
class Period:
    """The days [start, end) of a span of years, a year, a month or a day."""

    start: datetime.date
    end: datetime.date
    unit: str  # "years", "year", "month" or "day"

    @classmethod
    def parse(cls, text):
        """The period an address names, or ValueError saying what is wrong with it."""
        match = PERIOD_PATTERN.fullmatch(text)
        if not match:
            raise ValueError(_("Give a year (2022), a month (2022-12), a day (2022-12-03) or years (2010-2019)."))
        year = int(match["year"])
        if match["last_year"]:
            last_year = int(match["last_year"])
            if last_year < year:
                raise ValueError(_("The last year of a span cannot be before its first."))
            return cls.years(year, last_year)
        if not match["month"]:
            return cls.year(year)
        month = int(match["month"])
        if not 1 <= month <= 12:
            raise ValueError(_("A month is numbered from 01 to 12."))
        if not match["day"]:
            return cls.month(year, month)
        try:
            return cls.day(datetime.date(year, month, int(match["day"])))
        except ValueError:
            raise ValueError(_("%(text)s is not a day of the calendar.") % {"text": text}) from None

    @classmethod
    def years(cls, first, last):
        if first == last:
            return cls.year(first)
        return cls(datetime.date(first, 1, 1), first_day_of_year(last + 1), "years")

    @classmethod
    def year(cls, year):
        return cls(datetime.date(year, 1, 1), first_day_of_year(year + 1), "year")

    @classmethod
    def month(cls, year, month):
        start = datetime.date(year, month, 1)
        return cls(start, first_of_next_month(start), "month")

    @classmethod
    def day(cls, day):
        return cls(day, day + datetime.timedelta(days=1), "day")

    @classmethod
    def covering(cls, first_day, last_day):
        """The smallest period of the calendar that holds both days."""
        if first_day.year != last_day.year:
            return cls.years(first_day.year, last_day.year)
        if first_day.month != last_day.month:
            return cls.year(first_day.year)
        if first_day != last_day:
            return cls.month(first_day.year, first_day.month)
        return cls.day(first_day)

    @property
    def key(self):
        """How an address writes it."""
        if self.unit == "years":
            return f"{self.start.year}-{self.last_day.year}"
        if self.unit == "year":
            return str(self.start.year)
        if self.unit == "month":
            return self.start.strftime("%Y-%m")
        return self.start.isoformat()

    @property
    def label(self):
        """In the reader's language: the month names are Django's translated ones."""
        if self.unit == "years":
            return f"{self.start.year}–{self.last_day.year}"
        if self.unit == "year":
            return str(self.start.year)
        if self.unit == "month":
            return f"{MONTHS[self.start.month]} {self.start.year}"
        return day_month_year(self.start)

    @property
    def short_label(self):
        """The label of a bar among its siblings, where the larger period is in the heading."""
        if self.unit == "month":
            return MONTHS_3[self.start.month].capitalize()
        if self.unit == "day":
            return str(self.start.day)
        return self.label

    @property
    def enclosing(self):
        """The period one step up: a day's month, a month's year; None above a year."""
        if self.unit == "day":
            return Period.month(self.start.year, self.start.month)
        if self.unit == "month":
            return Period.year(self.start.year)
        return None

    @property
    def last_day(self):
        return self.end - datetime.timedelta(days=1)

    @property
    def parts_unit(self):
        return {"year": "month", "month": "day"}.get(self.unit, "year")

    def parts(self):
        """The periods this one is counted by; None for a day, which has none."""
        if self.unit == "day":
            return None
        if self.unit == "month":
            days = (self.end - self.start).days
            return [Period.day(self.start + datetime.timedelta(days=offset)) for offset in range(days)]
        if self.unit == "year":
            return [Period.month(self.start.year, month) for month in range(1, 13)]
        first, last = self.start.year, self.last_day.year
        step = 1
        while (last - first) // step + 1 > MAX_PARTS:
            step *= 10
        first = first - first % step
        return [Period.years(year, min(year + step - 1, last)) for year in range(first, last + 1, step)]


def first_day_of_year(year):
    return datetime.date(year, 1, 1) if year <= datetime.MAXYEAR else datetime.date.max


def count_by_period(events, periods):
    """How many of the events begin in each period, in one query, once per version of the record.

    One index range count per period (UNION ALL), not a GROUP BY over a truncated date:
    that sorts every row in a temporary table (47 ms at 100,000 events on SQLite, against
    4 ms for the range counts), and the periods are few. Still, the ranges together hold every
    event, and compiling the union costs as much again: 45 ms a timeline at 100,000 events.
    """
    keys = " ".join(period.key for period in periods)
    return kept_per_version(f"events by period {keys}", events.order_by(), lambda: range_counts(events, periods))


def range_counts(events, periods):
    counts = [
        events.filter(start_date__gte=period.start, start_date__lt=period.end).order_by()
        .annotate(part=Value(index)).values("part").annotate(events=Count("pk")).values_list("part", "events")
        for index, period in enumerate(periods)
    ]
    found = dict(counts[0].union(*counts[1:], all=True))
    return [found.get(index, 0) for index in range(len(periods))]


def count_in_one_pass(events, periods):
    """How many of the events begin in each period, in one pass over them: for a few
    thousand rows found by another index (one event's parts) rather than by date. Once per
    version of the record, like count_by_period."""
    keys = " ".join(period.key for period in periods)
    return kept_per_version(f"events by period in one pass {keys}", events.order_by(), lambda: one_pass_counts(events, periods))


def one_pass_counts(events, periods):
    part = Case(*(
        When(start_date__gte=period.start, start_date__lt=period.end, then=Value(index))
        for index, period in enumerate(periods)
    ))
    found = dict(events.order_by().annotate(part=part).values_list("part").annotate(events=Count("pk")))
    return [found.get(index, 0) for index in range(len(periods))]
