"""The record's own tables: events and claims (the lists' files), actors, places and sources."""

from django.utils.translation import gettext_lazy as _

from events.exports import PublishedSlugs, any_of, entry_url_pattern, free_text, grouped, joined, values_in_chunks
from events.models import Actor, ActorRelation, Event, Place
from sources.models import Claim, Source

from .codebook import LATITUDE, LONGITUDE, DataFile, date, integer, one_of, slug, text, url

ENTRY_URL = "The entry's public page."

EVENTS = DataFile(
    name="events.csv",
    title=_("Events"),
    description="One row per published event, wars and campaigns included, as on the events list. "
    "No casualty figures: every figure is a claim, in claims.csv.",
    filters="events",
    primary_key="event_id",
    columns=(
        slug("event_id", "The event's permanent identifier (its slug).", unique=True),
        url("url", ENTRY_URL),
        text("title", "The event's title."),
        date("event_date_start", "The first day; empty when the record does not know it."),
        date("event_date_end", "The last day; empty when the record does not know it."),
        one_of(
            "start_precision",
            "How precisely the first day is known: day, month, year or approximate (“sometime in September” is a "
            "month); empty when the record does not know it.",
            Event.DatePrecision.values,
        ),
        one_of("end_precision", "How precisely the last day is known; empty when the record does not know it.", Event.DatePrecision.values),
        one_of(
            "date_meaning",
            "lasted: the event lasted from the first day to the last; within: it happened sometime between them, "
            "on days nobody recorded.",
            Event.DateMeaning.values,
        ),
        one_of("event_type", "ACLED's event type, or “Armed conflict (contains events)” for a war or campaign.", Event.Type.labels),
        text("sub_event_type", "ACLED's sub-event type, where the record gives one."),
        text("part_of", "The slug of the published event this one is part of."),
        text("actor1", "Side A, several actors separated by “ | ”."),
        text("actor2", "Side B, several actors separated by “ | ”."),
        text("other_actors", "Perpetrators, targets and other participants, each with its role in brackets."),
        text("locations", "The event's published places, separated by “ | ”."),
        text("notes", "The event's summary."),
        one_of(
            "grade_occurred",
            "It happened: the strongest assessment among the event's published “occurred” claims that no later claim "
            "supersedes; empty when no claim answers it.",
            Claim.Assessment.values,
        ),
        one_of(
            "grade_perpetrator",
            "Who did it: the same, from its published “perpetrator” claims; empty when no claim answers it.",
            Claim.Assessment.values,
        ),
    ),
)

CLAIMS = DataFile(
    name="claims.csv",
    title=_("Claims"),
    description="One row per public claim, as on the claims list: each figure as its claimant states it, "
    "with its original wording, assessment and sources. Figures are never added up.",
    filters="claims",
    primary_key="claim",
    columns=(
        slug("claim", "The claim's permanent identifier (its slug).", unique=True),
        url("url", ENTRY_URL),
        text("statement", "The claim in one plain sentence."),
        text("event", "The slug of the event it is about."),
        text("event_title", "That event's title."),
        date("event_start", "That event's first day."),
        date("event_end", "That event's last day."),
        one_of("event_start_precision", "How precisely that event's first day is known.", Event.DatePrecision.values),
        one_of("event_end_precision", "How precisely that event's last day is known.", Event.DatePrecision.values),
        one_of("event_date_meaning", "lasted: from first to last day; within: sometime between them.", Event.DateMeaning.values),
        one_of("kind", "What is claimed: killed, wounded, displaced, strength, outcome, ...", Claim.Kind.values),
        text("party", "The party affected: whose fighters died, whose strength is given."),
        text("actor", "The actor the claim is about: the commander named, the alleged perpetrator."),
        text("place", "The place the claim is limited to (“in Haroum alone”)."),
        one_of(
            "qualifier",
            "How the figure is given: exact, about, at_least, more_than (strictly above value_low), at_most, "
            "fewer_than (strictly below value_high), between, vague (a magnitude in words, see magnitude), unknown "
            "(a figure nobody knows); empty for a claim that is not a figure.",
            [value for value in Claim.Qualifier.values if value],
        ),
        integer("value_low", "The lower bound of the figure (the figure itself when exact or about).", minimum=0),
        integer("value_high", "The upper bound of the figure (empty for “at least”).", minimum=0),
        one_of("unit", "What the figure counts: people, fighters, civilians, households, kilometres.", Claim.Unit.values),
        text("original_wording", "The figure or statement exactly as published: “73+”, “~700”, “around 70”."),
        text("claimant", "Who makes the claim; empty when the source states it in its own voice."),
        one_of("assessment", "The editors' assessment.", Claim.Assessment.values),
        text("assessment_reason", "Why the editors assess it so."),
        text("same_allegation_as", "The slug of the claim this one restates in other words."),
        text("sources", "The titles of the published sources that carry it, separated by “ | ”."),
        text("source_urls", "Their addresses, separated by “ | ”; a source without a known address has none."),
        one_of(
            "magnitude",
            "For a vague figure, the word said (“dozens”); value_low and value_high are the editors' reading of it.",
            Claim.Magnitude.values,
        ),
        date("stated_on", "When the claimant made the claim; empty when not known (a month or year: its first day)."),
        one_of("stated_on_precision", "How precisely stated_on is known.", Claim.DatePrecision.values),
        date("as_of", "For a figure: the date it holds as of, when the source gives one."),
        one_of("as_of_precision", "How precisely as_of is known.", Claim.DatePrecision.values),
        text("supersedes", "The slug of the earlier claim this one revises or corrects."),
        text("superseded_by", "The slugs of the later claims that revise or correct this one, latest first, "
             "separated by “ | ”; the superseded claim stays in the record."),
    ),
)

