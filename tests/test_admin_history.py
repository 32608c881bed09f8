"""The history page: who changed what, when and why, with each revision's changes, and restore."""

import pytest
from django.urls import reverse

from editorial.entry_admin import move_entry
from editorial.models import PendingChange
from events.models import Event, Participation, Status
from sources.models import Citation, Claim
from tests.admin_helpers import admin_url, form_data, inline_prefix, make_editor, make_reviewer, page_messages, revision_url
from tests.factories import make_actor, make_claim, make_event, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = make_editor(username="edna")
    client.force_login(user)
    return user


def post_change(client, obj, **changes):
    response = client.get(admin_url(obj, "change"))
    response = client.post(admin_url(obj, "change"), {**form_data(response), **changes})
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def first_revision(obj):
    return obj.history.earliest()


def test_the_history_page_lists_each_revision_with_its_user_reason_and_field_changes(client, editor):
    event = make_event(title="Battle of Tadjalalt", status=Status.DRAFT)
    post_change(client, event, title="Battle of Tadjalelt", event_type=Event.Type.STRATEGIC_DEVELOPMENTS, reason="Spelling")

    response = client.get(admin_url(event, "history"))

    content = response.content.decode()
    assert "Spelling" in content
    assert "edna" in content
    assert "<strong>Title:</strong> Battle of Tadjalalt → Battle of Tadjalelt" in content
    assert "<strong>Type:</strong> Battles → Strategic developments" in content


def test_the_event_history_shows_participants_added_and_removed(client, editor):
    jnim, isgs = make_actor(short_name="JNIM", name="JNIM"), make_actor(short_name="ISGS", name="ISGS")
    event = make_event(status=Status.DRAFT, participants=[(jnim, Participation.Role.SIDE_A)])
    response = client.get(admin_url(event, "change"))
    prefix = inline_prefix(response, Participation)
    data = {
        **form_data(response),
        f"{prefix}-0-DELETE": "on",
        f"{prefix}-TOTAL_FORMS": "2",
        f"{prefix}-1-actor": str(isgs.pk),
        f"{prefix}-1-role": Participation.Role.SIDE_B,
        "reason": "ISGS fought here, not JNIM",
    }
    client.post(admin_url(event, "change"), data)

    content = client.get(admin_url(event, "history")).content.decode()

    assert "<strong>Participants:</strong>" in content
    assert "added actor ISGS, role Side B" in content
    assert "removed actor JNIM, role Side A" in content


def test_the_claim_history_shows_a_citation_changed(client, editor):
    source = make_source(title="Wikipedia")
    claim = make_claim(status=Status.DRAFT)
    Citation.objects.create(claim=claim, source=source, locator="Infobox: Casualties1")
    # The citation was added after the claim's first revision: it belongs to the next one.
    post_change(client, claim, reason="Cited")
    response = client.get(admin_url(claim, "change"))
    prefix = inline_prefix(response, Citation)

    post_change(client, claim, **{f"{prefix}-0-locator": "Infobox: Casualties2", "reason": "Wrong row"})
    content = client.get(admin_url(claim, "history")).content.decode()

    assert "Locator: Infobox: Casualties1 → Infobox: Casualties2" in content


def test_a_revision_page_shows_the_participants_as_they_were(client, editor):
    jnim = make_actor(name="JNIM")
    event = make_event(status=Status.DRAFT, participants=[(jnim, Participation.Role.SIDE_A)])
    response = client.get(admin_url(event, "change"))
    prefix = inline_prefix(response, Participation)
    post_change(client, event, **{f"{prefix}-0-DELETE": "on", "reason": "Wrong"})

    content = client.get(revision_url(event, first_revision(event))).content.decode()

    assert "Participants as they were" in content
    assert "actor JNIM, role Side A" in content


