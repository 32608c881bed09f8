"""An ACLED-shaped file: each row an event, with its actors, its place, and its fatalities as a claim.

Column by column (ACLED codebook names):

- ``event_id_cnty`` is the event's identity: its slug is the id in lowercase (``MLI1234`` → ``mli1234``),
  so a second import of the file finds the events the first one made.
- ``event_date``, ``time_precision``: 1 (the day is known) gives a one-day event at day precision, 2 (a
  day within a few days) the same day at approximate precision, 3 (only the month) the whole month at
  month precision, as the record keeps a month. ``year``, when given, must agree with the date.
- ``event_type`` and ``sub_event_type``: ACLED's names, mapped to the record's types; an ACLED
  sub-event type the record has no code for becomes "Other", and the summary keeps ACLED's name.
- ``actor1`` and ``assoc_actor_1`` are side A, ``actor2`` and ``assoc_actor_2`` side B (perpetrator and
  target for violence against civilians). Actors are found by name, short name, slug or alias (ACLED's
  "JNIM: Group for Support of Islam and Muslims" also by what precedes the colon); one the record does
  not know is created, of the kind ``inter1``/``inter2`` gives.
- ``location`` within ``admin3``, ``admin2``, ``admin1`` and ``country``: each level is found by name or
  alternate spelling (accents and "Region"/"Cercle" ignored) or created, with the level above as its
  parent. A new location takes the file's ``latitude``/``longitude`` as the file's statement, with a
  confidence from ``geo_precision``: 1 and 2 "low" (one source, uncorroborated), 3 "representative" (a
  point standing for a larger area), and a note saying so. A place already in the record keeps its own.
- ``fatalities`` is a claim about the event: people killed, exactly that many, with the file's words
  ("fatalities: 5", then the notes) as its wording, cited to a source named by the ``source`` column
  (found by title or created) with no claimant: the reports ACLED names state it in their own voice.
- ``notes`` is a new event's summary. The other columns (disorder_type, interaction,
  civilian_targeting, iso, region, source_scale, tags, timestamp) are not read.

An event already in the record keeps its title and summary (the file has neither); its dates and types
follow the file, and the file's actors and place are added to it.
"""

import calendar
import datetime
from decimal import Decimal, InvalidOperation

from events.models import Actor, Event, EventPlace, Participation, Place
from sources.models import Citation, Claim, Source

from .base import Import
from .names import NameIndex, folded, unique_slug

