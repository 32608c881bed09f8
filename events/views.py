"""Public pages: what happened."""

from django.db.models import F, Prefetch
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, render
from django.views.generic import ListView
from django_filters.views import FilterView

from editorial.curation import Status

from .charts.forms import MapForm, TimelineForm
from .charts.place_map import chart_places
from .charts.timeline import chart_timeline
from .filters import EventFilter
from .models import Actor, ActorRelation, Event, EventPlace, Participation, Place

ROLES_IN_ORDER = [role for role, _ in Participation.Role.choices]


def published_or_staff_preview(request, queryset, slug):
    """The entry with this slug: published for everyone; any status for staff, who preview drafts from the admin."""
    if not request.user.is_staff:
        queryset = queryset.published()
    return get_object_or_404(queryset, slug=slug)


def earliest_known_date(prefix=""):
    """Where an event sits in a chronology: its start, or its end when only the end is known."""
    return Coalesce(f"{prefix}start_date", f"{prefix}end_date").asc(nulls_last=True)


def by_date(queryset):
    return queryset.order_by(earliest_known_date(), F("end_date").asc(nulls_last=True), "title", "pk")


def published_places():
    return Prefetch(
        "event_places",
        queryset=EventPlace.objects.filter(place__status=Status.PUBLISHED).select_related("place").order_by("place__name"),
        to_attr="published_event_places",
    )


def published_participations():
    return Prefetch(
        "participations",
        queryset=Participation.objects.filter(actor__status=Status.PUBLISHED)
        .select_related("actor")
        .order_by("actor__name"),
        to_attr="published_participations",
    )


# Events


class EventListView(FilterView):
    filterset_class = EventFilter
    paginate_by = 25
    template_name = "events/event_list.html"

    def get_queryset(self):
        return by_date(Event.objects.published()).prefetch_related(published_places())


def event_detail(request, slug):
    queryset = Event.objects.select_related("parent__parent__parent").prefetch_related(
        published_places(),
        published_participations(),
        Prefetch("children", queryset=by_date(Event.objects.published()), to_attr="published_children"),
    )
    event = published_or_staff_preview(request, queryset, slug)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "ancestors": published_ancestors(event),
            "sides": participants_by_role(event.published_participations),
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


class ActorListView(ListView):
    paginate_by = 100
    template_name = "events/actor_list.html"
    queryset = Actor.objects.published().order_by("name", "pk")


def actor_detail(request, slug):
    published_events = Event.objects.filter(status=Status.PUBLISHED)
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
        Prefetch(
            "participations",
            queryset=Participation.objects.filter(event__in=published_events)
            .select_related("event")
            .order_by(earliest_known_date("event__"), "event__title", "role"),
            to_attr="published_participations",
        ),
    )
    actor = published_or_staff_preview(request, queryset, slug)
    return render(request, "events/actor_detail.html", {"actor": actor})


# Places


class PlaceListView(ListView):
    paginate_by = 100
    template_name = "events/place_list.html"
    queryset = Place.objects.published().select_related("parent").order_by("name", "pk")


def place_detail(request, slug):
    queryset = Place.objects.select_related("parent").prefetch_related(
        Prefetch("children", queryset=Place.objects.published().order_by("name"), to_attr="published_children"),
        Prefetch(
            "event_places",
            queryset=EventPlace.objects.filter(event__status=Status.PUBLISHED)
            .select_related("event")
            .order_by(earliest_known_date("event__"), "event__title"),
            to_attr="published_event_places",
        ),
    )
    place = published_or_staff_preview(request, queryset, slug)
    return render(request, "events/place_detail.html", {"place": place})


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
    """The located published places, or their counts per square; ?bbox=west,south,east,north drills in."""
    form = MapForm(request.GET)
    area = form.cleaned_data["bbox"] if form.is_valid() else None
    return render(request, "events/map.html", {"place_map": chart_places(Place.objects, area), "form": form})
