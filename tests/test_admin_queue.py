"""The admin's home page: the review queue, the record by status, one's own drafts, and recent changes."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from editorial.entry_admin import move_entry
from events.models import Event, Participation, Status
from sources.models import Claim
from tests.admin_helpers import admin_url, form_data, make_editor, make_reviewer, page_messages
from tests.factories import make_actor, make_claim, make_event, make_place, make_source

pytestmark = pytest.mark.django_db

HOME = reverse("admin:index")


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def queue_of(response):
    page = response.content.decode()
    return page.split('id="review-queue"', 1)[1].split("</table>", 1)[0]


def submit(entry, user, reason):
    move_entry(entry, Status.REVIEW, reason, user)


def test_the_queue_lists_an_entry_of_each_type_in_review_and_a_pending_change_oldest_first():
    edna = make_editor(username="edna")
    planted = [
        make_event(title="Zqx battle", status=Status.DRAFT),
        make_actor(name="Zqx militia", status=Status.DRAFT),
        make_place(name="Zqx village", status=Status.DRAFT),
        make_source(title="Zqx report", status=Status.DRAFT),
        make_claim(statement="Zqx claim", status=Status.DRAFT),
    ]
    for entry in planted:
        submit(entry, edna, f"Ready: {entry}")
    published = make_actor(name="Zqx published front")
    editor = logged_in(edna)
    editor.post(admin_url(published, "change"), {**form_data(editor.get(admin_url(published, "change"))), "name": "Zqx front", "reason": "Renamed"})
    make_event(title="Zqx forgotten draft", status=Status.DRAFT)

    queue = queue_of(logged_in(make_reviewer()).get(HOME))

    names = ["Zqx battle", "Zqx militia", "Zqx village", "Zqx report", "Zqx claim", "Zqx published front"]
    positions = [queue.index(name) for name in names]
    assert positions == sorted(positions), "the queue is not oldest first"
    for entry in planted:
        assert f"Ready: {entry}" in queue
        assert admin_url(entry, "history") in queue
    assert queue.count("edna") == 6
    assert "Pending change" in queue and "Renamed" in queue
    assert "Zqx forgotten draft" not in queue


def test_what_waits_for_review_is_not_public(client):
    edna = make_editor()
    entries = [make_event(status=Status.REVIEW), make_actor(status=Status.REVIEW), make_claim(status=Status.REVIEW)]
    for entry in entries:
        submit(entry, edna, "Ready")

    for entry in entries:
        assert client.get(entry.get_absolute_url()).status_code == 404
    for list_page in ("event-list", "actor-list", "claim-list"):
        page = client.get(reverse(list_page)).content.decode()
        assert not any(str(entry) in page for entry in entries)


def test_the_home_page_counts_entries_by_status_and_pending_changes():
    make_event(status=Status.DRAFT)
    make_event(status=Status.REVIEW)
    make_event(status=Status.PUBLISHED)

    page = logged_in(make_reviewer()).get(HOME).content.decode()

    counts = page.split('id="status-counts"', 1)[1].split("</table>", 1)[0]
    events_row = re.search(r'<tr><th scope="row"><a href="[^"]+">Events</a></th>(.*?)</tr>', counts).group(1)
    assert re.findall(r"<td>(\d+)</td>", events_row) == ["1", "1", "1", "0", "0"]


def test_the_home_page_lists_ones_own_drafts_and_not_another_editors():
    edna, omar = make_editor(username="edna"), make_editor(username="omar")
    mine, theirs = make_event(title="Edna's draft", status=Status.DRAFT), make_event(title="Omar's draft", status=Status.DRAFT)
    move_entry(mine, Status.DRAFT, "Started", edna)
    move_entry(theirs, Status.DRAFT, "Started", omar)

    page = logged_in(edna).get(HOME).content.decode()

    own = page.split('id="own-drafts"', 1)[1].split("</div>", 1)[0]
    assert "Edna&#x27;s draft" in own and "Omar" not in own


def test_the_home_page_shows_recent_changes_with_who_and_why():
    event = make_event(title="Battle of Haroum", status=Status.DRAFT)
    move_entry(event, Status.REVIEW, "Checked against the article", make_editor(username="edna"))

    page = logged_in(make_reviewer()).get(HOME).content.decode()

    recent = page.split('id="recent-changes"', 1)[1].split("</table>", 1)[0]
    assert "edna" in recent and "Checked against the article" in recent and "Battle of Haroum" in recent


@pytest.fixture
def event_with_drafts():
    jnim = make_actor(name="JNIM", status=Status.DRAFT)
    isgs = make_actor(name="ISGS")
    place = make_place(name="Haroum", status=Status.DRAFT)
    event = make_event(
        title="Battle of Haroum",
        status=Status.DRAFT,
        places=[place],
        participants=[(jnim, Participation.Role.SIDE_A), (isgs, Participation.Role.SIDE_B)],
    )
    claim = make_claim(event=event, statement="ISGS killed 100", status=Status.DRAFT)
    return event, [claim, jnim, place]


def test_submitting_an_event_takes_its_draft_claims_participants_and_places_along(event_with_drafts):
    event, drafts = event_with_drafts
    editor = logged_in(make_editor())

    response = editor.post(
        admin_url(Event, "changelist"),
        {"action": "submit_for_review", "_selected_action": [str(event.pk)], "index": "0"},
        follow=True,
    )

    assert any(message.startswith("1 event submitted for review, with 3 related") for message in page_messages(response))
    for entry in [event, *drafts]:
        entry.refresh_from_db()
        assert entry.status == Status.REVIEW


def test_a_reviewer_publishes_an_event_with_its_related_entries_from_the_queue(event_with_drafts):
    event, drafts = event_with_drafts
    for entry in [event, *drafts]:
        submit(entry, make_editor(), "Ready")
    reviewer = logged_in(make_reviewer())
    queue = queue_of(reviewer.get(HOME))
    assert "Publish with the 3 related" in queue

    reviewer.post(admin_url(event, "publish"), {"together": "yes"})

    for entry in [event, *drafts]:
        entry.refresh_from_db()
        assert entry.status == Status.PUBLISHED
    assert Client().get(drafts[0].get_absolute_url()).status_code == 200


def test_related_entries_published_from_the_french_admin_record_their_reason_in_english(event_with_drafts):
    event, drafts = event_with_drafts
    for entry in [event, *drafts]:
        submit(entry, make_editor(), "Ready")
    reviewer = logged_in(make_reviewer())

    reviewer.post("/fr" + admin_url(event, "publish"), {"together": "yes"})

    reasons = {entry.history.latest().history_change_reason for entry in drafts}
    assert reasons == {f"Published with event “{event}” (admin action)"}


def test_a_reviewer_publishes_one_entry_of_a_group_alone(event_with_drafts):
    event, drafts = event_with_drafts
    for entry in [event, *drafts]:
        submit(entry, make_editor(), "Ready")
    claim = drafts[0]

    logged_in(make_reviewer()).post(admin_url(claim, "publish"))

    claim.refresh_from_db()
    event.refresh_from_db()
    assert (claim.status, event.status) == (Status.PUBLISHED, Status.REVIEW)


def test_an_editor_cannot_publish_from_the_queue(event_with_drafts):
    event, drafts = event_with_drafts
    submit(event, make_editor(), "Ready")
    editor = logged_in(make_editor())

    assert "Publish" not in queue_of(editor.get(HOME)).replace("Published", "")
    assert editor.post(admin_url(event, "publish"), {"together": "yes"}).status_code == 403
    event.refresh_from_db()
    assert event.status == Status.REVIEW


def test_the_actor_autocomplete_puts_an_exact_short_name_first():
    make_actor(name="Anonymous Tuareg source", short_name="", description="Speaks of JNIM losses", kind="anonymous_source")
    jnim = make_actor(name="Jama'at Nasr al-Islam wal Muslimin", short_name="JNIM")
    editor = logged_in(make_editor())

    response = editor.get(
        reverse("admin:autocomplete"),
        {"term": "JNIM", "app_label": "sources", "model_name": "claim", "field_name": "claimant"},
    )

    results = response.json()["results"]
    assert results[0]["id"] == str(jnim.pk)
    assert len(results) == 2


def test_labels_read_as_an_editor_says_them():
    page = html.unescape(logged_in(make_editor()).get(admin_url(Event, "add")).content.decode())

    assert '"addText": "Add another participant"' in page
    assert '"addText": "Add another claim about this event"' in page


def test_the_claim_form_fills_the_slug_from_the_statement():
    page = html.unescape(logged_in(make_editor()).get(admin_url(Claim, "add")).content.decode())

    assert '"id": "#id_slug", "name": "slug", "dependency_ids": ["#id_statement"]' in page
