"""The review workflow: editors write and submit, reviewers publish and withdraw, nothing published is deleted."""

import pytest

from editorial.models import PendingChange
from events.models import Event, Participation, Status
from sources.models import Claim
from tests.admin_helpers import (
    admin_url,
    error_messages,
    form_data,
    inline_prefix,
    make_editor,
    make_reviewer,
    page_messages,
)
from tests.factories import make_actor, make_claim, make_event

pytestmark = pytest.mark.django_db

REFUSED_STATUS = "Only reviewers can publish or withdraw an entry, or change the status of a published one."


@pytest.fixture
def editor(client):
    user = make_editor(username="edna")
    client.force_login(user)
    return user


@pytest.fixture
def reviewer(client):
    user = make_reviewer(username="rita")
    client.force_login(user)
    return user


def post_change(client, obj, **changes):
    response = client.get(admin_url(obj, "change"))
    return client.post(admin_url(obj, "change"), {**form_data(response), **changes})


def run_action(client, model, action, *objs):
    data = {"action": action, "_selected_action": [str(obj.pk) for obj in objs], "index": "0"}
    return client.post(admin_url(model, "changelist"), data, follow=True)


def test_an_editor_is_offered_draft_and_review_only(client, editor):
    event = make_event(status=Status.DRAFT)

    response = client.get(admin_url(event, "change"))

    assert b'<option value="review">In review</option>' in response.content
    assert b'<option value="published"' not in response.content
    assert b'<option value="withdrawn"' not in response.content


def test_an_editor_who_posts_published_by_hand_is_refused(client, editor):
    event = make_event(status=Status.REVIEW)
    revisions_before = event.history.count()

    response = post_change(client, event, status=Status.PUBLISHED, reason="Looks done")

    assert response.status_code == 200
    assert REFUSED_STATUS in error_messages(response)
    event.refresh_from_db()
    assert event.status == Status.REVIEW
    assert event.history.count() == revisions_before


def test_an_editor_cannot_take_a_published_entry_back_to_draft(client, editor):
    actor = make_actor(status=Status.PUBLISHED)

    response = post_change(client, actor, status=Status.DRAFT, reason="Needs work")

    assert REFUSED_STATUS in error_messages(response)
    actor.refresh_from_db()
    assert actor.status == Status.PUBLISHED


def test_an_editors_correction_of_a_published_entry_waits_for_review_and_the_entry_stays_published(client, editor):
    actor = make_actor(name="Islamic State Sahel", status=Status.PUBLISHED)

    response = post_change(client, actor, name="Islamic State in the Greater Sahara", reason="Name used in 2022")

    assert response.status_code == 302
    actor.refresh_from_db()
    assert (actor.name, actor.status) == ("Islamic State Sahel", Status.PUBLISHED)
    proposal = PendingChange.objects.get()
    assert (proposal.author, proposal.reason, proposal.state) == (editor, "Name used in 2022", "pending")

    client.force_login(make_reviewer())
    client.post(response.url, {"approve": "yes"})

    actor.refresh_from_db()
    assert (actor.name, actor.status) == ("Islamic State in the Greater Sahara", Status.PUBLISHED)


def test_an_editor_is_not_offered_the_publish_and_withdraw_actions(client, editor):
    make_event(status=Status.DRAFT)

    response = client.get(admin_url(Event, "changelist"))

    actions = dict(response.context["action_form"].fields["action"].choices)
    assert "submit_for_review" in actions
    assert "publish" not in actions
    assert "withdraw" not in actions


def test_an_editor_who_posts_the_publish_action_by_hand_changes_nothing(client, editor):
    draft = make_event(status=Status.DRAFT)
    revisions_before = draft.history.count()

    response = run_action(client, Event, "publish", draft)

    assert "No action selected." in page_messages(response)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert draft.history.count() == revisions_before


