"""/figures/: the contested figures, one row per question, every claimed figure side by side.

A question is what several claimants may answer differently: how many of a party were killed
in an event, how strong a party was. Its figures are shown as each claimant states them and
never added up; a claim superseded by a later one (its claimant's revised toll) comes after the claims
that stand, marked so. The filters are the claim list's own (ClaimFilter), so a link that filters
the claims filters the figures the same way.
"""

import dataclasses

from django.db.models import F
from django.shortcuts import render

from editorial.counts import RecordPaginator, kept_per_version
from editorial.curation import Status
from events.models import Actor, Event, chronological_order

from .filters import FigureFilter, has_figure
from .models import Claim
from .public import latest_first, public_claims, public_claims_of_few, with_details, with_revisions

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


def figure_claims():
    """The public claims that give a figure (a number, bounds, or "unknown"), about an event."""
    return figures_among(public_claims())


def figures_among(claims):
    """The claims that give a figure about an event: of public_claims(), or of public_claims_of_few() for one
    event's or actor's."""
    return claims.filter(has_figure(), event__isnull=False)


def figures(request):
    filterset = FigureFilter(request.GET, queryset=figure_claims(), request=request)
    questions, page = [], None
    if filterset.is_valid():
        # Through the join to published events, so that a page walks the events' index in their
        # chronological order and stops when it has its questions, instead of sorting every figure claim.
        keys = question_keys(filterset.qs.filter(event__status=Status.PUBLISHED))
        page = RecordPaginator(keys, QUESTIONS_PER_PAGE).get_page(request.GET.get("page"))
        # PostgreSQL sorts every figure claim of the record to find a page's questions (20 ms at 20,000
        # events, growing with them), where SQLite walks the events' index: a page's questions, like the
        # count, are kept once per version of the record. Their claims are read afresh, a few by their events.
        page.object_list = kept_per_version("figures' questions", page.object_list, lambda: list(page.object_list))
        questions = questions_on(page, filterset.filter_queryset(figures_among(public_claims_of_few())))
    return render(request, "sources/figures.html", {"filter": filterset, "questions": questions, "page_obj": page})


def question_keys(claims):
    """The questions the claims answer, as {event, kind, party}, events in order: for a paginator."""
    return (
        claims.order_by()
        .values("event", "kind", "party")
        .distinct()
        .order_by(*chronological_order("event__"), "kind", "party__name", "party")
    )


def questions_on(page, claims):
    """The page's questions, each with its claims: one query for the claims of every question on it."""
    keys = [(key["event"], key["kind"], key["party"]) for key in page.object_list]
    if not keys:
        return []
    rows = with_revisions(
        with_details(claims.filter(event__in={event for event, _, _ in keys}, kind__in={kind for _, kind, _ in keys}))
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
            questions.append(Question(first.event, first.kind, first.party, latest_first(of_question)))
    return questions
