"""Small builders for test data: each makes one valid row, published unless told otherwise."""

import datetime
import itertools

from django.contrib.auth import get_user_model

from events.models import Actor, ActorRelation, Event, EventPlace, Participation, Place, Status
from sources.models import Citation, Claim, Source

_numbers = itertools.count(1)


def _unique(prefix):
    return f"{prefix}-{next(_numbers)}"


def make_user(username=None, **fields):
    return get_user_model().objects.create_user(username=username or _unique("user"), password="a-long-test-password", **fields)


def make_actor(**fields):
    slug = fields.pop("slug", None) or _unique("actor")
    fields.setdefault("name", slug.replace("-", " ").title())
    fields.setdefault("kind", Actor.Kind.ARMED_GROUP)
    fields.setdefault("status", Status.PUBLISHED)
    return Actor.objects.create(slug=slug, **fields)


def make_place(**fields):
    slug = fields.pop("slug", None) or _unique("place")
    fields.setdefault("name", slug.replace("-", " ").title())
    fields.setdefault("kind", Place.Kind.VILLAGE)
    fields.setdefault("status", Status.PUBLISHED)
    return Place.objects.create(slug=slug, **fields)


def make_event(places=(), participants=(), precision=Event.DatePrecision.DAY, **fields):
    """participants: (actor, role) pairs; precision: that of each known end, unless start_/end_precision say."""
    slug = fields.pop("slug", None) or _unique("event")
    fields.setdefault("title", slug.replace("-", " ").title())
    fields.setdefault("event_type", Event.Type.BATTLES)
    fields.setdefault("start_date", datetime.date(2022, 12, 3))
    fields.setdefault("end_date", fields["start_date"])
    fields.setdefault("start_precision", precision if fields["start_date"] else "")
    fields.setdefault("end_precision", precision if fields["end_date"] else "")
    fields.setdefault("status", Status.PUBLISHED)
    event = Event.objects.create(slug=slug, **fields)
    for place in places:
        EventPlace.objects.create(event=event, place=place)
    for actor, role in participants:
        Participation.objects.create(event=event, actor=actor, role=role)
    return event


def make_relation(subject, kind, object, **fields):
    return ActorRelation.objects.create(subject=subject, kind=kind, object=object, **fields)


def make_source(**fields):
    slug = fields.pop("slug", None) or _unique("source")
    fields.setdefault("title", slug.replace("-", " ").title())
    fields.setdefault("kind", Source.Kind.NEWS_ARTICLE)
    fields.setdefault("status", Status.PUBLISHED)
    return Source.objects.create(slug=slug, **fields)


def make_claim(sources=(), **fields):
    """A claim of 10 people killed, exactly, about a new event unless told otherwise."""
    slug = fields.pop("slug", None) or _unique("claim")
    if "event" not in fields and "actor" not in fields:
        fields["event"] = make_event()
    fields.setdefault("kind", Claim.Kind.KILLED)
    fields.setdefault("statement", f"Claim {slug}")
    fields.setdefault("qualifier", Claim.Qualifier.EXACT)
    if fields["qualifier"] in (Claim.Qualifier.EXACT, Claim.Qualifier.ABOUT):
        fields.setdefault("value_low", 10)
        fields.setdefault("value_high", fields["value_low"])
    fields.setdefault("unit", Claim.Unit.PEOPLE)
    fields.setdefault("wording", "10")
    fields.setdefault("status", Status.PUBLISHED)
    claim = Claim.objects.create(slug=slug, **fields)
    for source in sources:
        make_citation(claim, source)
    return claim


def make_citation(claim, source, **fields):
    return Citation.objects.create(claim=claim, source=source, **fields)