ACTORS = DataFile(
    name="actors.csv",
    title=_("Actors"),
    description="One row per published actor: armed groups, state forces, militias, people, civilians, outlets.",
    primary_key="actor",
    columns=(
        slug("actor", "The actor's permanent identifier (its slug).", unique=True),
        url("url", ENTRY_URL),
        text("name", "The actor's name.", required=True),
        text("short_name", "What the record calls it in tables, e.g. JNIM."),
        text("aliases", "Other names and spellings, separated by “ | ”."),
        one_of("kind", "What kind of actor it is.", Actor.Kind.values),
        text("description", "What the record says of it."),
        text("relations", "Its published relations, “kind: actor slug”, separated by “ | ” (commands: iyad-ag-ghali reads “this actor commands”)."),
    ),
)

PLACES = DataFile(
    name="places.csv",
    title=_("Places"),
    description="One row per published place, with its point only where a published source gives one.",
    primary_key="place",
    columns=(
        slug("place", "The place's permanent identifier (its slug).", unique=True),
        url("url", ENTRY_URL),
        text("name", "The place's name.", required=True),
        text("alternate_names", "Other spellings seen in print, separated by “ | ”."),
        one_of("kind", "What kind of place it is.", Place.Kind.values),
        text("parent", "The slug of the published place it lies within."),
        LATITUDE,
        LONGITUDE,
        one_of("coordinate_confidence", "How far the point can be trusted: good, representative, low, or none (no point).", Place.CoordinateConfidence.values),
        url("coordinate_source_url", "Where the point comes from."),
        text("coordinate_note", "What the editors note about the point."),
        text("description", "What the record says of it."),
    ),
)

SOURCES = DataFile(
    name="sources.csv",
    title=_("Sources"),
    description="One row per published source, with the fields of Wikipedia's “cite web”. Empty fields are not known.",
    primary_key="source",
    columns=(
        slug("source", "The source's permanent identifier (its slug).", unique=True),
        url("url", ENTRY_URL),
        text("title", "The title.", required=True),
        one_of("kind", "What kind of source it is.", Source.Kind.values),
        text("publisher", "The publisher."),
        text("author", "The author."),
        date("publication_date", "When it was published."),
        url("source_url", "Where it can be read; empty when not known (never a guess)."),
        date("access_date", "When it was read there."),
        url("archive_url", "An archived copy."),
        text("language", "A language tag such as en or fr."),
        text("notes", "What the editors note about it."),
    ),
)


def lines(text_value):
    return joined(line.strip() for line in text_value.splitlines())


def actor_rows(request):
    detail_url = entry_url_pattern(request, "actor-detail")
    fields = ("pk", "slug", "name", "short_name", "aliases", "kind", "description")
    for actors in values_in_chunks(Actor.objects.published().order_by("name", "pk"), *fields):
        relations = grouped(
            (subject, f"{kind}: {object_slug}")
            for subject, kind, object_slug in ActorRelation.objects.published()
            .filter(subject_id__in=any_of(actor.pk for actor in actors))
            .order_by("kind", "object__slug")
            .values_list("subject_id", "kind", "object__slug")
        )
        for actor in actors:
            yield [
                actor.slug,
                detail_url.format(actor.slug),
                free_text(actor.name),
                free_text(actor.short_name),
                free_text(lines(actor.aliases)),
                actor.kind,
                free_text(actor.description),
                joined(relations.get(actor.pk, ())),
            ]


def place_rows(request):
    detail_url = entry_url_pattern(request, "place-detail")
    fields = (
        "slug", "name", "alternate_names", "kind", "parent_id", "latitude", "longitude",
        "coordinate_confidence", "coordinate_source_url", "coordinate_note", "description",
    )  # fmt: skip
    parent_slugs = PublishedSlugs(Place)
    for places in values_in_chunks(Place.objects.published().order_by("name", "pk"), *fields):
        parents = parent_slugs.of(place.parent_id for place in places)
        for place in places:
            yield [
                place.slug,
                detail_url.format(place.slug),
                free_text(place.name),
                free_text(lines(place.alternate_names)),
                place.kind,
                parents.get(place.parent_id) or "",
                place.latitude,
                place.longitude,
                place.coordinate_confidence,
                place.coordinate_source_url,
                free_text(place.coordinate_note),
                free_text(place.description),
            ]


def source_rows(request):
    detail_url = entry_url_pattern(request, "source-detail")
    fields = (
        "slug", "title", "kind", "publisher", "author", "publication_date", "url", "access_date",
        "archive_url", "language", "notes",
    )  # fmt: skip
    for sources in values_in_chunks(Source.objects.published().order_by("title", "pk"), *fields):
        for source in sources:
            yield [
                source.slug,
                detail_url.format(source.slug),
                free_text(source.title),
                source.kind,
                free_text(source.publisher),
                free_text(source.author),
                source.publication_date,
                source.url,
                source.access_date,
                source.archive_url,
                source.language,
                free_text(source.notes),
            ]
