"""The days an event's dates leave open: each end widened to how precisely it is known."""

import datetime

from .models import DatePrecision

DAY = datetime.timedelta(days=1)


def first_of_month(day):
    return day.replace(day=1)


def first_of_next_month(day):
    if day.year == datetime.MAXYEAR and day.month == 12:
        return datetime.date.max
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def first_possible_day(day, precision):
    """"Sometime in September" may be its first day, "2020" its first of January."""
    if precision == DatePrecision.MONTH:
        return first_of_month(day)
    if precision == DatePrecision.YEAR:
        return datetime.date(day.year, 1, 1)
    return day


def day_after_the_last_possible(day, precision):
    if precision == DatePrecision.MONTH:
        return first_of_next_month(day)
    if precision == DatePrecision.YEAR:
        return datetime.date(day.year + 1, 1, 1)
    return day + DAY


def days_open(start, start_precision, end, end_precision):
    """How many days lie between the first possible day and the last; None when either end is unknown."""
    if start is None or end is None:
        return None
    return (day_after_the_last_possible(end, end_precision) - first_possible_day(start, start_precision)).days
