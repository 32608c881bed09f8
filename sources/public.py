"""What the public may see of sources and claims.

A claim is public when it is published and every entry it names (event, actor, party,
claimant, place) is published too: a published claim about a draft event would
otherwise leak the draft's title. A citation is public when its source is published.
"""

from django.db.models import F, Prefetch, Q

from editorial.curation import Status

from .models import Citation, Claim

CLAIM_REFERENCES = ("event", "actor", "party", "claimant", "place")


def public_claims():
    claims = Claim.objects.published()
    for field in CLAIM_REFERENCES:
        claims = claims.filter(Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__status": Status.PUBLISHED}))
    return claims


def public_citations():
    return (
        Citation.objects.filter(source__status=Status.PUBLISHED)
        .select_related("source")
        .order_by("source__title", "pk")
    )


def with_details(claims):
    """Claims ready to show: their named entries joined, their public citations in ``public_citations``."""
    return claims.select_related(*CLAIM_REFERENCES).prefetch_related(
        Prefetch("citations", queryset=public_citations(), to_attr="public_citations")
    )


def in_reading_order(claims):
    """Claims by event date, then by what they are about: a stable order for lists and pages."""
    return claims.order_by(
        F("event__start_date").asc(nulls_last=True), "event__title", "kind", "party__name", "claimant__name", "slug"
    )


def with_same_allegations(claims):
    """Claims with the public claims they restate and that restate them, wherever those are."""
    return claims.prefetch_related(
        Prefetch("restates", queryset=public_claims(), to_attr="public_restates"),
        Prefetch("restatements", queryset=in_reading_order(public_claims()), to_attr="public_restatements"),
    )
