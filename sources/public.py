"""What the public may see of sources and claims.

A claim is public when it is published and every entry it names (event, actor, party,
claimant, place) is published too: a published claim about a draft event would
otherwise leak the draft's title. A citation is public when its source is published.
"""

from django.db.models import F, Prefetch, Q

from editorial.curation import Status
from events.models import chronological_order

from .models import Citation, Claim

CLAIM_REFERENCES = ("event", "actor", "party", "claimant", "place")


def public_claims():
    return Claim.objects.filter(is_public())


def public_claims_of_few():
    """public_claims() for a query that picks a few claims by an index of its own: one event's, one actor's,
    the claims a page prefetches by their ids.

    Each named entry's status is read on the claim's joined row (a primary-key lookup per claim,
    the joins select_related makes anyway), where public_claims() lists every hidden entry of the
    record for each query: 5,000 hidden events, 500 places at 100,000 events, 5 ms a query on
    SQLite, and an actor's page makes eight. The claims lists read their pages this way too, walking an
    index (the events' chronology on the site, the claims' keys in the API) and checking only the
    claims of a page, where PostgreSQL, given the lists of hidden entries, joined and sorted every
    claim of the record (3.4 s a page at 1,000,000 events, 70 ms so).
    For a file or a count over the whole record, public_claims() stays the cheaper form.
    """
    return Claim.objects.filter(is_public_by_row())


def is_public(path=""):
    """The condition that the claim (reached through ``path``, e.g. "claim__") is public.

    "Not one of the few hidden entries" rather than a join per reference: nothing to join to
    count or scan every claim, the form for a whole-record file or count. A query that reads a few
    claims (a page, a chunk's lookups) uses public_claims_of_few() instead.
    """
    condition = Q(**{f"{path}status": Status.PUBLISHED})
    for field in CLAIM_REFERENCES:
        hidden = Claim._meta.get_field(field).related_model.objects.hidden()
        condition &= ~Q(**{f"{path}{field}__in": hidden.values("pk")})
    return condition


def is_public_by_row(path=""):
    """The same condition as is_public(), each reference checked through its join."""
    condition = Q(**{f"{path}status": Status.PUBLISHED})
    for field in CLAIM_REFERENCES:
        condition &= Q(**{f"{path}{field}__isnull": True}) | Q(**{f"{path}{field}__status": Status.PUBLISHED})
    return condition


def standing_allegations(claims):
    """The pks of the claims that stand as allegations of their own among ``claims``, each a
    (pk, restates_id, supersedes_id) triple: not restating another claim of the list (the same
    allegation in other words) and not superseded by one (the claimant's later figure counts, not
    the earlier). Figures shown or counted side by side go through this rule, and only this one."""
    listed = {pk for pk, _, _ in claims}
    superseded = {supersedes for _, _, supersedes in claims}
    return {pk for pk, restates, _ in claims if restates not in listed and pk not in superseded}


def claims_previewed_with(event):
    """What a staff preview of an unpublished event shows as its claims: those not withdrawn, as they will
    be published with it, naming no other unpublished entry. Never for the public: only the event's staff
    preview calls this, for an event that is not published."""
    condition = ~Q(status=Status.WITHDRAWN)
    for field in CLAIM_REFERENCES:
        if field != "event":
            hidden = Claim._meta.get_field(field).related_model.objects.hidden()
            condition &= ~Q(**{f"{field}__in": hidden.values("pk")})
    return Claim.objects.filter(condition, event=event)


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
    """Claims in their events' chronological order, then by what they are about: a stable order for lists and pages."""
    return claims.order_by(
        *chronological_order("event__"),
        "kind",
        F("party__name").asc(nulls_first=True),
        F("claimant__name").asc(nulls_first=True),
        "slug",
    )


def with_same_allegations(claims):
    """Claims with the public claims they restate and that restate them, wherever those are."""
    return claims.prefetch_related(
        Prefetch("restates", queryset=public_claims_of_few().select_related("claimant"), to_attr="public_restates"),
        Prefetch(
            "restatements",
            queryset=in_reading_order(public_claims_of_few()).select_related("claimant"),
            to_attr="public_restatements",
        ),
    )


# The claims that supersede one claim, the latest stated first (undated ones last, then the latest entered).
LATEST_STATED_FIRST = (F("stated_on").desc(nulls_last=True), "-pk")


def with_revisions(claims):
    """Claims with the public claim each supersedes (``public_supersedes``) and the public claims that supersede it
    (``public_superseded_by``, latest first): a claim superseded only by a draft reads as not superseded."""
    return claims.prefetch_related(
        Prefetch("supersedes", queryset=public_claims_of_few().select_related("claimant"), to_attr="public_supersedes"),
        Prefetch(
            "superseded_by",
            queryset=public_claims_of_few().select_related("claimant").order_by(*LATEST_STATED_FIRST),
            to_attr="public_superseded_by",
        ),
    )


def latest_first(claims):
    """The claims no public claim supersedes, then the superseded ones: each in the order given."""
    return sorted(claims, key=lambda claim: bool(claim.public_superseded_by))
