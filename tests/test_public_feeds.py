"""Following the record: /changes/, /changes.atom and every entry's history.atom, valid Atom named in page heads."""

import re

import feedparser
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Status
from tests.factories import make_actor, make_claim, make_event, make_place, make_source

pytestmark = pytest.mark.django_db

MARKER = "Zqxdraftmarker"
MAKERS = {"event": make_event, "actor": make_actor, "place": make_place, "source": make_source, "claim": make_claim}


def change(entry, reason="", **fields):
    for name, value in fields.items():
        setattr(entry, name, value)
    entry._change_reason = reason
    entry.save()
    return entry


def parsed(client, address):
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


@pytest.mark.parametrize("kind", MAKERS)
def test_each_entry_has_a_valid_atom_feed_of_its_corrections(client, kind):
    entry = MAKERS[kind](slug="haroum")
    change(entry, reason="Spelling checked against the gazetteer", **{"description" if kind in ("actor", "place") else "notes" if kind == "source" else "assessment_reason" if kind == "claim" else "summary": "Corrected text."})

    feed = parsed(client, reverse(f"{kind}-history-feed", args=["haroum"]))

    titles = [item.title for item in feed.entries]
    assert titles == [f"Corrected: {entry}", f"First published: {entry}"]
    newest = feed.entries[0]
    assert "Spelling checked against the gazetteer" in newest.summary
    assert "Corrected text." in newest.summary
    assert newest.link == f"http://testserver{reverse(f'{kind}-revision', args=['haroum', entry.history.latest().history_id])}"


def test_an_entry_feed_shows_no_draft_version_and_a_draft_has_no_feed(client):
    event = make_event(slug="raid", title="Raid", status=Status.DRAFT)
    change(event, title=f"{MARKER} working title")
    change(event, title="Raid on Tessit", status=Status.PUBLISHED)

    feed = parsed(client, reverse("event-history-feed", args=["raid"]))

    assert [item.title for item in feed.entries] == ["First published: Raid on Tessit"]
    assert MARKER not in client.get(reverse("event-history-feed", args=["raid"])).content.decode()
    make_event(slug="secret", status=Status.DRAFT)
    assert client.get(reverse("event-history-feed", args=["secret"])).status_code == 404


def test_a_renamed_entrys_old_feed_address_redirects(client):
    event = make_event(slug="old-name")
    change(event, slug="new-name")
    response = client.get("/events/old-name/history.atom")
    assert response.status_code == 301
    assert response["Location"] == "/events/new-name/history.atom"


def test_the_changes_feed_lists_published_versions_across_the_record_newest_first(client):
    event = make_event(title="Battle of Haroum")
    make_claim(statement="ISGS killed 100")
    change(event, summary="Fighting by the river.", reason="Added a summary")

    feed = parsed(client, reverse("changes-feed"))

    titles = [item.title for item in feed.entries]
    assert titles[0] == "Corrected: Battle of Haroum (event)"
    assert "First published: ISGS killed 100 (claim)" in titles
    assert "Added a summary" in feed.entries[0].summary


def test_the_changes_page_lists_the_same_and_pages_back_in_time(client):
    for n in range(30):
        make_event(slug=f"skirmish-{n}", title=f"Skirmish {n}")

    first = client.get(reverse("changes")).content.decode()
    older = re.search(r'<a href="\?before=([^"]+)" rel="next">Older changes</a>', first).group(1)
    second = client.get(f"{reverse('changes')}?before={older}").content.decode()

    shown = lambda content: re.findall(r'<a href="/events/(skirmish-\d+)/">', content)
    assert len(shown(first)) == 25 and len(shown(second)) == 5
    assert set(shown(first)).isdisjoint(shown(second))
    assert shown(first)[0] == "skirmish-29"


def test_pages_do_not_skip_versions_saved_at_the_same_moment(client):
    call_command("loaddata", "menaka_clashes", verbosity=0)
    seen, address = [], reverse("changes")
    while address:
        content = client.get(address).content.decode()
        seen += re.findall(r'<a href="(/[a-z]+/[^"/]+/history/\d+/)">This version</a>', content)
        found = re.search(r'<a href="(\?before=[^"]+)" rel="next">', content)
        address = f"{reverse('changes')}{found.group(1)}" if found else None
    assert len(seen) == len(set(seen)) == 73  # every entry of the article, first published once


def test_no_draft_reaches_the_changes(client):
    make_event(title=f"{MARKER} raid", status=Status.DRAFT)
    make_claim(statement=f"{MARKER} claim", event=make_event(title="Secret", status=Status.DRAFT))
    make_actor(name=f"{MARKER} militia", status=Status.REVIEW)
    make_event(title="Public battle")

    assert MARKER not in client.get(reverse("changes")).content.decode()
    assert MARKER not in client.get(reverse("changes-feed")).content.decode()


@pytest.mark.parametrize("before", ["garbage", "2022-01-01~weapons~1", "2022-01-01~event~x", "2022-01-01~event~1"])
def test_a_bad_cursor_is_an_error_on_the_page(client, before):
    response = client.get(reverse("changes"), {"before": before})
    assert response.status_code == 200
    assert "This is not an address of a page of changes." in response.content.decode()


def test_a_cursor_with_a_nul_byte_is_an_error_on_the_page(client):
    response = client.get(reverse("changes"), {"before": "2022\x00"})
    assert response.status_code == 200
    assert 'class="form-errors"' in response.content.decode()


def test_pages_name_their_feeds_in_the_head(client):
    event = make_event(slug="haroum")
    for address in (event.get_absolute_url(), reverse("event-history", args=["haroum"])):
        head = client.get(address).content.decode().split("</head>")[0]
        assert '<link rel="alternate" type="application/atom+xml" title="Changes to the Ménaka record" href="/changes.atom">' in head
        assert 'title="Corrections log of this entry" href="/events/haroum/history.atom"' in head
    assert "history.atom" not in client.get(reverse("event-list")).content.decode().split("</head>")[0]


def test_a_page_of_changes_costs_the_same_queries_however_large_the_record(client):
    for n in range(30):
        make_event(title=f"Raid {n}")
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("changes"))
    for n in range(90):
        make_event(title=f"More {n}")
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("changes"))
    assert len(large) == len(small)
