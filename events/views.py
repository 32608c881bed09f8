"""Public pages: what happened."""

from django.db.models import Case, Exists, F, IntegerField, OuterRef, Prefetch, Q, Value, When
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET
from django.views.generic import ListView
from django_filters.views import FilterView

from editorial.counts import CountedByAddress, rows_by_key
from editorial.curation import Status

from . import names
from .charts.forms import MapForm, TimelineForm
from .charts.place_map import chart_places
from .charts.timeline import chart_timeline
from .excerpts import excerpt
from .filters import EventFilter, PlaceFilter, matchable_actors, matchable_events, matchable_places
from .models import (
    CHRONOLOGICAL_ORDER, DATE_FIELDS, Actor, ActorRelation, Event, EventPlace, Participation, Place, chronological_order,
)
from .templatetags.record import event_dates

ROLES_IN_ORDER = [role for role, _ in Participation.Role.choices]


def published_or_staff_preview(request, queryset, slug):
    """The entry with this slug: published for everyone; any status for staff, who preview drafts from the admin."""
    if not request.user.is_staff:
        queryset = queryset.published()
    return get_object_or_404(queryset, slug=slug)


# How many rows a detail page shows of a list that may be long; a link leads to the whole list.
CHILD_EVENTS_SHOWN = 50
EVENTS_SHOWN = 50
CHILD_PLACES_SHOWN = 100
SUGGESTIONS = 10


def not_hidden(model, field):
    """Rows whose ``field`` is not one of the entries the public may not see, for a selective list (an actor's
    events, a place's): checked row by row, a primary-key lookup each, where "not in the hidden entries" lists
    all of the record's (5,000 events at 100,000) for every query, and a join on the status would let SQLite,
    which keeps no statistics, walk every published event instead of the actor's few rows."""
    return ~Exists(model.objects.hidden().filter(pk=OuterRef(field)))


def by_date(queryset):
    return queryset.order_by(*CHRONOLOGICAL_ORDER)


def filtered_list(name, **filters):
    return f"{reverse(name)}?{urlencode(filters)}"


def published_places(*columns, ancestors=0):
    """Each event's published places, in the sources' order then by name, as published_event_places; with only
    these columns if named, and with the places they lie within to ``ancestors`` levels up."""
    event_places = (
        EventPlace.objects.filter(place__status=Status.PUBLISHED)
        .select_related("place" + "__parent" * ancestors)
        .order_by(F("position").asc(nulls_last=True), "place__name")
    )
    if columns:
        event_places = event_places.only(*columns)
    return Prefetch("event_places", queryset=event_places, to_attr="published_event_places")


def published_participations():
    return Prefetch(
        "participations",
        queryset=Participation.objects.filter(actor__status=Status.PUBLISHED)
        .select_related("actor")
        .order_by("actor__name"),
        to_attr="published_participations",
    )


# Events


def as_listed_events(events):
    """Events with only the columns a row of the list shows ({% event_rows %}): not their summaries and search text."""
    return events.only("slug", "title", "event_type", *DATE_FIELDS).prefetch_related(
        published_places("event_id", "place__slug", "place__name")
    )


class EventListView(CountedByAddress, FilterView):
    filterset_class = EventFilter
    paginate_by = 25
    template_name = "events/event_list.html"
    queryset = by_date(Event.objects.published())

    def paginate_queryset(self, queryset, page_size):
        # A page's keys first, read from the list's index alone, then its rows by key. Reading the rows themselves,
        # PostgreSQL reads the table row of every event a deep page skips (page 1000: 40 ms at 100,000 events, 4 ms
        # from the index).
        paginator, page, keys, is_paginated = super().paginate_queryset(
            queryset.values_list("pk", flat=True), page_size
        )
        page.object_list = rows_by_key(as_listed_events(Event.objects.all()), keys)
        return paginator, page, page.object_list, is_paginated


