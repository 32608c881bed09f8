"""/data/ucdp-ged.csv: one row per event in UCDP GED's column names, filled only with what the record knows.

Codes follow the UCDP GED codebook: type_of_violence 1 (state-based), 2 (non-state), 3
(one-sided); where_prec 1 (the exact place) to 6 (the country); date_prec 1 (the day) to 5
(within a year). Extra GED columns the record can fill follow the main ones.
"""

from django.utils.translation import gettext_lazy as _

from events.exports import free_text
from events.models import Actor, Event, Place

from .codebook import LATITUDE, LONGITUDE, Column, DataFile, code, date, integer, text
from .figures import NO_DEATHS, EventDeaths
from .record import SETTLEMENTS, Ancestry, by_dates, dating, Gazetteer, actor_ties, actors_in, event_chunks, roles_of_the_sides

DEATH_COUNTS = "Never a sum of partisan figures; every figure with its claimant is in source_original."

FILE = DataFile(
    name="ucdp-ged.csv",
    title=_("Events in UCDP GED's shape"),
    description=(
        "One row per published event (wars and campaigns that contain events are left out), in the "
        "column names of the UCDP Georeferenced Event Dataset codebook. Columns the record cannot fill are empty."
    ),
    filters="events",
    primary_key="id",
    columns=(
        Column("id", "string", "The event's identifier in this record (its slug).", {"required": True, "unique": True}),
        integer("year", "The year the event began."),
        code(
            "type_of_violence",
            "1: state-based (a state force on a side of a battle); 2: non-state (two non-state sides); "
            "3: one-sided (violence against civilians by a perpetrator). Empty for events that are none of these.",
            [1, 2, 3],
        ),
        text("conflict_name", "The nearest published war or campaign the event is part of."),
        text("dyad_name", "side_a and side_b joined by “ - ”."),
        text("side_a", "Side A (or the perpetrator of one-sided violence), several actors separated by semicolons."),
        text("side_b", "Side B (or the target of one-sided violence), several actors separated by semicolons."),
        text("source_article", "The titles of the published sources of the event's public claims, separated by semicolons."),
        text("source_original", "Who claims each number of dead, with the figure: “ISGS: 100; JNIM: at least 73”."),
        code(
            "where_prec",
            "1: the point is the place's own, at a town, village, base or crossing; 2: the point is of a place "
            "near or around it; 3: a second-order division (cercle, commune); 4: a first-order division (region); "
            "5: a wider area such as a border; 6: the country.",
            [1, 2, 3, 4, 5, 6, 7],
        ),
        text("where_coordinates", "The place whose point latitude and longitude give."),
        text("adm_1", "The region (first-order division) the location lies in."),
        text("adm_2", "The cercle (second-order division) the location lies in."),
        LATITUDE,
        LONGITUDE,
        text("country", "The country the location lies in."),
        code(
            "date_prec",
            "1: the days are known (dates that say how long it lasted, known to the day); the event happened "
            "sometime within 2: 2 to 6 days; 3: a week; 4: a month (or its dates are known only to the month); "
            "5: a year or more (or known only to the year). Empty when the record does not know the date, "
            "for an approximate date, and for “sometime after” or “before” a date.",
            [1, 2, 3, 4, 5],
        ),
        date("date_start", "The first day of the event; empty when the record does not know it."),
        date("date_end", "The last day of the event; empty when the record does not know it."),
        integer("deaths_a", "The lowest independent figure of side A's dead (see the rules). " + DEATH_COUNTS, minimum=0),
        integer("deaths_b", "The lowest independent figure of side B's dead. " + DEATH_COUNTS, minimum=0),
        integer("deaths_civilians", "The lowest independent figure of civilian dead. " + DEATH_COUNTS, minimum=0),
        integer("deaths_unknown", "Empty: the record does not split figures of unknown allegiance out.", minimum=0),
        integer(
            "best",
            "The same as low: the record does not weigh one independent claim above another, so its best "
            "estimate is the most conservative one. " + DEATH_COUNTS,
            minimum=0,
        ),
        integer(
            "low",
            "The lowest number of dead claimed by anyone who is not a party to the fighting (see the rules on /data/); "
            "empty when only parties to the fighting, or nobody, give a figure. " + DEATH_COUNTS,
            minimum=0,
        ),
        integer("high", "The highest number of dead claimed by anyone who is not a party to the fighting. " + DEATH_COUNTS, minimum=0),
        integer("number_of_sources", "How many published sources carry the event's public claims.", minimum=0),
        text("source_office", "The publishers of those sources, separated by semicolons."),
        text("where_description", "Every published place of the event, separated by semicolons."),
        Column("geom_wkt", "string", "The point as Well-Known Text, POINT (longitude latitude)."),
    ),
)

