"""Every curated entry keeps who changed it, when and why."""

import datetime
import json

import pytest
from django.core.management import call_command
from simple_history.utils import update_change_reason

from events.models import Actor, Event, Participation, Place
from editorial.revisions import RowSet, revisions_of
from sources.models import Citation, Claim, Source
from tests.factories import (
    make_actor,
    make_citation,
    make_claim,
    make_event,
    make_place,
    make_source,
    make_user,
)

pytestmark = pytest.mark.django_db

CITATIONS = RowSet(model=Citation, fk_name="claim", label="Citations")

CURATED = [
    (make_actor, "name"),
    (make_place, "name"),
    (make_event, "title"),
    (make_source, "title"),
    (make_claim, "statement"),
]


@pytest.mark.parametrize("make, text_field", CURATED)
def test_creating_and_changing_an_entry_records_user_and_reason(make, text_field):
    editor = make_user("editor")
    entry = make(status="draft")
    update_change_reason(entry, "First draft")

    entry._history_user = editor
    entry._change_reason = "Corrected the wording"
    setattr(entry, text_field, "Corrected")
    entry.save()

    latest, first = entry.history.all()[:2]
    assert (first.history_type, first.history_change_reason) == ("+", "First draft")
    assert (latest.history_type, latest.history_user, latest.history_change_reason) == (
        "~", editor, "Corrected the wording",
    )
    assert getattr(latest, text_field) == "Corrected"


def test_a_change_reason_can_be_longer_than_a_hundred_characters():
    actor = make_actor()
    reason = "Renamed after comparing the spelling used by three different outlets over several months. " * 3
    actor._change_reason = reason
    actor.save()

    assert actor.history.first().history_change_reason == reason


def test_a_revision_of_a_claim_shows_its_citations_as_they_were():
    wikipedia, le_monde = make_source(title="Wikipedia"), make_source(title="Le Monde")
    claim = make_claim(sources=[wikipedia])
    claim._change_reason = "Replaced the encyclopedia with the newspaper"
    claim.save()
    claim.citations.get().delete()
    make_citation(claim, le_monde, locator="p. 2")

    first, latest = revisions_of(claim, [CITATIONS])

    def cited(revision):
        return [(row.source.title, row.locator) for row in revision.rows[CITATIONS].values()]

    assert cited(first) == [("Wikipedia", "")]
    assert cited(latest) == [("Le Monde", "p. 2")]
    assert latest.reason == "Replaced the encyclopedia with the newspaper"


def test_participants_of_an_event_keep_their_own_history():
    event = make_event()
    jnim = make_actor(name="JNIM")
    participation = Participation.objects.create(event=event, actor=jnim, role="side_a")
    participation.role = "perpetrator"
    participation._change_reason = "The source says JNIM carried it out"
    participation.save()

    roles = [h.role for h in participation.history.order_by("history_id")]
    assert roles == ["side_a", "perpetrator"]


def test_a_bulk_load_leaves_a_first_revision_for_every_row(tmp_path):
    fixture = tmp_path / "tiny.json"
    fixture.write_text(json.dumps([
        {"model": "events.actor", "fields": {"slug": "jnim", "name": "JNIM", "kind": "armed_group", "status": "published"}},
        {"model": "events.event", "fields": {"slug": "clash", "title": "A clash", "event_type": "battles",
                                             "start_date": "2022-12-03", "start_precision": "day", "end_date": "2022-12-03",
                                             "end_precision": "day", "status": "published"}},
        {"model": "events.participation", "fields": {"event": ["clash"], "actor": ["jnim"], "role": "side_a"}},
    ]))

    call_command("loaddata", str(fixture), verbosity=0)

    for model in (Actor, Event, Participation):
        revisions = model.history.all()
        assert [(r.history_type, r.history_change_reason) for r in revisions] == [
            ("+", f"Imported from fixture {fixture}"),
        ]


def test_reloading_a_changed_fixture_records_what_changed(tmp_path):
    fixture = tmp_path / "actor.json"

    def write(name):
        fixture.write_text(json.dumps([
            {"model": "events.actor", "fields": {"slug": "isgs", "name": name, "kind": "armed_group", "status": "published"}},
        ]))

    write("Islamic State in the Greater Sahara")
    call_command("loaddata", str(fixture), verbosity=0)
    call_command("loaddata", str(fixture), verbosity=0)
    write("Islamic State – Sahel Province")
    call_command("loaddata", str(fixture), verbosity=0)

    revisions = Actor.objects.get(slug="isgs").history.order_by("history_id")
    assert [(r.history_type, r.name) for r in revisions] == [
        ("+", "Islamic State in the Greater Sahara"),
        ("~", "Islamic State – Sahel Province"),
    ]
    assert revisions.last().history_change_reason == f"Updated from fixture {fixture}"


def test_every_curated_and_relation_model_is_tracked():
    for model in (Actor, Place, Event, Participation, Source, Claim, Citation):
        assert hasattr(model, "history"), model


def test_history_keeps_dates_as_they_were():
    event = make_event(start_date=datetime.date(2022, 9, 1), end_date=datetime.date(2022, 9, 1))
    event.end_date = datetime.date(2022, 9, 30)
    event.start_precision = event.end_precision = Event.DatePrecision.MONTH
    event.date_meaning = Event.DateMeaning.WITHIN
    event.save()

    oldest = event.history.last()
    assert (oldest.end_date, oldest.start_precision, oldest.end_precision, oldest.date_meaning) == (
        datetime.date(2022, 9, 1), "day", "day", "lasted"
    )
