"""The claims list's filters: actors, events and sources chosen by typing a name (see events/filters.py)."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.filters import EntryFilterForm, actor_filter, event_filter

from .models import Citation, Claim, Source


class ClaimFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Text"),
        method="search",
        max_length=200,
        help_text=_("Words in the statement, the original wording or the assessment."),
    )
    kind = django_filters.ChoiceFilter(choices=Claim.Kind.choices, label=_("Kind"), empty_label=_("Any kind"))
    claimant = actor_filter(label=_("Claimant"), help_text=_("Who makes the claim: a name, short name or alias."))
    party = actor_filter(label=_("About the party"), help_text=_("Whose dead, wounded or strength the claim gives."))
    about = actor_filter(
        label=_("About the actor"), method="about_actor", help_text=_("Claims about the actor: as the party or the actor named.")
    )
    assessment = django_filters.ChoiceFilter(
        choices=Claim.Assessment.choices, label=_("Assessment"), empty_label=_("Any assessment")
    )
    event = event_filter(label=_("Event"), help_text=_("The event the claim is about: a title."))
    source = django_filters.ModelChoiceFilter(
        label=_("Source"),
        method="cited_by",
        to_field_name="slug",
        queryset=Source.objects.published(),
        widget=forms.HiddenInput,
        help_text=_("Claims this source carries: the source page links here."),
    )

    class Meta:
        model = Claim
        fields = ["q", "kind", "claimant", "party", "about", "assessment", "event", "source"]
        form = EntryFilterForm

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(statement__icontains=value) | Q(wording__icontains=value) | Q(assessment_reason__icontains=value)
        )

    def about_actor(self, queryset, name, actors):
        return queryset.filter(Q(actor__in=actors) | Q(party__in=actors))

    def cited_by(self, queryset, name, source):
        return queryset.filter(pk__in=Citation.objects.filter(source=source).values("claim_id"))

class SourceFilter(django_filters.FilterSet):
    """The API's list of sources filters with this; the HTML list has no filters yet."""

    q = django_filters.CharFilter(
        label=_("Text"), method="search", max_length=200, help_text=_("Words in the title, publisher or author.")
    )
    kind = django_filters.ChoiceFilter(choices=Source.Kind.choices, label=_("Kind"), empty_label=_("Any kind"))

    class Meta:
        model = Source
        fields = ["q", "kind"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(publisher__icontains=value) | Q(author__icontains=value))
