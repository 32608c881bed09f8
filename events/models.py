"""What happened: events, the actors who took part, the places where it happened."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.db.models.lookups import IsNull
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from editorial.curation import CuratedModel, CuratedQuerySet, Status, unique_slug
from editorial.entry_urls import entry_url

from . import names

__all__ = ["DATE_FIELDS", "Actor", "ActorRelation", "Event", "EventPlace", "Participation", "Place", "Status"]


def split_lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


class NamedQuerySet(CuratedQuerySet):
    """Entries readers find by typing a name: see events/names.py."""

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for obj in objs:
            obj.search_text = names.search_text(obj.search_names())
        return super().bulk_create(objs, *args, **kwargs)

    def published_for_matching(self):
        """The same rows as published(), asked as "none of the hidden ones" for a LIKE over every name.

        Asked as status = published, SQLite walks the status index and reads each row out of order:
        many times slower than the plain scan of the table that this makes it do.
        """
        return self.exclude(pk__in=self.model.objects.hidden().values("pk"))

    def named(self, text):
        """Entries one of whose names (or slug) is the text."""
        return self.filter(search_text__contains=names.whole_name(text))

    def with_words(self, text):
        """Entries one of whose names contains the text as whole words."""
        return self.filter(search_text__contains=names.whole_words(text))

    def with_word_starting(self, text):
        """Entries one of whose names has a word beginning with the text, as a reader types it."""
        return self.filter(search_text__contains=names.word_start(text))


NamedManager = models.Manager.from_queryset(NamedQuerySet)


class NamedModel(CuratedModel):
    search_text = models.TextField(editable=False, serialize=False, default="")

    objects = NamedManager()

    class Meta:
        abstract = True

    def search_names(self):
        raise NotImplementedError


@receiver(pre_save)
def keep_search_text(sender, instance, **kwargs):
    # A signal rather than save(): loaddata's raw saves skip save() but send pre_save.
    if isinstance(instance, NamedModel):
        instance.search_text = names.search_text(instance.search_names())


class Actor(NamedModel):
    class Kind(models.TextChoices):
        ARMED_GROUP = "armed_group", _("Armed group")
        STATE_FORCE = "state_force", _("State force")
        MILITIA = "militia", _("Militia")
        PERSON = "person", _("Person")
        CIVILIANS = "civilians", _("Civilians")
        COMMUNITY = "community", _("Community")
        MEDIA_OUTLET = "media_outlet", _("Media outlet")
        ANONYMOUS_SOURCE = "anonymous_source", _("Anonymous source")
        OTHER = "other", _("Other")

    name = models.CharField(max_length=200, verbose_name=_("name"))
    short_name = models.CharField(
        max_length=60,
        blank=True,
        help_text=_("What the record calls it in tables, e.g. JNIM."),
        verbose_name=_("short name"),
    )
    aliases = models.TextField(
        blank=True, help_text=_("Other names and spellings, one per line."), verbose_name=_("aliases")
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("kind"))
    description = models.TextField(blank=True, verbose_name=_("description"))

    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        ordering = ["name"]
        constraints = [unique_slug("actor")]
        indexes = [
            # The actor list, by name.
            models.Index(fields=["name", "id"], name="actor_name_idx"),
        ]

    def __str__(self):
        if self.short_name and self.short_name != self.name:
            return f"{self.name} ({self.short_name})"
        return self.name

    def get_absolute_url(self):
        return entry_url("actor-detail", self.slug)

    @property
    def label(self):
        return self.short_name or self.name

    @property
    def alias_list(self):
        return split_lines(self.aliases)

    def search_names(self):
        return [self.name, self.short_name, *self.alias_list, self.slug]


class ActorRelationQuerySet(models.QuerySet):
    def get_by_natural_key(self, subject_slug, kind, object_slug):
        return self.get(subject__slug=subject_slug, kind=kind, object__slug=object_slug)

    def published(self):
        """Relations whose both ends the public may see."""
        return self.filter(subject__status=Status.PUBLISHED, object__status=Status.PUBLISHED)


class ActorRelation(models.Model):
    """A stated tie between two actors, read as "subject kind object": Iyad ag Ghali commands JNIM."""

    class Kind(models.TextChoices):
        COMMANDS = "commands", _("commands")
        PART_OF = "part_of", _("is part of")
        AFFILIATED_WITH = "affiliated_with", _("is affiliated with")
        ALLIED_WITH = "allied_with", _("was allied with")
        FIGHTS = "fights", _("fights")

    subject = models.ForeignKey(
        Actor, on_delete=models.PROTECT, related_name="relations_from", verbose_name=_("subject")
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("kind"))
    object = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="relations_to", verbose_name=_("object"))
    note = models.CharField(
        max_length=300, blank=True, help_text=_("When or how far the relation holds."), verbose_name=_("note")
    )

    objects = ActorRelationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("relation")
        verbose_name_plural = _("relations")
        ordering = ["subject__name", "kind", "object__name"]
        constraints = [
            models.UniqueConstraint(fields=["subject", "kind", "object"], name="actor_relation_unique"),
            models.CheckConstraint(condition=~Q(subject=F("object")), name="actor_relation_not_to_itself"),
        ]

    def __str__(self):
        return f"{self.subject.label} {self.get_kind_display()} {self.object.label}"

    def natural_key(self):
        return (self.subject.slug, self.kind, self.object.slug)

    natural_key.dependencies = ["events.actor"]


class Place(NamedModel):
    class Kind(models.TextChoices):
        COUNTRY = "country", _("Country")
        REGION = "region", _("Region")
        CERCLE = "cercle", _("Cercle (district)")
        COMMUNE = "commune", _("Commune")
        TOWN = "town", _("Town")
        VILLAGE = "village", _("Village")
        MILITARY_BASE = "military_base", _("Military base")
        RIVER_CROSSING = "river_crossing", _("River or crossing")
        AREA = "area", _("Area")
        OTHER = "other", _("Other")

    class CoordinateConfidence(models.TextChoices):
        GOOD = "good", _("Good: a gazetteer point corroborated within about 2 km")
        REPRESENTATIVE = "representative", _("Representative: a conventional point for an area")
        LOW = "low", _("Low: one weak source, or possibly another feature of that name")
        NONE = "none", _("None: no published coordinates")

    name = models.CharField(max_length=200, verbose_name=_("name"))
    alternate_names = models.TextField(
        blank=True, help_text=_("Other spellings seen in print, one per line."), verbose_name=_("alternate names")
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("kind"))
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent")
    )
    description = models.TextField(blank=True, verbose_name=_("description"))
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True, verbose_name=_("latitude"))
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True, verbose_name=_("longitude"))
    coordinate_confidence = models.CharField(
        max_length=20,
        choices=CoordinateConfidence.choices,
        default=CoordinateConfidence.NONE,
        verbose_name=_("coordinate confidence"),
    )
    coordinate_source_url = models.URLField(max_length=500, blank=True, verbose_name=_("coordinate source url"))
    coordinate_note = models.TextField(blank=True, verbose_name=_("coordinate note"))

    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name"]
        constraints = [
            unique_slug("place"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="place_coordinates_come_in_pairs",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="place_latitude_in_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="place_longitude_in_range",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, coordinate_confidence="none")
                | (Q(latitude__isnull=False) & ~Q(coordinate_confidence="none")),
                name="place_confidence_matches_coordinates",
            ),
        ]
        indexes = [
            # The place list, by name.
            models.Index(fields=["name", "id"], name="place_name_idx"),
            # A place page's places within it, by name.
            models.Index(fields=["parent", "status", "name"], name="place_parent_status_name_idx"),
            # The map's counts by grid square and its bounds: read from the index alone, not from every place row.
            # The status last: SQLite, without statistics, takes an index that starts with it for every join to
            # published places (the event list's places then read all 10,000 places at 100,000 events).
            models.Index(
                fields=["latitude", "longitude", "coordinate_confidence", "status"], name="place_point_idx"
            ),
            # The map's published places without coordinates, the first by name: read in order from this index rather
            # than every unlocated place sorted on each request (3 to 6 ms at 100,000 events on SQLite). Partial, so
            # that no join to published places can take it for its status.
            models.Index(
                fields=["status", "name", "id"], condition=Q(latitude__isnull=True), name="place_unplaced_name_idx"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return entry_url("place-detail", self.slug)

    def clean(self):
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A place cannot be its own parent.")})

    @property
    def alternate_name_list(self):
        return split_lines(self.alternate_names)

    @property
    def has_coordinates(self):
        return self.latitude is not None

    def search_names(self):
        return [self.name, *self.alternate_name_list, self.slug]


def chronological_order(prefix=""):
    """Where an event sits in a chronology: by its start (its end when only the end is known), then its end.

    Unknown dates come last. The nulls are ordered by IS NULL terms rather than NULLS LAST, which
    SQLite cannot put in an index, so that the same expressions index the list on both databases.
    """
    earliest = Coalesce(f"{prefix}start_date", f"{prefix}end_date")
    end = F(f"{prefix}end_date")
    return (IsNull(earliest, True), earliest, IsNull(end, True), end, f"{prefix}title", f"{prefix}id")


CHRONOLOGICAL_ORDER = chronological_order()


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")
    APPROXIMATE = "approximate", _("Approximate")


class DateMeaning(models.TextChoices):
    LASTED = "lasted", _("It lasted from the start to the end")
    WITHIN = "within", _("It happened sometime between the start and the end")


# What event_dates and the exports read of an event's dates: ask for all of them together.
DATE_FIELDS = ("start_date", "start_precision", "end_date", "end_precision", "date_meaning")

# From the most precise to the least: "c. 11 December" is vaguer than a day, not as vague as a month.
PRECISION_ORDER = ("day", "approximate", "month", "year")


def coarsest(*precisions):
    """The least precise of the known precisions, or "" when none is known."""
    return max((precision for precision in precisions if precision), key=PRECISION_ORDER.index, default="")


class EventQuerySet(NamedQuerySet):
    def containing_events(self):
        """The events that contain published events: wars, campaigns, the clashes, each readable as a dossier."""
        return self.filter(Exists(Event.objects.published().filter(parent=OuterRef("pk"))))


class Event(NamedModel):
    class Type(models.TextChoices):
        # ACLED's event types, so that exports read the way researchers expect.
        BATTLES = "battles", _("Battles")
        VIOLENCE_AGAINST_CIVILIANS = "violence_against_civilians", _("Violence against civilians")
        EXPLOSIONS_REMOTE_VIOLENCE = "explosions_remote_violence", _("Explosions/Remote violence")
        STRATEGIC_DEVELOPMENTS = "strategic_developments", _("Strategic developments")
        PROTESTS = "protests", _("Protests")
        RIOTS = "riots", _("Riots")
        # Not an ACLED type: a war or campaign that contains events.
        CONFLICT = "conflict", _("Armed conflict (contains events)")

    class SubType(models.TextChoices):
        ARMED_CLASH = "armed_clash", _("Armed clash")
        GOVERNMENT_REGAINS_TERRITORY = "government_regains_territory", _("Government regains territory")
        NON_STATE_ACTOR_OVERTAKES_TERRITORY = "non_state_actor_overtakes_territory", _("Non-state actor overtakes territory")
        ATTACK = "attack", _("Attack")
        ABDUCTION = "abduction", _("Abduction/forced disappearance")
        AIR_DRONE_STRIKE = "air_drone_strike", _("Air/drone strike")
        AGREEMENT = "agreement", _("Agreement")
        CHANGE_TO_GROUP_ACTIVITY = "change_to_group_activity", _("Change to group/activity")
        HEADQUARTERS_ESTABLISHED = "headquarters_established", _("Headquarters or base established")
        NON_VIOLENT_TRANSFER_OF_TERRITORY = "non_violent_transfer_of_territory", _("Non-violent transfer of territory")
        DISPLACEMENT = "displacement", _("Displacement")
        OTHER = "other", _("Other")

    DatePrecision = DatePrecision
    DateMeaning = DateMeaning

    title = models.CharField(max_length=200, verbose_name=_("title"))
    summary = models.TextField(blank=True, verbose_name=_("summary"))
    event_type = models.CharField(_("type"), max_length=30, choices=Type.choices)
    sub_event_type = models.CharField(_("sub-event type"), max_length=40, choices=SubType.choices, blank=True)
    start_date = models.DateField(
        null=True, blank=True, help_text=_("Empty when the record does not know it."), verbose_name=_("start date")
    )
    start_precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        blank=True,
        help_text=_(
            "How precisely the start is known: “sometime in September” is a month, not 1 September. "
            "Empty exactly when the start date is."
        ),
        verbose_name=_("start precision"),
    )
    end_date = models.DateField(
        null=True, blank=True, help_text=_("The same as the start for a one-day event."), verbose_name=_("end date")
    )
    end_precision = models.CharField(
        max_length=12,
        choices=DatePrecision.choices,
        blank=True,
        help_text=_("How precisely the end is known. Empty exactly when the end date is."),
        verbose_name=_("end precision"),
    )
    date_meaning = models.CharField(
        _("the dates say"),
        max_length=6,
        choices=DateMeaning.choices,
        default=DateMeaning.LASTED,
        help_text=_(
            "“Fighting lasted until 10 December” lasted; “a jet was alleged to have flown over during the "
            "battle” happened at a moment nobody dated, sometime within the battle's days."
        ),
    )
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("part of")
    )
    places = models.ManyToManyField(
        Place, through="EventPlace", related_name="events", blank=True, verbose_name=_("places")
    )
    participants = models.ManyToManyField(
        Actor, through="Participation", related_name="events", blank=True, verbose_name=_("participants")
    )
    outcome = models.TextField(
        blank=True, help_text=_("The outcome as the record states it, where one is stated."), verbose_name=_("outcome")
    )
    places_note = models.CharField(
        _("more places, unnamed"),
        max_length=200,
        blank=True,
        help_text=_("Places the sources mention without naming them, in their words: “and surrounding villages”."),
    )
    featured = models.BooleanField(
        _("featured on the front page"),
        default=False,
        help_text=_(
            "The front page shows this event as an article, built from its parts, with the other dossiers "
            "listed below it. One event at most: take the mark off the featured one first."
        ),
    )

    history = HistoricalRecords(excluded_fields=["search_text"])
    objects = models.Manager.from_queryset(EventQuerySet)()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = [F("start_date").asc(nulls_first=True), "title"]
        constraints = [
            unique_slug("event"),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True) | Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="event_ends_after_it_starts",
            ),
            models.UniqueConstraint(
                fields=["featured"],
                condition=Q(featured=True),
                name="at_most_one_featured_event",
                violation_error_message=_("Another event is featured on the front page: take its mark off first."),
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True, start_precision="")
                | Q(start_date__isnull=False, start_precision__in=DatePrecision.values),
                name="event_start_precision_iff_start_date",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True, end_precision="")
                | Q(end_date__isnull=False, end_precision__in=DatePrecision.values),
                name="event_end_precision_iff_end_date",
            ),
            models.CheckConstraint(condition=Q(date_meaning__in=DateMeaning.values), name="event_date_meaning_valid"),
        ]
        # SQLite keeps no statistics unless told, and takes "status = published" for a selective condition:
        # pages that join events to a selective row (an actor's, a place's) exclude the hidden events instead.
        indexes = [
            # The event list and its deep pages, and the claims list (by event): published events in chronological order.
            # The start date last, so that the index holds every column of the order (the end date, the title and the id
            # are in it already): a deep page's keys are read from the index alone. PostgreSQL otherwise reads a table
            # row for each entry it skips (40 ms for page 1000 at 100,000 events, 4 ms from the index).
            models.Index("status", *CHRONOLOGICAL_ORDER, "start_date", name="event_status_chronology_idx"),
            # An event page's events within it, the part_of filter and the overview's prelude, in chronological order.
            models.Index("parent", "status", *CHRONOLOGICAL_ORDER, name="event_parent_chronology_idx"),
            # The timeline over the whole record: its first and last start, its undated events, and a range count
            # per period (without it, each is a scan of every event: 2.8 s a timeline at 100,000 events).
            models.Index(fields=["status", "start_date"], name="event_status_start_idx"),
            # The front page's featured event: the one row, found without walking every published event's
            # date until it turns up (SQLite can seek no index on a bare boolean term: 240 ms at 100,000 events).
            models.Index(fields=["status", "start_date", "title"], condition=Q(featured=True), name="event_featured_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return entry_url("event-detail", self.slug)

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        for end in ("start", "end"):
            date, precision = getattr(self, f"{end}_date"), getattr(self, f"{end}_precision")
            if date is not None and not precision:
                errors[f"{end}_precision"] = (
                    _("Say how precisely the start date is known.")
                    if end == "start"
                    else _("Say how precisely the end date is known.")
                )
            elif date is None and precision:
                errors[f"{end}_precision"] = (
                    _("The start date is unknown: leave its precision empty too.")
                    if end == "start"
                    else _("The end date is unknown: leave its precision empty too.")
                )
        if self.parent_id and self.parent_id == self.pk:
            errors["parent"] = _("An event cannot be part of itself.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_dated_within(self):
        """The dates bound a moment nobody dated ("sometime between"), rather than the event's duration."""
        return self.date_meaning == self.DateMeaning.WITHIN

    @property
    def coarsest_precision(self):
        """The less precise of the two ends, or "" when neither is known."""
        return coarsest(self.start_precision, self.end_precision)

    def search_names(self):
        return [self.title, self.slug]


