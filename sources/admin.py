from django.contrib import admin

from events import admin as events_admin
from editorial.entry_admin import EntryAdmin, EntryInline, RowInline
from events.models import Event

from .models import Citation, Claim, Source


class CitationInline(RowInline):
    model = Citation
    fk_name = "claim"
    fields = ("source", "locator", "quote")
    autocomplete_fields = ("source",)


class ClaimInline(EntryInline):
    model = Claim
    fk_name = "event"
    fields = ("statement", "slug", "kind", "party", "qualifier", "value_low", "value_high", "unit", "wording", "claimant", "status")
    autocomplete_fields = ("party", "claimant")
    prepopulated_fields = {"slug": ("statement",)}
    verbose_name_plural = "claims about this event"


@admin.register(Source)
class SourceAdmin(EntryAdmin):
    list_display = ("title", "kind", "publisher", "publication_date", "language", *events_admin.ENTRY_COLUMNS)
    list_filter = ("status", "kind", "language")
    date_hierarchy = "publication_date"
    search_fields = ("title", "slug", "publisher", "author", "url", "notes")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (None, {"fields": ("title", "slug", "status", "kind", "publisher", "author", "publication_date", "language")}),
        ("Where to find it", {"fields": ("url", "access_date", "archive_url")}),
        (None, {"fields": ("notes",)}),
    )


@admin.register(Claim)
class ClaimAdmin(EntryAdmin):
    list_display = ("statement", "kind", "event", "party", "claimant_or_voice", "wording", "assessment", *events_admin.ENTRY_COLUMNS)
    list_select_related = ("event", "party", "claimant")
    list_filter = (
        "status",
        "kind",
        "assessment",
        ("claimant", admin.RelatedOnlyFieldListFilter),
        ("party", admin.RelatedOnlyFieldListFilter),
        ("actor", admin.RelatedOnlyFieldListFilter),
        ("event", admin.RelatedOnlyFieldListFilter),
        ("place", admin.RelatedOnlyFieldListFilter),
    )
    date_hierarchy = "event__start_date"
    search_fields = (
        "statement",
        "wording",
        "slug",
        "claimant__name",
        "claimant__short_name",
        "party__name",
        "party__short_name",
        "actor__name",
        "event__title",
        "citations__quote",
    )
    autocomplete_fields = ("event", "actor", "party", "place", "claimant", "restates")
    fieldsets = (
        (None, {"fields": ("statement", "slug", "status", "kind")}),
        ("About", {"fields": ("event", "actor", "party", "place")}),
        ("The figure", {"fields": ("qualifier", ("value_low", "value_high"), "unit", "wording")}),
        ("Who says so", {"fields": ("claimant", "restates")}),
        ("Assessment", {"fields": ("assessment", "assessment_reason")}),
    )
    inlines = (CitationInline,)

    @admin.display(description="claimant", ordering="claimant__name")
    def claimant_or_voice(self, claim):
        return claim.claimant or "(the source's own voice)"


# An event is edited together with the claims about it; the events app knows
# nothing of claims, so its admin gains the claims inline here.
admin.site.unregister(Event)


@admin.register(Event)
class EventWithClaimsAdmin(events_admin.EventAdmin):
    inlines = (*events_admin.EventAdmin.inlines, ClaimInline)
