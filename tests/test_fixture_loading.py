"""`loaddata menaka_clashes` fills an empty database with the published record and its first revisions,
changes nothing when run again, and loads nothing at all from a broken fixture."""

import json
from collections import Counter

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from events.models import Actor, ActorRelation, Event, EventPlace, Participation, Place, Status
from sources.models import Citation, Claim, Source

pytestmark = pytest.mark.django_db

SHIPPED = settings.BASE_DIR / "fixtures" / "menaka_clashes.json"
CURATED = (Actor, Place, Event, Source, Claim)
RELATIONS = (ActorRelation, EventPlace, Participation, Citation)
IMPORTED = "Imported from fixture menaka_clashes"


def shipped_rows():
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


def counts():
    return {model._meta.label_lower: model.objects.count() for model in CURATED + RELATIONS}


def revision_counts():
    return {model._meta.label_lower: model.history.count() for model in CURATED + RELATIONS}


def load(label="menaka_clashes"):
    call_command("loaddata", label, verbosity=0)


def write_fixture(tmp_path, rows_or_text):
    path = tmp_path / "broken.json"
    text = rows_or_text if isinstance(rows_or_text, str) else json.dumps(rows_or_text, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def find(rows, model, **fields):
    return next(row for row in rows if row["model"] == model and all(row["fields"][k] == v for k, v in fields.items()))


def test_loading_into_an_empty_database_installs_every_object_of_the_fixture():
    assert set(counts().values()) == {0}
    shipped = Counter(row["model"] for row in shipped_rows())

    load()

    assert counts() == {label: shipped[label] for label in counts()}
    assert sum(counts().values()) == len(shipped_rows())


def test_everything_loaded_is_published():
    load()

    for model in CURATED:
        assert set(model.objects.values_list("status", flat=True)) == {Status.PUBLISHED}, model
    for model in RELATIONS:
        assert model.objects.published().count() == model.objects.count(), model


def test_every_loaded_row_has_exactly_one_revision_saying_it_was_imported_from_the_fixture():
    load()

    for model in CURATED + RELATIONS:
        revisions = model.history.all()
        assert sorted(revisions.values_list("id", flat=True)) == sorted(model.objects.values_list("pk", flat=True))
        assert set(revisions.values_list("history_type", "history_change_reason")) == {("+", IMPORTED)}, model


def test_loading_the_fixture_a_second_time_changes_nothing():
    load()
    rows_before = {model: list(model.objects.order_by("pk").values()) for model in CURATED + RELATIONS}
    revisions_before = revision_counts()

    load()

    assert {model: list(model.objects.order_by("pk").values()) for model in CURATED + RELATIONS} == rows_before
    assert revision_counts() == revisions_before


def test_the_command_reports_how_many_objects_it_installed(capsys):
    call_command("loaddata", "menaka_clashes")

    assert capsys.readouterr().out == f"Installed {len(shipped_rows())} object(s) from 1 fixture(s)\n"


def assert_nothing_was_loaded():
    assert set(counts().values()) == {0}
    assert set(revision_counts().values()) == {0}


def test_a_reference_to_an_unknown_natural_key_loads_nothing_and_names_the_object(tmp_path):
    rows = shipped_rows()
    find(rows, "events.participation", event=["capture-of-fitili-base"], actor=["jnim"])["fields"]["actor"] = ["nobody"]

    with pytest.raises(CommandError) as refusal:
        load(str(write_fixture(tmp_path, rows)))

    message = str(refusal.value)
    assert message.startswith("Nothing was loaded.")
    assert 'events.participation (event=["capture-of-fitili-base"], actor=["nobody"], role="side_a")' in message
    assert 'its actor ["nobody"] names no events.actor' in message
    assert_nothing_was_loaded()


def test_an_unknown_parent_is_named_even_though_loaddata_resolves_parents_last(tmp_path):
    rows = shipped_rows()
    find(rows, "events.event", slug="jnim-isgs-war")["fields"]["parent"] = ["no-such-war"]

    with pytest.raises(CommandError) as refusal:
        load(str(write_fixture(tmp_path, rows)))

    assert 'Could not load events.event "jnim-isgs-war": its parent ["no-such-war"] names no events.event' in str(
        refusal.value
    )
    assert_nothing_was_loaded()


def test_an_unknown_natural_key_is_named_as_missing_even_where_a_constraint_needs_the_reference(tmp_path):
    rows = shipped_rows()
    claim = next(row for row in rows if row["model"] == "sources.claim" and not row["fields"].get("actor"))
    claim["fields"]["event"] = ["no-such-event"]

    with pytest.raises(CommandError) as refusal:
        load(str(write_fixture(tmp_path, rows)))

    message = str(refusal.value)
    assert f'Could not load sources.claim "{claim["fields"]["slug"]}": its event ["no-such-event"] names no events.event' in message
    assert "CHECK constraint" not in message
    assert_nothing_was_loaded()


def test_broken_json_loads_nothing_and_says_where_it_breaks(tmp_path):
    text = SHIPPED.read_text(encoding="utf-8")
    broken = text.replace('"slug": "tessit",', '"slug": "tessit"', 1)
    line = broken[: broken.index('"slug": "tessit"')].count("\n") + 2
    path = write_fixture(tmp_path, broken)

    with pytest.raises(CommandError) as refusal:
        load(str(path))

    message = str(refusal.value)
    assert f"Problem installing fixture '{path}': not valid JSON: Expecting ',' delimiter: line {line}" in message
    assert_nothing_was_loaded()


def test_a_violated_constraint_loads_nothing_and_names_the_object_and_the_constraint(tmp_path):
    rows = shipped_rows()
    find(rows, "events.place", slug="tessit")["fields"]["coordinate_confidence"] = "none"

    with pytest.raises(CommandError) as refusal:
        load(str(write_fixture(tmp_path, rows)))

    message = str(refusal.value)
    assert 'Could not load events.place "tessit": ' in message
    assert "place_confidence_matches_coordinates" in message
    assert_nothing_was_loaded()


def test_a_broken_fixture_leaves_the_record_already_loaded_as_it_was(tmp_path):
    load()
    revisions_before = revision_counts()
    rows = shipped_rows()
    find(rows, "events.actor", slug="jnim")["fields"]["name"] = "A name nobody reviewed"
    find(rows, "sources.claim", slug="clashes-killed-isgs-per-jnim")["fields"]["value_high"] = 10

    with pytest.raises(CommandError, match='sources.claim "clashes-killed-isgs-per-jnim"'):
        load(str(write_fixture(tmp_path, rows)))

    assert Actor.objects.get(slug="jnim").name == "Jama'at Nasr al-Islam wal Muslimin"
    assert revision_counts() == revisions_before