# ACLED's event types and their sub-event types (ACLED codebook), by the record's event type.
SUB_EVENT_TYPES = {
    Event.Type.BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    Event.Type.VIOLENCE_AGAINST_CIVILIANS: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    Event.Type.EXPLOSIONS_REMOTE_VIOLENCE: (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    Event.Type.RIOTS: ("Violent demonstration", "Mob violence"),
    Event.Type.PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    Event.Type.STRATEGIC_DEVELOPMENTS: (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established",
        "Looting/property destruction", "Non-violent transfer of territory", "Other",
    ),
}
EVENT_TYPES = {folded(event_type.label): event_type for event_type in SUB_EVENT_TYPES}
SUB_TYPE_CODES = {folded(label): code for code, label in Event.SubType.choices}

PRECISIONS = {"1": Event.DatePrecision.DAY, "2": Event.DatePrecision.APPROXIMATE, "3": Event.DatePrecision.MONTH}

# ACLED's actor types (inter1/inter2), as numbers in older files and words in newer ones.
ACTOR_TYPES = {
    "1": ("State forces", Actor.Kind.STATE_FORCE),
    "2": ("Rebel group", Actor.Kind.ARMED_GROUP),
    "3": ("Political militia", Actor.Kind.MILITIA),
    "4": ("Identity militia", Actor.Kind.MILITIA),
    "5": ("Rioters", Actor.Kind.OTHER),
    "6": ("Protesters", Actor.Kind.OTHER),
    "7": ("Civilians", Actor.Kind.CIVILIANS),
    "8": ("External/Other forces", Actor.Kind.OTHER),
}
ACTOR_TYPE_WORDS = {folded(word): code for code, (word, _) in ACTOR_TYPES.items()}

GEO_PRECISIONS = {
    "1": (Place.CoordinateConfidence.LOW, "the source names this place"),
    "2": (Place.CoordinateConfidence.LOW, "the event was near this place, or in its area"),
    "3": (Place.CoordinateConfidence.REPRESENTATIVE, "only a larger area is known: a point standing for it"),
}

# The admin areas around a location, largest first: the file's column, and the kind of a place created for it.
ADMIN_LEVELS = (
    ("country", Place.Kind.COUNTRY),
    ("admin1", Place.Kind.REGION),
    ("admin2", Place.Kind.CERCLE),
    ("admin3", Place.Kind.COMMUNE),
)
ADMIN_WORDS = ("region de", "cercle de", "commune de", "region", "cercle", "commune")

EVENT_COLUMNS = {
    "slug": "event_id_cnty",
    "title": "location",
    "summary": "notes",
    "event_type": "event_type",
    "sub_event_type": "sub_event_type",
    "start_date": "event_date",
    "end_date": "event_date",
    "start_precision": "time_precision",
    "end_precision": "time_precision",
    "date_meaning": "time_precision",
}
PLACE_COLUMNS = {"latitude": "latitude", "longitude": "longitude", "coordinate_confidence": "geo_precision"}
CLAIM_COLUMNS = {"wording": "notes", "statement": "notes", "value_low": "fatalities", "value_high": "fatalities"}


def admin_name(name):
    """A name without the administrative words around it: “Région de Ménaka” and “Menaka Region” are “menaka”."""
    name = folded(name)
    for word in ADMIN_WORDS:
        if name.startswith(f"{word} "):
            name = name.removeprefix(f"{word} ")
        if name.endswith(f" {word}"):
            name = name.removesuffix(f" {word}")
    return name


def parse_date(text):
    for pattern in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def date_text(date, precision):
    """The date as a title or a statement gives it: “7 December 2022”, or “December 2022” when only the month is known."""
    if precision == Event.DatePrecision.MONTH:
        return f"{date:%B %Y}"
    return f"{date.day} {date:%B %Y}"


class AcledImport(Import):
    format_name = "acled"
    required_columns = (
        "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
        "inter1", "actor2", "assoc_actor_2", "inter2", "country", "admin1", "admin2", "admin3", "location",
        "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    )
    model = Event

    def load(self, rows):
        self.actors = NameIndex(Actor.objects.all(), lambda actor: (actor.slug, actor.name, actor.short_name, *actor.alias_list))
        self.all_places = {place.pk: place for place in Place.objects.all()}
        self.places = NameIndex(self.all_places.values(), lambda place: (place.name, *place.alternate_name_list))
        self.sources = NameIndex(Source.objects.all(), lambda source: (source.slug, source.title))
        self.new_slugs = set()
        self.lines_of = {}
        for row in rows:
            self.lines_of.setdefault(row["event_id_cnty"].lower(), []).append(row.line)
        self.each_row(rows, self.import_row)

    def import_row(self, row):
        event_id = row["event_id_cnty"]
        if not event_id:
            self.refuse(row, "event_id_cnty", "every event needs its id")
        first_line = self.lines_of[event_id.lower()][0]
        if first_line != row.line:
            self.refuse(row, "event_id_cnty", f"the event “{event_id}” is already on line {first_line}")
        start, end, precision = self.read_dates(row)
        event_type, sub_type, acled_sub_type = self.read_types(row)
        fatalities = self.read_fatalities(row)
        coordinates = self.read_coordinates(row)
        if not row["location"]:
            row.problems.append(("location", "every event needs its location"))
        if not row["actor1"]:
            row.problems.append(("actor1", "every event needs its first actor"))
        self.stop_if_bad(row)

        participants = self.read_participants(row, event_type)
        place = self.find_or_create_place(row, coordinates)
        event = self.save_event(row, event_id, start, end, precision, event_type, sub_type, acled_sub_type, participants, place)
        if fatalities is not None:
            self.save_fatalities(row, event, event_id, fatalities)

    # Reading the cells.

    def read_dates(self, row):
        date = parse_date(row["event_date"])
        if date is None:
            row.problems.append(("event_date", f"“{row['event_date']}” is not a date (write 2022-12-05 or 05 December 2022)"))
        if row["year"] and date and row["year"] != str(date.year):
            row.problems.append(("year", f"the year {row['year']} is not the year of the event date {date.isoformat()}"))
        precision = PRECISIONS.get(row["time_precision"])
        if precision is None:
            row.problems.append(("time_precision", f"“{row['time_precision']}” is not an ACLED time precision (1, 2 or 3)"))
        if date is None or precision is None:
            return None, None, None
        if precision == Event.DatePrecision.MONTH:
            last_day = calendar.monthrange(date.year, date.month)[1]
            return date.replace(day=1), date.replace(day=last_day), precision
        return date, date, precision

    def read_types(self, row):
        event_type = EVENT_TYPES.get(folded(row["event_type"]))
        if event_type is None:
            row.problems.append(("event_type", f"“{row['event_type']}” is not one of ACLED's event types"))
            return None, "", ""
        acled_sub_types = {folded(name): name for name in SUB_EVENT_TYPES[event_type]}
        acled_sub_type = acled_sub_types.get(folded(row["sub_event_type"]))
        if acled_sub_type is None:
            row.problems.append(
                ("sub_event_type", f"“{row['sub_event_type']}” is not one of ACLED's sub-event types of {event_type.label}")
            )
            return event_type, "", ""
        return event_type, SUB_TYPE_CODES.get(folded(acled_sub_type), Event.SubType.OTHER), acled_sub_type

    def read_fatalities(self, row):
        text = row["fatalities"]
        if not text:
            return None
        if not text.isdigit():
            row.problems.append(("fatalities", f"“{text}” is not a number of people"))
            return None
        if not row["source"]:
            row.problems.append(("source", "a figure needs the source that gives it"))
        return int(text)

    def read_coordinates(self, row):
        latitude, longitude = row["latitude"], row["longitude"]
        if not latitude and not longitude:
            return None
        if not latitude or not longitude:
            column = "latitude" if not latitude else "longitude"
            row.problems.append((column, "coordinates come in pairs: give both, or neither"))
            return None
        try:
            point = (Decimal(latitude).quantize(Decimal("0.00001")), Decimal(longitude).quantize(Decimal("0.00001")))
        except InvalidOperation:
            point = None
        if point is None or not all(value.is_finite() for value in point):
            column = "latitude" if not is_number(latitude) else "longitude"
            row.problems.append((column, f"“{row[column]}” is not a number of degrees"))
            return None
        for column, value, limit in (("latitude", point[0], 90), ("longitude", point[1], 180)):
            if abs(value) > limit:
                row.problems.append((column, f"{value} is out of range (-{limit} to {limit})"))
        if row["geo_precision"] not in GEO_PRECISIONS:
            row.problems.append(("geo_precision", f"“{row['geo_precision']}” is not an ACLED geo precision (1, 2 or 3)"))
        return point

    # Actors.

    def read_participants(self, row, event_type):
        """(actor, role, note) for each actor the row names, found or created."""
        against_civilians = event_type == Event.Type.VIOLENCE_AGAINST_CIVILIANS
        sides = (
            ("1", Participation.Role.PERPETRATOR if against_civilians else Participation.Role.SIDE_A),
            ("2", Participation.Role.TARGET if against_civilians else Participation.Role.SIDE_B),
        )
        participants = []
        for number, role in sides:
            main, associated = row[f"actor{number}"], row[f"assoc_actor_{number}"]
            if main:
                actor = self.find_or_create_actor(row, f"actor{number}", main, self.actor_kind(row, number))
                participants.append((actor, role, ""))
            for name in (name.strip() for name in associated.split(";")):
                if name:
                    actor = self.find_or_create_actor(row, f"assoc_actor_{number}", name, Actor.Kind.OTHER)
                    participants.append((actor, role, f"Associated with {main} (ACLED assoc_actor_{number})."))
        unique = {}
        for actor, role, note in participants:
            unique.setdefault((actor.pk, role), (actor, role, note))
        return list(unique.values())

    def actor_kind(self, row, number):
        code = row[f"inter{number}"]
        code = ACTOR_TYPE_WORDS.get(folded(code), code)
        if code in ACTOR_TYPES:
            return ACTOR_TYPES[code][1]
        if code:
            self.refuse(row, f"inter{number}", f"“{row[f'inter{number}']}” is not one of ACLED's actor types (1 to 8)")
        return Actor.Kind.OTHER

    def find_or_create_actor(self, row, column, name, kind):
        matches = self.actors.find(name)
        if not matches and ":" in name:
            matches = self.actors.find(name.split(":", 1)[0])
        if len(matches) > 1:
            slugs = ", ".join(sorted(actor.slug for actor in matches))
            self.refuse(row, column, f"“{name}” could be any of {len(matches)} actors ({slugs}): add it as an alias of one")
        if matches:
            return matches[0]
        actor, changed = self.prepare(Actor, None, {"name": name, "kind": kind}, slug=unique_slug(Actor, name, self.new_slugs))
        self.commit(row, actor, changed, {"name": column, "slug": column, "kind": column}, fallback_column=column)
        self.actors.add(actor)
        return actor

    # Places.

    def find_or_create_place(self, row, coordinates):
        """The row's location, found or created within its admin areas, which are found or created too.

        ACLED often names the smallest admin area as the location (admin3 "Tessit", location "Tessit"):
        then the location is that area.
        """
        levels = [(column, kind) for column, kind in ADMIN_LEVELS if row[column]]
        name, parent = row["location"], None
        for index, (column, kind) in enumerate(levels):
            is_location = index == len(levels) - 1 and admin_name(row[column]) == admin_name(name)
            located = self.located(row, coordinates) if is_location else {}
            parent = self.find_or_create_admin(row, column, kind, parent, located)
            if is_location:
                return parent
        matches = self.places.find(name)
        if len(matches) > 1 and parent is not None:
            matches = [place for place in matches if self.is_within(place, parent)]
        if len(matches) > 1:
            slugs = ", ".join(sorted(place.slug for place in matches))
            self.refuse(row, "location", f"“{name}” could be any of {len(matches)} places ({slugs}): name its admin areas")
        if matches:
            return matches[0]
        values = {"name": name, "kind": Place.Kind.OTHER, "parent": parent, **self.located(row, coordinates)}
        return self.create_place(row, name, values, "location")

    def located(self, row, coordinates):
        """A new place's coordinates from the row, with the confidence its geo_precision gives and a note saying so."""
        if coordinates is None:
            return {}
        confidence, meaning = GEO_PRECISIONS[row["geo_precision"]]
        return {
            "latitude": coordinates[0],
            "longitude": coordinates[1],
            "coordinate_confidence": confidence,
            "coordinate_note": (
                f"As an ACLED-shaped file gives it for event {row['event_id_cnty']}, with geo_precision "
                f"{row['geo_precision']} ({meaning}); not corroborated by another source."
            ),
        }

    def find_or_create_admin(self, row, column, kind, parent, located):
        key = admin_name(row[column])
        matches = [
            place
            for place in self.all_places.values()
            if place.kind == kind
            and (parent is None or place.parent_id == parent.pk)
            and key in {admin_name(name) for name in (place.name, *place.alternate_name_list)}
        ]
        if len(matches) > 1:
            slugs = ", ".join(sorted(place.slug for place in matches))
            self.refuse(row, column, f"“{row[column]}” could be any of {len(matches)} places ({slugs})")
        if matches:
            return matches[0]
        values = {"name": row[column], "kind": kind, "parent": parent, **located}
        return self.create_place(row, row[column], values, column)

    def create_place(self, row, name, values, column):
        place, changed = self.prepare(Place, None, values, slug=unique_slug(Place, name, self.new_slugs))
        self.commit(row, place, changed, {**PLACE_COLUMNS, "name": column, "slug": column}, fallback_column=column)
        self.all_places[place.pk] = place
        self.places.add(place)
        return place

    def is_within(self, place, area):
        while place is not None:
            if place.pk == area.pk:
                return True
            place = self.all_places.get(place.parent_id)
        return False

    # The event and its claim.

    def save_event(self, row, event_id, start, end, precision, event_type, sub_type, acled_sub_type, participants, place):
        slug = event_id.lower()
        existing = Event.objects.filter(slug=slug).first()
        values = {
            "event_type": event_type,
            "sub_event_type": sub_type,
            "start_date": start,
            "end_date": end,
            "start_precision": precision,
            "end_precision": precision,
            # An ACLED event is of one day: known only to the month, that day is sometime within it.
            "date_meaning": Event.DateMeaning.WITHIN if precision == Event.DatePrecision.MONTH else Event.DateMeaning.LASTED,
        }
        if existing is None:
            when = date_text(start, precision)
            summary = [row["notes"]]
            if sub_type == Event.SubType.OTHER and acled_sub_type != "Other":
                summary.append(f"ACLED sub-event type: {acled_sub_type}.")
            values.update(title=f"{acled_sub_type} at {row['location']} ({when})", summary="\n\n".join(filter(None, summary)))
        event, changed = self.prepare(Event, existing, values, slug=slug)
        new_participants = [
            (actor, role, note)
            for actor, role, note in participants
            if existing is None or not existing.participations.filter(actor=actor, role=role).exists()
        ]
        new_place = existing is None or not existing.event_places.filter(place=place).exists()
        row_changes = []
        if existing is not None:
            row_changes = [
                f"participant {actor.label} ({Participation.Role(role).label}) added" for actor, role, _ in new_participants
            ]
            if new_place:
                row_changes.append(f"place {place.name} added")
        self.commit(row, event, changed, EVENT_COLUMNS, row_changes, fallback_column="event_id_cnty")
        for actor, role, note in new_participants:
            self.add_row(row, Participation, {}, "actor1", event=event, actor=actor, role=role, note=note)
        if new_place:
            self.add_row(row, EventPlace, {}, "location", event=event, place=place)
        return event

    def save_fatalities(self, row, event, event_id, fatalities):
        source = self.find_or_create_source(row)
        wording = f"fatalities: {fatalities}"
        if row["notes"]:
            wording = f"{wording}\nnotes: {row['notes']}"
        when = date_text(event.start_date, event.start_precision)
        values = {
            "kind": Claim.Kind.KILLED,
            "statement": f"{fatalities} people killed at {row['location']} ({when}), per {row['source']}"[:300],
            "event": event,
            "qualifier": Claim.Qualifier.EXACT,
            "value_low": fatalities,
            "value_high": fatalities,
            "unit": Claim.Unit.PEOPLE,
            "wording": wording,
            "claimant": None,
            "assessment": Claim.Assessment.REPORTED,
        }
        slug = f"{event.slug}-fatalities"
        existing = Claim.objects.filter(slug=slug).first()
        claim, changed = self.prepare(Claim, existing, values, slug=slug)
        cited = existing is not None and existing.citations.filter(source=source).exists()
        row_changes = [f"citation of “{source.title}” added"] if existing is not None and not cited else []
        self.commit(row, claim, changed, CLAIM_COLUMNS, row_changes, fallback_column="fatalities")
        if not cited:
            self.add_row(row, Citation, {}, "source", claim=claim, source=source, locator=f"ACLED event {event_id}")

    def find_or_create_source(self, row):
        title = row["source"]
        matches = self.sources.find(title)
        if len(matches) > 1:
            slugs = ", ".join(sorted(source.slug for source in matches))
            self.refuse(row, "source", f"“{title}” could be any of {len(matches)} sources ({slugs})")
        if matches:
            return matches[0]
        values = {
            "title": title,
            "kind": Source.Kind.OTHER,
            "notes": (
                "The reports an ACLED-shaped file names in its source column. "
                "The file gives no titles, dates or addresses of the reports themselves."
            ),
        }
        source, changed = self.prepare(Source, None, values, slug=unique_slug(Source, title, self.new_slugs))
        self.commit(row, source, changed, {"title": "source", "slug": "source"}, fallback_column="source")
        self.sources.add(source)
        return source


def is_number(text):
    try:
        return Decimal(text).is_finite()
    except InvalidOperation:
        return False
