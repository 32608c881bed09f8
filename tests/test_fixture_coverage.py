"""The shipped fixture holds the whole article, statement by statement, and nothing the article does not say."""

import pytest
from django.core.management import call_command

from events.models import Actor, ActorRelation, Event, EventPlace, Participation, Place
from sources.models import Citation, Claim, Source
from tests import article_statements as article

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    call_command("loaddata", "menaka_clashes", verbosity=0)


def slug_of(row):
    return row.slug if row is not None else None


def observed_actor(expected):
    actor = Actor.objects.get(slug=expected.slug)
    return article.Actor(actor.slug, actor.name, actor.kind, actor.short_name)


def observed_relation(expected):
    relation = ActorRelation.objects.get_by_natural_key(expected.subject, expected.kind, expected.object)
    return article.Relation(relation.subject.slug, relation.kind, relation.object.slug)


def observed_place(expected):
    place = Place.objects.get(slug=expected.slug)
    return article.Place(
        place.slug, place.name, place.kind, slug_of(place.parent), tuple(place.alternate_name_list),
        place.coordinate_confidence,
        None if place.latitude is None else str(place.latitude),
        None if place.longitude is None else str(place.longitude),
        place.coordinate_source_url,
    )


def observed_event(expected):
    event = Event.objects.get(slug=expected.slug)
    return article.Event(
        event.slug, event.title, event.event_type, event.sub_event_type, event.start_date, event.end_date,
        "/".join(sorted({precision for precision in (event.start_precision, event.end_precision) if precision})),
        slug_of(event.parent),
        frozenset(event.event_places.values_list("place__slug", flat=True)),
        frozenset(event.participations.values_list("actor__slug", "role")),
        event.outcome,
        event.date_meaning,
        tuple(event.event_places.filter(position__isnull=False).order_by("position").values_list("place__slug", flat=True)),
        event.places_note,
    )


def observed_source(expected):
    source = Source.objects.get(slug=expected.slug)
    return article.Source(
        source.slug, source.title, source.kind, source.publisher, source.url, source.language,
        source.publication_date, source.access_date,
    )


def observed_claim(expected):
    claim = Claim.objects.get(slug=expected.slug)
    other_sources = claim.citations.exclude(source__slug=article.WIKIPEDIA).order_by("source__slug")
    return article.Claim(
        claim.slug, claim.kind, claim.wording, slug_of(claim.event), slug_of(claim.actor), slug_of(claim.party),
        slug_of(claim.place), slug_of(claim.claimant), claim.qualifier, claim.value_low, claim.value_high,
        claim.unit, claim.assessment, slug_of(claim.restates),
        tuple(other_sources.values_list("source__slug", flat=True)),
    )


OBSERVE = {
    article.Actor: observed_actor,
    article.Relation: observed_relation,
    article.Place: observed_place,
    article.Event: observed_event,
    article.Source: observed_source,
    article.Claim: observed_claim,
}


def listed(kind):
    return {record for statement in article.STATEMENTS for record in statement.records if type(record) is kind}


def claims_with_their_statement():
    for statement in article.STATEMENTS:
        for record in statement.records:
            if type(record) is article.Claim:
                yield record, statement


def test_every_statement_of_the_article_has_its_records(record):
    mismatches = []
    for statement in article.STATEMENTS:
        for expected in statement.records:
            try:
                observed = OBSERVE[type(expected)](expected)
            except (Actor.DoesNotExist, ActorRelation.DoesNotExist, Place.DoesNotExist, Event.DoesNotExist,
                    Source.DoesNotExist, Claim.DoesNotExist):
                observed = "missing"
            if observed != expected:
                mismatches.append({"statement": statement.text, "expected": expected, "found": observed})
    assert mismatches == []


def test_every_claim_cites_the_article_with_its_sentence_or_infobox_row(record):
    wrong = []
    for expected, statement in claims_with_their_statement():
        claim = Claim.objects.get(slug=expected.slug)
        citation = claim.citations.get(source__slug=article.WIKIPEDIA)
        if (citation.quote, citation.locator) != (statement.quote, statement.locator):
            wrong.append((claim.slug, citation.quote, citation.locator))
        if claim.wording not in statement.text:
            wrong.append((claim.slug, "wording not as printed", claim.wording))
        for other in claim.citations.exclude(source__slug=article.WIKIPEDIA):
            if (other.quote, other.locator) != ("", ""):
                wrong.append((claim.slug, "a quote we do not have", other.quote, other.locator))
    assert wrong == []


def test_every_claim_says_why_it_is_assessed_as_it_is(record):
    assert Claim.objects.count() == len(listed(article.Claim))
    assert list(Claim.objects.filter(assessment_reason="").values_list("slug", flat=True)) == []


def test_each_claim_belongs_to_one_statement():
    slugs = [claim.slug for claim, _ in claims_with_their_statement()]
    assert len(slugs) == len(set(slugs))


def test_the_fixture_holds_nothing_the_article_does_not_say(record):
    events, claims = listed(article.Event), listed(article.Claim)

    assert set(Actor.objects.values_list("slug", flat=True)) == {a.slug for a in listed(article.Actor)}
    assert set(ActorRelation.objects.values_list("subject__slug", "kind", "object__slug")) == {
        (r.subject, r.kind, r.object) for r in listed(article.Relation)
    }
    assert set(Place.objects.values_list("slug", flat=True)) == {p.slug for p in listed(article.Place)}
    assert set(Event.objects.values_list("slug", flat=True)) == {e.slug for e in events}
    assert set(EventPlace.objects.values_list("event__slug", "place__slug")) == {
        (e.slug, place) for e in events for place in e.places
    }
    assert set(Participation.objects.values_list("event__slug", "actor__slug", "role")) == {
        (e.slug, actor, role) for e in events for actor, role in e.participants
    }
    assert set(Source.objects.values_list("slug", flat=True)) == {s.slug for s in listed(article.Source)}
    assert set(Claim.objects.values_list("slug", flat=True)) == {c.slug for c in claims}
    assert set(Citation.objects.values_list("claim__slug", "source__slug")) == {
        (c.slug, source) for c in claims for source in (article.WIKIPEDIA, *c.also_cited_in)
    }


def test_every_point_on_the_map_carries_its_source_and_a_note_and_no_other_place_has_one(record):
    for place in Place.objects.all():
        if place.has_coordinates:
            assert (place.coordinate_source_url != "", place.coordinate_note != "") == (True, True), place.slug
        else:
            assert (place.coordinate_confidence, place.coordinate_source_url) == ("none", ""), place.slug
