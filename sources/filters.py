"""The claims list's filters: actors, events and sources chosen by typing a name (see events/filters.py)."""

import django_filters
from django import forms
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from events.filters import EntryFilterForm, actor_filter, event_filter

from .models import Citation, Claim, Source

# The kinds of claim that answer "how many" or "how far"; a commander or an outcome is no figure,
# even when the answer is "unknown".
FIGURE_KINDS = (Claim.Kind.KILLED, Claim.Kind.WOUNDED, Claim.Kind.DISPLACED, Claim.Kind.STRENGTH, Claim.Kind.DISTANCE)


def has_figure():
    """A claim that gives a figure: a number, bounds, or "unknown" for a kind that is counted."""
    return Q(kind__in=FIGURE_KINDS) & ~Q(qualifier=Claim.Qualifier.NOT_A_FIGURE)


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
    figures = django_filters.BooleanFilter(
        label=_("Figures only"),
        method="with_figures",
        widget=forms.CheckboxInput,
        initial=False,
        help_text=_("Keep the claims that give a figure: killed, wounded, displaced, strength, distance."),
    )
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
        fields = ["q", "kind", "claimant", "party", "about", "assessment", "event", "figures", "source"]
        form = EntryFilterForm

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(statement__icontains=value) | Q(wording__icontains=value) | Q(assessment_reason__icontains=value)
        )

    def with_figures(self, queryset, name, value):
        return queryset.filter(has_figure()) if value else queryset

    def about_actor(self, queryset, name, actors):
        return queryset.filter(Q(actor__in=actors) | Q(party__in=actors))

    def cited_by(self, queryset, name, source):
        return queryset.filter(pk__in=Citation.objects.filter(source=source).values("claim_id"))


GRADE_ORDER = Case(
    *(When(assessment=grade, then=Value(position)) for position, grade in enumerate(Claim.Assessment.values)),
    output_field=IntegerField(),
)

# Each column a reader may sort the claims list by, and the order it stands for: ties broken by the next ones.
CLAIM_ORDERINGS = {
    "event": (_("Event and date"), [F("event__start_date"), F("event__title")]),
    "kind": (_("Kind"), [F("kind")]),
    "figure": (_("Figure"), [F("value_low"), F("value_high")]),
    "claimant": (_("Claimant"), [F("claimant__name")]),
    "assessment": (_("Assessment, most certain first"), [GRADE_ORDER]),
}


REVERSED = _("{} (descending)")


class ClaimOrdering(django_filters.OrderingFilter):
    """Sorts by one of CLAIM_ORDERINGS, "-" before it for the reverse; unknown values last either way."""

    def __init__(self, **kwargs):
        fields = {name: name for name in CLAIM_ORDERINGS}
        labels = {name: label for name, (label, _) in CLAIM_ORDERINGS.items()}
        # django-filter words a reversed order when the class is made, in the language of that moment: word it here,
        # lazily, so that each page says it in the reader's language.
        labels |= {f"-{name}": format_lazy(REVERSED, label) for name, label in list(labels.items())}
        super().__init__(fields=fields, field_labels=labels, **kwargs)

    def filter(self, queryset, value):
        if not value:
            return queryset
        expressions = []
        for param in filter(None, value):
            descending = param.startswith("-")
            for expression in CLAIM_ORDERINGS[param.lstrip("-")][1]:
                expressions.append(expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True))
        return queryset.order_by(*expressions, "slug")


class ClaimListFilter(ClaimFilter):
    """The claims page's filters and its sorting. The API keeps its own stable order for paging."""

    order = ClaimOrdering(label=_("Sort by"), empty_label=_("Events in order, then the claims about no event"))

    class Meta(ClaimFilter.Meta):
        fields = [*ClaimFilter.Meta.fields, "order"]


class FigureFilter(ClaimFilter):
    """/figures/ shows figures only, one question after another: the claims list's filters without those two."""

    figures = None

    class Meta(ClaimFilter.Meta):
        fields = [name for name in ClaimFilter.Meta.fields if name != "figures"]


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
