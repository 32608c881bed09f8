"""The record's own claims CSV (what ``/claims.csv`` writes), read back: one claim per row, named by its slug.

The file names the entries a claim refers to as the export writes them: the event by its slug, the
party, actor and claimant by their label (short name, or name), the place by its name, the claim it
restates by its slug, its sources by their titles joined with " | ". Each must name an entry that is
in the record already (its slug works too): an import of claims creates claims and their citations,
nothing else. The columns the export derives from those entries (url, event_title, event_start,
event_end, event_start_precision, event_end_precision, event_date_meaning, source_urls) are not read, and neither is any column it does not know.
"""

import datetime

from events.models import Actor, Event, Place
from sources.models import Citation, Claim, Source
from sources.public import public_claims

from .base import Import, exported_text
from .names import NameIndex

# The file's column for each field of a claim, so that a refusal of the model names the column.
COLUMNS = {
    "slug": "claim",
    "statement": "statement",
    "event": "event",
    "kind": "kind",
    "party": "party",
    "actor": "actor",
    "place": "place",
    "qualifier": "qualifier",
    "value_low": "value_low",
    "value_high": "value_high",
    "unit": "unit",
    "wording": "original_wording",
    "claimant": "claimant",
    "assessment": "assessment",
    "assessment_reason": "assessment_reason",
    "restates": "same_allegation_as",
}
# Columns added to the export later: read when the file has them, and a file without them changes none of these.
LATER_COLUMNS = {
    "magnitude": "magnitude",
    "stated_on": "stated_on",
    "stated_on_precision": "stated_on_precision",
    "as_of": "as_of",
    "as_of_precision": "as_of_precision",
    "supersedes": "supersedes",
}
SOURCE_SEPARATOR = " | "


