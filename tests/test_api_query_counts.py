"""An API answer's number of database queries does not grow with the record or with the rows it embeds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sources.models import Claim
from tests.factories import make_claim
from tests.test_public_query_counts import LARGE, SMALL, Record

pytestmark = pytest.mark.django_db


class APIRecord(Record):
    """The pages' growing record, with claims that restate one another and claims limited to a place."""

    def add_one(self, n):
        super().add_one(n)
        first = Claim.objects.order_by("pk").first()
        make_claim(event=self.battle, place=self.region, restates=first, wording=f"about {n}", value_low=n)


ANSWERS = {
    "event list": "/api/events/",
    "event list, filtered": "/api/events/?actor=group&place=region&start=2022-01-01",
    "event list, second page": "next of /api/events/?page_size=2",
    "event": "/api/events/battle/",
    "actor list": "/api/actors/",
    "actor list, filtered": "/api/actors/?q=rival&kind=armed_group",
    "actor": "/api/actors/group/",
    "place list": "/api/places/",
    "place list, filtered": "/api/places/?parent=region",
    "place": "/api/places/region/",
    "source list": "/api/sources/?q=report",
    "source": "first of /api/sources/",
    "claim list": "/api/claims/",
    "claim list, filtered": "/api/claims/?event=battle&kind=killed&party=group",
    "claim list, previous page": "previous of next of /api/claims/?page_size=3",
    "claim": "first of /api/claims/",
}


def resolve(client, address):
    """An address, or "next of", "previous of" or "first of" another answer."""
    link, _, rest = address.partition(" of ")
    if not rest:
        return address
    answer = client.get(resolve(client, rest)).json()
    return answer["results"][0]["api_url"] if link == "first" else answer[link]


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("answer", ANSWERS)
def test_the_answer_makes_as_many_queries_for_ten_times_the_data(client, answer):
    record = APIRecord()
    record.grow_to(SMALL)
    url = resolve(client, ANSWERS[answer])
    with_small_data = queries_for(client, url)

    record.grow_to(LARGE)

    assert queries_for(client, url) == with_small_data


def test_the_large_record_fills_the_answers_it_is_measured_on(client):
    APIRecord().grow_to(LARGE)

    assert len(client.get("/api/events/battle/").json()["participants"]) == LARGE + 1
    assert len(client.get("/api/actors/group/").json()["relations"]) == 2 * LARGE
    first_claim = client.get("/api/claims/").json()["results"][0]
    assert len(first_claim["restated_by"]) == LARGE
    assert len(client.get("/api/events/").json()["results"]) == LARGE + 2
    assert client.get("/api/claims/").json()["next"]
