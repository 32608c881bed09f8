"""Add a large synthetic record, for the benchmark and the large-data tests.

    manage.py synthesize --events 100000 [--seed 1]

Every row it makes is named as synthetic (slugs ``synthetic-<seed>-...``, names
``Synthetic ...``) so that it is never mistaken for the article's data, and every one
gets a first revision whose reason is "Synthetic record (seed S)". The same seed makes
the same rows, whatever is already in the database; another seed adds more beside them.

The shape follows a real conflict record: a few wars, each made of campaigns made of
events (one campaign with thousands of parts); participants by role; places nested
country > region > commune > village, with and without points and at every coordinate
confidence; several claimants per question (the same event, kind and party) with every
qualifier and assessment, cited from sources; and a few drafts and entries in review,
whose titles carry the word "draft" so that a test can look for them on public pages.

It lives in ``sources`` because it writes claims and citations, and ``sources`` is the
app that may import ``events`` (as ``export_record`` does for the whole record).
"""

import datetime
import itertools
import random
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from editorial.page_cache import record_changed
from events.models import Actor, ActorRelation, Event, EventPlace, Participation, Place, Status
from sources.models import Citation, Claim, Source

BATCH = 2000

# Per 100,000 events, as in the benchmark of issue 8.
PER_100K = {"actors": 2000, "places": 10000, "sources": 1000, "claims": 50000}

# Where the points fall: the central Sahel (Mali, Niger, Burkina Faso), within a box.
LATITUDES = (11.0, 20.5)
LONGITUDES = (-6.0, 5.5)

ACTOR_KINDS = [
    (Actor.Kind.ARMED_GROUP, "armed group", 30), (Actor.Kind.STATE_FORCE, "state force", 8),
    (Actor.Kind.MILITIA, "militia", 15), (Actor.Kind.PERSON, "commander", 15),
    (Actor.Kind.CIVILIANS, "civilians", 6), (Actor.Kind.COMMUNITY, "community", 8),
    (Actor.Kind.MEDIA_OUTLET, "media outlet", 12), (Actor.Kind.ANONYMOUS_SOURCE, "anonymous source", 6),
]
FIGHTING_KINDS = {Actor.Kind.ARMED_GROUP, Actor.Kind.STATE_FORCE, Actor.Kind.MILITIA}
TARGET_KINDS = {Actor.Kind.CIVILIANS, Actor.Kind.COMMUNITY}
CLAIMANT_KINDS = {Actor.Kind.ARMED_GROUP, Actor.Kind.STATE_FORCE, Actor.Kind.MILITIA, Actor.Kind.PERSON,
                  Actor.Kind.MEDIA_OUTLET, Actor.Kind.ANONYMOUS_SOURCE}

# (event type, sub-event type, roles of its participants, weight)
EVENT_SHAPES = [
    (Event.Type.BATTLES, Event.SubType.ARMED_CLASH, ("side_a", "side_b"), 50),
    (Event.Type.BATTLES, Event.SubType.NON_STATE_ACTOR_OVERTAKES_TERRITORY, ("side_a", "side_b"), 6),
    (Event.Type.VIOLENCE_AGAINST_CIVILIANS, Event.SubType.ATTACK, ("perpetrator", "target"), 18),
    (Event.Type.VIOLENCE_AGAINST_CIVILIANS, Event.SubType.ABDUCTION, ("perpetrator", "target"), 4),
    (Event.Type.EXPLOSIONS_REMOTE_VIOLENCE, Event.SubType.AIR_DRONE_STRIKE, ("perpetrator", "target"), 8),
    (Event.Type.STRATEGIC_DEVELOPMENTS, Event.SubType.HEADQUARTERS_ESTABLISHED, ("other",), 7),
    (Event.Type.STRATEGIC_DEVELOPMENTS, Event.SubType.DISPLACEMENT, ("other",), 7),
]