class ClaimsImport(Import):
    format_name = "claims"
    required_columns = tuple(COLUMNS.values()) + ("sources",)
    model = Claim

    def load(self, rows):
        self.actors = NameIndex(Actor.objects.all(), lambda actor: (actor.slug, actor.label, actor.name))
        self.places = NameIndex(Place.objects.all(), lambda place: (place.slug, place.name, *place.alternate_name_list))
        self.sources = NameIndex(Source.objects.all(), lambda source: (source.slug, source.title))
        slugs = [row["claim"] for row in rows]
        self.events = Event.objects.in_bulk({row["event"] for row in rows} - {""}, field_name="slug")
        self.existing = Claim.objects.in_bulk(set(slugs), field_name="slug")
        self.lines_of = {}
        for row in rows:
            self.lines_of.setdefault(row["claim"], []).append(row.line)
        self.saved = {}  # slug -> claim, as this import leaves it
        self.each_row(in_pointing_order(rows), self.import_row)

    def import_row(self, row):
        slug = row["claim"]
        if not slug:
            self.refuse(row, "claim", "every claim needs its slug")
        if self.lines_of[slug][0] != row.line:
            self.refuse(row, "claim", f"the claim “{slug}” is already on line {self.lines_of[slug][0]}")
        values = self.read_values(row)
        sources = self.read_sources(row)
        self.stop_if_bad(row)
        existing = self.existing.get(slug)
        if existing is not None and not values["restates"] and existing.restates_id:
            # The export leaves out a restated claim the public cannot see: an empty cell is no news about it.
            if not public_claims().filter(pk=existing.restates_id).exists():
                del values["restates"]
        claim, changed = self.prepare(Claim, existing, values, slug=slug)
        cited = set(claim.citations.values_list("source_id", flat=True)) if existing else set()
        new_sources = [source for source in sources if source.pk not in cited]
        row_changes = [f"citation of “{source.title}” added" for source in new_sources] if existing else []
        self.commit(row, claim, changed, COLUMNS | LATER_COLUMNS, row_changes, fallback_column="claim")
        for source in new_sources:
            self.add_row(row, Citation, {"source": "sources"}, "sources", claim=claim, source=source)
        self.saved[slug] = claim

    def read_values(self, row):
        later = {
            "magnitude": lambda: row["magnitude"],
            "stated_on": lambda: self.day(row, "stated_on"),
            "stated_on_precision": lambda: row["stated_on_precision"],
            "as_of": lambda: self.day(row, "as_of"),
            "as_of_precision": lambda: row["as_of_precision"],
            "supersedes": lambda: self.entry(row, "supersedes", self.superseded),
        }
        return self.first_values(row) | {field: read() for field, read in later.items() if field in row.values}

    def first_values(self, row):
        return {
            "statement": exported_text(row["statement"]),
            "event": self.entry(row, "event", self.event),
            "kind": row["kind"],
            "party": self.entry(row, "party", self.actor),
            "actor": self.entry(row, "actor", self.actor),
            "place": self.entry(row, "place", self.place),
            "qualifier": row["qualifier"],
            "value_low": self.number(row, "value_low"),
            "value_high": self.number(row, "value_high"),
            "unit": row["unit"],
            "wording": exported_text(row["original_wording"]),
            "claimant": self.entry(row, "claimant", self.actor),
            "assessment": row["assessment"] or Claim.Assessment.REPORTED,  # empty: the default a new claim gets
            "assessment_reason": exported_text(row["assessment_reason"]),
            "restates": self.entry(row, "same_allegation_as", self.restated),
        }

    def entry(self, row, column, find):
        text = exported_text(row[column])
        if not text:
            return None
        found, problem = find(text)
        if problem:
            row.problems.append((column, problem))
        return found

    def event(self, slug):
        event = self.events.get(slug)
        return (event, None) if event else (None, f"no event has the slug “{slug}”")

    def actor(self, label):
        return one_of(self.actors.find(label), "actor", label)

    def place(self, name):
        return one_of(self.places.find(name), "place", name)

    def restated(self, slug):
        return self.claim_named(slug, "it restates")

    def superseded(self, slug):
        return self.claim_named(slug, "it supersedes")

    def claim_named(self, slug, relation):
        """The claim a row points to: imported earlier in this run (rows are put after the rows they point to),
        else already in the record; a claim of the file that failed is reported, not taken from the record."""
        if slug in self.saved:
            return self.saved[slug], None
        if slug in self.lines_of:
            return None, (
                f"the claim “{slug}” {relation} (line {self.lines_of[slug][0]}) cannot be imported: see that line"
            )
        claim = Claim.objects.filter(slug=slug).first()
        return (claim, None) if claim else (None, f"no claim has the slug “{slug}”")

    def day(self, row, column):
        text = row[column]
        if not text:
            return None
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            row.problems.append((column, f"“{text}” is not a date written YYYY-MM-DD"))
            return None

    def number(self, row, column):
        text = row[column]
        if not text:
            return None
        if not text.isdigit():
            row.problems.append((column, f"“{text}” is not a whole number"))
            return None
        return int(text)

    def read_sources(self, row):
        titles = [title.strip() for title in exported_text(row["sources"]).split(SOURCE_SEPARATOR) if title.strip()]
        sources = []
        for title in titles:
            source, problem = one_of(self.sources.find(title), "source", title)
            if problem:
                row.problems.append(("sources", problem))
            elif source not in sources:
                sources.append(source)
        return sources


def one_of(matches, kind, name):
    if not matches:
        return None, f"no {kind} is called “{name}”"
    if len(matches) > 1:
        slugs = ", ".join(sorted(match.slug for match in matches))
        return None, f"“{name}” could be any of {len(matches)} {kind}s ({slugs}): give the slug"
    return matches[0], None


# The columns in which a row names another claim, which must then be imported first.
POINTING_COLUMNS = ("same_allegation_as", "supersedes")


def in_pointing_order(rows):
    """The rows with each claim after the claims of the file it restates or supersedes, so that it can point to
    them. A cycle is left in the file's order; the row that meets it is refused then, naming the line."""
    by_slug = {}
    for row in rows:
        by_slug.setdefault(row["claim"], row)
    ordered, placed, visiting = [], set(), set()

    def put(row):
        if id(row) in placed or id(row) in visiting:
            return
        visiting.add(id(row))
        for column in POINTING_COLUMNS:
            target = by_slug.get(exported_text(row[column]))
            if target is not None and target is not row:
                put(target)
        visiting.discard(id(row))
        placed.add(id(row))
        ordered.append(row)

    for row in rows:
        put(row)
    return ordered
