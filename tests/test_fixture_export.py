"""`manage.py export_record` writes the curated record back out in the shipped fixture's format."""

import io
import json

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from events.models import Actor, ActorRelation, Event, EventPlace, Participation, Place, Status
from sources.models import Citation, Claim, Source
from tests.factories import make_claim, make_event, make_place

pytestmark = pytest.mark.django_db

SHIPPED = settings.BASE_DIR / "fixtures" / "menaka_clashes.json"
RECORD_MODELS = (Actor, ActorRelation, Place, Event, EventPlace, Participation, Source, Claim, Citation)


def export_to(path):
    call_command("export_record", output=str(path))
    return path.read_bytes()


def export_to_stdout():
    out = io.StringIO()
    call_command("export_record", stdout=out)
    return out.getvalue()


def test_exporting_a_fresh_load_reproduces_the_shipped_fixture_byte_for_byte(tmp_path):
    call_command("loaddata", "menaka_clashes", verbosity=0)

    assert export_to(tmp_path / "export.json") == SHIPPED.read_bytes()


def test_the_export_on_standard_output_is_the_same_fixture():
    call_command("loaddata", "menaka_clashes", verbosity=0)

    assert export_to_stdout() == SHIPPED.read_text(encoding="utf-8")


def test_the_export_uses_natural_keys_and_holds_the_record_models_without_their_history():
    call_command("loaddata", "menaka_clashes", verbosity=0)

    rows = json.loads(export_to_stdout())

    assert all("pk" not in row for row in rows)
    assert {row["model"] for row in rows} == {model._meta.label_lower for model in RECORD_MODELS}
    participation = next(row for row in rows if row["model"] == "events.participation")
    assert isinstance(participation["fields"]["event"], list)


def test_the_export_is_readable_utf8_indented_by_two_and_ends_with_a_newline(tmp_path):
    make_place(slug="menaka", name="Ménaka")

    text = export_to(tmp_path / "export.json").decode("utf-8")

    assert '"name": "Ménaka"' in text
    assert text.startswith('[\n{\n  "model": "events.place",\n  "fields": {\n    "slug": "menaka",')
    assert text.endswith("}\n]\n")


def test_a_change_made_by_an_editor_is_in_the_export_and_loads_into_a_new_database(tmp_path):
    call_command("loaddata", "menaka_clashes", verbosity=0)
    claim = Claim.objects.get(slug="clashes-killed-jnim-per-isgs")
    claim.assessment_reason = "Checked again: still no independent count."
    claim.save()

    exported = tmp_path / "curated.json"
    export_to(exported)
    for model in reversed(RECORD_MODELS):
        for row in model.objects.order_by("-pk"):
            row.delete()
    call_command("loaddata", str(exported), verbosity=0)

    assert Claim.objects.get(slug="clashes-killed-jnim-per-isgs").assessment_reason == (
        "Checked again: still no independent count."
    )
    assert export_to(tmp_path / "again.json") == exported.read_bytes()


def test_rows_come_after_the_rows_they_refer_to_whatever_order_they_were_made_in(tmp_path):
    battle = make_event(slug="a-battle")
    war = make_event(slug="z-war", event_type="conflict")
    battle.parent = war
    battle.save()
    later = make_claim(slug="a-restatement", event=battle)
    first = make_claim(slug="z-first-wording", event=battle)
    later.restates = first
    later.save()

    rows = json.loads(export_to_stdout())

    slugs = [row["fields"].get("slug") for row in rows]
    assert slugs.index("z-war") < slugs.index("a-battle")
    assert slugs.index("z-first-wording") < slugs.index("a-restatement")


def test_drafts_are_exported_as_drafts():
    make_place(slug="unreviewed-village", status=Status.DRAFT)

    rows = json.loads(export_to_stdout())

    assert rows == [row for row in rows if row["fields"]["slug"] == "unreviewed-village"]
    assert rows[0]["fields"]["status"] == "draft"


def test_events_that_are_part_of_each_other_in_a_circle_are_refused_by_name():
    first, second = make_event(slug="first-half"), make_event(slug="second-half")
    Event.objects.filter(pk=first.pk).update(parent=second)
    Event.objects.filter(pk=second.pk).update(parent=first)

    with pytest.raises(CommandError, match="first-half, second-half"):
        export_to_stdout()
