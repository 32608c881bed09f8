"""The read-only JSON API: the published record, filtered with the same FilterSets as the HTML lists.

Each queryset loads the published entries and, in a fixed number of queries, the published rows they
embed: a participation of a draft actor or a citation of a draft source is never loaded, so no
serializer can show it. (Parents are joined and checked in serializers.py.)
"""

from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django.views.generic import TemplateView
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from editorial.curation import Status
from events.filters import ActorFilter, EntryFilter, EventFilter, PlaceFilter
from events.models import Actor, ActorRelation, Event, Place
from events.views import published_participations, published_places
from editorial.revisions import revisions_of
from editorial.views import row_sets_of
from menaka_site.entry_addresses import RENAMED, WITHDRAWN, redirect_keeping_query, what_became_of, withdrawal_of
from sources.filters import ClaimFilter, SourceFilter
from sources.models import Source
from sources.grades import standing_claims
from sources.public import public_claims_of_few, with_details, with_revisions, with_same_allegations

from . import serializers
from .reference import reference

# The lists' text filters take a name or a slug and a hidden source filter takes a slug: strings, which
# drf-spectacular cannot tell from a filter that matches names rather than a model field.
extend_schema_field(OpenApiTypes.STR)(EntryFilter)
extend_schema_field(OpenApiTypes.STR)(ClaimFilter.base_filters["source"])

INVALID_PARAMETERS = OpenApiResponse(
    response={
        "type": "object",
        "description": "Each parameter with an invalid value, with what is wrong with it.",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    },
    description="A parameter has an invalid value. Nothing is listed; the body names each parameter and the problem.",
    examples=[
        OpenApiExample("A date that is not a date", value={"start": ["Enter a valid date."]}),
        OpenApiExample("A page too large", value={"page_size": ["Enter a whole number from 1 to 500."]}),
    ],
)

NOT_FOUND = OpenApiResponse(
    response={"type": "object", "required": ["detail"], "properties": {"detail": {"type": "string"}}},
    description="No published entry has this slug.",
    examples=[OpenApiExample("Not found", value={"detail": "No published entry has this slug."})],
)

RENAMED_ANSWER = OpenApiResponse(
    description="The entry was published under this slug and has another one now: `Location` is its address."
)

WITHDRAWN_ANSWER = OpenApiResponse(
    response={
        "type": "object",
        "required": ["detail", "withdrawn", "reason", "history"],
        "properties": {
            "detail": {"type": "string"},
            "withdrawn": {"type": ["string", "null"], "format": "date-time", "description": "When it was withdrawn."},
            "reason": {"type": "string", "description": "The editors' reason; empty when none was recorded."},
            "history": {"type": "string", "format": "uri", "description": "Its public corrections log."},
        },
    },
    description="The entry was published and has been withdrawn: it is kept, with its history, but no longer part "
    "of the record.",
    examples=[
        OpenApiExample(
            "Withdrawn",
            value={
                "detail": "This entry was published and has been withdrawn from the record.",
                "withdrawn": "2026-12-02T09:30:00+00:00",
                "reason": "A duplicate of another entry",
                "history": "https://example.org/events/raid-on-tessit/history/",
            },
        )
    ],
)


def documented(serializer_class, plural, order):
    return extend_schema_view(
        list=extend_schema(
            summary=f"Published {plural}",
            description=f"In the order {order}. Unknown parameters are ignored, as on the site's lists.",
            responses={200: serializer_class(many=True), 400: INVALID_PARAMETERS},
        ),
        retrieve=extend_schema(
            summary=f"One of the published {plural}, by its slug",
            responses={200: serializer_class, 301: RENAMED_ANSWER, 404: NOT_FOUND, 410: WITHDRAWN_ANSWER},
        ),
    )


def gone(request, entry):
    model = type(entry)
    withdrawal = withdrawal_of(revisions_of(entry, row_sets_of(model)))
    history = reverse(f"{model._meta.model_name}-history", args=[entry.slug])
    return Response(
        {
            "detail": "This entry was published and has been withdrawn from the record.",
            "withdrawn": withdrawal.history_date.isoformat() if withdrawal else None,
            "reason": (withdrawal.history_change_reason or "") if withdrawal else "",
            "history": request.build_absolute_uri(history),
        },
        status=status.HTTP_410_GONE,
    )


class PublishedEntries(viewsets.ReadOnlyModelViewSet):
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    # The unique order the list is paged in (see pagination.py): the last field is always the key.
    keyset = ("pk",)

    def get_object(self):
        try:
            return super().get_object()
        except Http404:
            raise NotFound("No published entry has this slug.")

    def retrieve(self, request, *args, **kwargs):
        try:
            return super().retrieve(request, *args, **kwargs)
        except NotFound:
            # A slug the entry had while published keeps answering, as its page does (menaka_site/entry_addresses.py).
            fate, entry = what_became_of(self.get_queryset(), kwargs["slug"])
            if fate == RENAMED:
                return redirect_keeping_query(request, f"api:{self.basename}-detail", {"slug": entry.slug})
            if fate == WITHDRAWN:
                return gone(request, entry)
            raise

    def filter_queryset(self, queryset):
        # Filters narrow a list; an entry's own address answers whatever else the query string says.
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)


@documented(serializers.EventSerializer, "events", "of their start date (unknown dates last), then of entry")
class EventViewSet(PublishedEntries):
    serializer_class = serializers.EventSerializer
    filterset_class = EventFilter
    keyset = ("start_date", "pk")

    def get_queryset(self):
        return Event.objects.published().select_related("parent").prefetch_related(
            published_places(),
            published_participations(),
            Prefetch(
                "claims", queryset=standing_claims().only("event_id", "kind", "assessment"), to_attr="standing_graded_claims"
            ),
        )


@documented(serializers.ActorSerializer, "actors", "of their names")
class ActorViewSet(PublishedEntries):
    serializer_class = serializers.ActorSerializer
    filterset_class = ActorFilter
    keyset = ("name", "pk")

    def get_queryset(self):
        relations = ActorRelation.objects.select_related("subject", "object")
        return Actor.objects.published().prefetch_related(
            Prefetch(
                "relations_from",
                queryset=relations.filter(object__status=Status.PUBLISHED).order_by("kind", "object__name", "pk"),
                to_attr="published_relations_from",
            ),
            Prefetch(
                "relations_to",
                queryset=relations.filter(subject__status=Status.PUBLISHED).order_by("kind", "subject__name", "pk"),
                to_attr="published_relations_to",
            ),
        )


@documented(serializers.PlaceSerializer, "places", "of their names")
class PlaceViewSet(PublishedEntries):
    serializer_class = serializers.PlaceSerializer
    filterset_class = PlaceFilter
    keyset = ("name", "pk")

    def get_queryset(self):
        return Place.objects.published().select_related("parent")


@documented(serializers.SourceSerializer, "sources", "of their titles")
class SourceViewSet(PublishedEntries):
    serializer_class = serializers.SourceSerializer
    filterset_class = SourceFilter
    keyset = ("title", "pk")

    def get_queryset(self):
        return Source.objects.published()


@documented(serializers.ClaimSerializer, "claims", "in which they were entered in the record")
class ClaimViewSet(PublishedEntries):
    serializer_class = serializers.ClaimSerializer
    filterset_class = ClaimFilter

    def get_queryset(self):
        return with_revisions(with_same_allegations(with_details(public_claims_of_few())))


class DocsView(TemplateView):
    template_name = "exchange/api_docs.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "reference": reference()}
