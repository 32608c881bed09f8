"""The filters readers use on the list of events."""

import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from .models import Actor, Event, Place, Status

ISO_DATE = "%Y-%m-%d"


class DatePicker(forms.DateInput):
    """The browser's date picker. It can only hold a YYYY-MM-DD date, so input that is not a date is
    not echoed back into it (that would be invalid HTML); the field's error names the problem."""

    input_type = "date"

    def __init__(self):
        super().__init__(format=ISO_DATE)

    def format_value(self, value):
        text = super().format_value(value)
        try:
            return datetime.datetime.strptime(text, ISO_DATE).date().isoformat()
        except (TypeError, ValueError):
            return None


class QuickSelect(forms.Select):
    """A drop-down rendered in Python rather than by Django's template, which includes one
    sub-template per option: with thousands of places or events that was most of a page's time."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        selected = mark_safe(" selected")
        options = format_html_join(
            "",
            "<option value=\"{}\"{}>{}</option>",
            (
                ("" if option["value"] is None else option["value"], selected if option["selected"] else "", option["label"])
                for _, group, _ in widget["optgroups"]
                for option in group
            ),
        )
        return format_html("<select name=\"{}\"{}>{}</select>", widget["name"], flatatt(widget["attrs"]), options)


class EventFilterForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("start"), cleaned_data.get("end")
        if start and end and end < start:
            self.add_error("end", "The end of the date range cannot be before its start.")
        return cleaned_data


class EventFilter(django_filters.FilterSet):
    start = django_filters.DateFilter(
        label="From",
        method="filter_ending_on_or_after",
        help_text="Events still going on at or after this date.",
        input_formats=[ISO_DATE],
        widget=DatePicker,
    )
    end = django_filters.DateFilter(
        label="To",
        method="filter_starting_on_or_before",
        help_text="Events that began at or before this date.",
        input_formats=[ISO_DATE],
        widget=DatePicker,
    )
    type = django_filters.ChoiceFilter(field_name="event_type", choices=Event.Type.choices, empty_label="Any type")
    actor = django_filters.ModelChoiceFilter(
        label="Actor",
        field_name="participants",
        to_field_name="slug",
        distinct=True,
        empty_label="Any actor",
        widget=QuickSelect,
        queryset=Actor.objects.published().filter(participations__event__status=Status.PUBLISHED).distinct(),
        help_text="Events the actor took part in.",
    )
    place = django_filters.ModelChoiceFilter(
        label="Place",
        method="filter_at_place_or_within",
        to_field_name="slug",
        empty_label="Any place",
        widget=QuickSelect,
        queryset=Place.objects.published(),
        help_text="Events at the place or at places within it.",
    )
    text = django_filters.CharFilter(label="Text", method="filter_text", help_text="Words in the title or summary.")

    class Meta:
        model = Event
        fields = ["start", "end", "type", "actor", "place", "text"]
        form = EventFilterForm

    def filter_ending_on_or_after(self, queryset, name, value):
        return queryset.filter(Q(end_date__gte=value) | Q(end_date__isnull=True, start_date__gte=value))

    def filter_starting_on_or_before(self, queryset, name, value):
        return queryset.filter(Q(start_date__lte=value) | Q(start_date__isnull=True, end_date__lte=value))

    def filter_at_place_or_within(self, queryset, name, place):
        return queryset.filter(event_places__place__in=places_within(place)).distinct()

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(summary__icontains=value))


def places_within(place):
    """The place and every published place inside it, at any depth."""
    children_of = {}
    for pk, parent_pk in Place.objects.published().values_list("pk", "parent_id"):
        children_of.setdefault(parent_pk, []).append(pk)
    found, to_visit = set(), [place.pk]
    while to_visit:
        pk = to_visit.pop()
        if pk not in found:
            found.add(pk)
            to_visit.extend(children_of.get(pk, ()))
    return found


# The API's lists of actors and places (exchange/api/) filter with these; the HTML lists have no filters yet.


class ActorFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Text", method="search", max_length=200, help_text="Words in the name, short name or aliases."
    )
    kind = django_filters.ChoiceFilter(choices=Actor.Kind.choices, empty_label="Any kind")

    class Meta:
        model = Actor
        fields = ["q", "kind"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(short_name__icontains=value) | Q(aliases__icontains=value))


class PlaceFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Text", method="search", max_length=200, help_text="Words in the name or the other spellings."
    )
    kind = django_filters.ChoiceFilter(choices=Place.Kind.choices, empty_label="Any kind")
    parent = django_filters.ModelChoiceFilter(
        label="Within",
        to_field_name="slug",
        empty_label="Anywhere",
        widget=QuickSelect,
        queryset=Place.objects.published(),
        help_text="Places directly within this place (its slug).",
    )

    class Meta:
        model = Place
        fields = ["q", "kind", "parent"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(alternate_names__icontains=value))
