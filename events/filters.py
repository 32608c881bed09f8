"""The filters readers use on the list of events."""

import datetime

import django_filters
from django import forms
from django.db import connection, connections
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.curation import status_checked_per_row

from .models import Actor, Event, EventPlace, Participation, Place, Status

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


MAX_MATCHES = 20


class EntryInput(forms.TextInput):
    """A text field that static/js/suggest.js gives a list of suggestions, from ``suggest_url``, as the reader types."""

    def __init__(self, suggest_url):
        super().__init__(attrs={"autocomplete": "off", "spellcheck": "false"})
        self.suggest_url = suggest_url

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-suggest"] = reverse(self.suggest_url)
        return context


class EntryField(forms.CharField):
    """Published entries chosen by typing: a slug or a whole name picks those; otherwise the names with those words.

    Cleans to the list of entries found (empty when nothing is typed); finding none, or too many
    to be a choice, is an error that says so.
    """

    def __init__(self, *, entries, noun, plural, suggest_url, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("widget", EntryInput(suggest_url))
        super().__init__(**kwargs)
        self.entries, self.noun, self.plural = entries, noun, plural

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return []
        found = matching_entries(self.entries(), text)
        if not found:
            # The reader's text goes in as a parameter, never into the message itself: whoever
            # renders the error (a form, the API) formats the message with its params.
            raise forms.ValidationError(
                _("No published %(noun)s matches “%(text)s”."), code="no_match", params={"noun": self.noun, "text": text}
            )
        if len(found) > MAX_MATCHES:
            raise forms.ValidationError(
                _("More than %(most)s published %(plural)s match “%(text)s”: type more of the name."),
                code="too_many_matches",
                params={"most": MAX_MATCHES, "plural": self.plural, "text": text},
            )
        return found


def matching_entries(entries, text):
    """At most MAX_MATCHES + 1 entries: those the text names exactly, else those with its words in a name.

    Read in no order, so that the scan stops at the first few found; sorted by what the page shows.
    """
    for matching in (entries.named(text), entries.with_words(text)):
        found = list(matching.order_by()[: MAX_MATCHES + 1])
        if found:
            return sorted(found, key=str)
    return []


class EntryFilter(django_filters.Filter):
    """Filters by the entries an EntryField found: ``field_name`` or ``method`` receive their list."""

    field_class = EntryField

    def __init__(self, *, lookup_expr="in", **kwargs):
        super().__init__(lookup_expr=lookup_expr, **kwargs)


class EntryFilterForm(forms.Form):
    """A filter form that says which entries each typed name was taken to mean."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def matched_entries(self):
        """(field label, entries) for each field that chose entries: what the list was filtered by."""
        if not self.is_bound or not hasattr(self, "cleaned_data"):
            return []
        chosen = []
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            if isinstance(field, EntryField) and value:
                chosen.append((field.label, value))
            elif isinstance(field, forms.ModelChoiceField) and value is not None:
                chosen.append((field.label, [value]))
        return chosen


def matchable_actors():
    return Actor.objects.published_for_matching()


def matchable_places():
    return Place.objects.published_for_matching()


def matchable_events():
    return Event.objects.published_for_matching()


def actor_filter(**kwargs):
    return EntryFilter(entries=matchable_actors, noun=_("actor"), plural=_("actors"), suggest_url="suggest-actors", **kwargs)


def place_filter(**kwargs):
    return EntryFilter(entries=matchable_places, noun=_("place"), plural=_("places"), suggest_url="suggest-places", **kwargs)


def event_filter(**kwargs):
    return EntryFilter(entries=matchable_events, noun=_("event"), plural=_("events"), suggest_url="suggest-events", **kwargs)


class EventFilterForm(EntryFilterForm):
    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("start"), cleaned_data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end of the date range cannot be before its start."))
        return cleaned_data


class EventFilter(django_filters.FilterSet):
    start = django_filters.DateFilter(
        label=_("From"),
        method="filter_ending_on_or_after",
        help_text=_("Events still going on at or after this date."),
        input_formats=[ISO_DATE],
        widget=DatePicker,
    )
    end = django_filters.DateFilter(
        label=_("To"),
        method="filter_starting_on_or_before",
        help_text=_("Events that began at or before this date."),
        input_formats=[ISO_DATE],
        widget=DatePicker,
    )
    type = django_filters.ChoiceFilter(
        field_name="event_type", choices=Event.Type.choices, label=_("Type"), empty_label=_("Any type")
    )
    actor = actor_filter(
        label=_("Actor"),
        method="filter_with_participant",
        help_text=_("Events the actor took part in: a name, short name or alias."),
    )
    place = place_filter(
        label=_("Place"),
        method="filter_at_place_or_within",
        help_text=_("Events at the place or at places within it: a name or spelling."),
    )
    part_of = event_filter(
        label=_("Part of"),
        field_name="parent",
        help_text=_("Events directly within this one: a title."),
    )
    text = django_filters.CharFilter(label=_("Text"), method="filter_text", help_text=_("Words in the title or summary."))

    class Meta:
        model = Event
        fields = ["start", "end", "type", "actor", "place", "part_of", "text"]
        form = EventFilterForm

    def filter_ending_on_or_after(self, queryset, name, value):
        return queryset.filter(Q(end_date__gte=value) | Q(end_date__isnull=True, start_date__gte=value))

    def filter_starting_on_or_before(self, queryset, name, value):
        return queryset.filter(Q(start_date__lte=value) | Q(start_date__isnull=True, end_date__lte=value))

    # Subqueries rather than joins: a join needs DISTINCT, which cannot walk the list's index.
    def filter_with_participant(self, queryset, name, actors):
        return events_among(queryset, Participation.objects.filter(actor__in=actors).values("event_id"))

    def filter_at_place_or_within(self, queryset, name, places):
        return events_among(queryset, EventPlace.objects.filter(place__in=places_within(places)).values("event_id"))

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(summary__icontains=value))


# Up to this many, an actor's or a place's events are read by key and sorted: 2.5 ms at most on SQLite. With more, each
# page of the list reads the published events in order until it has its rows, which then come often.
FEW_EVENTS = 2000


def events_among(queryset, event_ids):
    """The events of queryset whose ids the subquery ``event_ids`` gives; on SQLite, read by key when they are few."""
    events = queryset.filter(pk__in=event_ids)
    if connections[queryset.db].vendor == "sqlite" and not event_ids[FEW_EVENTS : FEW_EVENTS + 1].exists():
        return status_checked_per_row(events)
    return events


def places_within(places):
    """The ids of these places and of every published place inside them, at any depth, as one SQL subquery."""
    table = connection.ops.quote_name(Place._meta.db_table)
    ids = [place.pk for place in places]
    sql = (
        f"WITH RECURSIVE within_places(id) AS ("
        f"SELECT id FROM {table} WHERE id IN ({', '.join(['%s'] * len(ids))}) "
        f"UNION SELECT child.id FROM {table} child JOIN within_places ON child.parent_id = within_places.id "
        f"WHERE child.status = %s"
        f") SELECT id FROM within_places"
    )
    return RawSQL(sql, [*ids, Status.PUBLISHED])


# The API's list of actors (exchange/api/) filters with this; the HTML list has no filters yet.


class ActorFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Text"), method="search", max_length=200, help_text=_("Words in the name, short name or aliases.")
    )
    kind = django_filters.ChoiceFilter(choices=Actor.Kind.choices, label=_("Kind"), empty_label=_("Any kind"))

    class Meta:
        model = Actor
        fields = ["q", "kind"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(short_name__icontains=value) | Q(aliases__icontains=value))


class PlaceFilter(django_filters.FilterSet):
    """The place list's filters, and the API's."""

    q = django_filters.CharFilter(
        label=_("Text"), method="search", max_length=200, help_text=_("Words in the name or the other spellings.")
    )
    kind = django_filters.ChoiceFilter(choices=Place.Kind.choices, label=_("Kind"), empty_label=_("Any kind"))
    within = place_filter(label=_("Within"), field_name="parent", help_text=_("Places directly within this one: a name."))

    class Meta:
        model = Place
        fields = ["q", "kind", "within"]
        form = EntryFilterForm

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(alternate_names__icontains=value))
