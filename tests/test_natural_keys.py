"""Every curated entry and relation travels between databases by its slug, never its id."""

import io
import json

import pytest
from django.core.management import call_command

from events.models import Actor, ActorRelation, Event, EventPlace, Participation, Place
from sources.models import Citation, Claim, Source
from tests.factories import make_actor, make_claim, make_event, make_place, make_relation, make_source

pytestmark = pytest.mark.django_db

LABELS = [
    "events.actor", "events.actorrelation", "events.place", "events.event", "events.eventplace",
    "events.participation", "sources.source", "sources.claim", "sources.citation",
]
DELETION_ORDER = [Citation, Claim, Source, Participation, EventPlace, ActorRelation, Event, Place, Actor]


def dump():
    out = io.StringIO()
    call_command("dumpdata", *LABELS, natural_foreign=True, natural_primary=True, stdout=out)
    return json.loads(out.getvalue())


def make_a_small_record():
    mali = make_place(slug="mali", kind="country", latitude="17.00000", longitude="-4.00000",
                      coordinate_confidence="representative")
    village = make_place(slug="ntillit", parent=mali, alternate_names="Ntillit\nN'Tilit")
    jnim, leader = make_actor(slug="jnim"), make_actor(slug="leader", kind="person")
    make_relation(leader, "commands", jnim)
    war = make_event(slug="war", event_type="conflict", start_date=None, end_date=None)
    clash = make_event(slug="clash", parent=war, places=[village], participants=[(jnim, "side_a")])
    first = make_claim(slug="first", event=clash, party=jnim, claimant=leader, sources=[make_source(slug="wiki")])
    make_claim(slug="second", event=clash, restates=first, qualifier="at_least", value_low=73, wording="73+")


def load(rows, tmp_path):
    fixture = tmp_path / "dump.json"
    fixture.write_text(json.dumps(rows))
    call_command("loaddata", str(fixture), verbosity=0)


def test_every_curated_model_round_trips_through_natural_keys(tmp_path):
    make_a_small_record()
    before = dump()
    assert all("pk" not in row for row in before)

    for model in DELETION_ORDER:
        for row in model.objects.order_by("-pk"):  # children before the parents they protect
            row.delete()
    load(before, tmp_path)

    assert dump() == before
    assert Claim.objects.get(slug="second").restates.slug == "first"
    assert Place.objects.get(slug="ntillit").parent.slug == "mali"


def test_loading_the_same_dump_twice_adds_nothing(tmp_path):
    make_a_small_record()
    rows = dump()
    counts = [model.objects.count() for model in DELETION_ORDER]

    load(rows, tmp_path)

    assert [model.objects.count() for model in DELETION_ORDER] == counts