def test_restoring_a_revision_saves_it_as_a_new_revision_and_keeps_the_later_ones(client, editor):
    event = make_event(title="Capture of Fitili", status=Status.DRAFT)
    post_change(client, event, title="Capture of the Fitili base", reason="More precise")
    post_change(client, event, title="Fitili", reason="Shorter")

    response = client.post(revision_url(event, first_revision(event)), {"confirmed": "yes"}, follow=True)

    event.refresh_from_db()
    assert event.title == "Capture of Fitili"
    titles = list(event.history.order_by("history_date").values_list("title", flat=True))
    assert titles == ["Capture of Fitili", "Capture of the Fitili base", "Fitili", "Capture of Fitili"]
    latest = event.history.latest()
    assert latest.history_user == editor
    assert latest.history_change_reason.startswith("Restored revision 1 (")
    assert any(message.startswith("Restored revision 1 (") for message in page_messages(response))


def test_restoring_a_revision_brings_back_a_removed_citation(client, editor):
    source = make_source(title="Le Monde")
    claim = make_claim(status=Status.DRAFT)
    Citation.objects.create(claim=claim, source=source, locator="paragraph 3")
    post_change(client, claim, reason="Cited")
    cited = claim.history.latest()
    response = client.get(admin_url(claim, "change"))
    post_change(client, claim, **{f"{inline_prefix(response, Citation)}-0-DELETE": "on", "reason": "Oops"})
    assert not claim.citations.exists()

    client.post(revision_url(claim, cited), {"confirmed": "yes"})

    citation = claim.citations.get()
    assert (citation.source, citation.locator) == (source, "paragraph 3")
    assert citation.history.latest().history_change_reason.startswith("Restored revision 2 (")


def test_an_editor_restoring_a_published_revision_keeps_the_current_status(client, editor):
    reviewer = make_reviewer()
    claim = make_claim(statement="ISGS killed 100 JNIM fighters", status=Status.PUBLISHED)
    claim.status, claim.statement = Status.DRAFT, "ISGS claims to have killed 100"
    claim._history_user = reviewer
    claim.save()

    response = client.post(revision_url(claim, first_revision(claim)), {"confirmed": "yes"}, follow=True)

    claim.refresh_from_db()
    assert (claim.statement, claim.status) == ("ISGS killed 100 JNIM fighters", Status.DRAFT)
    assert "The status is “Draft”." in page_messages(response)


def test_restoring_a_revision_that_no_longer_fits_says_why_and_changes_nothing(client, editor):
    claim = make_claim(slug="isgs-100", status=Status.DRAFT)
    post_change(client, claim, slug="isgs-killed-100", reason="Clearer slug")
    make_claim(slug="isgs-100")
    revisions_before = claim.history.count()

    response = client.post(revision_url(claim, first_revision(claim)), {"confirmed": "yes"}, follow=True)

    assert any(message.startswith("Revision 1 was not restored:") for message in page_messages(response))
    claim.refresh_from_db()
    assert claim.slug == "isgs-killed-100"
    assert claim.history.count() == revisions_before
    assert Claim.objects.filter(slug="isgs-100").count() == 1


def test_restore_asks_for_confirmation_and_shows_what_it_will_change(client, editor):
    event = make_event(title="Capture of Fitili", status=Status.DRAFT)
    post_change(client, event, title="Fitili", reason="Shorter")
    revisions_before = event.history.count()

    response = client.post(revision_url(event, first_revision(event)))

    content = response.content.decode()
    assert "What the restore will change" in content
    assert "Title:</strong> Fitili → Capture of Fitili" in content
    assert "The status stays “Draft”" in content
    event.refresh_from_db()
    assert event.title == "Fitili"
    assert event.history.count() == revisions_before


