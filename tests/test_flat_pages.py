"""The pages whose work used to grow with the record: the same queries on a small and a larger synthetic
record, and what they keep once per version of the record is never stale.

The page cache is off, so that each request renders its page: only the counts, the search's ranking and
the charts' aggregates kept per version come from the cache, and a change to the record must show in
them on the very next request all the same.
"""

import html
import io
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from editorial.page_cache import record_changed
from events.charts import place_map as map_charts
from events.charts import timeline as timeline_charts
from events.models import Actor, Event, Place, Status
from tests.factories import make_event, make_place

pytestmark = pytest.mark.django_db

PAGES = {
    "overview": lambda: reverse("overview"),
    "timeline": lambda: reverse("timeline"),
    "map": lambda: reverse("map"),
    "search, a name": lambda: reverse("search") + "?q=Haroum",
    "search, a common word": lambda: reverse("search") + "?q=clash",
    "search, one kind": lambda: reverse("search") + "?q=clash&type=events&page=2",
    "figures": lambda: reverse("figures"),
    "actor page": lambda: Actor.objects.get(slug="jnim").get_absolute_url(),
}


@pytest.fixture
def reader():
    with override_settings(PAGE_CACHE_ENABLED=False):
        yield Client()


def located(name, latitude, longitude, **fields):
    return make_place(name=name, latitude=Decimal(latitude), longitude=Decimal(longitude),
                      coordinate_confidence=Place.CoordinateConfidence.GOOD, **fields)


def synthesize(events, seed):
    call_command("synthesize", events=events, seed=seed, stdout=io.StringIO())
    call_command("rebuild_search_index", stdout=io.StringIO())


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in queries]


def text_of(response):
    assert response.status_code == 200
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", response.content.decode())).split())


@pytest.mark.parametrize("page", PAGES)
def test_the_page_makes_as_many_queries_for_a_larger_synthetic_record(reader, monkeypatch, page):
    # Counted views, as at 100,000 events: the timeline by period, the map by square.
    monkeypatch.setattr(timeline_charts, "DETAIL_LIMIT", 5)
    monkeypatch.setattr(map_charts, "DETAIL_LIMIT", 5)
    call_command("loaddata", "menaka_clashes", verbosity=0)
    synthesize(60, seed=1)
    url = PAGES[page]()
    small = len(queries_for(reader, url))

    synthesize(400, seed=2)

    assert len(queries_for(reader, url)) == small


def test_the_synthetic_record_fills_the_pages_measured_on_it(reader, monkeypatch):
    monkeypatch.setattr(timeline_charts, "DETAIL_LIMIT", 5)
    monkeypatch.setattr(map_charts, "DETAIL_LIMIT", 5)
    call_command("loaddata", "menaka_clashes", verbosity=0)
    synthesize(400, seed=2)

    assert "timeline-counts" in reader.get(reverse("timeline")).content.decode()
    assert "map-cell" in reader.get(reverse("map")).content.decode()
    assert re.search(r"All [\d,]+ events matching", text_of(reader.get(reverse("search"), {"q": "clash"})))


def test_an_unchanged_record_is_not_ranked_or_counted_again(reader, monkeypatch):
    monkeypatch.setattr(timeline_charts, "DETAIL_LIMIT", 2)
    monkeypatch.setattr(map_charts, "DETAIL_LIMIT", 2)
    for day in range(1, 6):
        make_event(title=f"Clash at Inekar {day}", start_date=f"2022-0{day}-01",
                   places=[located(f"Inekar {day}", "15.1", f"1.{day}")])
    for url in (reverse("search") + "?q=clash", reverse("timeline"), reverse("map")):
        reader.get(url)

        again = " ".join(queries_for(reader, url)).upper()

        assert "MATCH" not in again and "@@" not in again, url
        assert "COUNT(" not in again and "UNION" not in again, url


def found(client, q):
    """The addresses of the results, in their order."""
    page = client.get(reverse("search"), {"q": q}).content.decode()
    return re.findall(r'<a href="(/(?:events|actors|places|sources|claims)/[^"/]+/)"', page[page.index("<main"):])


def test_a_search_follows_the_record_on_the_next_request(reader):
    first = make_event(title="Clash at Inekar")
    assert found(reader, "inekar") == [first.get_absolute_url()]

    second = make_event(title="Second clash at Inekar, Inekar")
    make_event(title="Drafted clash at Inekar", status=Status.DRAFT)
    # The title that says it twice ranks first.
    assert found(reader, "inekar") == [second.get_absolute_url(), first.get_absolute_url()]

    first.status = Status.WITHDRAWN
    first.save()
    assert found(reader, "inekar") == [second.get_absolute_url()]


def test_a_record_whose_events_all_began_on_one_day_draws_that_day(reader, monkeypatch):
    monkeypatch.setattr(timeline_charts, "DETAIL_LIMIT", 2)
    for number in range(4):
        make_event(title=f"Clash {number} at Inekar", start_date="2022-12-03")

    page = text_of(reader.get(reverse("timeline")))

    assert "Clash 0 at Inekar" in page and "Clash 1 at Inekar" in page and "Clash 3 at Inekar" not in page


def counted_bars(client):
    table = client.get(reverse("timeline")).content.decode()
    table = table[table.index("<table"):table.index("</table>")]
    return [int(count) for count in re.findall(r'<td data-label="Events">(\d+)</td>', table)]


def test_the_timelines_counts_follow_the_record_on_the_next_request_and_never_count_a_draft(reader, monkeypatch):
    monkeypatch.setattr(timeline_charts, "DETAIL_LIMIT", 2)
    for year in (2020, 2021, 2021):
        make_event(title=f"Clash of {year}", start_date=f"{year}-03-01")
    assert counted_bars(reader) == [1, 2]

    make_event(title="Clash of 2020, again", start_date="2020-05-01")
    make_event(title="Drafted clash", start_date="2020-06-01", status=Status.DRAFT)
    assert counted_bars(reader) == [2, 2]

    Event.objects.filter(title="Clash of 2020").update(status=Status.WITHDRAWN)
    record_changed()
    assert counted_bars(reader) == [1, 2]


def squares(client):
    """(address, places) of each counted square, as the reader sees them in the map's table."""
    page = client.get(reverse("map")).content.decode()
    table = page[page.index("<table"):page.index("</table>")]
    return sorted(re.findall(r'<th scope="row"><a href="([^"]+)">[^<]+</a></th>.*?<td data-label="Places">(\d+)</td>', table, re.S))


def test_the_maps_squares_follow_the_record_on_the_next_request_and_never_count_a_draft(reader, monkeypatch):
    monkeypatch.setattr(map_charts, "DETAIL_LIMIT", 2)
    located("Inekar", "15.1", "1.1")
    located("Tamalat", "15.1", "1.15")
    located("Menaka", "15.9", "2.4")
    before = squares(reader)
    assert sorted(places for _, places in before) == ["1", "2"]

    located("Anderamboukane", "15.9", "2.45")
    located("Drafted village", "15.9", "2.41", status=Status.DRAFT)

    after = squares(reader)
    assert [address for address, _ in after] == [address for address, _ in before]
    assert sorted(places for _, places in after) == ["2", "2"]