def event_detail(request, slug):
    queryset = Event.objects.select_related("parent__parent__parent").prefetch_related(
        published_places(),
        published_participations(),
    )
    event = published_or_staff_preview(request, queryset, slug)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "ancestors": published_ancestors(event),
            "sides": participants_by_role(event.published_participations),
            "children": excerpt(by_date(Event.objects.published().filter(parent=event)), CHILD_EVENTS_SHOWN),
            "children_url": filtered_list("event-list", part_of=event.slug),
        },
    )


def published_ancestors(event):
    """The events this one is part of, outermost first, up to the first that is not published."""
    ancestors, seen = [], {event.pk}
    parent = event.parent
    while parent is not None and parent.is_published and parent.pk not in seen:
        ancestors.append(parent)
        seen.add(parent.pk)
        parent = parent.parent
    return ancestors[::-1]


def participants_by_role(participations):
    """(role label, participations) pairs in the order side A, side B, perpetrator, target, other."""
    grouped = {role: [] for role in ROLES_IN_ORDER}
    for participation in participations:
        grouped[participation.role].append(participation)
    labels = dict(Participation.Role.choices)
    return [(labels[role], grouped[role]) for role in ROLES_IN_ORDER if grouped[role]]


# Actors


class ActorListView(CountedByAddress, ListView):
    # Fifty a page, as the source and claim lists: a hundred made each page cost twice as much, at any size of the record.
    paginate_by = 50
    template_name = "events/actor_list.html"
    queryset = Actor.objects.published().order_by("name", "pk")


def actor_detail(request, slug):
    queryset = Actor.objects.prefetch_related(
        Prefetch(
            "relations_from",
            queryset=ActorRelation.objects.filter(object__status=Status.PUBLISHED)
            .select_related("object")
            .order_by("kind", "object__name"),
            to_attr="published_relations_from",
        ),
        Prefetch(
            "relations_to",
            queryset=ActorRelation.objects.filter(subject__status=Status.PUBLISHED)
            .select_related("subject")
            .order_by("kind", "subject__name"),
            to_attr="published_relations_to",
        ),
    )
    actor = published_or_staff_preview(request, queryset, slug)
    participations = (
        Participation.objects.filter(actor=actor)
        .filter(not_hidden(Event, "event"))
        .select_related("event")
        .order_by(*chronological_order("event__"), "role")
    )
    return render(
        request,
        "events/actor_detail.html",
        {
            "actor": actor,
            "participations": excerpt(participations, EVENTS_SHOWN),
            "events_url": filtered_list("event-list", actor=actor.slug),
        },
    )


# Places


PLACE_ROW_COLUMNS = ("slug", "status", "name", "kind", "latitude", "longitude", "coordinate_confidence")


class PlaceListView(CountedByAddress, FilterView):
    filterset_class = PlaceFilter
    paginate_by = 50  # as the actor list
    template_name = "events/place_list.html"
    # Only the columns a row shows ({% place_rows %}), of the place and the place it lies within.
    queryset = (
        Place.objects.published()
        .select_related("parent")
        .only("parent", *PLACE_ROW_COLUMNS, *(f"parent__{column}" for column in PLACE_ROW_COLUMNS))
        .order_by("name", "pk")
    )


def place_detail(request, slug):
    place = published_or_staff_preview(request, Place.objects.select_related("parent"), slug)
    event_places = (
        EventPlace.objects.filter(place=place)
        .filter(not_hidden(Event, "event"))
        .select_related("event")
        .order_by(*chronological_order("event__"))
    )
    return render(
        request,
        "events/place_detail.html",
        {
            "place": place,
            "children": excerpt(Place.objects.published().filter(parent=place).order_by("name", "pk"), CHILD_PLACES_SHOWN),
            "children_url": filtered_list("place-list", within=place.slug),
            "event_places": excerpt(event_places, EVENTS_SHOWN),
            "events_url": filtered_list("event-list", place=place.slug),
        },
    )


# Timeline and map: the geometry is laid out in charts.py, the templates draw it.


