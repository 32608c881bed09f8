"""The published record as event-shaped files need it: events a chunk at a time, with what they name.

Each chunk of events costs one query per related table (participants, places, public claims,
those of them that a public claim supersedes, their citations, last change), plus one per level of nesting for parent events not seen
before and one per level of nesting for places not seen before. What a file keeps between chunks is bounded
(make_room); only the actor relations, small beside the events, are read once per file.
"""

from datetime import date
from functools import cached_property

from django.db.models import BigIntegerField, Func, Max

from events.exports import any_of, grouped, make_room, participants_of, places_of, published_values, values_in_chunks
from events.dates import days_open
from events.models import DATE_FIELDS, ActorRelation, Event, Participation, Place, Status, coarsest
from sources.grades import grades_by_event
from sources.models import Citation, Claim
from sources.public import public_claims_of_few

EVENT_FIELDS = (
    "pk",
    "slug",
    "title",
    "summary",
    "event_type",
    "sub_event_type",
    *DATE_FIELDS,
    "parent_id",
)


# Where DATE_FIELDS sit in an event row.
DATES = slice(EVENT_FIELDS.index(DATE_FIELDS[0]), EVENT_FIELDS.index(DATE_FIELDS[0]) + len(DATE_FIELDS))


def by_dates(code):
    """``code(event)``, for a code that reads only the event's DATE_FIELDS, worked out once for each
    combination of them (thousands of events share theirs), up to a bound."""
    known = {}

    def of(event):
        key = event[DATES]
        if key not in known:
            make_room(known)
            known[key] = code(event)
        return known[key]

    return of


def dating(event):
    """What a precision code needs of an event row (its dates ISO text, as values_in_chunks reads them): (its coarsest precision, or "" when its start is unknown or
    it is approximate; how many days its dates leave open when they bound a moment nobody dated, else None).

    The codes qualify the row's first date: with no start there is nothing for them to qualify.
    """
    precision = coarsest(event.start_precision, event.end_precision)
    if event.start_date is None or precision == Event.DatePrecision.APPROXIMATE:
        return "", None
    if event.date_meaning != Event.DateMeaning.WITHIN:
        return precision, None
    start, end = (date.fromisoformat(day) if day else None for day in (event.start_date, event.end_date))
    return precision, days_open(start, event.start_precision, end, event.end_precision)


PLACE_FIELDS = ("pk", "slug", "name", "kind", "parent_id", "latitude", "longitude", "coordinate_confidence")
PARENT_EVENT_FIELDS = ("pk", "slug", "title", "event_type", "parent_id")

SETTLEMENTS = {Place.Kind.VILLAGE, Place.Kind.TOWN, Place.Kind.MILITARY_BASE, Place.Kind.RIVER_CROSSING}
# How fine a place is: an event's location is its finest place.
FINENESS = {
    **{kind: 0 for kind in SETTLEMENTS},
    Place.Kind.COMMUNE: 1,
    Place.Kind.CERCLE: 2,
    Place.Kind.AREA: 3,
    Place.Kind.OTHER: 3,
    Place.Kind.REGION: 4,
    Place.Kind.COUNTRY: 5,
}


def read_with_parents(model, fields, ids, known):
    """Adds to ``known`` the published entries of ``model`` with these ids that it lacks, as named rows of
    ``fields`` (which hold "pk" and "parent_id"), then those they lie within or are part of: one query per
    level of nesting. An entry not published is None, so that a lineage stops there."""
    wanted = {pk for pk in ids if pk and pk not in known}
    while wanted:
        rows = published_values(model, wanted, *fields)
        found = {row.pk: row for row in rows}
        known.update({pk: found.get(pk) for pk in wanted})
        wanted = {row.parent_id for row in found.values() if row.parent_id and row.parent_id not in known}


class Gazetteer:
    """The published places that a file's chunks name, by id, with the places they lie within: read as the
    chunks name them, kept between chunks up to a bound."""

    def __init__(self):
        self.places, self._located, self._cells = {}, {}, {}

    def load(self, ids):
        make_room(self.places, self._located, self._cells)
        read_with_parents(Place, PLACE_FIELDS, ids, self.places)

    def lineage(self, pk):
        """The place, then each published place it lies within, innermost first."""
        seen = set()
        while self.places.get(pk) and pk not in seen:
            seen.add(pk)
            yield self.places[pk]
            pk = self.places[pk].parent_id

    def located(self, place):
        """(the place whose point stands for this one, {kind: name} of the places it lies within), kept per place.

        The point is the place's own, or that of the nearest place it lies within that has one; of the
        enclosing places, the innermost of each kind is named (the place itself included)."""
        if place is None:
            return None, {}
        if place.pk not in self._located:
            lineage = list(self.lineage(place.pk))
            names = {}
            for enclosing in lineage:
                names.setdefault(enclosing.kind, enclosing.name)
            point = next((enclosing for enclosing in lineage if enclosing.latitude is not None), None)
            self._located[place.pk] = point, names
        return self._located[place.pk]

    def finest(self, places):
        """The finest published place of an event's (place id, name) pairs, or None."""
        if len(places) == 1:  # most events
            return self.places.get(places[0][0])
        known = [self.places[pk] for pk, _ in places if self.places.get(pk)]
        return min(known, key=lambda place: (FINENESS[place.kind], place.latitude is None, place.name), default=None)

    def cells(self, location, cells_of):
        """``cells_of(location, point, within)`` for this location, kept with the places: the columns that
        say where an event is depend only on its location, which thousands of events share."""
        key = (location.pk if location else None, cells_of)
        if key not in self._cells:
            self._cells[key] = cells_of(location, *self.located(location))
        return self._cells[key]


