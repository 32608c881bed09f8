"""The public claims as CSV: one row per claim, each figure as its claimant states it, never added up."""

from django.db.models import Prefetch

from events.exports import CSVExport, free_text, joined

from .public import public_claims
from .views import ClaimListView


class ClaimExportView(CSVExport, ClaimListView):
    list_url_name = "claim-list"
    filename = "menaka-claims.csv"
    columns = (
        "claim",
        "url",
        "statement",
        "event",
        "event_title",
        "event_start",
        "event_end",
        "date_precision",
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
    )

    def get_queryset(self):
        return super().get_queryset().prefetch_related(
            Prefetch("restates", queryset=public_claims(), to_attr="public_restates")
        )

    def row(self, claim):
        event, sources = claim.event, [citation.source for citation in claim.public_citations]
        return [
            claim.slug,
            self.request.build_absolute_uri(claim.get_absolute_url()),
            free_text(claim.statement),
            event.slug if event else "",
            free_text(event.title) if event else "",
            event.start_date if event else "",
            event.end_date if event else "",
            event.date_precision if event else "",
            claim.kind,
            free_text(claim.party.label) if claim.party else "",
            free_text(claim.actor.label) if claim.actor else "",
            free_text(claim.place.name) if claim.place else "",
            claim.qualifier,
            claim.value_low,
            claim.value_high,
            claim.unit,
            free_text(claim.wording),
            free_text(claim.claimant.label) if claim.claimant else "",
            claim.assessment,
            free_text(claim.assessment_reason),
            claim.public_restates.slug if claim.public_restates else "",
            free_text(joined(source.title for source in sources)),
            joined(source.url for source in sources),
        ]