def test_a_reviewer_restoring_a_draft_revision_of_a_published_event_keeps_it_public(client):
    reviewer = make_reviewer()
    client.force_login(reviewer)
    event = make_event(slug="haroum", title="Battle of Haroum", status=Status.DRAFT)
    claim = make_claim(slug="isgs-100", event=event, status=Status.PUBLISHED)
    post_change(client, event, status=Status.PUBLISHED, title="Battle of Haroum (Ménaka)", reason="Reviewed")

    confirmation = client.post(revision_url(event, first_revision(event)))
    assert "Published (unchanged)" in confirmation.content.decode()
    client.post(revision_url(event, first_revision(event)), {"confirmed": "yes"})

    event.refresh_from_db()
    assert (event.title, event.status) == ("Battle of Haroum", Status.PUBLISHED)
    client.logout()
    assert client.get(event.get_absolute_url()).status_code == 200
    assert client.get(reverse("event-history", args=[event.slug])).status_code == 200
    assert client.get(claim.get_absolute_url()).status_code == 200


def test_a_reviewer_may_choose_another_status_on_the_confirmation_page(client):
    client.force_login(make_reviewer())
    event = make_event(title="Battle of Haroum", status=Status.DRAFT)
    post_change(client, event, status=Status.PUBLISHED, title="Battle of Haroum (Ménaka)", reason="Reviewed")

    client.post(revision_url(event, first_revision(event)), {"confirmed": "yes", "status": Status.WITHDRAWN})

    event.refresh_from_db()
    assert (event.title, event.status) == ("Battle of Haroum", Status.WITHDRAWN)


def test_an_editor_cannot_change_the_status_through_a_restore(client, editor):
    event = make_event(title="Battle of Haroum", status=Status.DRAFT)
    post_change(client, event, title="Battle of Haroum (Ménaka)", reason="Fuller name")
    move_entry(event, Status.PUBLISHED, "Reviewed", make_reviewer())

    client.post(revision_url(event, first_revision(event)), {"confirmed": "yes", "status": Status.DRAFT})
    client.force_login(make_reviewer())
    client.post(admin_url(event, "proposal", PendingChange.objects.get().pk), {"approve": "yes"})

    event.refresh_from_db()
    assert (event.title, event.status) == ("Battle of Haroum", Status.PUBLISHED)


LONG_SUMMARY = (
    "JNIM fighters attacked ISGS positions around Tadjalalt and Haroum in the early morning, and the fighting "
    "spread along the valley for several days while civilians fled towards Ménaka; both groups later claimed "
    "victory and published figures that no independent source has confirmed"
)


def test_a_long_text_change_shows_the_whole_text_with_the_changed_words_marked(client, editor):
    event = make_event(summary=LONG_SUMMARY, status=Status.DRAFT)
    changed = LONG_SUMMARY.replace("has confirmed", "has yet confirmed").replace("early morning", "morning")
    post_change(client, event, summary=changed, reason="Nuance")

    content = client.get(admin_url(event, "history")).content.decode()

    assert "no independent source has <ins>yet</ins> confirmed" in content
    assert "in the <del>early</del> morning" in content
    assert "…" not in content.split('id="change-history"', 1)[1]
    assert content.count("civilians fled towards Ménaka") == 2


def test_any_two_revisions_can_be_compared(client, editor):
    event = make_event(title="Capture of Fitili", summary="", status=Status.DRAFT)
    post_change(client, event, title="Capture of the Fitili base", reason="More precise")
    post_change(client, event, summary="ISGS took the base.", reason="Summary")
    first, latest = event.history.earliest(), event.history.latest()

    history = client.get(admin_url(event, "history")).content.decode()
    response = client.get(admin_url(event, "compare"), {"older": first.history_id, "newer": latest.history_id})

    assert 'name="older"' in history and 'name="newer"' in history
    content = response.content.decode()
    assert "Revisions 1 and 3 of event" in content
    assert "<strong>Title:</strong> Capture of Fitili → Capture of the Fitili base" in content
    assert "<strong>Summary:</strong> (empty) → ISGS took the base." in content


def test_comparing_a_revision_that_is_not_this_entrys_is_not_found(client, editor):
    event, other = make_event(status=Status.DRAFT), make_event(status=Status.DRAFT)

    response = client.get(
        admin_url(event, "compare"), {"older": other.history.get().history_id, "newer": event.history.get().history_id}
    )

    assert response.status_code == 404
