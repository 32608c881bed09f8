"""The claims list's rows, read as plain values rather than model instances.

A page of fifty claims names about three hundred entries (each claim's event, party and claimant, each
citation and its source). Made as model instances they were the greater part of the page's time, and
that part grew with the rows: Django sets every field of a model, deferred or not, on each instance.
A row here holds only what {% claim_rows %} prints, under the names a Claim gives it, so the figure and
claimant filters read it as they read a claim.
"""

from dataclasses import dataclass

from editorial.curation import Status

from .models import Citation, Claim


@dataclass(frozen=True, slots=True)
class Named:
    """An entry a row links to: its slug, what the row calls it, and whether the public may see it."""

    slug: str
    label: str
    is_published: bool = True


@dataclass(frozen=True, slots=True)
class CitedSource:
    slug: str
    title: str
    publisher: str


@dataclass(frozen=True, slots=True)
class ListedCitation:
    source: CitedSource
    locator: str


@dataclass(frozen=True, slots=True)
class ListedClaim:
    slug: str
    statement: str
    kind: str
    qualifier: str
    value_low: int | None
    value_high: int | None
    unit: str
    magnitude: str
    wording: str
    assessment: str
    event: Named | None
    party: Named | None
    claimant: Named | None
    public_citations: list


CLAIM_COLUMNS = (
    "pk", "slug", "statement", "kind", "qualifier", "value_low", "value_high", "unit", "magnitude", "wording",
    "assessment", "event__slug", "event__title", "party__slug", "party__short_name", "party__name",
    "claimant__slug", "claimant__short_name", "claimant__name", "claimant__status",
)  # fmt: skip


def listed_claims(ids):
    """The rows of the claims with these ids, in the ids' order: two queries, whatever the number of rows."""
    ids = list(ids)
    citations = public_citations_by_claim(ids)
    rows = {}
    for (
        pk, slug, statement, kind, qualifier, low, high, unit, magnitude, wording, assessment,
        event_slug, event_title, party_slug, party_short_name, party_name,
        claimant_slug, claimant_short_name, claimant_name, claimant_status,
    ) in Claim.objects.filter(pk__in=ids).values_list(*CLAIM_COLUMNS):  # fmt: skip
        rows[pk] = ListedClaim(
            slug=slug,
            statement=statement,
            kind=kind,
            qualifier=qualifier,
            value_low=low,
            value_high=high,
            unit=unit,
            magnitude=magnitude,
            wording=wording,
            assessment=assessment,
            event=Named(event_slug, event_title) if event_slug is not None else None,
            party=Named(party_slug, party_short_name or party_name) if party_slug is not None else None,
            claimant=(
                Named(claimant_slug, claimant_short_name or claimant_name, claimant_status == Status.PUBLISHED)
                if claimant_slug is not None
                else None
            ),
            public_citations=citations.get(pk, []),
        )
    return [rows[pk] for pk in ids]


def public_citations_by_claim(claim_ids):
    """{claim id: its citations of published sources, by the source's title}."""
    by_claim = {}
    for claim_id, locator, slug, title, publisher in (
        Citation.objects.filter(claim_id__in=claim_ids, source__status=Status.PUBLISHED)
        .order_by("source__title", "pk")
        .values_list("claim_id", "locator", "source__slug", "source__title", "source__publisher")
    ):
        by_claim.setdefault(claim_id, []).append(ListedCitation(CitedSource(slug, title, publisher), locator))
    return by_claim