def test_an_editor_submits_drafts_for_review_and_history_names_the_action_and_the_editor(client, editor):
    first, second = make_claim(status=Status.DRAFT), make_claim(status=Status.DRAFT)

    response = run_action(client, Claim, "submit_for_review", first, second)

    assert "2 claims submitted for review." in page_messages(response)
    for claim in (first, second):
        claim.refresh_from_db()
        assert claim.status == Status.REVIEW
        record = claim.history.latest()
        assert (record.history_user, record.history_change_reason) == (editor, "Submitted for review (admin action)")


def test_an_action_leaves_entries_it_does_not_apply_to_and_says_so(client, editor):
    draft, published = make_event(status=Status.DRAFT), make_event(status=Status.PUBLISHED)

    response = run_action(client, Event, "submit_for_review", draft, published)

    assert "1 event submitted for review." in page_messages(response)
    assert "1 event left as they were: only entries that are draft can be submitted for review." in page_messages(response)
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED


def test_a_reviewer_publishes_with_the_action(client, reviewer):
    claim = make_claim(status=Status.REVIEW)

    response = run_action(client, Claim, "publish", claim)

    assert "1 claim published." in page_messages(response)
    claim.refresh_from_db()
    assert claim.status == Status.PUBLISHED
    record = claim.history.latest()
    assert (record.history_user, record.history_change_reason) == (reviewer, "Published (admin action)")


def test_the_withdraw_action_asks_for_a_reason_first(client, reviewer):
    claim = make_claim(status=Status.PUBLISHED)

    asked = run_action(client, Claim, "withdraw", claim)
    without_reason = client.post(
        admin_url(Claim, "changelist"),
        {"action": "withdraw", "_selected_action": [str(claim.pk)], "withdraw_reason": " "},
    )

    assert "Reason for withdrawing" in asked.content.decode()
    assert "Give a reason to withdraw." in without_reason.content.decode()
    claim.refresh_from_db()
    assert claim.status == Status.PUBLISHED


def test_a_reviewer_withdraws_with_the_action_and_a_reason(client, reviewer):
    claim = make_claim(status=Status.PUBLISHED)

    response = client.post(
        admin_url(Claim, "changelist"),
        {"action": "withdraw", "_selected_action": [str(claim.pk)], "withdraw_reason": "The source retracted it"},
        follow=True,
    )

    assert "1 claim withdrawn." in page_messages(response)
    claim.refresh_from_db()
    assert claim.status == Status.WITHDRAWN
    assert claim.history.latest().history_change_reason == "The source retracted it"


def test_withdrawing_with_the_form_needs_a_reason(client, reviewer):
    event = make_event(status=Status.REVIEW)

    response = post_change(client, event, status=Status.WITHDRAWN, reason="")

    assert "Say why the entry is withdrawn: the reason stays in its history." in error_messages(response)
    event.refresh_from_db()
    assert event.status == Status.REVIEW


def test_a_reviewer_publishes_with_the_form(client, reviewer):
    event = make_event(status=Status.REVIEW)

    response = post_change(client, event, status=Status.PUBLISHED, reason="Checked against the article")

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED
    assert event.history.latest().history_user == reviewer


def test_an_editor_deletes_a_draft_that_was_never_published(client, editor):
    draft = make_event(status=Status.DRAFT)

    response = client.post(admin_url(draft, "delete"), {"post": "yes"})

    assert response.status_code == 302
    assert not Event.objects.filter(pk=draft.pk).exists()


def test_nothing_published_is_deleted_by_an_editor(client, editor):
    claim = make_claim(status=Status.PUBLISHED)

    response = client.post(admin_url(claim, "delete"), {"post": "yes"})

    assert response.status_code == 403
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_an_entry_once_published_stays_even_when_back_in_draft(client, editor):
    claim = make_claim(status=Status.PUBLISHED)
    claim.status = Status.DRAFT
    claim.save()

    response = client.post(admin_url(claim, "delete"), {"post": "yes"})

    assert response.status_code == 403
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_a_reviewer_withdraws_rather_than_deletes(client, reviewer):
    event = make_event(status=Status.WITHDRAWN)

    response = client.get(admin_url(event, "change"))

    assert b'class="deletelink"' not in response.content
    assert client.post(admin_url(event, "delete"), {"post": "yes"}).status_code == 403


