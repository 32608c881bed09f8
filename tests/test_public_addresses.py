"""Addresses that stay: a renamed entry's old addresses answer 301, a withdrawn entry answers 410 with why."""

import pytest
from django.urls import reverse

from events.models import Status
from tests.factories import make_actor, make_claim, make_event, make_place, make_source

pytestmark = pytest.mark.django_db


def change(entry, reason="", **fields):
    for name, value in fields.items():
        setattr(entry, name, value)
    entry._change_reason = reason
    entry.save()
    return entry


MAKERS = {"event": make_event, "actor": make_actor, "place": make_place, "source": make_source, "claim": make_claim}


@pytest.mark.parametrize("kind", MAKERS)
def test_a_slug_renamed_after_publication_redirects_the_page_and_its_history(client, kind):
    entry = MAKERS[kind](slug="old-name")
    change(entry, slug="new-name", reason="A clearer address")

    for view in ("detail", "history"):
        response = client.get(reverse(f"{kind}-{view}", args=["old-name"]))
        assert response.status_code == 301
        assert response["Location"] == reverse(f"{kind}-{view}", args=["new-name"])
        assert client.get(response["Location"]).status_code == 200


API_LISTS = {"event": "events", "actor": "actors", "place": "places", "source": "sources", "claim": "claims"}


@pytest.mark.parametrize("kind", MAKERS)
def test_a_slug_renamed_after_publication_redirects_its_api_address(client, kind):
    entry = MAKERS[kind](slug="old-name")
    change(entry, slug="new-name", reason="A clearer address")

    response = client.get(f"/api/{API_LISTS[kind]}/old-name/?format=json")

    assert response.status_code == 301
    assert response["Location"] == f"/api/{API_LISTS[kind]}/new-name/?format=json"
    assert client.get(response["Location"]).json()["slug"] == "new-name"


def test_the_api_never_follows_a_draft_name_nor_redirects_to_a_draft(client):
    event = make_event(slug="secret-working-title", status=Status.DRAFT)
    change(event, slug="battle-of-haroum", status=Status.PUBLISHED)
    unpublished = make_event(slug="raid-old")
    change(unpublished, slug="raid-new", status=Status.DRAFT)

    for old in ("secret-working-title", "raid-old", "no-such-event"):
        response = client.get(f"/api/events/{old}/")
        assert response.status_code == 404, old
        assert response.json() == {"detail": "No published entry has this slug."}


def test_every_old_slug_keeps_redirecting_after_several_renames(client):
    event = make_event(slug="first")
    change(event, slug="second")
    change(event, slug="third")

    assert client.get("/events/first/")["Location"] == "/events/third/"
    assert client.get("/events/second/")["Location"] == "/events/third/"


def test_a_redirect_keeps_the_query_string(client):
    event = make_event(slug="old-name")
    change(event, slug="new-name")
    assert client.get("/events/old-name/?ref=feed")["Location"] == "/events/new-name/?ref=feed"


def test_a_slug_used_only_while_a_draft_is_never_followed(client):
    event = make_event(slug="secret-working-title", status=Status.DRAFT)
    change(event, slug="battle-of-haroum", status=Status.PUBLISHED)

    assert client.get("/events/secret-working-title/").status_code == 404


def test_an_unknown_slug_stays_not_found(client):
    assert client.get("/events/no-such-event/").status_code == 404
    assert client.get("/claims/no-such-claim/history/").status_code == 404


def test_a_draft_answers_not_found_not_gone(client):
    make_event(slug="draft-raid", status=Status.DRAFT)
    assert client.get("/events/draft-raid/").status_code == 404


@pytest.mark.parametrize("kind", MAKERS)
def test_a_withdrawn_entry_answers_gone_with_when_and_why(client, kind):
    entry = MAKERS[kind](slug="withdrawn-entry")
    change(entry, status=Status.WITHDRAWN, reason="A duplicate of another entry")

    for view in ("detail", "history"):
        response = client.get(reverse(f"{kind}-{view}", args=["withdrawn-entry"]))
        assert response.status_code == 410
        content = response.content.decode()
        assert f"Withdrawn: {entry}" in content
        assert "Why: A duplicate of another entry" in content
        assert "First published" in content  # its corrections log


def test_a_renamed_entry_that_was_then_withdrawn_answers_gone_at_its_old_address(client):
    claim = make_claim(slug="isgs-100", statement="ISGS killed 100")
    change(claim, slug="isgs-killed-100")
    change(claim, status=Status.WITHDRAWN, reason="Merged into another claim")

    response = client.get("/claims/isgs-100/")

    assert response.status_code == 410
    assert "Merged into another claim" in response.content.decode()


def test_the_gone_page_shows_only_published_versions(client):
    event = make_event(slug="raid", title="Raid", status=Status.DRAFT)
    change(event, title="Zqxdraftmarker working title")
    change(event, title="Raid on Tessit", status=Status.PUBLISHED, reason="Reviewed")
    change(event, status=Status.WITHDRAWN, reason="Not in any source")

    content = client.get("/events/raid/").content.decode()

    assert "Zqxdraftmarker" not in content
    assert "Raid on Tessit" in content
