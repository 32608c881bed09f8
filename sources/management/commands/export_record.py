"""Write the curated record out as a fixture, in the shape of fixtures/menaka_clashes.json.

Editors curate in the admin; this is how what they curated becomes the data a fresh
install ships with. Loading the output and exporting again gives the same bytes.
"""

import datetime
from collections import defaultdict

from django.core import serializers
from django.core.management.base import BaseCommand, CommandError

from events.models import Actor, ActorRelation, Event, EventPlace, Participation, Place
from sources.models import Citation, Claim, Source


def by_natural_key(row):
    return row.natural_key()


def by_date_then_slug(event):
    return (event.start_date is None, event.start_date or datetime.date.min, event.slug)


# Every model in the order loaddata needs: a row only refers to rows above it. The third
# column names a model's reference to itself; its rows come after the row they point to.
RECORD = (
    (Actor, by_natural_key, None),
    (ActorRelation, by_natural_key, None),
    (Place, by_natural_key, "parent"),
    (Event, by_date_then_slug, "parent"),
    (EventPlace, by_natural_key, None),
    (Participation, by_natural_key, None),
    (Source, by_natural_key, None),
    (Claim, by_natural_key, "restates"),
    (Citation, by_natural_key, None),
)


def record_rows():
    for model, key, self_reference in RECORD:
        related = [field.name for field in model._meta.concrete_fields if field.is_relation]
        rows = list(model.objects.select_related(*related))
        if self_reference:
            yield from referenced_first(model, rows, self_reference, key)
        else:
            yield from sorted(rows, key=key)


def referenced_first(model, rows, field_name, key):
    """The rows sorted by key as a tree: each right after the row it refers to."""
    rows_pointing_at = defaultdict(list)
    for row in rows:
        rows_pointing_at[getattr(row, f"{field_name}_id")].append(row)

    ordered = []

    def add_rows_pointing_at(pk):
        for row in sorted(rows_pointing_at[pk], key=key):
            ordered.append(row)
            add_rows_pointing_at(row.pk)

    add_rows_pointing_at(None)
    if len(ordered) < len(rows):
        placed = {row.pk for row in ordered}
        cycle = sorted(row.slug for row in rows if row.pk not in placed)
        raise CommandError(
            f"These {model._meta.verbose_name_plural} refer to each other in a circle through "
            f"“{field_name}”, so no fixture can load them: {', '.join(cycle)}."
        )
    return ordered


class Command(BaseCommand):
    help = (
        "Writes the curated record (actors, places, events, sources, claims and the rows that link them, "
        "without their history) as a JSON fixture with natural keys, in a stable order."
    )

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", metavar="FILE", help="Write to FILE instead of standard output.")

    def handle(self, *args, output=None, **options):
        fixture = serializers.serialize(
            "json", record_rows(), indent=2, use_natural_foreign_keys=True, use_natural_primary_keys=True
        )
        if output:
            with open(output, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(fixture)
        else:
            self.stdout.write(fixture, ending="")