PRECISION_OF_A_POINT = {
    Place.Kind.COMMUNE: 3,
    Place.Kind.CERCLE: 3,
    Place.Kind.REGION: 4,
    Place.Kind.AREA: 5,
    Place.Kind.OTHER: 5,
    Place.Kind.COUNTRY: 6,
}


def where_prec(location, point):
    if point is None:
        return ""
    if point.kind in SETTLEMENTS:
        return 1 if point is location else 2
    return PRECISION_OF_A_POINT[point.kind]


def date_prec(event):
    """Dates that say how long it lasted are as precise as their vaguer end; dates that bound a moment
    nobody dated, as wide as the days they leave open. Empty when undated, approximate, or open-ended."""
    precision, days = dating(event)
    if not precision:
        return ""
    if event.date_meaning == Event.DateMeaning.WITHIN:
        if days is None:
            return ""
        return 1 if days == 1 else 2 if days <= 6 else 3 if days <= 7 else 4 if days <= 31 else 5
    return {Event.DatePrecision.DAY: 1, Event.DatePrecision.MONTH: 4, Event.DatePrecision.YEAR: 5}[precision]


def type_of_violence(event_type, side_a, side_b):
    if event_type == Event.Type.VIOLENCE_AGAINST_CIVILIANS and side_a and side_b:
        return 3
    if event_type in (Event.Type.BATTLES, Event.Type.EXPLOSIONS_REMOTE_VIOLENCE) and side_a and side_b:
        fighting = side_a + side_b
        return 1 if any(kind == Actor.Kind.STATE_FORCE for _, kind in fighting) else 2
    return ""


def rows(queryset):
    gazetteer, ancestry, ties = Gazetteer(), Ancestry(), actor_ties()
    date_prec_of = by_dates(date_prec)
    for chunk in event_chunks(queryset, ancestry, gazetteer):
        for event in chunk.events:
            pk, start = event.pk, event.start_date
            participants = chunk.participants.get(pk, ())
            role_a, role_b = roles_of_the_sides(event.event_type)
            side_a, side_b = actors_in(participants, role_a), actors_in(participants, role_b)
            side_a_names = free_text("; ".join(label for label, _ in side_a))
            side_b_names = free_text("; ".join(label for label, _ in side_b))
            places = chunk.places.get(pk, ())
            where, wkt = gazetteer.cells(gazetteer.finest(places), location_cells)
            death_claims = chunk.death_claims.get(pk)
            deaths = EventDeaths(death_claims, participants, ties) if death_claims else NO_DEATHS
            sources = chunk.sources.get(pk, ())
            yield [
                event.slug,
                int(start[:4]) if start else "",
                type_of_violence(event.event_type, side_a, side_b),
                free_text(ancestry.conflict_title(event.parent_id)),
                f"{side_a_names} - {side_b_names}" if side_a and side_b else "",
                side_a_names,
                side_b_names,
                free_text("; ".join(title for title, _ in sources)),
                free_text("; ".join(deaths.claimants())),
                *where,
                date_prec_of(event),
                start or "",
                event.end_date or "",
                *(death_cells(deaths, role_a, role_b) if death_claims else NO_DEATH_CELLS),
                len(sources),
                free_text("; ".join(dict.fromkeys(publisher for _, publisher in sources if publisher))),
                free_text("; ".join(name for _, name in places)),
                wkt,
            ]


def location_cells(location, point, within):
    """(where_prec, where_coordinates, adm_1, adm_2, latitude, longitude and country; geom_wkt)."""
    where = [
        where_prec(location, point),
        free_text(point.name) if point else "",
        free_text(within.get(Place.Kind.REGION, "")),
        free_text(within.get(Place.Kind.CERCLE, "")),
        point.latitude if point else "",
        point.longitude if point else "",
        free_text(within.get(Place.Kind.COUNTRY, "")),
    ]
    return where, f"POINT ({point.longitude} {point.latitude})" if point else ""


def death_cells(deaths, role_a, role_b):
    """deaths_a, deaths_b, deaths_civilians, deaths_unknown, best, low and high."""
    lowest = blank_if_none(deaths.lowest)
    return [
        blank_if_none(deaths.lowest_about(role_a)),
        blank_if_none(deaths.lowest_about(role_b)),
        blank_if_none(deaths.lowest_about_civilians),
        "",
        lowest,
        lowest,
        blank_if_none(deaths.highest),
    ]


def blank_if_none(value):
    return "" if value is None else value


NO_DEATH_CELLS = death_cells(NO_DEATHS, None, None)
