"""/data/acled.csv: one row per event in ACLED's columns and order, filled only with what the record knows.

Codes follow the ACLED codebook: time_precision 1 (the day), 2 (sometime within a week), 3 (within
a month or longer); geo_precision 1 (the place itself), 2 (a part of a region, near a place), 3 (a larger
region); inter1 and inter2 the actor types 1 to 8, interaction the two digits in order.
"""

from django.utils.translation import gettext_lazy as _

from events.exports import free_text, labels
from events.models import Actor, Event, Place
from sources.grades import GRADED_KINDS

from .codebook import LATITUDE, LONGITUDE, Column, DataFile, code, date, integer, one_of, text
from .figures import NO_DEATHS, EventDeaths
from .record import SETTLEMENTS, Ancestry, Gazetteer, actor_ties, actors_in, by_dates, dating, event_chunks, roles_of_the_sides

DISORDER = {
    Event.Type.BATTLES: "Political violence",
    Event.Type.EXPLOSIONS_REMOTE_VIOLENCE: "Political violence",
    Event.Type.VIOLENCE_AGAINST_CIVILIANS: "Political violence",
    Event.Type.PROTESTS: "Demonstrations",
    Event.Type.RIOTS: "Demonstrations",
    Event.Type.STRATEGIC_DEVELOPMENTS: "Strategic developments",
}

# ACLED's actor types, for the kinds of actor that match one; other kinds (a person, a community) leave it empty.
INTER = {
    Actor.Kind.STATE_FORCE: 1,  # State forces
    Actor.Kind.ARMED_GROUP: 2,  # Rebel group: a non-state armed group
    Actor.Kind.MILITIA: 3,  # Political militia
    Actor.Kind.CIVILIANS: 7,  # Civilians
}

FILE = DataFile(
    name="acled.csv",
    title=_("Events in ACLED's shape"),
    description=(
        "One row per published event (wars and campaigns that contain events are left out), in the "
        "column names and order of the ACLED codebook. Columns the record cannot fill are empty."
    ),
    filters="events",
    primary_key="event_id_cnty",
    columns=(
        Column("event_id_cnty", "string", "The event's identifier in this record (its slug).", {"required": True, "unique": True}),
        date("event_date", "The day the event began; empty when the record does not know it."),
        integer("year", "The year the event began."),
        code(
            "time_precision",
            "1: the days are known (dates that say how long it lasted, known to the day); 2: it happened sometime "
            "within a week or less (coded on its first possible day); 3: sometime within a month or longer, or its "
            "dates are known only to the month or year. Empty when the record does not know the date, for an "
            "approximate date, and for “sometime after” or “before” a date.",
            [1, 2, 3],
        ),
        one_of("disorder_type", "Political violence, Demonstrations or Strategic developments, from the event type.", sorted(set(DISORDER.values()))),
        text("event_type", "ACLED's event type."),
        text("sub_event_type", "ACLED's sub-event type, where the record gives one."),
        text("actor1", "The first actor: side A of a battle, or the perpetrator of violence against civilians."),
        text("assoc_actor_1", "Other actors on actor1's side, separated by semicolons."),
        code("inter1", "actor1's type: 1 state forces, 2 rebel group (a non-state armed group), 3 political militia, 7 civilians; empty for other kinds of actor.", [1, 2, 3, 4, 5, 6, 7, 8]),
        text("actor2", "The second actor: side B of a battle, or the target of violence against civilians."),
        text("assoc_actor_2", "Other actors on actor2's side, separated by semicolons."),
        code("inter2", "actor2's type, coded as inter1.", [1, 2, 3, 4, 5, 6, 7, 8]),
        integer("interaction", "inter1 and inter2 as two digits, the lower first (12: state forces against a rebel group); a 0 for a missing second actor.", minimum=10, maximum=88),
        one_of("civilian_targeting", "“Civilian targeting” when civilians are the target.", ["Civilian targeting"]),
        text("iso", "Empty: the record keeps no country codes."),
        text("region", "Empty: the record keeps no world regions."),
        text("country", "The country the location lies in."),
        text("admin1", "The region (first-level division) the location lies in."),
        text("admin2", "The cercle (district, second level) the location lies in."),
        text("admin3", "The commune (third level) the location lies in."),
        text("location", "The event's finest published place (a village before a district before a region)."),
        LATITUDE,
        LONGITUDE,
        code(
            "geo_precision",
            "1: the point is the location's own, at a town, village, base or crossing; 2: the point is a "
            "district's or commune's, or the nearest enclosing place's; 3: a region's or the country's point.",
            [1, 2, 3],
        ),
        text("source", "The published sources of the event's public claims, separated by semicolons."),
        text("source_scale", "Empty: the record does not grade sources by scale."),
        text("notes", "The event's summary, then every claimed number of dead with its claimant, figure, original wording and assessment; parties to the fighting are marked; then the event's two grades (it happened, who did it) where its claims give them."),
        integer(
            "fatalities",
            "The lowest number of dead claimed by anyone who is not a party to the fighting (see the rules on /data/); "
            "empty when only parties to the fighting, or nobody, give a figure. Never a sum of partisan figures.",
            minimum=0,
        ),
        text("tags", "“part of: <event>” when the event is part of a published war or campaign."),
        integer("timestamp", "When the event's entry last changed, in seconds since 1970-01-01 UTC."),
    ),
)


