"""The record's invariants hold in the database itself, whatever path writes to it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from events.models import ActorRelation, Event, Place
from sources.models import Claim
from tests.factories import make_actor, make_claim, make_event, make_place, make_source

pytestmark = pytest.mark.django_db


def assert_refused_by_database(save):
    with pytest.raises(IntegrityError), transaction.atomic():
        save()


def test_an_event_cannot_end_before_it_starts():
    event = make_event(start_date=datetime.date(2022, 12, 3), end_date=datetime.date(2022, 12, 10))

    assert_refused_by_database(
        lambda: Event.objects.filter(pk=event.pk).update(end_date=datetime.date(2022, 12, 2))
    )
    event.refresh_from_db()
    assert event.end_date == datetime.date(2022, 12, 10)


def test_an_event_with_unknown_dates_is_allowed():
    event = make_event(start_date=None, end_date=None)

    assert Event.objects.get(pk=event.pk).start_date is None


def test_a_claim_lower_bound_cannot_exceed_its_upper_bound():
    assert_refused_by_database(
        lambda: make_claim(qualifier=Claim.Qualifier.BETWEEN, value_low=80, value_high=70, wording="70–80")
    )


def test_a_claim_must_be_about_an_event_or_an_actor():
    assert_refused_by_database(lambda: Claim.objects.create(slug="about-nothing", kind="killed", statement="?", wording="?"))


def test_a_claim_figure_must_fit_its_qualifier():
    assert_refused_by_database(lambda: make_claim(qualifier=Claim.Qualifier.AT_LEAST, value_low=73, value_high=80))
    assert_refused_by_database(lambda: make_claim(qualifier=Claim.Qualifier.UNKNOWN, value_low=5, value_high=5))


def test_an_unknown_figure_is_a_value_the_record_holds():
    claim = make_claim(kind=Claim.Kind.STRENGTH, qualifier=Claim.Qualifier.UNKNOWN, wording="Unknown")

    claim.refresh_from_db()
    assert (claim.qualifier, claim.value_low, claim.value_high) == ("unknown", None, None)


@pytest.mark.parametrize("make", [make_actor, make_place, make_event, make_source, make_claim])
def test_slugs_are_unique(make):
    make(slug="the-same-slug")

    assert_refused_by_database(lambda: make(slug="the-same-slug"))


def test_a_place_has_both_coordinates_or_none():
    assert_refused_by_database(lambda: make_place(latitude=15.2, coordinate_confidence="low"))


def test_a_place_without_coordinates_cannot_claim_a_confidence():
    assert_refused_by_database(lambda: make_place(coordinate_confidence=Place.CoordinateConfidence.GOOD))


def test_a_place_with_coordinates_must_say_how_sure_they_are():
    assert_refused_by_database(lambda: make_place(latitude=15.2, longitude=0.3, coordinate_confidence="none"))


def test_a_latitude_beyond_the_pole_is_refused():
    assert_refused_by_database(lambda: make_place(latitude=91, longitude=0, coordinate_confidence="low"))


def test_an_actor_cannot_be_related_to_itself():
    actor = make_actor()

    assert_refused_by_database(
        lambda: ActorRelation.objects.create(subject=actor, kind=ActorRelation.Kind.COMMANDS, object=actor)
    )


def test_full_clean_explains_reversed_bounds_as_a_field_error():
    claim = Claim(slug="reversed", kind="killed", statement="s", wording="w", event=make_event(),
                  qualifier="between", value_low=9, value_high=3)

    with pytest.raises(ValidationError) as refused:
        claim.full_clean()

    assert "value_high" in refused.value.message_dict


def test_full_clean_explains_a_claim_about_nothing():
    claim = Claim(slug="nothing", kind="occurred", statement="s", wording="w")

    with pytest.raises(ValidationError) as refused:
        claim.full_clean()

    assert refused.value.message_dict["event"] == ["A claim must be about an event or an actor."]