class Ancestry:
    """Published events that others are part of, read as chunks name them and kept between chunks up to a bound."""

    def __init__(self):
        self.events = {}

    def load(self, ids):
        make_room(self.events)
        read_with_parents(Event, PARENT_EVENT_FIELDS, ids, self.events)

    def slug(self, pk):
        event = self.events.get(pk)
        return event.slug if event else ""

    def conflict_title(self, pk):
        """The title of the nearest published conflict the event is part of, through published parents only."""
        seen = set()
        while (event := self.events.get(pk)) and pk not in seen:
            seen.add(pk)
            if event.event_type == Event.Type.CONFLICT:
                return event.title
            pk = event.parent_id
        return ""


# Relations that put an actor on the side of a party to the fighting: a claim by JNIM's commander is JNIM's claim.
TIES = (
    ActorRelation.Kind.COMMANDS,
    ActorRelation.Kind.PART_OF,
    ActorRelation.Kind.AFFILIATED_WITH,
    ActorRelation.Kind.ALLIED_WITH,
)


def actor_ties():
    """{actor id: ids of the actors it is tied to}, both ways, over published relations."""
    ties = {}
    for subject, object in ActorRelation.objects.published().filter(kind__in=TIES).values_list("subject_id", "object_id"):
        ties.setdefault(subject, set()).add(object)
        ties.setdefault(object, set()).add(subject)
    return ties


CLAIM_FIELDS = (
    "pk",
    "event_id",
    "kind",
    "claimant_id",
    "claimant__short_name",
    "claimant__name",
    "party_id",
    "party__short_name",
    "party__name",
    "party__kind",
    "qualifier",
    "magnitude",
    "value_low",
    "value_high",
    "unit",
    "wording",
    "assessment",
    "restates_id",
    "supersedes_id",
)


def public_claims_of(event_ids):
    """The public claims about the events, in a stable order."""
    claims = public_claims_of_few().filter(event_id__in=any_of(event_ids)).order_by("party__name", "claimant__name", "slug")
    return list(claims.values_list(*CLAIM_FIELDS, named=True))


def sources_of(claims):
    """{event id: [(title, publisher), ...]}: the published sources of the claims, each once, by title."""
    event_of = {claim.pk: claim.event_id for claim in claims}
    rows = Citation.objects.filter(claim_id__in=any_of(event_of), source__status=Status.PUBLISHED).values_list(
        "claim_id", "source_id", "source__title", "source__publisher"
    )
    by_event = {}
    for claim, source, title, publisher in rows:
        by_event.setdefault(event_of[claim], {})[source] = (title, publisher)
    return {event: sorted(sources.values()) for event, sources in by_event.items()}


def last_changes_of(event_ids):
    """{event id: the time of its latest revision, in whole seconds since 1970-01-01 UTC}."""
    rows = Event.history.filter(id__in=any_of(event_ids)).values("id").annotate(latest=Max("history_date")).order_by()
    return dict(rows.values_list("id", EpochSeconds("latest")))


class EpochSeconds(Func):
    """A time as whole seconds since 1970-01-01 UTC, worked out by the database: no datetime object per row."""

    output_field = BigIntegerField()

    @property
    def convert_value(self):
        # The database gives a whole number already: Django would pass each of a file's rows through int() again.
        return self._convert_value_noop

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite keeps times as UTC text, "2026-12-02 03:19:00.999999": its first 19 characters, as strftime would round
        # the fraction. The format goes as a parameter, clear of the placeholders.
        template = "CAST(strftime(%%s, substr(%(expressions)s, 1, 19)) AS integer)"
        sql, params = self.as_sql(compiler, connection, template=template)
        return sql, ("%s", *params)

    def as_postgresql(self, compiler, connection, **extra_context):
        template = "floor(extract(epoch FROM %(expressions)s))::bigint"
        return self.as_sql(compiler, connection, template=template, **extra_context)


class EventChunk:
    """One chunk of events with what they name, each table asked once for the whole chunk."""

    def __init__(self, events, ancestry, gazetteer):
        ids = [event.pk for event in events]
        self.events = events
        self.participants = participants_of(ids)
        self.places = places_of(ids)
        claims = public_claims_of(ids)
        self.death_claims = grouped((claim.event_id, claim) for claim in claims if claim.kind == Claim.Kind.KILLED)
        self.grades = grades_by_event((claim.pk, claim.event_id, claim.kind, claim.assessment) for claim in claims)
        self.sources = sources_of(claims)
        ancestry.load(event.parent_id for event in events)
        gazetteer.load(pk for places in self.places.values() for pk, _ in places)

    @cached_property
    def last_changes(self):
        """Read only by the files that show it."""
        return last_changes_of([event.pk for event in self.events])


def roles_of_the_sides(event_type):
    """The roles that make the two sides of an event: the perpetrator and target of violence against civilians,
    sides A and B otherwise."""
    if event_type == Event.Type.VIOLENCE_AGAINST_CIVILIANS:
        return Participation.Role.PERPETRATOR, Participation.Role.TARGET
    return Participation.Role.SIDE_A, Participation.Role.SIDE_B


def actors_in(participants, role):
    """(label, kind) of the actors in that role."""
    return [(label, kind) for r, _, label, kind in participants if r == role]


def event_chunks(queryset, ancestry, gazetteer):
    for events in values_in_chunks(queryset, *EVENT_FIELDS):
        yield EventChunk(events, ancestry, gazetteer)


def without_containers(queryset):
    """The events proper: a war or campaign that contains events is not one row of an event dataset."""
    return queryset.exclude(event_type=Event.Type.CONFLICT)
