"""`manage.py synthesize` adds a large, realistic, clearly synthetic record, the same for a seed."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.models import Count

from events.models import Actor, ActorRelation, Event, EventPlace, Participation, Place, Status
from sources.models import Citation, Claim, Source

pytestmark = pytest.mark.django_db


def synthesize(events, seed):
    out = io.StringIO()
    call_command("synthesize", events=events, seed=seed, stdout=out)
    return out.getvalue()


def exported():
    out = io.StringIO()
    call_command("export_record", stdout=out)
    return out.getvalue()


def test_it_adds_the_events_asked_for_and_the_rest_in_the_benchmarks_proportions():
    output = synthesize(2000, seed=1)

    assert Event.objects.count() == 2000
    assert Actor.objects.count() == 40
    assert Place.objects.count() == 200
    assert Source.objects.count() == 20
    assert Claim.objects.count() == 1000
    assert "2,000 events" in output and "1,000 claims" in output
    assert Participation.objects.exists() and EventPlace.objects.exists() and Citation.objects.exists()


def test_the_same_seed_makes_the_same_record():
    with transaction.atomic():
        synthesize(300, seed=7)
        first = exported()
        transaction.set_rollback(True)
    assert not Event.objects.exists()

    synthesize(300, seed=7)

    assert exported() == first


def test_postgresql_plans_for_the_synthesized_rows_at_once_and_sqlite_keeps_planning_without_statistics():
    synthesize(300, seed=3)

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'events_event'")
            assert cursor.fetchone()[0] >= 300
        else:
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
            assert cursor.fetchone()[0] == 0


def test_another_seed_adds_beside_what_is_there_and_the_same_seed_is_refused():
    synthesize(100, seed=1)
    synthesize(100, seed=2)

    assert Event.objects.count() == 200
    assert Event.objects.filter(slug__startswith="synthetic-2-").count() == 100
    with pytest.raises(CommandError, match="already holds the synthetic record of seed 2"):
        synthesize(100, seed=2)
    assert Event.objects.count() == 200


def test_every_unpublished_entry_says_draft_in_its_title():
    synthesize(2000, seed=3)

    titles = {
        Event: "title", Actor: "name", Place: "name", Source: "title", Claim: "statement",
    }
    for model, field in titles.items():
        hidden = model.objects.exclude(status=Status.PUBLISHED)
        assert not hidden.exclude(**{f"{field}__contains": "draft"}).exists(), model
        assert not model.objects.published().filter(**{f"{field}__contains": "draft"}).exists(), model
    assert Event.objects.filter(status=Status.DRAFT).exists() and Event.objects.filter(status=Status.REVIEW).exists()
    assert Claim.objects.filter(status=Status.DRAFT).exists()


def test_the_record_has_the_shape_of_a_real_one():
    synthesize(2000, seed=4)

    wars = Event.objects.filter(parent__isnull=True)
    campaigns = Event.objects.filter(parent__in=wars)
    assert wars.count() >= 1 and campaigns.count() == 20
    largest = campaigns.annotate(parts=Count("children")).order_by("-parts").first()
    assert largest.parts >= 2000 // 20
    assert Place.objects.filter(kind="village", parent__kind="commune", parent__parent__kind="region",
                                parent__parent__parent__kind="country").exists()
    confidences = set(Place.objects.values_list("coordinate_confidence", flat=True))
    assert confidences == {"good", "representative", "low", "none"}
    for place in Place.objects.exclude(latitude=None):
        assert 11 <= place.latitude <= 20.5 and -6 <= place.longitude <= 5.5
    assert set(Claim.objects.values_list("qualifier", flat=True)) == set(Claim.Qualifier.values)
    assert set(Participation.objects.values_list("role", flat=True)) >= {"side_a", "side_b", "perpetrator", "target"}
    several_claimants = (
        Claim.objects.values("event", "kind", "party").annotate(voices=Count("claimant", distinct=True))
        .filter(voices__gte=2)
    )
    assert several_claimants.exists()
    assert Claim.objects.filter(restates__isnull=False).exists()


def test_every_row_has_a_first_revision_naming_the_seed():
    synthesize(100, seed=9)

    for model in (Event, Actor, ActorRelation, Place, Source, Claim, Participation, EventPlace, Citation):
        assert model.history.count() == model.objects.count(), model
        assert set(model.history.values_list("history_change_reason", flat=True)) == {"Synthetic record (seed 9)"}