def timeline(request):
    """The published events on a time axis, or counted by period; ?period= and ?within=<event> drill in.

    An unknown event is a 404; a period that is not one is a form error over the whole record.
    """
    form = TimelineForm(request.GET)
    period = within = None
    if form.is_valid():
        period = form.cleaned_data["period"]
        if form.cleaned_data["within"]:
            within = get_object_or_404(Event.objects.published().select_related("parent"), slug=form.cleaned_data["within"])
    context = {"timeline": chart_timeline(period, within), "form": form, "period": period, "within": within}
    return render(request, "events/timeline.html", context)


def place_map(request):
    """The located published places, or their counts per square; ?bbox=west,south,east,north drills in.

    The events list's filters (?part_of=, ?start=, ?end=, ...) show the places of those events instead;
    a filter that is not one is an error on the page over the whole map, like an area that is not one.
    """
    form = MapForm(request.GET)
    area = form.cleaned_data["bbox"] if form.is_valid() else None
    events = EventFilter(request.GET, queryset=Event.objects.published())
    asked = [name for name in events.filters if request.GET.get(name)]
    events_shown = bool(asked) and events.is_valid()
    places = Place.objects
    if events_shown:
        places = Place.objects.filter(
            pk__in=EventPlace.objects.filter(event__in=events.qs.order_by().values("pk")).values("place_id")
        )
    return render(request, "events/map.html", {
        "place_map": chart_places(places, area, orientation=events_shown),
        "form": form,
        "events": events if asked else None,
        "events_shown": events_shown,
        # The addresses of a counted square and of a place's events keep the events asked for.
        "map_query": query_prefix(request.GET, without=("bbox",)) if events_shown else "",
        "events_query": query_prefix(request.GET, keep=asked, without=("place",)),
    })


def query_prefix(query, keep=None, without=()):
    """The query's parameters (those named in keep, if given) but those left out, ready for one more: "a=1&" or ""."""
    pairs = [(name, value) for name, value in query.items() if (keep is None or name in keep) and name not in without]
    return f"{urlencode(pairs)}&" if pairs else ""


# Suggestions for the filters' text fields (static/js/suggest.js): published entries only, best match first.


SUGGESTION_CANDIDATES = 200


def suggestions(entries, text, label, order, fields):
    """Up to SUGGESTIONS entries with a word starting with the text: whole names first, then names that start with it.

    The entries a whole name matches, and the first SUGGESTION_CANDIDATES with a word starting with
    it, read in no order so that the scan stops early; only those are ranked, not every entry matched.
    """
    if not names.normalized(text):
        return []
    exact = entries.named(text).order_by().values("pk")[:SUGGESTIONS]
    candidates = entries.with_word_starting(text).order_by().values("pk")[:SUGGESTION_CANDIDATES]
    ranked = (
        entries.model.objects.filter(Q(pk__in=list(exact.values_list("pk", flat=True))) | Q(pk__in=candidates))
        .annotate(
            rank=Case(
                When(search_text__contains=names.whole_name(text), then=Value(0)),
                When(search_text__startswith="|" + names.word_start(text), then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .only("slug", *fields)
        .order_by("rank", *order)[:SUGGESTIONS]
    )
    return [{"value": entry.slug, "label": label(entry)} for entry in ranked]


def suggestion_response(request, entries, label, order, fields):
    text = request.GET.get("q", "")[:200]
    return JsonResponse({"results": suggestions(entries, text, label, order, fields)})


@require_GET
def suggest_actors(request):
    return suggestion_response(request, matchable_actors(), str, ["name", "pk"], ["name", "short_name"])


@require_GET
def suggest_places(request):
    return suggestion_response(
        request,
        matchable_places(),
        lambda place: f"{place.name} ({place.get_kind_display().lower()})",
        ["name", "pk"],
        ["name", "kind"],
    )


@require_GET
def suggest_events(request):
    return suggestion_response(
        request,
        matchable_events(),
        lambda event: f"{event.title} ({event_dates(event)})",
        CHRONOLOGICAL_ORDER,
        ["title", *DATE_FIELDS],
    )
