"""Days as the reader's language writes them: "1 December 2022", "1er décembre 2022"."""

import datetime

from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import pgettext


def day_of_month(day):
    # French writes the first of the month as an ordinal: "1er décembre 2022".
    return pgettext("the first day of a month", "1") if day.day == 1 else str(day.day)


def day_month(day):
    return f"{day_of_month(day)} {format_date(day, 'F')}"


def day_month_year(day):
    """A date, or the day of a datetime in the site's time zone; the month names are Django's translated ones."""
    if isinstance(day, datetime.datetime):
        day = timezone.localtime(day) if timezone.is_aware(day) else day
    return f"{day_month(day)} {day.year}"
