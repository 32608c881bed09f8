"""What the API says about each entry: its fields, and the published entries it names, embedded.

Every embedded entry is a reference (slug, name or title, and the address of its own API record), so a
client follows it only when it wants more. The querysets in views.py load the published rows these
serializers read, and the serializers make no query. The one thing decided here is a parent: it is
joined to its child whatever its status (a join costs no query) and shown only when published.
"""

from django.db import models
from django.utils.functional import cached_property
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from editorial.entry_urls import Addresses
from events.models import Actor, ActorRelation, Event, EventPlace, Participation, Place, split_lines
from sources.grades import GRADED_KINDS, strongest_by_kind
from sources.models import Citation, Claim, Source


class WritesAddresses:
    """A field that writes entry addresses, hundreds a list: each from pieces read once per request (Addresses)
    rather than a reverse() and a build_absolute_uri() for each."""

    _addresses = None

    def addresses(self, request):
        if self._addresses is None or self._addresses.request is not request:
            self._addresses = Addresses(request)
        return self._addresses


class APIURLField(WritesAddresses, serializers.HyperlinkedIdentityField):
    """The entry's own API record."""

    def get_url(self, entry, view_name, request, format):
        return self.addresses(request).absolute(view_name, getattr(entry, self.lookup_field))


def api_url(view_name):
    return APIURLField(view_name=f"api:{view_name}-detail", lookup_field="slug", help_text="This entry in the API.")


@extend_schema_field(OpenApiTypes.URI)
class PageURLField(WritesAddresses, serializers.Field):
    """The entry's public page, as a full address."""

    def __init__(self, url_name, **kwargs):
        super().__init__(source="*", read_only=True, help_text="The entry's public page on the site.", **kwargs)
        self.url_name = url_name

    def to_representation(self, entry):
        return self.addresses(self.context["request"]).absolute(self.url_name, entry.slug)


