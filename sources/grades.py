"""Two grades on an event: whether it happened, and who did it, each read from the event's own claims.

An alleged massacre can be corroborated as having happened while who committed it stays an allegation,
so the two questions are graded apart: "it happened" from the event's published *occurred* claims,
"who did it" from its published *perpetrator* claims. A grade is the strongest assessment among the
claims that stand (those no public claim supersedes): corroborated, then reported, alleged, contested,
discounted. One corroborated claim makes the question corroborated, whatever else is alleged; only when
every standing claim is discounted is the question discounted. An event with no such claim has no grade
for that question: the record does not say, which is not the same as "alleged".
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from events.exports import any_of

from .models import Claim
from .public import claims_previewed_with, public_claims_of_few

Assessment = Claim.Assessment

GRADED_KINDS = {Claim.Kind.OCCURRED: _("It happened"), Claim.Kind.PERPETRATOR: _("Who did it")}
STRONGEST_FIRST = (
    Assessment.CORROBORATED,
    Assessment.REPORTED,
    Assessment.ALLEGED,
    Assessment.CONTESTED,
    Assessment.DISCOUNTED,
)


@dataclass
class Grade:
    kind: str
    question: str
    assessment: str  # "" when no standing claim answers the question
    claims: list  # the standing claims that give the grade

    @property
    def label(self):
        return Assessment(self.assessment).label if self.assessment else _("No claim in the record")


def strongest(assessments):
    return min(assessments, key=STRONGEST_FIRST.index, default="")


def strongest_by_kind(kinds_and_assessments):
    """{kind: the strongest assessment of that kind} from (kind, assessment) pairs; a kind with none is absent."""
    found = {}
    for kind, assessment in kinds_and_assessments:
        found.setdefault(kind, []).append(assessment)
    return {kind: strongest(assessments) for kind, assessments in found.items()}


def standing(claims):
    """Of these claims, the occurred and perpetrator claims that no public claim supersedes.

    For the few claims of a page (an event's, a page of events'): each checked on its own rows. A whole-record
    file asks superseded_among() per chunk instead."""
    superseding = public_claims_of_few().filter(supersedes=OuterRef("pk"))
    return claims.filter(kind__in=GRADED_KINDS).exclude(Exists(superseding))


def standing_claims():
    """Public occurred and perpetrator claims that no public claim supersedes, for a page's few events."""
    return standing(public_claims_of_few())


def grades(claims):
    """The two grades, in a fixed order, from the standing claims of one event."""
    result = []
    for kind, question in GRADED_KINDS.items():
        of_kind = [claim for claim in claims if claim.kind == kind]
        assessment = strongest(claim.assessment for claim in of_kind)
        result.append(Grade(kind, question, assessment, [c for c in of_kind if c.assessment == assessment]))
    return result


def event_grades(event):
    """The grades of one event, in one query; a staff preview of an unpublished event grades the claims it previews."""
    claims = standing(public_claims_of_few().filter(event=event) if event.is_published else claims_previewed_with(event))
    return grades(list(claims.select_related("actor", "claimant").order_by("slug")))


def grades_of(event_ids):
    """{event id: {"occurred": assessment, "perpetrator": assessment}} for exports: two queries for many events.
    An event without graded claims is absent."""
    claims = public_claims_of_few().filter(kind__in=GRADED_KINDS, event_id__in=any_of(event_ids)).order_by()
    return grades_by_event(claims.values_list("pk", "event_id", "kind", "assessment"))


def grades_by_event(claims):
    """{event id: {kind: the strongest assessment}} from the (pk, event id, kind, assessment) of public claims,
    leaving out the claims that are not graded and those a public claim supersedes."""
    graded = [claim for claim in claims if claim[2] in GRADED_KINDS]
    superseded = superseded_among([pk for pk, _, _, _ in graded])
    by_event = {}
    for pk, event, kind, assessment in graded:
        if pk not in superseded:
            by_event.setdefault(event, []).append((kind, assessment))
    return {event: strongest_by_kind(pairs) for event, pairs in by_event.items()}


def superseded_among(claim_ids):
    """The ids among ``claim_ids`` of the claims a public claim supersedes (standing_claims' rule, for exports): a
    query of its own on the superseding claims' index. As a condition of the claims' query, "superseded_by in
    public_claims()" listed every public claim of the record each time on SQLite, and PostgreSQL ran an EXISTS on
    the superseding claim once per claim."""
    return set(public_claims_of_few().filter(supersedes_id__in=any_of(claim_ids)).values_list("supersedes_id", flat=True))

