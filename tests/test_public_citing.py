"""Citable pages: each entry page says which revision it shows, offers a citation, and every published
revision has a permanent address that keeps showing it."""

import re

import pytest
from django.urls import reverse

from events.models import Status
from tests.factories import make_actor, make_claim, make_event, make_place, make_source

pytestmark = pytest.mark.django_db

MAKERS = {"event": make_event, "actor": make_actor, "place": make_place, "source": make_source, "claim": make_claim}


def change(entry, reason="", **fields):
    for name, value in fields.items():
        setattr(entry, name, value)
    entry._change_reason = reason
    entry.save()
    return entry


def permalink_of(content):
    return re.search(r'Its permanent address keeps showing this version after later corrections: <a href="([^"]+)">', content).group(1)


@pytest.mark.parametrize("kind", MAKERS)
def test_an_entry_page_says_which_revision_it_shows_and_how_to_cite_it(client, kind):
    entry = MAKERS[kind](slug="haroum")
    revision = entry.history.latest()

    content = client.get(entry.get_absolute_url()).content.decode()

    assert f"This page shows revision {revision.history_id} of this {kind}" in content
    permalink = f"http://testserver{reverse(f'{kind}-revision', args=['haroum', revision.history_id])}"
    assert permalink_of(content) == permalink
    citation = re.search(r'<p class="citation">(.*?)</p>', content).group(1)
    assert f"revision {revision.history_id}" in citation and permalink in citation and "Retrieved " in citation
    bibtex = re.search(r'<pre class="bibtex">(.*?)</pre>', content, re.S).group(1)
    assert bibtex.startswith(f"@misc{{menaka-{kind}-haroum-{revision.history_id},")
    assert f"howpublished = {{\\url{{{permalink}}}}}" in bibtex


def test_bibtex_escapes_what_tex_would_read_as_commands(client):
    event = make_event(title="Raid & ambush: 100% {claimed} #1")
    bibtex = re.search(r'<pre class="bibtex">(.*?)</pre>', client.get(event.get_absolute_url()).content.decode(), re.S).group(1)
    assert r"title = {Raid \&amp; ambush: 100\% \{claimed\} \#1}" in bibtex


def test_a_revision_permalink_keeps_showing_the_old_text_after_a_correction(client):
    event = make_event(slug="haroum", title="Battle of Haroum", summary="Fighting near the river.")
    first = permalink_of(client.get(event.get_absolute_url()).content.decode())
    change(event, summary="Fighting at the river crossing, 7–10 December.", reason="More precise")

    old = client.get(first).content.decode()
    now = client.get(event.get_absolute_url()).content.decode()

    assert "Fighting near the river." in old and "page</a> shows a later version" in old
    assert "Fighting at the river crossing" in now
    assert permalink_of(now) != first


def test_only_published_revisions_have_a_permanent_address(client):
    event = make_event(slug="raid", title="Zqxdraftmarker working title", status=Status.DRAFT)
    draft_revision = event.history.latest()
    change(event, title="Raid on Tessit", status=Status.PUBLISHED)

    assert client.get(reverse("event-revision", args=["raid", draft_revision.history_id])).status_code == 404
    assert client.get(reverse("event-revision", args=["raid", 999999])).status_code == 404


def test_a_revision_names_only_published_entries(client):
    hidden = make_event(title="Zqxdraftmarker campaign", status=Status.DRAFT)
    event = make_event(slug="raid", parent=hidden)
    content = client.get(reverse("event-revision", args=["raid", event.history.latest().history_id])).content.decode()
    assert "Zqxdraftmarker" not in content
    assert "an entry that is not published" in content


def test_a_revision_address_follows_a_renamed_slug(client):
    event = make_event(slug="old-name")
    revision = event.history.latest().history_id
    change(event, slug="new-name")

    response = client.get(reverse("event-revision", args=["old-name", revision]))

    assert response.status_code == 301
    assert response["Location"] == reverse("event-revision", args=["new-name", revision])
    assert client.get(response["Location"]).status_code == 200


def test_a_draft_preview_offers_no_citation(admin_client):
    event = make_event(status=Status.DRAFT)
    assert "Cite this page" not in admin_client.get(event.get_absolute_url()).content.decode()