# (claim kind, units it may take (none: not a figure), weight)
CLAIM_KINDS = [
    (Claim.Kind.KILLED, (Claim.Unit.FIGHTERS, Claim.Unit.CIVILIANS, Claim.Unit.PEOPLE), 40),
    (Claim.Kind.WOUNDED, (Claim.Unit.FIGHTERS, Claim.Unit.PEOPLE), 14),
    (Claim.Kind.DISPLACED, (Claim.Unit.HOUSEHOLDS, Claim.Unit.PEOPLE), 6),
    (Claim.Kind.STRENGTH, (Claim.Unit.FIGHTERS,), 10),
    (Claim.Kind.DISTANCE, (Claim.Unit.KILOMETRES,), 3),
    (Claim.Kind.OUTCOME, (), 10),
    (Claim.Kind.OCCURRED, (), 6),
    (Claim.Kind.PERPETRATOR, (), 5),
    (Claim.Kind.COMMANDER, (), 4),
    (Claim.Kind.OTHER, (), 2),
]
FIGURE_QUALIFIERS = [
    (Claim.Qualifier.EXACT, 33), (Claim.Qualifier.ABOUT, 24), (Claim.Qualifier.AT_LEAST, 15),
    (Claim.Qualifier.MORE_THAN, 5), (Claim.Qualifier.AT_MOST, 4), (Claim.Qualifier.FEWER_THAN, 2),
    (Claim.Qualifier.BETWEEN, 9), (Claim.Qualifier.VAGUE, 3), (Claim.Qualifier.UNKNOWN, 5),
]
ASSESSMENTS = [
    (Claim.Assessment.REPORTED, 50), (Claim.Assessment.CORROBORATED, 15), (Claim.Assessment.ALLEGED, 15),
    (Claim.Assessment.CONTESTED, 15), (Claim.Assessment.DISCOUNTED, 5),
]
SOURCE_KINDS = [
    (Source.Kind.NEWS_ARTICLE, 60), (Source.Kind.GROUP_STATEMENT, 15), (Source.Kind.REPORT, 15),
    (Source.Kind.INTERVIEW, 7), (Source.Kind.OTHER, 3),
]

# Of every curated kind, about 3 in 100 are drafts and 2 in review.
UNPUBLISHED = [(Status.PUBLISHED, 95), (Status.DRAFT, 3), (Status.REVIEW, 2)]
FIRST_DAY = datetime.date(2012, 1, 1)
LAST_DAY = datetime.date(2024, 12, 31)


class Command(BaseCommand):
    help = (
        "Add a synthetic record of N events (and, in proportion, actors, places, sources, claims) "
        "for benchmarks and large-data tests. Deterministic for a seed; adds to what is there."
    )

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, required=True, help="how many events to add (at least 10)")
        parser.add_argument("--seed", type=int, default=1, help="the seed: the same seed makes the same rows (default 1)")

    def handle(self, *, events, seed, **options):
        if events < 10:
            raise CommandError("--events must be at least 10: a war, a campaign and their events.")
        if seed < 0:
            raise CommandError("--seed must be zero or a positive whole number.")
        prefix = f"synthetic-{seed}-"
        if Event.objects.filter(slug__startswith=prefix).exists():
            raise CommandError(
                f"The database already holds the synthetic record of seed {seed}: "
                "run with another --seed to add more."
            )
        with transaction.atomic():
            counts = Synthesizer(events, seed).write()
            record_changed()  # bulk inserts send no signals
        gather_statistics()
        self.stdout.write(
            f"Added a synthetic record (seed {seed}): "
            + ", ".join(f"{count:,} {name}" for name, count in counts.items())
        )


