"""The public claims as CSV: one row per claim, each figure as its claimant states it, never added up."""

from events.exports import CSVExport, any_of, entry_url_pattern, free_text, grouped, joined, label_in_sql, values_in_chunks
from events.models import Status

from .models import Citation
from .public import LATEST_STATED_FIRST, public_claims_of_few
from .views import ClaimListView

CLAIM_FIELDS = (
    "pk",
    "slug",
    "statement",
    "event__slug",
    "event__title",
    "event__start_date",
    "event__end_date",
    "event__start_precision",
    "event__end_precision",
    "event__date_meaning",
    "kind",
    "place__name",
    "qualifier",
    "value_low",
    "value_high",
    "unit",
    "wording",
    "assessment",
    "assessment_reason",
    "restates_id",
    "magnitude",
    "stated_on",
    "stated_on_precision",
    "as_of",
    "as_of_precision",
    "supersedes_id",
)


def public_sources_of(claim_ids):
    """{claim id: [(title, url, publisher), ...]}: the published sources that carry each claim, by title."""
    rows = (
        Citation.objects.filter(claim_id__in=any_of(claim_ids), source__status=Status.PUBLISHED)
        .order_by("source__title", "pk")
        .values_list("claim_id", "source_id", "source__title", "source__url", "source__publisher")
    )
    return grouped((claim, (source, title, url, publisher)) for claim, source, title, url, publisher in rows)


def public_claim_slugs(pks):
    return dict(public_claims_of_few().filter(pk__in=any_of(pks)).order_by().values_list("pk", "slug"))


def public_superseders_of(claim_ids):
    """{claim id: [slug, ...]}: the public claims that supersede each claim, latest first."""
    rows = (
        public_claims_of_few()
        .filter(supersedes_id__in=any_of(claim_ids))
        .order_by(*LATEST_STATED_FIRST)
        .values_list("supersedes_id", "slug")
    )
    return grouped(rows)


# What the file names each actor the claim names by, worked out by the database.
ACTOR_LABELS = {f"{field}_label": label_in_sql(f"{field}__") for field in ("party", "actor", "claimant")}


class ClaimExportView(CSVExport, ClaimListView):
    list_url_name = "claim-list"
    filename = "menaka-claims.csv"
    # `import_records --format claims` reads this file back: keep these columns and their order,
    # and add new ones only at the end.
    columns = (
        "claim",
        "url",
        "statement",
        "event",
        "event_title",
        "event_start",
        "event_end",
        "event_start_precision",
        "event_end_precision",
        "event_date_meaning",
        "kind",
        "party",
        "actor",
        "place",
        "qualifier",
        "value_low",
        "value_high",
        "unit",
        "original_wording",
        "claimant",
        "assessment",
        "assessment_reason",
        "same_allegation_as",
        "sources",
        "source_urls",
        "magnitude",
        "stated_on",
        "stated_on_precision",
        "as_of",
        "as_of_precision",
        "supersedes",
        "superseded_by",
    )

    def rows(self, queryset):
        detail_url = entry_url_pattern(self.request, "claim-detail")
        for claims in values_in_chunks(queryset, *CLAIM_FIELDS, **ACTOR_LABELS):
            ids = [claim.pk for claim in claims]
            sources = public_sources_of(ids)
            named = {pk for claim in claims for pk in (claim.restates_id, claim.supersedes_id) if pk}
            slugs = public_claim_slugs(named)
            later = public_superseders_of(ids)
            for claim in claims:
                carried_by = sources.get(claim.pk, ())
                yield [
                    claim.slug,
                    detail_url.format(claim.slug),
                    free_text(claim.statement),
                    claim.event__slug or "",
                    free_text(claim.event__title or ""),
                    claim.event__start_date or "",
                    claim.event__end_date or "",
                    claim.event__start_precision or "",
                    claim.event__end_precision or "",
                    claim.event__date_meaning or "",
                    claim.kind,
                    free_text(claim.party_label or ""),
                    free_text(claim.actor_label or ""),
                    free_text(claim.place__name or ""),
                    claim.qualifier,
                    claim.value_low,
                    claim.value_high,
                    claim.unit,
                    free_text(claim.wording),
                    free_text(claim.claimant_label or ""),
                    claim.assessment,
                    free_text(claim.assessment_reason),
                    slugs.get(claim.restates_id, ""),
                    free_text(joined(title for _, title, _, _ in carried_by)),
                    joined(url for _, _, url, _ in carried_by),
                    claim.magnitude,
                    claim.stated_on or "",
                    claim.stated_on_precision,
                    claim.as_of or "",
                    claim.as_of_precision,
                    slugs.get(claim.supersedes_id, ""),
                    joined(later.get(claim.pk, ())),
                ]
