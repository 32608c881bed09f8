"""Paging through an API list: next and previous links, a fixed unique order, a bounded page size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_actor, make_claim, make_event, make_place, make_source

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def events():
    """Events whose dates tie and are unknown, created out of date order."""
    dates = [D(2022, 12, 3), None, D(2022, 12, 3), D(2022, 1, 1), None, D(2022, 12, 5), D(2022, 12, 3)]
    made = [make_event(slug=f"event-{n}", start_date=date, end_date=date) for n, date in enumerate(dates)]
    by_date = sorted(made, key=lambda event: (event.start_date is None, event.start_date or D.min, event.pk))
    return [event.slug for event in by_date]


def follow(client, url, link="next"):
    pages = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        pages.append([row["slug"] for row in response.json()["results"]])
        url = response.json()[link]
    return pages


@pytest.mark.parametrize("page_size", [1, 2, 3, 7, 50])
def test_following_next_reaches_every_event_once_by_date_with_unknown_dates_last(client, events, page_size):
    pages = follow(client, f"/api/events/?page_size={page_size}")

    assert [slug for page in pages for slug in page] == events
    assert all(len(page) == page_size for page in pages[:-1])


@pytest.mark.parametrize("page_size", [1, 2, 3])
def test_following_previous_from_the_last_page_comes_back_through_the_same_pages(client, events, page_size):
    forward = follow(client, f"/api/events/?page_size={page_size}")
    last = client.get(f"/api/events/?page_size={page_size}")
    while last.json()["next"]:
        last = client.get(last.json()["next"])

    backward = follow(client, last.json()["previous"], link="previous") if last.json()["previous"] else []

    assert backward[::-1] == forward[:-1]


def test_the_first_page_has_no_previous_and_the_last_no_next(client, events):
    first = client.get("/api/events/?page_size=7").json()

    assert first["previous"] is None
    assert first["next"] is None
    assert len(first["results"]) == 7


def test_the_links_keep_the_filters_and_are_the_same_each_time(client, events):
    first = client.get("/api/events/", {"page_size": 2, "start": "2022-12-01"}).json()

    assert "start=2022-12-01" in first["next"] and "page_size=2" in first["next"]
    assert client.get("/api/events/", {"page_size": 2, "start": "2022-12-01"}).json()["next"] == first["next"]
    assert [row["slug"] for row in client.get(first["next"]).json()["results"]] == events[3:5]


def test_an_event_added_while_paging_is_neither_repeated_nor_skipped(client, events):
    first = client.get("/api/events/?page_size=3").json()
    make_event(slug="added-early", start_date=D(2021, 1, 1), end_date=D(2021, 1, 1))
    make_event(slug="added-late", start_date=D(2023, 1, 1), end_date=D(2023, 1, 1))

    rest = follow(client, first["next"])

    seen = [row["slug"] for row in first["results"]] + [slug for page in rest for slug in page]
    assert seen == events[:5] + ["added-late"] + events[5:]


def test_every_list_pages_in_a_unique_order(client):
    for n in range(5):
        make_actor(slug=f"same-name-{n}", name="Same name")
        make_claim(slug=f"claim-{n}")

    for name in ("actors", "claims", "events"):
        pages = follow(client, f"/api/{name}/?page_size=2")
        slugs = [slug for page in pages for slug in page]
        assert len(slugs) == len(set(slugs)) == 5, name


@pytest.mark.parametrize(("name", "make", "field", "table"), [
    ("actors", make_actor, "name", "events_actor"),
    ("places", make_place, "name", "events_place"),
    ("sources", make_source, "title", "sources_source"),
])
def test_the_lists_by_name_page_both_ways_in_the_order_of_their_index(client, name, make, field, table):
    for n in (3, 1, 4, 0, 2):
        make(slug=f"{name}-{n}", **{field: f"Name {n}"})
    ordered = [f"{name}-{n}" for n in range(5)]

    with CaptureQueriesContext(connection) as queries:
        client.get(f"/api/{name}/")
    first_page = next(query["sql"] for query in queries if query["sql"].startswith(f'SELECT "{table}"."id"'))
    forward = follow(client, f"/api/{name}/?page_size=2")
    last = client.get(f"/api/{name}/?page_size=2")
    while last.json()["next"]:
        last = client.get(last.json()["next"])
    backward = follow(client, last.json()["previous"], link="previous")

    assert forward == [ordered[0:2], ordered[2:4], ordered[4:]]
    assert backward == [ordered[2:4], ordered[0:2]]
    # A name or title is never unknown: ordered without "NULLS LAST", which SQLite meets by sorting every
    # published row for each page rather than reading the list's index in order.
    assert "NULLS" not in first_page
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {first_page}")
            plan = " / ".join(row[3] for row in cursor.fetchall())
        assert "TEMP B-TREE" not in plan, plan


def test_the_page_size_defaults_to_50_and_may_go_up_to_500(client):
    for n in range(51):
        make_actor(slug=f"actor-{n:02}")

    assert len(client.get("/api/actors/").json()["results"]) == 50
    assert len(client.get("/api/actors/?page_size=500").json()["results"]) == 51


def test_an_empty_page_size_or_cursor_is_not_given_as_with_the_filters(client, events):
    assert client.get("/api/events/", {"page_size": "", "cursor": ""}).json() == client.get("/api/events/").json()


@pytest.mark.parametrize("page_size", ["0", "-1", "501", "ten", "1.5", " 5", "99999999999999999999", "५"])
def test_a_page_size_out_of_bounds_is_a_400_naming_it(client, page_size):
    response = client.get("/api/actors/", {"page_size": page_size})

    assert response.status_code == 400
    assert response.json() == {"page_size": ["Enter a whole number from 1 to 500."]}


def test_a_cursor_the_list_did_not_give_out_is_a_400_naming_it(client, events):
    event_cursor = client.get("/api/events/?page_size=2").json()["next"].split("cursor=")[1].split("&")[0]
    make_actor()
    message = {"cursor": ["This cursor is not one this list gave out: follow the next and previous links."]}

    for cursor in ("garbage", "\x00", event_cursor[:-1] + "x", "W10:xyz"):
        response = client.get("/api/events/", {"cursor": cursor})
        assert response.status_code == 400, cursor
        assert response.json() == message
    response = client.get(f"/api/actors/?cursor={event_cursor}")
    assert (response.status_code, response.json()) == (400, message)