def test_the_bulk_delete_action_leaves_published_entries(client, editor):
    published = make_claim(status=Status.PUBLISHED)

    data = {"action": "delete_selected", "_selected_action": [str(published.pk)], "post": "yes"}
    client.post(admin_url(Claim, "changelist"), data)

    assert Claim.objects.filter(pk=published.pk).exists()


def test_an_editor_cannot_remove_a_participant_of_a_published_event(client, editor):
    jnim = make_actor(short_name="JNIM")
    event = make_event(status=Status.PUBLISHED, participants=[(jnim, Participation.Role.SIDE_A)])
    response = client.get(admin_url(event, "change"))
    prefix = inline_prefix(response, Participation)

    data = {**form_data(response), f"{prefix}-0-DELETE": "on", "reason": "Not a participant"}
    client.post(admin_url(event, "change"), data)

    assert event.participations.filter(actor=jnim).exists()


def test_a_reviewer_removes_a_participant_of_a_published_event(client, reviewer):
    jnim = make_actor(short_name="JNIM")
    event = make_event(status=Status.PUBLISHED, participants=[(jnim, Participation.Role.SIDE_A)])
    response = client.get(admin_url(event, "change"))
    prefix = inline_prefix(response, Participation)

    data = {**form_data(response), f"{prefix}-0-DELETE": "on", "reason": "Not a participant"}
    response = client.post(admin_url(event, "change"), data)

    assert response.status_code == 302
    assert not event.participations.exists()


def test_a_published_claim_is_not_deleted_from_its_event_page(client, reviewer):
    event = make_event(status=Status.DRAFT)
    claim = make_claim(event=event, status=Status.PUBLISHED)
    response = client.get(admin_url(event, "change"))
    prefix = inline_prefix(response, Claim)

    data = {**form_data(response), f"{prefix}-0-DELETE": "on"}
    response = client.post(admin_url(event, "change"), data)

    assert f"“{claim}” has been published, so it stays in the record: withdraw it instead." in error_messages(response)
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_an_editor_cannot_publish_a_claim_from_its_event_page(client, editor):
    event = make_event(status=Status.DRAFT)
    claim = make_claim(event=event, status=Status.REVIEW)
    response = client.get(admin_url(event, "change"))
    prefix = inline_prefix(response, Claim)

    data = {**form_data(response), f"{prefix}-0-status": Status.PUBLISHED}
    response = client.post(admin_url(event, "change"), data)

    assert REFUSED_STATUS in error_messages(response)
    claim.refresh_from_db()
    assert claim.status == Status.REVIEW


def test_an_editor_changes_a_published_claim_on_its_own_page_not_from_its_event_page(client, editor):
    event = make_event(status=Status.DRAFT)
    claim = make_claim(event=event, status=Status.PUBLISHED, wording="100")
    response = client.get(admin_url(event, "change"))
    prefix = inline_prefix(response, Claim)

    data = {**form_data(response), f"{prefix}-0-wording": "100 fighters", "reason": "Fuller wording"}
    response = client.post(admin_url(event, "change"), data)

    assert (
        f"“{claim}” is published: change it on its own page, where your change goes to a reviewer."
        in error_messages(response)
    )
    claim.refresh_from_db()
    assert claim.wording == "100"


def test_a_published_claim_changed_from_its_event_page_needs_a_reason(client, reviewer):
    event = make_event(status=Status.DRAFT)
    claim = make_claim(event=event, status=Status.PUBLISHED, wording="100")
    response = client.get(admin_url(event, "change"))
    prefix = inline_prefix(response, Claim)

    data = {**form_data(response), f"{prefix}-0-wording": "100 fighters"}
    response = client.post(admin_url(event, "change"), data)

    assert f"“{claim}” is published: give a reason for this change." in error_messages(response)
    claim.refresh_from_db()
    assert claim.wording == "100"
