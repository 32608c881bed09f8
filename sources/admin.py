from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from editorial.entry_admin import EntryAdmin, EntryForm, EntryInline, InlineEntryForm, RowInline
from events import admin as events_admin
from events.models import Event

from .models import Citation, Claim, Source


class CitationInline(RowInline):
    model = Citation
    fk_name = "claim"
    fields = ("source", "locator", "quote")
    autocomplete_fields = ("source",)
    verbose_name = "citation"
    verbose_name_plural = "citations"
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})}}


class ClaimAboutThisEventForm(InlineEntryForm):
    def _post_clean(self):
        super()._post_clean()
        # On an event being added, the claim gets its event only when both are saved: it is about it all the same.
        if self.instance.event_id is None:
            self._errors.pop("event", None)


class ClaimInline(EntryInline):
    """The claims about an event, in a few columns: each is edited in full, with its citations, on its own page."""

    model = Claim
    form = ClaimAboutThisEventForm
    fk_name = "event"
    fields = ("statement", "slug", "kind", "wording", "status")
    prepopulated_fields = {"slug": ("statement",)}
    verbose_name = "claim about this event"
    verbose_name_plural = "claims about this event"
    formfield_overrides = {
        **EntryInline.formfield_overrides,
        models.CharField: {"widget": forms.TextInput(attrs={"size": 30})},
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 1, "cols": 20})},
    }


class ClaimForm(EntryForm):
    def clean(self):
        cleaned_data = super().clean()
        discounted = cleaned_data.get("assessment") == Claim.Assessment.DISCOUNTED
        if discounted and not cleaned_data.get("assessment_reason", "").strip():
            self.add_error("assessment_reason", _("Say why the claim is discounted: readers see this reason with it."))
        return cleaned_data


@admin.register(Source)
class SourceAdmin(EntryAdmin):
    list_display = ("title", "kind", "publisher", "publication_date", *events_admin.ENTRY_COLUMNS)
    list_filter = ("status", "kind", "language")
    date_hierarchy = "publication_date"
    search_fields = ("title", "slug", "publisher", "author", "url", "notes")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (None, {"fields": ("title", "slug", "status", "kind", "publisher", "author", "publication_date", "language")}),
        (_("Where to find it"), {"fields": ("url", "access_date", "archive_url")}),
        (None, {"fields": ("notes",)}),
    )


@admin.register(Claim)
class ClaimAdmin(EntryAdmin):
    form = ClaimForm
    list_display = ("statement", "event", "claimant_or_voice", "wording", "assessment", *events_admin.ENTRY_COLUMNS)
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
    autocomplete_fields = ("event", "actor", "party", "place", "claimant", "restates", "supersedes")
    prepopulated_fields = {"slug": ("statement",)}
    fieldsets = (
        (None, {"fields": ("statement", "slug", "status", "kind")}),
        (_("About"), {"fields": ("event", "actor", "party", "place")}),
        (_("The figure"), {"fields": ("qualifier", "magnitude", ("value_low", "value_high"), "unit", "wording")}),
        (_("Who says so, and when"), {"fields": ("claimant", ("stated_on", "stated_on_precision"), ("as_of", "as_of_precision"))}),
        (_("Other claims"), {"fields": ("restates", "supersedes")}),
        (_("Assessment"), {"fields": ("assessment", "assessment_reason")}),
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

    def related_entries(self, event):
        """What goes to review with an event: the claims about it, its participants and its places."""
        return [
            *Claim.objects.filter(event=event).order_by("pk"),
            *super().related_entries(event),
        ]
