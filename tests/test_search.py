"""Search across the record: /search/?q= finds published entries by a word of their name, alias or wording."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Event, Status
from tests.factories import make_actor, make_claim, make_event, make_place, make_source

pytestmark = pytest.mark.django_db

MARKER = "Zqxdraftmarker"


def search(client, q, **params):
    response = client.get(reverse("search"), {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


def result_links(content):
    """The addresses of the results, in the order shown."""
    lists = re.findall(r'<ol class="entry-list search-results">(.*?)</ol>', content, re.S)
    return [link for results in lists for link in re.findall(r'<li>\s*<a href="([^"]+)">', results)]


@pytest.fixture
def article():
    call_command("loaddata", "menaka_clashes", verbosity=0)


@pytest.mark.parametrize(
    "words, address",
    [
        ("Haroum", "/places/haroum/"),
        ("Ntillit", "/places/ntillit/"),  # an alternate spelling of N'Tillit
        ("Ménaka", "/places/menaka-region/"),
        ("Menaka", "/places/menaka-region/"),  # accents do not matter
        ("menaka region", "/places/menaka-region/"),
        ("Jama'at Nasr", "/actors/jnim/"),
        ("JNIM", "/actors/jnim/"),
        ("Ghali", "/actors/iyad-ag-ghali/"),
        ("Tadjalalt", "/events/battles-of-tadjalalt-and-haroum/"),
        ("seventy-three", "/claims/haroum-killed-isgs-per-jnim/"),
        ("Le Monde", "/sources/le-monde-report-of-a-tuareg-source/"),
    ],
)
def test_it_finds_each_kind_of_article_entry_by_a_word_of_its_name_alias_or_wording(client, article, words, address):
    assert address in result_links(search(client, words))


def test_it_groups_results_by_kind_with_counts_and_marks_the_matched_words(client, article):
    content = search(client, "Haroum")

    headings = re.findall(r'<h2 id="results-(\w+)">([^<]*)</h2>', content)
    kinds = [kind for kind, _ in headings]
    assert {"events", "places", "claims"} <= set(kinds)
    assert kinds == [kind for kind in ("events", "actors", "places", "sources", "claims") if kind in kinds]
    assert all(re.fullmatch(r"\w+ \(\d+\)", heading) for _, heading in headings)
    assert "<mark>Haroum</mark>" in content


def test_a_title_match_ranks_above_a_match_in_the_text(client):
    make_event(slug="raid-summary", title="Raid", summary="Fighters came from Tessit in the night.")
    make_event(slug="tessit-raid", title="Tessit raid", summary="A raid.")

    links = result_links(search(client, "Tessit"))

    assert links.index("/events/tessit-raid/") < links.index("/events/raid-summary/")


def test_words_match_from_their_start_and_every_word_must_match(client):
    make_event(slug="battles", title="Battles near the river")
    make_event(slug="river-crossing", title="River crossing")

    assert result_links(search(client, "battle")) == ["/events/battles/"]
    assert result_links(search(client, "battle river")) == ["/events/battles/"]
    assert sorted(result_links(search(client, "river"))) == ["/events/battles/", "/events/river-crossing/"]


def test_a_claim_result_names_its_claimant(client):
    isgs = make_actor(slug="isgs", name="Islamic State in the Greater Sahara", short_name="ISGS")
    make_claim(slug="isgs-100", statement="ISGS says it killed 100 fighters", claimant=isgs)

    content = search(client, "killed")

    assert re.search(r'Claimed by\s*<a href="/actors/isgs/">ISGS</a>', content)


@pytest.mark.parametrize("hidden", [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])
def test_an_entry_that_is_not_public_is_never_found(client, hidden):
    event = make_event(slug="public-battle", title="Public battle")
    make_event(title=f"{MARKER} raid", status=hidden)
    make_actor(name=f"{MARKER} militia", status=hidden)
    make_place(name=f"{MARKER} village", status=hidden)
    make_source(title=f"{MARKER} report", status=hidden)
    make_claim(statement=f"{MARKER} claim", event=event, status=hidden)
    # Published, but about a draft event: it would show the draft's title.
    make_claim(statement=f"{MARKER} about a draft", event=make_event(title="Secret", status=hidden))

    content = search(client, MARKER)

    assert result_links(content) == []
    assert f"Nothing in the published record matches “{MARKER}”" in content


def test_an_entry_leaves_the_results_when_it_is_withdrawn_and_comes_back_when_published(client):
    event = make_event(title="Capture of Fitili")
    assert result_links(search(client, "Fitili")) == [event.get_absolute_url()]

    event.status = Status.WITHDRAWN
    event.save()
    assert result_links(search(client, "Fitili")) == []

    event.status, event.title = Status.PUBLISHED, "Capture of the Fitili base"
    event.save()
    assert "<mark>Fitili</mark> base" in search(client, "Fitili")


def test_one_kind_is_paginated(client):
    for n in range(25):
        make_event(slug=f"skirmish-{n}", title=f"Skirmish {n}")

    everything = search(client, "skirmish")
    first = search(client, "skirmish", type="events")
    second = search(client, "skirmish", type="events", page=2)

    assert len(result_links(everything)) == 5
    assert "All 25 events matching" in everything
    assert len(result_links(first)) == 20 and "Page 1 of 2" in first
    assert len(result_links(second)) == 5
    assert set(result_links(first)).isdisjoint(result_links(second))


def test_the_index_is_rebuilt_for_rows_written_in_bulk(client):
    Event.objects.bulk_create([Event(slug="bulk", title="Bulk-loaded ambush", event_type="battles", status=Status.PUBLISHED)])
    assert result_links(search(client, "ambush")) == []

    call_command("rebuild_search_index", verbosity=0)

    assert result_links(search(client, "ambush")) == ["/events/bulk/"]


@pytest.mark.parametrize(
    "q",
    ['"', "AND OR NOT", "*", "NEAR(", "title:x", "'; DROP TABLE", "\x00", "a" * 5000, "🙂", "-", "^"],
)
def test_hostile_queries_answer_a_page_never_an_error(client, q):
    make_event(title="Battle of Haroum")
    response = client.get(reverse("search"), {"q": q})
    assert response.status_code == 200


def test_bad_parameters_are_form_errors(client):
    content = search(client, "Haroum", type="weapons", page="abc")
    assert "Select a valid choice" in content
    assert "Enter a whole number" in content


def test_every_page_has_the_search_box(client, article):
    for address in ("/", "/events/", "/claims/", "/actors/jnim/"):
        content = client.get(address).content.decode()
        assert 'action="/search/"' in content and 'name="q"' in content


def grow(n):
    actor = make_actor(name="Group")
    for i in range(n):
        event = make_event(title=f"Raid {i}", participants=[(actor, "side_a")])
        make_place(name=f"Raid village {i}")
        make_source(title=f"Raid report {i}")
        make_claim(statement=f"Raid claim {i}", event=event, claimant=actor, sources=[make_source()])


def test_queries_do_not_grow_with_the_record(client):
    grow(3)
    with CaptureQueriesContext(connection) as small:
        search(client, "raid")
    grow(30)
    with CaptureQueriesContext(connection) as large:
        search(client, "raid")
    assert len(large) == len(small)
