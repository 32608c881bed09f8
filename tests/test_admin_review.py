"""Changes to published entries: an editor's change waits for a reviewer, and the public sees the published version until then."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from editorial.models import PendingChange
from events.models import Participation, Status
from sources.models import Claim
from tests.admin_helpers import (
    admin_url,
    error_messages,
    form_data,
    inline_prefix,
    make_editor,
    make_reviewer,
    page_messages,
    revision_url,
)
from tests.factories import make_actor, make_claim, make_event

pytestmark = pytest.mark.django_db

MAIN_EVENT = "december-2022-menaka-region-clashes"


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor():
    return logged_in(make_editor(username="edna"))


@pytest.fixture
def reviewer():
    return logged_in(make_reviewer(username="rita"))


def open_form(client, obj):
    response = client.get(admin_url(obj, "change"))
    return response, form_data(response)


def propose(client, obj, **changes):
    _, data = open_form(client, obj)
    response = client.post(admin_url(obj, "change"), {**data, **changes})
    assert response.status_code == 302, error_messages(response)
    return PendingChange.objects.of(obj).latest("pk")


def approve(client, proposal):
    return client.post(admin_url(proposal.entry, "proposal", proposal.pk), {"approve": "yes"}, follow=True)


def reject(client, proposal, reason):
    return client.post(admin_url(proposal.entry, "proposal", proposal.pk), {"review_reason": reason}, follow=True)


def everything_public_about(claim):
    """What a reader gets from each public face that shows the claim's figure."""
    anonymous = Client()
    detail = anonymous.get(claim.get_absolute_url())
    assert detail.status_code == 200
    infobox = anonymous.get(reverse("overview")).content.decode().split('<aside class="infobox"', 1)[1]
    csv_file = b"".join(anonymous.get(reverse("claim-export")).streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(csv_file)))
    api = anonymous.get(f"/api/claims/{claim.slug}/").json()
    return {
        "detail": detail.content.decode(),
        "list": anonymous.get(reverse("claim-list")).content.decode(),
        "infobox": infobox.split("</aside>", 1)[0],
        "csv": next(row for row in rows if row["claim"] == claim.slug),
        "api": api,
        "acled": b"".join(anonymous.get("/data/acled.csv").streaming_content).decode("utf-8-sig"),
    }


@pytest.fixture
def published_figure():
    event = make_event(slug=MAIN_EVENT, title="December 2022 Ménaka region clashes")
    return make_claim(
        slug="isgs-killed", event=event, statement="ISGS killed JNIM fighters", value_low=173, wording="173 killed"
    )


def shows(public, figure):
    return (
        f"{figure} killed" in public["detail"]
        and f"{figure} killed" in public["list"]
        and f"{figure} killed" in public["infobox"]
        and public["csv"]["value_low"] == str(figure)
        and public["api"]["value_low"] == figure
        and f"{figure} killed" in public["acled"]
    )


def test_a_pending_change_to_a_published_figure_is_shown_nowhere_until_approved(editor, reviewer, published_figure):
    claim = published_figure
    revisions_before = claim.history.count()

    proposal = propose(editor, claim, value_low="137", value_high="137", wording="137 killed", reason="Typo: 137")

    public = everything_public_about(claim)
    assert shows(public, 173) and not any("137" in str(face) for face in public.values())
    assert claim.history.count() == revisions_before

    response = approve(reviewer, proposal)

    assert any(message.startswith("Approved: the change by edna is published now.") for message in page_messages(response))
    assert shows(everything_public_about(claim), 137)
    assert claim.history.count() == revisions_before + 1
    latest = claim.history.latest()
    assert latest.history_user.username == "rita"
    assert latest.history_change_reason == "Typo: 137 (proposed by edna)"
    proposal.refresh_from_db()
    assert (proposal.state, proposal.reviewer.username) == (PendingChange.State.APPROVED, "rita")