def time_precision(event):
    """1 when the days are known; 2 when it happened sometime within a week or less; 3 within a month or longer.

    Empty when undated, approximate, or open-ended ("sometime after 3 December").
    """
    precision, days = dating(event)
    if not precision:
        return ""
    if event.date_meaning == Event.DateMeaning.WITHIN:
        if days is None:
            return ""
        return 1 if days == 1 else 2 if days <= 7 else 3
    return 1 if precision == Event.DatePrecision.DAY else 3


def location_cells(location, point, within):
    """country, admin1, admin2, admin3, location, latitude, longitude and geo_precision."""
    return [
        free_text(within.get(Place.Kind.COUNTRY, "")),
        free_text(within.get(Place.Kind.REGION, "")),
        free_text(within.get(Place.Kind.CERCLE, "")),
        free_text(within.get(Place.Kind.COMMUNE, "")),
        free_text(location.name) if location else "",
        point.latitude if point else "",
        point.longitude if point else "",
        geo_precision(location, point),
    ]


def geo_precision(location, point):
    if point is None:
        return ""
    if point.kind in (Place.Kind.REGION, Place.Kind.COUNTRY):
        return 3
    return 1 if point is location and point.kind in SETTLEMENTS else 2


def interaction(inter1, inter2):
    """The two actor types as two digits, the lower first; a lone actor's type followed by 0."""
    if not inter1:
        return ""
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def rows(queryset):
    gazetteer, ancestry, ties = Gazetteer(), Ancestry(), actor_ties()
    time_precision_of = by_dates(time_precision)
    type_labels, sub_type_labels = labels(Event.Type.choices), labels(Event.SubType.choices)
    for chunk in event_chunks(queryset, ancestry, gazetteer):
        for event in chunk.events:
            pk, event_type, start = event.pk, event.event_type, event.start_date
            participants = chunk.participants.get(pk, ())
            first, second = (actors_in(participants, role) for role in roles_of_the_sides(event_type))
            inter1 = INTER.get(first[0][1], "") if first else ""
            inter2 = INTER.get(second[0][1], "") if second else ""
            location = gazetteer.finest(chunk.places.get(pk, ()))
            death_claims = chunk.death_claims.get(pk)
            deaths = EventDeaths(death_claims, participants, ties) if death_claims else NO_DEATHS
            claims = deaths.described()
            notes = [
                event.summary,
                *(["Claimed killed: " + " | ".join(claims)] if claims else []),
                grades_note(chunk.grades.get(pk)),
            ]
            parent = ancestry.slug(event.parent_id)
            yield [
                event.slug,
                start or "",
                int(start[:4]) if start else "",
                time_precision_of(event),
                DISORDER.get(event_type, ""),
                type_labels[event_type],
                sub_type_labels.get(event.sub_event_type, ""),
                free_text(first[0][0]) if first else "",
                free_text("; ".join(label for label, _ in first[1:])),
                inter1,
                free_text(second[0][0]) if second else "",
                free_text("; ".join(label for label, _ in second[1:])),
                inter2,
                interaction(inter1, inter2),
                "Civilian targeting" if targets_civilians(event_type, second) else "",
                "",
                "",
                *gazetteer.cells(location, location_cells),
                free_text(publishers(chunk.sources.get(pk, ()))),
                "",
                free_text("\n".join(note for note in notes if note)),
                deaths.lowest if deaths.lowest is not None else "",
                f"part of: {parent}" if parent else "",
                chunk.last_changes.get(pk, ""),
            ]


def grades_note(grades):
    """ "Grades: it happened: alleged; who did it: alleged." for an event with graded claims; "" otherwise."""
    if not grades:
        return ""
    said = "; ".join(f"{GRADED_KINDS[kind].lower()}: {grades[kind]}" for kind in GRADED_KINDS if kind in grades)
    return f"Grades: {said}."


def targets_civilians(event_type, targets):
    return event_type == Event.Type.VIOLENCE_AGAINST_CIVILIANS and any(kind == Actor.Kind.CIVILIANS for _, kind in targets)


def publishers(sources):
    """Each source once, by its publisher where it names one."""
    return "; ".join(dict.fromkeys(publisher or title for title, publisher in sources))
