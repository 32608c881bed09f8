"""/figures/: the contested figures, one row per question, every claimed figure side by side.

A question is what several claimants may answer differently: how many of a party were killed
in an event, how strong a party was. Its figures are shown as each claimant states them and
never added up. The filters are the claim list's own (ClaimFilter), so a link that filters
the claims filters the figures the same way.
"""

import dataclasses

from django.db.models import F
from django.shortcuts import render

from editorial.counts import RecordPaginator
from editorial.curation import Status
from events.models import Actor, Event, chronological_order

from .filters import ClaimFilter
from .models import Claim
from .public import public_claims, with_details

QUESTIONS_PER_PAGE = 20


@dataclasses.dataclass
class Question:
    event: Event
    kind: str
    party: Actor
    claims: list

    @property
    def kind_label(self):
        return Claim.Kind(self.kind).label


# The kinds of claim that answer "how many" or "how far"; a commander or an outcome is no figure,
# even when the answer is "unknown".
FIGURE_KINDS = (Claim.Kind.KILLED, Claim.Kind.WOUNDED, Claim.Kind.DISPLACED, Claim.Kind.STRENGTH, Claim.Kind.DISTANCE)


def figure_claims():
    """The public claims that give a figure (a number, bounds, or "unknown"), about an event."""
    return (
        public_claims()
        .filter(kind__in=FIGURE_KINDS, event__isnull=False)
        .exclude(qualifier=Claim.Qualifier.NOT_A_FIGURE)
    )


def figures(request):
    filterset = ClaimFilter(request.GET, queryset=figure_claims(), request=request)
    questions, page = [], None
    if filterset.is_valid():
        # In the events' chronological order, through the join to published events, so that a page walks
        # the events' index and stops when it has its questions instead of sorting every figure claim.
        keys = (
            filterset.qs.filter(event__status=Status.PUBLISHED)
            .order_by()
            .values("event", "kind", "party")
            .distinct()
            .order_by(*chronological_order("event__"), "kind", "party__name", "party")
        )
        page = RecordPaginator(keys, QUESTIONS_PER_PAGE).get_page(request.GET.get("page"))
        questions = questions_on(page, filterset.qs)
    return render(request, "sources/figures.html", {"filter": filterset, "questions": questions, "page_obj": page})


def questions_on(page, claims):
    """The page's questions, each with its claims: one query for the claims of every question on it."""
    keys = [(key["event"], key["kind"], key["party"]) for key in page.object_list]
    if not keys:
        return []
    rows = with_details(
        claims.filter(event__in={event for event, _, _ in keys}, kind__in={kind for _, kind, _ in keys})
    ).order_by(F("value_low").asc(nulls_last=True), F("value_high").asc(nulls_last=True), "claimant__name", "slug")
    by_key = {key: [] for key in keys}
    for claim in rows:
        key = (claim.event_id, claim.kind, claim.party_id)
        if key in by_key:
            by_key[key].append(claim)
    questions = []
    for key, of_question in by_key.items():
        if of_question:
            first = of_question[0]
            questions.append(Question(first.event, first.kind, first.party, of_question))
    return questions
