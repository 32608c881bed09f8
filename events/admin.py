from django import forms
from django.contrib import admin
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _

from editorial.entry_admin import EntryAdmin, EntryForm, RowInline
from .models import Actor, ActorRelation, Event, EventPlace, Participation, Place

ENTRY_COLUMNS = ("status", "last_change", "changed_by")


class ParticipationInline(RowInline):
    model = Participation
    fk_name = "event"
    fields = ("actor", "role", "note")
    autocomplete_fields = ("actor",)
    verbose_name = "participant"
    verbose_name_plural = "participants"


class EventPlaceInline(RowInline):
    model = EventPlace
    fk_name = "event"
    fields = ("place", "position")
    autocomplete_fields = ("place",)
    verbose_name = "place"
    verbose_name_plural = "places"


class ActorRelationForm(forms.ModelForm):
    def clean(self):
        cleaned_data = super().clean()
        other = cleaned_data.get("object")
        # The inline leaves the subject out of model validation, so its constraint is checked here.
        if other is not None and other.pk == self.instance.subject_id:
            self.add_error("object", _("An actor cannot be related to itself."))
        return cleaned_data


class ActorRelationInline(RowInline):
    model = ActorRelation
    form = ActorRelationForm
    fk_name = "subject"
    fields = ("kind", "object", "note")
    autocomplete_fields = ("object",)
    verbose_name = "relation to another actor"
    verbose_name_plural = "relations to other actors"


@admin.register(Event)
class EventAdmin(EntryAdmin):
    list_display = ("title", "start_date", "event_type", *ENTRY_COLUMNS)
    list_filter = (
        "status",
        "event_type",
        "date_meaning",
        "start_precision",
        ("participants", admin.RelatedOnlyFieldListFilter),
        ("places", admin.RelatedOnlyFieldListFilter),
    )
    date_hierarchy = "start_date"
    search_fields = ("title", "slug", "summary", "outcome", "participants__name", "participants__short_name", "places__name")
    autocomplete_fields = ("parent",)
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (None, {"fields": ("title", "slug", "status", "event_type", "sub_event_type", "parent")}),
        (_("When"), {"fields": (("start_date", "start_precision"), ("end_date", "end_precision"), "date_meaning")}),
        (_("What happened"), {"fields": ("summary", "outcome", "places_note")}),
        (_("Front page"), {"fields": ("featured",)}),
    )
    inlines = (ParticipationInline, EventPlaceInline)

    def related_entries(self, event):
        return [
            *Actor.objects.filter(participations__event=event).distinct().order_by("pk"),
            *Place.objects.filter(event_places__event=event).distinct().order_by("pk"),
        ]


@admin.register(Actor)
class ActorAdmin(EntryAdmin):
    list_display = ("name", "short_name", "kind", *ENTRY_COLUMNS)
    list_filter = ("status", "kind")
    search_fields = ("name", "short_name", "aliases", "slug", "description")
    prepopulated_fields = {"slug": ("name",)}
    fields = ("name", "short_name", "slug", "status", "kind", "aliases", "description")
    inlines = (ActorRelationInline,)

    def get_search_results(self, request, queryset, search_term):
        """Exact names and short names first, then names that start with the term, then any other match."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if not term:
            return results, may_have_duplicates
        closeness = Case(
            When(Q(short_name__iexact=term) | Q(name__iexact=term), then=Value(0)),
            When(Q(short_name__istartswith=term) | Q(name__istartswith=term), then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        return results.annotate(closeness=closeness).order_by("closeness", "name", "pk"), may_have_duplicates


class PlaceForm(EntryForm):
    def clean(self):
        cleaned_data = super().clean()
        latitude, longitude = cleaned_data.get("latitude"), cleaned_data.get("longitude")
        has_coordinates = latitude is not None and longitude is not None
        confidence = cleaned_data.get("coordinate_confidence")
        if (latitude is None) != (longitude is None):
            missing = "latitude" if latitude is None else "longitude"
            self.add_error(missing, "Give both the latitude and the longitude, or neither.")
        elif has_coordinates and confidence == Place.CoordinateConfidence.NONE:
            self.add_error("coordinate_confidence", _("Say how far these coordinates can be trusted."))
        elif not has_coordinates and confidence not in (None, Place.CoordinateConfidence.NONE):
            self.add_error("coordinate_confidence", _("A place without coordinates has the confidence “None”."))
        return cleaned_data


@admin.register(Place)
class PlaceAdmin(EntryAdmin):
    form = PlaceForm
    list_display = ("name", "kind", "parent", *ENTRY_COLUMNS)
    list_select_related = ("parent",)
    list_filter = ("status", "kind", "coordinate_confidence")
    search_fields = ("name", "alternate_names", "slug", "description")
    autocomplete_fields = ("parent",)
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = (
        (None, {"fields": ("name", "slug", "status", "kind", "parent", "alternate_names", "description")}),
        (
            _("Coordinates"),
            {
                "fields": (
                    ("latitude", "longitude"),
                    "coordinate_confidence",
                    "coordinate_source_url",
                    "coordinate_note",
                )
            },
        ),
    )