def test_a_rejected_change_leaves_the_published_figure_and_stays_in_the_history(editor, reviewer, published_figure):
    claim = published_figure
    revisions_before = claim.history.count()
    proposal = propose(editor, claim, value_low="137", value_high="137", wording="137 killed", reason="Typo: 137")

    reject(reviewer, proposal, "The article says 173")

    assert shows(everything_public_about(claim), 173)
    assert claim.history.count() == revisions_before
    history = reviewer.get(admin_url(claim, "history")).content.decode()
    assert "Rejected" in history and "The article says 173" in history and "Typo: 137" in history


def test_a_change_is_not_rejected_without_a_reason(editor, reviewer, published_figure):
    proposal = propose(editor, published_figure, wording="137 killed", reason="Typo")

    response = reject(reviewer, proposal, "  ")

    assert "Say why the change is rejected" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.state == PendingChange.State.PENDING


def test_the_pending_change_page_shows_what_it_changes_and_editors_cannot_approve_it(editor, published_figure):
    proposal = propose(editor, published_figure, wording="137 killed", reason="Typo")

    page = editor.get(admin_url(published_figure, "proposal", proposal.pk))
    refused = approve(editor, proposal)

    assert "<strong>Original wording:</strong> 173 killed → 137 killed" in page.content.decode()
    assert 'name="approve"' not in page.content.decode()
    assert refused.status_code == 403
    published_figure.refresh_from_db()
    assert published_figure.wording == "173 killed"