class EventPlaceQuerySet(models.QuerySet):
    def get_by_natural_key(self, event_slug, place_slug):
        return self.get(event__slug=event_slug, place__slug=place_slug)

    def published(self):
        return self.filter(event__status=Status.PUBLISHED, place__status=Status.PUBLISHED)


class EventPlace(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="event_places", verbose_name=_("event"))
    place = models.ForeignKey(Place, on_delete=models.PROTECT, related_name="event_places", verbose_name=_("place"))
    position = models.PositiveSmallIntegerField(
        _("position"),
        null=True,
        blank=True,
        help_text=_("Where the sources list this place among the event's places (1 first); empty when they give no order."),
    )

    objects = EventPlaceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("event place")
        ordering = ["event", "place__name"]
        constraints = [models.UniqueConstraint(fields=["event", "place"], name="event_place_unique")]

    def __str__(self):
        return f"{self.event} at {self.place}"

    def natural_key(self):
        return (self.event.slug, self.place.slug)

    natural_key.dependencies = ["events.event", "events.place"]


class ParticipationQuerySet(models.QuerySet):
    def get_by_natural_key(self, event_slug, actor_slug, role):
        return self.get(event__slug=event_slug, actor__slug=actor_slug, role=role)

    def published(self):
        return self.filter(event__status=Status.PUBLISHED, actor__status=Status.PUBLISHED)


class Participation(models.Model):
    class Role(models.TextChoices):
        SIDE_A = "side_a", _("Side A")
        SIDE_B = "side_b", _("Side B")
        PERPETRATOR = "perpetrator", _("Perpetrator")
        TARGET = "target", _("Target")
        OTHER = "other", _("Other")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations", verbose_name=_("event"))
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="participations", verbose_name=_("actor"))
    role = models.CharField(max_length=12, choices=Role.choices, verbose_name=_("role"))
    note = models.CharField(
        max_length=300, blank=True, help_text=_("E.g. “alleged”, or what the actor did."), verbose_name=_("note")
    )

    objects = ParticipationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["event", "role", "actor__name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "actor", "role"], name="participation_unique"),
        ]

    def __str__(self):
        return f"{self.actor.label} in {self.event} ({self.get_role_display()})"

    def natural_key(self):
        return (self.event.slug, self.actor.slug, self.role)

    natural_key.dependencies = ["events.event", "events.actor"]