class PrecisionField(serializers.ChoiceField):
    """How precisely one end of an event's dates is known; null, like the date, when it is unknown."""

    def __init__(self, end, **kwargs):
        super().__init__(
            choices=Event.DatePrecision.choices,
            allow_null=True,
            read_only=True,
            help_text=f"How precisely the {end} date is known; null when the {end} date is.",
            **kwargs,
        )

    def to_representation(self, value):
        return value or None


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class LinesField(serializers.Field):
    """A text field kept one item a line, as a list."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, text):
        return split_lines(text)


@extend_schema_field({"anyOf": [{"type": "string", "format": "uri"}, {"type": "string", "maxLength": 0}]})
class OptionalURLField(serializers.CharField):
    """An address, or an empty string where none is known (the record never guesses one)."""


# Every field read-only, so that the schema says what every answer has: each field, always present.
# (A comment, not a docstring: the schema would give a docstring to every serializer built on this one.)
class EntrySerializer(serializers.ModelSerializer):
    serializer_field_mapping = {**serializers.ModelSerializer.serializer_field_mapping, models.URLField: OptionalURLField}

    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            field.read_only = True
        return fields

    def nested(self, serializer_class, **kwargs):
        """One serializer of this class for every row a method field gives it.

        A ModelSerializer builds its fields when it is made, which costs as much as a dozen rows:
        made once a row, it was a quarter of an event list's time.
        """
        key = (serializer_class, tuple(sorted(kwargs.items())))
        if key not in self.nested_serializers:
            self.nested_serializers[key] = serializer_class(context=self.context, **kwargs)
        return self.nested_serializers[key]

    @cached_property
    def nested_serializers(self):
        return {}

    def published_parent(self, ref_serializer, entry):
        parent = entry.parent
        if parent is None or not parent.is_published:
            return None
        return self.nested(ref_serializer).to_representation(parent)


# References: how one entry names another.


class ActorRefSerializer(EntrySerializer):
    api_url = api_url("actor")

    class Meta:
        model = Actor
        fields = ["slug", "name", "short_name", "api_url"]


class PlaceRefSerializer(EntrySerializer):
    api_url = api_url("place")

    class Meta:
        model = Place
        fields = ["slug", "name", "api_url"]


class EventRefSerializer(EntrySerializer):
    api_url = api_url("event")

    class Meta:
        model = Event
        fields = ["slug", "title", "api_url"]


class SourceRefSerializer(EntrySerializer):
    api_url = api_url("source")

    class Meta:
        model = Source
        fields = ["slug", "title", "publisher", "url", "api_url"]
        extra_kwargs = {"url": {"help_text": "Where the source was published; empty when not known."}}


class ClaimRefSerializer(EntrySerializer):
    api_url = api_url("claim")

    class Meta:
        model = Claim
        fields = ["slug", "statement", "api_url"]


# Events


class EventPlaceSerializer(EntrySerializer):
    place = PlaceRefSerializer()
    latitude = serializers.FloatField(source="place.latitude", allow_null=True, help_text="Null when no source gives coordinates.")
    longitude = serializers.FloatField(source="place.longitude", allow_null=True, help_text="Null when no source gives coordinates.")
    coordinate_confidence = serializers.ChoiceField(
        source="place.coordinate_confidence", choices=Place.CoordinateConfidence.choices
    )

    class Meta:
        model = EventPlace
        fields = ["place", "position", "latitude", "longitude", "coordinate_confidence"]


class ParticipationSerializer(EntrySerializer):
    actor = ActorRefSerializer()

    class Meta:
        model = Participation
        fields = ["actor", "role", "note"]


class GradesSerializer(serializers.Serializer):
    occurred = serializers.ChoiceField(
        choices=Claim.Assessment.choices, allow_null=True, help_text="It happened: null when no claim answers it."
    )
    perpetrator = serializers.ChoiceField(
        choices=Claim.Assessment.choices, allow_null=True, help_text="Who did it: null when no claim answers it."
    )


class EventSerializer(EntrySerializer):
    api_url = api_url("event")
    page_url = PageURLField("event-detail")
    part_of = serializers.SerializerMethodField(help_text="The event this one is part of.")
    start_precision = PrecisionField("start")
    end_precision = PrecisionField("end")
    places = EventPlaceSerializer(source="published_event_places", many=True)
    participants = ParticipationSerializer(source="published_participations", many=True)
    grades = serializers.SerializerMethodField(
        help_text="Two grades: “occurred” (it happened) and “perpetrator” (who did it), each the strongest assessment "
        "among the event's published claims of that kind that no later claim supersedes; null when none answers it."
    )

    class Meta:
        model = Event
        fields = [
            "slug",
            "api_url",
            "page_url",
            "title",
            "summary",
            "event_type",
            "sub_event_type",
            "start_date",
            "end_date",
            "start_precision",
            "end_precision",
            "date_meaning",
            "part_of",
            "places",
            "places_note",
            "participants",
            "outcome",
            "grades",
        ]
        extra_kwargs = {
            "start_date": {"help_text": "Null when the record does not know it."},
            "end_date": {"help_text": "The same as the start for a one-day event; null when not known."},
            "date_meaning": {
                "help_text": "lasted: the event lasted from the start date to the end date; within: it happened "
                "sometime between them, at a moment nobody dated."
            },
        }

    @extend_schema_field(EventRefSerializer(allow_null=True))
    def get_part_of(self, event):
        return self.published_parent(EventRefSerializer, event)

    @extend_schema_field(GradesSerializer)
    def get_grades(self, event):
        found = strongest_by_kind((claim.kind, claim.assessment) for claim in event.standing_graded_claims)
        return {kind: found.get(kind) for kind in GRADED_KINDS}


# Actors


class ActorRelationSerializer(EntrySerializer):
    subject = ActorRefSerializer()
    object = ActorRefSerializer()

    class Meta:
        model = ActorRelation
        fields = ["subject", "kind", "object", "note"]


class ActorSerializer(EntrySerializer):
    api_url = api_url("actor")
    page_url = PageURLField("actor-detail")
    aliases = LinesField(help_text="Other names and spellings.")
    relations = serializers.SerializerMethodField(
        help_text="Stated ties to other actors, read as “subject kind object”, in both directions."
    )

    class Meta:
        model = Actor
        fields = ["slug", "api_url", "page_url", "name", "short_name", "aliases", "kind", "description", "relations"]

    @extend_schema_field(ActorRelationSerializer(many=True))
    def get_relations(self, actor):
        relations = actor.published_relations_from + actor.published_relations_to
        return self.nested(ActorRelationSerializer, many=True).to_representation(relations)


# Places


class PlaceSerializer(EntrySerializer):
    api_url = api_url("place")
    page_url = PageURLField("place-detail")
    alternate_names = LinesField(help_text="Other spellings seen in print.")
    parent = serializers.SerializerMethodField(help_text="The place this one is within.")
    latitude = serializers.FloatField(allow_null=True, help_text="Null when no published source gives coordinates.")
    longitude = serializers.FloatField(allow_null=True, help_text="Null when no published source gives coordinates.")

    class Meta:
        model = Place
        fields = [
            "slug",
            "api_url",
            "page_url",
            "name",
            "alternate_names",
            "kind",
            "parent",
            "description",
            "latitude",
            "longitude",
            "coordinate_confidence",
            "coordinate_source_url",
            "coordinate_note",
        ]

    @extend_schema_field(PlaceRefSerializer(allow_null=True))
    def get_parent(self, place):
        return self.published_parent(PlaceRefSerializer, place)


# Sources and claims


class SourceSerializer(EntrySerializer):
    api_url = api_url("source")
    page_url = PageURLField("source-detail")

    class Meta:
        model = Source
        fields = [
            "slug",
            "api_url",
            "page_url",
            "title",
            "kind",
            "publisher",
            "author",
            "publication_date",
            "url",
            "access_date",
            "archive_url",
            "language",
            "notes",
        ]


class CitationSerializer(EntrySerializer):
    source = SourceRefSerializer()

    class Meta:
        model = Citation
        fields = ["source", "quote", "locator"]


class ClaimSerializer(EntrySerializer):
    api_url = api_url("claim")
    page_url = PageURLField("claim-detail")
    claimant = ActorRefSerializer(allow_null=True, help_text="Who makes the claim; null when the source states it in its own voice.")
    party = ActorRefSerializer(allow_null=True, help_text="The party affected: whose fighters died, whose strength is given.")
    actor = ActorRefSerializer(allow_null=True, help_text="The actor the claim is about: the commander named, the alleged perpetrator.")
    event = EventRefSerializer(allow_null=True, help_text="The event the claim is about.")
    place = PlaceRefSerializer(allow_null=True, help_text="Where the claim is limited to one place.")
    original_wording = serializers.CharField(source="wording", help_text="Exactly as published: “73+”, “~700”, “around 70”.")
    same_allegation_as = ClaimRefSerializer(
        source="public_restates", allow_null=True, help_text="The claim this one restates in other words."
    )
    supersedes = ClaimRefSerializer(
        source="public_supersedes", allow_null=True, help_text="The earlier claim this one revises or corrects."
    )
    superseded_by = ClaimRefSerializer(
        source="public_superseded_by", many=True, help_text="The later claims that revise or correct this one."
    )
    restated_by = ClaimRefSerializer(source="public_restatements", many=True, help_text="The claims that restate this one.")
    citations = CitationSerializer(source="public_citations", many=True)

    class Meta:
        model = Claim
        fields = [
            "slug",
            "api_url",
            "page_url",
            "statement",
            "kind",
            "event",
            "actor",
            "party",
            "place",
            "qualifier",
            "magnitude",
            "value_low",
            "value_high",
            "unit",
            "original_wording",
            "claimant",
            "stated_on",
            "stated_on_precision",
            "as_of",
            "as_of_precision",
            "assessment",
            "assessment_reason",
            "same_allegation_as",
            "restated_by",
            "supersedes",
            "superseded_by",
            "citations",
        ]