def test_a_participant_proposed_for_a_published_event_appears_only_once_approved(editor, reviewer):
    isgs = make_actor(name="Islamic State in the Greater Sahara")
    event = make_event(title="Battle of Haroum")
    response, data = open_form(editor, event)
    prefix = inline_prefix(response, Participation)
    data.update({f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-0-actor": str(isgs.pk), f"{prefix}-0-role": "side_b"})
    data["reason"] = "ISGS fought at Haroum"

    editor.post(admin_url(event, "change"), data)

    assert not event.participations.exists()
    assert isgs.name not in Client().get(event.get_absolute_url()).content.decode()
    approve(reviewer, PendingChange.objects.get())
    assert event.participations.get().actor == isgs
    assert isgs.name in Client().get(event.get_absolute_url()).content.decode()


def test_two_editors_at_once_one_pending_change_is_saved_and_the_other_refused_with_its_input(published_figure):
    ali, bea = logged_in(make_editor(username="ali")), logged_in(make_editor(username="bea"))
    _, ali_form = open_form(ali, published_figure)
    _, bea_form = open_form(bea, published_figure)

    ali.post(admin_url(published_figure, "change"), {**ali_form, "wording": "173 dead", "reason": "Closer wording"})
    response = bea.post(admin_url(published_figure, "change"), {**bea_form, "wording": "about 173", "reason": "Rounder"})

    assert response.status_code == 200
    errors = error_messages(response)
    assert errors[0].startswith("Someone else changed this claim since you opened it, or proposed a change to it")
    assert any(line.startswith("Proposed for review by ali on ") for line in errors)
    assert "Original wording: 173 killed → 173 dead" in errors
    assert response.context["adminform"].form["wording"].value() == "about 173"
    assert list(PendingChange.objects.values_list("author__username", flat=True)) == ["ali"]


def test_a_pending_change_whose_entry_changed_underneath_is_refused_on_approval(editor, reviewer, published_figure):
    proposal = propose(editor, published_figure, wording="137 killed", reason="Typo")
    _, data = open_form(reviewer, published_figure)
    reviewer.post(admin_url(published_figure, "change"), {**data, "statement": "ISGS says it killed JNIM fighters", "reason": "Attribution"})

    response = approve(reviewer, proposal)

    assert any(message.startswith("Not approved: the claim changed after this change was proposed") for message in page_messages(response))
    published_figure.refresh_from_db()
    assert (published_figure.statement, published_figure.wording) == ("ISGS says it killed JNIM fighters", "173 killed")
    proposal.refresh_from_db()
    assert proposal.state == PendingChange.State.PENDING


def test_an_editors_restore_of_a_published_entry_waits_for_review_and_the_public_keeps_the_published_one(editor, reviewer):
    event = make_event(slug="haroum", title="Battle of Haroum")
    claim = make_claim(event=event, statement="JNIM lost 40")
    _, data = open_form(reviewer, event)
    reviewer.post(admin_url(event, "change"), {**data, "title": "Battle of Haroum (Ménaka)", "reason": "Fuller name"})
    first = event.history.earliest()

    confirmation = editor.post(revision_url(event, first)).content.decode()
    editor.post(revision_url(event, first), {"confirmed": "yes"})

    assert "Title:</strong> Battle of Haroum (Ménaka) → Battle of Haroum" in confirmation
    assert "the restore goes to a reviewer as a pending change" in confirmation
    anonymous = Client()
    assert "Battle of Haroum (Ménaka)" in anonymous.get(event.get_absolute_url()).content.decode()
    assert anonymous.get(claim.get_absolute_url()).status_code == 200
    proposal = PendingChange.objects.get()
    assert proposal.kind == PendingChange.Kind.RESTORE

    approve(reviewer, proposal)

    event.refresh_from_db()
    assert (event.title, event.status) == ("Battle of Haroum", Status.PUBLISHED)
    page = anonymous.get(event.get_absolute_url())
    assert page.status_code == 200 and "Battle of Haroum (Ménaka)" not in page.content.decode()
    assert anonymous.get(claim.get_absolute_url()).status_code == 200
    assert event.history.latest().history_change_reason.startswith("Restored revision 1 (")


def test_a_reviewers_restore_of_a_published_entry_applies_at_once_and_keeps_it_public(reviewer):
    event = make_event(slug="haroum", title="Battle of Haroum")
    claim = make_claim(event=event)
    _, data = open_form(reviewer, event)
    reviewer.post(admin_url(event, "change"), {**data, "title": "Battle of Haroum (Ménaka)", "reason": "Fuller name"})

    reviewer.post(revision_url(event, event.history.earliest()), {"confirmed": "yes"})

    assert not PendingChange.objects.exists()
    page = Client().get(event.get_absolute_url())
    assert page.status_code == 200 and "<h1>Battle of Haroum</h1>" in page.content.decode()
    assert Client().get(claim.get_absolute_url()).status_code == 200


def test_the_change_form_of_a_published_entry_says_changes_go_to_review_and_lists_those_waiting(editor, published_figure):
    propose(editor, published_figure, wording="137 killed", reason="Typo")

    page = editor.get(admin_url(published_figure, "change")).content.decode()

    assert "your change goes to a reviewer" in page
    assert "Changes waiting for review" in page and "Typo" in page


def test_a_claim_is_not_discounted_without_a_reason(reviewer):
    claim = make_claim(status=Status.DRAFT)
    _, data = open_form(reviewer, claim)

    response = reviewer.post(
        admin_url(claim, "change"), {**data, "assessment": Claim.Assessment.DISCOUNTED, "assessment_reason": ""}
    )

    assert "Say why the claim is discounted: readers see this reason with it." in error_messages(response)
    claim.refresh_from_db()
    assert claim.assessment == Claim.Assessment.REPORTED


def test_staff_preview_a_pending_change_on_the_public_page_and_nothing_is_saved(editor):
    isgs = make_actor(name="Islamic State in the Greater Sahara")
    event = make_event(title="Battle of Haroum")
    response, data = open_form(editor, event)
    prefix = inline_prefix(response, Participation)
    data.update({f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-0-actor": str(isgs.pk), f"{prefix}-0-role": "side_b"})
    editor.post(admin_url(event, "change"), {**data, "title": "Battle of Haroum and Tadjalalt", "reason": "Fuller"})
    proposal = PendingChange.objects.get()
    revisions_before = event.history.count()

    proposal_page = editor.get(admin_url(event, "proposal", proposal.pk)).content.decode()
    preview = editor.get(admin_url(event, "preview", proposal.pk)).content.decode()

    assert admin_url(event, "preview", proposal.pk) in proposal_page
    assert "<h1>Battle of Haroum and Tadjalalt</h1>" in preview and isgs.name in preview
    event.refresh_from_db()
    assert (event.title, event.history.count(), event.participations.count()) == ("Battle of Haroum", revisions_before, 0)
    assert "Battle of Haroum and Tadjalalt" not in Client().get(event.get_absolute_url()).content.decode()
