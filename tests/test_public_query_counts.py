"""A page's number of database queries does not grow with the amount of data behind it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import ActorRelation, EventPlace, Participation, Place
from tests.factories import make_actor, make_claim, make_event, make_place, make_relation, make_source

pytestmark = pytest.mark.django_db

SMALL, LARGE = 3, 30


class Record:
    """A war, a battle in it, a group and a region, with more and more around them."""

    def __init__(self):
        self.war = make_event(slug="december-2022-menaka-region-clashes", title="War", event_type="conflict")
        self.region = make_place(slug="region", name="Region", kind=Place.Kind.REGION)
        self.group = make_actor(slug="group", name="Group")
        self.battle = make_event(
            slug="battle",
            title="Battle",
            parent=self.war,
            places=[self.region],
            participants=[(self.group, Participation.Role.SIDE_A)],
        )
        self.size = 0

    def grow_to(self, size):
        while self.size < size:
            self.size += 1
            self.add_one(self.size)

    def add_one(self, n):
        rival = make_actor(name=f"Rival {n}", aliases=f"Alias {n}")
        village = make_place(name=f"Village {n}", parent=self.region)
        make_event(
            title=f"Skirmish {n}",
            parent=self.battle,
            places=[self.region, village],
            participants=[(self.group, Participation.Role.SIDE_A), (rival, Participation.Role.SIDE_B)],
        )
        EventPlace.objects.create(event=self.battle, place=village)
        Participation.objects.create(event=self.battle, actor=rival, role=Participation.Role.SIDE_B)
        make_relation(rival, ActorRelation.Kind.ALLIED_WITH, self.group)
        make_relation(self.group, ActorRelation.Kind.FIGHTS, rival)
        source = make_source(title=f"Report {n}")
        self.first_source = getattr(self, "first_source", source)
        claim = make_claim(event=self.battle, party=self.group, claimant=rival, value_low=n, wording=str(n), sources=[source])
        self.first_claim = getattr(self, "first_claim", claim)
        make_claim(event=self.war, party=self.group, claimant=rival, value_low=n, wording=str(n), sources=[self.first_source])
        # A question of its own (the rival's dead), on the battle's page and on the group's, which names it the actor.
        make_claim(event=self.battle, party=rival, actor=self.group, claimant=self.group, value_low=n, wording=str(n))
        make_claim(
            actor=self.group, claimant=rival, kind="commander", qualifier="", wording=f"Commander {n}", sources=[source]
        )
        for entry, field in ((self.battle, "summary"), (self.group, "description"), (self.region, "description")):
            setattr(entry, field, f"Revision {n}")
            entry._change_reason = f"Correction {n}"
            entry.save()
        self.battle.parent = None if n % 2 else self.war
        self.battle.save()


PAGES = {
    "event list": lambda record: reverse("event-list"),
    "event list, filtered": lambda record: reverse("event-list") + "?actor=group&place=region&start=2022-01-01",
    "event list, page 2": lambda record: reverse("event-list") + "?page=last",
    "event page": lambda record: record.battle.get_absolute_url(),
    "event corrections log": lambda record: reverse("event-history", args=["battle"]),
    "event page, a war": lambda record: record.war.get_absolute_url(),
    "actor list": lambda record: reverse("actor-list"),
    "actor page": lambda record: record.group.get_absolute_url(),
    "actor corrections log": lambda record: reverse("actor-history", args=["group"]),
    "place list": lambda record: reverse("place-list"),
    "place page": lambda record: record.region.get_absolute_url(),
    "place corrections log": lambda record: reverse("place-history", args=["region"]),
    "event list, by a word of an actor's name": lambda record: reverse("event-list") + "?actor=1",
    "event list, parts of an event": lambda record: reverse("event-list") + "?part_of=battle",
    "place list, places within one": lambda record: reverse("place-list") + "?within=region",
    # The claims about events come first, then the others: each kind stays on its side of that line.
    "claim list, claims about events": lambda record: reverse("claim-list") + "?kind=killed",
    "claim list, claims about no event": lambda record: reverse("claim-list") + "?kind=commander",
    "claim list, filtered by typing": lambda record: reverse("claim-list") + "?claimant=1&party=group&event=battle",
    "claim list, one source": lambda record: reverse("claim-list") + f"?source={record.first_source.slug}",
    "claim page": lambda record: record.first_claim.get_absolute_url(),
    "source list": lambda record: reverse("source-list"),
    "source page": lambda record: record.first_source.get_absolute_url(),
    "overview": lambda record: reverse("overview"),
    "actor suggestions": lambda record: reverse("suggest-actors") + "?q=riv",
    "place suggestions": lambda record: reverse("suggest-places") + "?q=vil",
    "event suggestions": lambda record: reverse("suggest-events") + "?q=skir",
}


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("page", PAGES)
def test_the_page_makes_as_many_queries_for_ten_times_the_data(client, page):
    record = Record()
    record.grow_to(SMALL)
    url = PAGES[page](record)
    with_small_data = queries_for(client, url)

    record.grow_to(LARGE)

    assert queries_for(client, url) == with_small_data


def test_the_large_record_fills_the_pages_it_is_measured_on(client):
    record = Record()
    record.grow_to(LARGE)

    battle_page = client.get(record.battle.get_absolute_url()).content.decode()
    assert "Skirmish 30" in battle_page
    assert "Showing 10 of 31 questions" in battle_page
    # The group's own dead in the battle and in the war, and each rival's.
    assert "Showing 10 of 32 questions" in client.get(record.group.get_absolute_url()).content.decode()
    assert "Next page" in client.get(reverse("event-list")).content.decode()
    assert "Correction 30" in client.get(reverse("actor-history", args=["group"])).content.decode()
