"""The claims list's filters: every choice offered is a published entry that some public claim names."""

import django_filters
from django.db.models import F, Q

from events.filters import QuickSelect
from events.models import Actor, Event

from .models import Claim, Source
from .public import public_claims


# Each choice list asks "which rows do public claims name" as a subquery of ids: joining
# through the claims and taking DISTINCT took seconds once there were thousands of claims.
def claimants(request):
    return Actor.objects.published().filter(pk__in=public_claims().values("claimant_id")).order_by("name")


def parties(request):
    return Actor.objects.published().filter(pk__in=public_claims().values("party_id")).order_by("name")


def events_with_claims(request):
    events = Event.objects.published().filter(pk__in=public_claims().values("event_id"))
    return events.order_by(F("start_date").asc(nulls_last=True), "title")


class ClaimFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Text",
        method="search",
        max_length=200,
        help_text="Words in the statement, the original wording or the assessment.",
    )
    kind = django_filters.ChoiceFilter(choices=Claim.Kind.choices, empty_label="Any kind")
    claimant = django_filters.ModelChoiceFilter(
        queryset=claimants, to_field_name="slug", empty_label="Anyone", widget=QuickSelect, label="Claimant"
    )
    party = django_filters.ModelChoiceFilter(
        queryset=parties, to_field_name="slug", empty_label="Any party", widget=QuickSelect, label="About the party"
    )
    assessment = django_filters.ChoiceFilter(choices=Claim.Assessment.choices, empty_label="Any assessment")
    event = django_filters.ModelChoiceFilter(
        queryset=events_with_claims, to_field_name="slug", empty_label="Any event", widget=QuickSelect, label="Event"
    )

    class Meta:
        model = Claim
        fields = ["q", "kind", "claimant", "party", "assessment", "event"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(statement__icontains=value) | Q(wording__icontains=value) | Q(assessment_reason__icontains=value)
        )


class SourceFilter(django_filters.FilterSet):
    """The API's list of sources filters with this; the HTML list has no filters yet."""

    q = django_filters.CharFilter(
        label="Text", method="search", max_length=200, help_text="Words in the title, publisher or author."
    )
    kind = django_filters.ChoiceFilter(choices=Source.Kind.choices, empty_label="Any kind")

    class Meta:
        model = Source
        fields = ["q", "kind"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(publisher__icontains=value) | Q(author__icontains=value))