def gather_statistics():
    """On PostgreSQL, what autovacuum would do a minute or more after a bulk load: the planner's statistics, and the
    map of all-visible pages that lets a query read an index alone.

    Until then PostgreSQL takes the grown tables for the near-empty ones they were, and plans scans
    of every row: a claims page spent 390 ms in SQL at 100,000 events, 14 ms after ANALYZE; and it
    reads the table row of each index entry a deep page of the event list skips (its page 1000: 4 ms
    from the index alone at 100,000 events, 40 ms reading the rows). VACUUM cannot run in a transaction: in one (a test's), ANALYZE
    alone. Not on SQLite, whose plans without statistics are those its indexes were made for: there
    ANALYZE made the claims list six times slower (docs/benchmark.md).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")


def falling_weights(count):
    return list(itertools.accumulate(1 / rank for rank in range(1, count + 1)))


def weighted(rng, choices):
    """Pick one of (value..., weight) tuples by its last element."""
    return rng.choices(choices, weights=[choice[-1] for choice in choices])[0]


class Synthesizer:
    def __init__(self, events, seed):
        self.events = events
        self.seed = seed
        self.rng = random.Random(seed)
        self.reason = f"Synthetic record (seed {seed})"
        self.counts = {}

    def scaled(self, what, minimum):
        return max(minimum, round(self.events * PER_100K[what] / 100_000))

    def slug(self, kind, number):
        return f"synthetic-{self.seed}-{kind}-{number}"

    def status_and_word(self):
        """A status, and the word that names a row as unpublished in its title."""
        status = weighted(self.rng, UNPUBLISHED)[0]
        return status, ("" if status == Status.PUBLISHED else "draft ")

    def write(self):
        self.write_actors()
        self.write_places()
        self.write_sources()
        self.write_events()
        self.write_claims()
        return self.counts

    def save(self, model, rows, label):
        """Insert the rows and their first revisions, in batches; return the rows with their ids."""
        rows = model.objects.bulk_create(rows, batch_size=BATCH)
        model.history.bulk_history_create(rows, batch_size=BATCH, default_change_reason=self.reason)
        self.counts[label] = self.counts.get(label, 0) + len(rows)
        return rows

    # Actors ---------------------------------------------------------------------------

    def write_actors(self):
        rng = self.rng
        actors = []
        for number in range(1, self.scaled("actors", 12) + 1):
            # The first eight cover every kind, so that a small record has each role to give.
            kind, noun, _ = ACTOR_KINDS[number - 1] if number <= len(ACTOR_KINDS) else weighted(rng, ACTOR_KINDS)
            status, draft = self.status_and_word()
            name = f"Synthetic {draft}{noun} {number}"
            actors.append(Actor(
                slug=self.slug("actor", number), name=name, kind=kind, status=status,
                short_name=f"S{noun[0].upper()}{number}" if kind in FIGHTING_KINDS else "",
                aliases=f"Synthetic alias {number}\nSA-{number}" if rng.random() < 0.2 else "",
                description=f"A synthetic {noun}, not a real one.",
            ))
        self.actors = self.save(Actor, actors, "actors")
        by_kind = lambda kinds: [actor for actor in self.actors if actor.kind in kinds]  # noqa: E731
        self.fighters, self.targets = by_kind(FIGHTING_KINDS), by_kind(TARGET_KINDS)
        self.claimants = by_kind(CLAIMANT_KINDS)
        self.commanders = by_kind({Actor.Kind.PERSON})
        # A few groups are in most of the fighting, and a few voices make most claims, as in any
        # real war: weights fall off as 1/rank (cumulative, so that each draw is a bisection).
        self.fighter_weights = falling_weights(len(self.fighters))
        self.claimant_weights = falling_weights(len(self.claimants))
        self.write_relations()

    def write_relations(self):
        rng, pairs = self.rng, {}  # a dict, as an ordered set: the same pair once
        groups = [actor for actor in self.fighters if actor.kind == Actor.Kind.ARMED_GROUP]
        for commander in self.commanders:
            pairs[(commander.pk, ActorRelation.Kind.COMMANDS, rng.choice(groups).pk)] = None
        for militia in [actor for actor in self.fighters if actor.kind == Actor.Kind.MILITIA]:
            if rng.random() < 0.4:
                pairs[(militia.pk, ActorRelation.Kind.AFFILIATED_WITH, rng.choice(groups).pk)] = None
        for _ in range(len(groups) // 3):
            first, second = rng.sample(groups, 2)
            pairs[(first.pk, rng.choice([ActorRelation.Kind.FIGHTS, ActorRelation.Kind.ALLIED_WITH]), second.pk)] = None
        self.save(ActorRelation, [
            ActorRelation(subject_id=subject, kind=kind, object_id=object_, note="Synthetic relation.")
            for subject, kind, object_ in pairs
        ], "actor relations")

    # Places ---------------------------------------------------------------------------

    def write_places(self):
        total = self.scaled("places", 12)
        countries = 3
        regions = max(3, total // 500)
        communes = max(3, total // 20)
        villages = max(3, total - countries - regions - communes)
        self.centres = {}
        self.countries = self.place_level("country", Place.Kind.COUNTRY, countries, None, 0)
        self.regions = self.place_level("region", Place.Kind.REGION, regions, self.countries, 2.0)
        self.communes = self.place_level("commune", Place.Kind.COMMUNE, communes, self.regions, 0.6)
        self.villages = self.place_level("village", Place.Kind.VILLAGE, villages, self.communes, 0.15)

    def place_level(self, noun, kind, count, parents, spread):
        """One level of the hierarchy; each place lies within `spread` degrees of its parent's centre."""
        rng, places, centres = self.rng, [], []
        for number in range(1, count + 1):
            parent = rng.choice(parents) if parents else None
            if parent is None:
                centre = (rng.uniform(14.0, 17.5), rng.uniform(-3.5, 3.0))
            else:
                latitude, longitude = self.centres[parent.pk]
                centre = (latitude + rng.uniform(-spread, spread), longitude + rng.uniform(-spread, spread))
            centre = (min(max(centre[0], LATITUDES[0]), LATITUDES[1]), min(max(centre[1], LONGITUDES[0]), LONGITUDES[1]))
            centres.append(centre)
            confidence = self.confidence(kind)
            status, draft = self.status_and_word() if kind in (Place.Kind.COMMUNE, Place.Kind.VILLAGE) else (Status.PUBLISHED, "")
            point = {}
            if confidence != Place.CoordinateConfidence.NONE:
                point = {
                    "latitude": Decimal(f"{centre[0]:.5f}"), "longitude": Decimal(f"{centre[1]:.5f}"),
                    "coordinate_note": f"A synthetic point (seed {self.seed}), not a surveyed location.",
                }
            places.append(Place(
                slug=self.slug(noun, number), name=f"Synthetic {draft}{noun} {number}", kind=kind, status=status,
                parent=parent, coordinate_confidence=confidence,
                alternate_names=f"Synthetic {noun} {number} bis" if rng.random() < 0.1 else "", **point,
            ))
        places = self.save(Place, places, "places")
        self.centres.update((place.pk, centre) for place, centre in zip(places, centres))
        return places

    def confidence(self, kind):
        good, representative, low, none = (
            Place.CoordinateConfidence.GOOD, Place.CoordinateConfidence.REPRESENTATIVE,
            Place.CoordinateConfidence.LOW, Place.CoordinateConfidence.NONE,
        )
        if kind in (Place.Kind.COUNTRY, Place.Kind.REGION):
            return representative
        if kind == Place.Kind.COMMUNE:
            return weighted(self.rng, [(good, 20), (representative, 65), (low, 5), (none, 10)])[0]
        return weighted(self.rng, [(good, 45), (representative, 10), (low, 15), (none, 30)])[0]

    # Sources --------------------------------------------------------------------------

    def write_sources(self):
        rng, sources = self.rng, []
        for number in range(1, self.scaled("sources", 3) + 1):
            kind = weighted(rng, SOURCE_KINDS)[0]
            status, draft = self.status_and_word()
            published = FIRST_DAY + datetime.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
            sources.append(Source(
                # No URL: a synthetic source has none, and the record never invents one.
                slug=self.slug("source", number), title=f"Synthetic {draft}{kind.label.lower()} {number}",
                kind=kind, status=status, publisher=f"Synthetic publisher {rng.randint(1, 60)}",
                publication_date=published if rng.random() < 0.9 else None,
                language=rng.choice(["en", "fr", "fr", "ar"]),
            ))
        self.sources = self.save(Source, sources, "sources")
        self.published_sources = [source for source in self.sources if source.is_published] or self.sources

    # Events ---------------------------------------------------------------------------

    def write_events(self):
        rng = self.rng
        wars = max(1, round(self.events / 25_000))
        campaigns = max(1, self.events // 100)
        battles = self.events - wars - campaigns
        war_rows = []
        for number in range(1, wars + 1):
            start = FIRST_DAY + datetime.timedelta(days=rng.randrange(700))
            war_rows.append(self.event("war", number, f"Synthetic war {number}", Event.Type.CONFLICT, "",
                                       start, LAST_DAY, None, Status.PUBLISHED))
        war_rows = self.save(Event, war_rows, "events")
        campaign_rows = []
        for number in range(1, campaigns + 1):
            war = war_rows[(number - 1) % wars]
            start = war.start_date + datetime.timedelta(days=rng.randrange((LAST_DAY - war.start_date).days - 200))
            status, draft = self.status_and_word() if number > 1 else (Status.PUBLISHED, "")
            campaign_rows.append(self.event("campaign", number, f"Synthetic {draft}campaign {number}",
                                            Event.Type.CONFLICT, "", start,
                                            min(LAST_DAY, start + datetime.timedelta(days=rng.randint(20, 200))),
                                            war, status))
        campaign_rows = self.save(Event, campaign_rows, "events")
        # Campaign 1 holds a twentieth of all events (thousands at 100,000): the long list of parts.
        # The rest spread unevenly, as real campaigns do.
        weights = [rng.paretovariate(1.3) for _ in campaign_rows]
        weights[0] = sum(weights) / 19
        parents = rng.choices(campaign_rows, weights=weights, k=battles)
        battle_rows = []
        for number, campaign in enumerate(parents, start=1):
            event_type, sub_type, roles, _ = weighted(rng, EVENT_SHAPES)
            status, draft = self.status_and_word()
            start = campaign.start_date + datetime.timedelta(days=rng.randrange((campaign.end_date - campaign.start_date).days + 1))
            noun = {Event.Type.BATTLES: "clash", Event.Type.VIOLENCE_AGAINST_CIVILIANS: "attack",
                    Event.Type.EXPLOSIONS_REMOTE_VIOLENCE: "strike"}.get(event_type, "development")
            row = self.event(noun, number, f"Synthetic {draft}{noun} {number}", event_type, sub_type, start,
                             start + datetime.timedelta(days=weighted(rng, [(0, 80), (1, 12), (2, 5), (5, 3)])[0]),
                             campaign, status, may_be_undated=True)
            row.roles = roles
            battle_rows.append(row)
        battle_rows = self.save(Event, battle_rows, "events")
        self.battles = battle_rows
        self.write_participants(war_rows + campaign_rows, battle_rows)
        self.write_event_places(war_rows, campaign_rows, battle_rows)

    def event(self, noun, number, title, event_type, sub_type, start, end, parent, status, may_be_undated=False):
        precision = weighted(self.rng, [("day", 85), ("month", 8), ("year", 4), ("approximate", 2),
                                        (None, 1 if may_be_undated else 0)])[0]
        if precision == "month":
            start = start.replace(day=1)
            end = max(end, (start + datetime.timedelta(days=31)).replace(day=1) - datetime.timedelta(days=1))
        elif precision == "year":
            start, end = start.replace(month=1, day=1), max(end, start.replace(month=12, day=31))
        elif precision is None:  # the record does not know when
            start = end = None
        return Event(
            slug=self.slug(noun, number), title=title, event_type=event_type, sub_event_type=sub_type,
            start_date=start, end_date=end, start_precision=precision or "", end_precision=precision or "",
            # As in the article ("the truce expired sometime in September"), without another draw of the seed.
            date_meaning="within" if precision == "month" else "lasted", parent=parent,
            status=status, summary=f"A synthetic {noun} (seed {self.seed}), not a real one.",
        )

    def write_participants(self, conflicts, battles):
        rows = []
        self.participants = {}
        for event in conflicts:
            self.add_participants(rows, event, ("side_a", "side_b"))
        for event in battles:
            self.add_participants(rows, event, event.roles)
        self.save(Participation, rows, "participations")

    def add_participants(self, rows, event, roles):
        rng, chosen = self.rng, []
        for role in roles:
            pool, weights = (self.targets, None) if role == "target" else (self.fighters, self.fighter_weights)
            actor = rng.choices(pool, cum_weights=weights)[0]
            if any(actor.pk == other.pk for other, _ in chosen):
                continue
            chosen.append((actor, role))
            rows.append(Participation(event=event, actor=actor, role=role,
                                      note="alleged" if role == "perpetrator" and rng.random() < 0.3 else ""))
        self.participants[event.pk] = [actor for actor, _ in chosen]

    def write_event_places(self, wars, campaigns, battles):
        rng, rows = self.rng, []
        for war in wars:
            rows.append(EventPlace(event=war, place=rng.choice(self.countries)))
        for campaign in campaigns:
            rows.append(EventPlace(event=campaign, place=rng.choice(self.regions)))
        for battle in battles:
            first = rng.choice(self.villages) if rng.random() < 0.8 else rng.choice(self.communes)
            rows.append(EventPlace(event=battle, place=first))
            if rng.random() < 0.1:
                second = rng.choice(self.villages)
                if second.pk != first.pk:
                    rows.append(EventPlace(event=battle, place=second))
        self.save(EventPlace, rows, "event places")

    # Claims ---------------------------------------------------------------------------

    def write_claims(self):
        """Questions (an event, a kind, a party), each answered by one to four claimants."""
        rng, target = self.rng, self.scaled("claims", 10)
        claims, restatements, number = [], [], 0
        while number < target:
            event = rng.choice(self.battles)
            kind, units, _ = weighted(rng, CLAIM_KINDS)
            sides = self.participants.get(event.pk) or [None]
            party = rng.choice(sides) if units else None
            unit = rng.choice(units) if units else ""
            base = max(1, round(rng.lognormvariate(2.5, 1.1)))
            voices = weighted(rng, [(1, 35), (2, 35), (3, 20), (4, 10)])[0]
            drawn = rng.choices(self.claimants, cum_weights=self.claimant_weights, k=voices)
            claimants = list({claimant.pk: claimant for claimant in drawn}.values())
            first = None
            for claimant in claimants[: target - number]:
                number += 1
                claim = self.claim(number, event, kind, unit, party, None if rng.random() < 0.1 else claimant, base)
                if first is not None and rng.random() < 0.08:
                    claim.restates_original = first
                    restatements.append(claim)
                else:
                    claims.append(claim)
                first = first or claim
        claims = self.save(Claim, claims, "claims")
        for claim in restatements:
            claim.restates_id = claim.restates_original.pk
        claims += self.save(Claim, restatements, "claims")
        self.write_citations(claims)

    def claim(self, number, event, kind, unit, party, claimant, base):
        rng = self.rng
        status, draft = self.status_and_word()
        low = high = None
        magnitude = ""
        if unit:
            qualifier = weighted(rng, FIGURE_QUALIFIERS)[0]
            figure = max(1, round(base * rng.uniform(0.6, 1.6)))
            low, high, wording = {
                Claim.Qualifier.EXACT: (figure, figure, f"{figure}"),
                Claim.Qualifier.ABOUT: (figure, figure, f"around {figure}"),
                Claim.Qualifier.AT_LEAST: (figure, None, f"{figure}+"),
                Claim.Qualifier.MORE_THAN: (figure, None, f"over {figure}"),
                Claim.Qualifier.AT_MOST: (None, figure, f"up to {figure}"),
                Claim.Qualifier.FEWER_THAN: (None, figure, f"fewer than {figure}"),
                Claim.Qualifier.VAGUE: (24, 99, "dozens"),
                Claim.Qualifier.BETWEEN: (figure, figure + rng.randint(1, figure + 5), None),
                Claim.Qualifier.UNKNOWN: (None, None, "an unknown number"),
            }[qualifier]
            wording = wording or f"{low} to {high}"
            if qualifier == Claim.Qualifier.VAGUE:
                magnitude = Claim.Magnitude.DOZENS
        else:
            qualifier, wording = Claim.Qualifier.NOT_A_FIGURE, f"Synthetic wording of claim {number}"
        assessment = weighted(rng, ASSESSMENTS)[0]
        actor = rng.choice(self.commanders) if kind == Claim.Kind.COMMANDER and self.commanders else None
        if kind == Claim.Kind.PERPETRATOR:
            actor = rng.choices(self.fighters, cum_weights=self.fighter_weights)[0]
        return Claim(
            slug=self.slug("claim", number), kind=kind, status=status,
            statement=f"Synthetic {draft}claim {number}: {kind.label.lower()}, {wording}",
            event=event, actor=actor, party=party, claimant=claimant, qualifier=qualifier,
            value_low=low, value_high=high, unit=unit, wording=wording, magnitude=magnitude, assessment=assessment,
            assessment_reason="A synthetic assessment." if assessment in (Claim.Assessment.DISCOUNTED, Claim.Assessment.CONTESTED) else "",
            place=rng.choice(self.villages) if rng.random() < 0.05 else None,
        )

    def write_citations(self, claims):
        rng, rows = self.rng, []
        for claim in claims:
            sources = rng.sample(self.published_sources, k=min(len(self.published_sources), 2 if rng.random() < 0.3 else 1))
            for source in sources:
                rows.append(Citation(claim=claim, source=source, locator=f"p. {rng.randint(1, 40)}",
                                     quote=f"Synthetic quotation for claim {claim.slug}."))
        self.save(Citation, rows, "citations")
