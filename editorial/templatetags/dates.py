"""{{ day|day_date }} and {{ moment|day_date_time }}: days in the reader's language (editorial/dates.py)."""

from django import template
from django.template.defaultfilters import date as format_date

from ..dates import day_month_year

register = template.Library()


@register.filter
def day_date(value):
    return day_month_year(value) if value else ""


@register.filter
def day_date_time(value, time_format="H:i T"):
    return f"{day_month_year(value)}, {format_date(value, time_format)}" if value else ""
