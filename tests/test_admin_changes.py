"""Changing entries in the admin: every change is recorded with its user and reason, and bad input is refused."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry

from events.models import Actor, ActorRelation, Event, Participation, Place, Status
from sources.models import Citation, Claim
from tests.admin_helpers import admin_url, error_messages, form_data, inline_prefix, make_editor
from tests.factories import make_actor, make_claim, make_event, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = make_editor(username="edna")
    client.force_login(user)
    return user


def post_change(client, obj, **changes):
    response = client.get(admin_url(obj, "change"))
    data = {**form_data(response), **changes}
    return client.post(admin_url(obj, "change"), data)


def test_changing_an_event_records_the_editor_and_the_reason(client, editor):
    event = make_event(title="Fighting at Ntillit", status=Status.DRAFT)

    response = post_change(client, event, title="Fighting at N'Tillit", reason="Spelling as in the article")

    assert response.status_code == 302
    latest = event.history.latest()
    assert latest.title == "Fighting at N'Tillit"
    assert latest.history_user == editor
    assert latest.history_change_reason == "Spelling as in the article"


def test_the_admin_log_names_the_fields_changed_not_the_reason(client, editor):
    event = make_event(title="Fighting at Ntillit", status=Status.DRAFT)

    post_change(client, event, title="Fighting at N'Tillit", reason="Spelling as in the article")

    message = LogEntry.objects.get(object_id=str(event.pk)).get_change_message()
    assert message == "Changed Title."


def test_the_change_form_asks_for_a_reason(client, editor):
    event = make_event(status=Status.DRAFT)

    response = client.get(admin_url(event, "change"))

    assert b"Reason for this change" in response.content


def test_a_published_entry_is_not_changed_without_a_reason(client, editor):
    actor = make_actor(name="Jama'at Nasr al-Islam wal Muslimin", status=Status.PUBLISHED)
    revisions_before = actor.history.count()

    response = post_change(client, actor, name="JNIM", reason="")

    assert response.status_code == 200
    assert "This entry is published: say why you change it, for the history." in error_messages(response)
    actor.refresh_from_db()
    assert actor.name == "Jama'at Nasr al-Islam wal Muslimin"
    assert actor.history.count() == revisions_before


def test_a_draft_is_changed_without_a_reason(client, editor):
    actor = make_actor(name="Malian Army", status=Status.DRAFT)

    response = post_change(client, actor, name="Malian Armed Forces", reason="")

    assert response.status_code == 302
    actor.refresh_from_db()
    assert actor.name == "Malian Armed Forces"


def test_a_change_to_a_participant_records_the_reason_on_the_participation(client, editor):
    jnim = make_actor(short_name="JNIM")
    event = make_event(status=Status.DRAFT, participants=[(jnim, Participation.Role.SIDE_A)])
    response = client.get(admin_url(event, "change"))
    prefix = inline_prefix(response, Participation)

    data = {**form_data(response), f"{prefix}-0-note": "attacked first", "reason": "The article says JNIM attacked"}
    response = client.post(admin_url(event, "change"), data)

    assert response.status_code == 302
    record = Participation.history.filter(event_id=event.pk).latest()
    assert record.note == "attacked first"
    assert record.history_user == editor
    assert record.history_change_reason == "The article says JNIM attacked"


def test_a_citation_added_to_a_claim_records_the_editor_and_the_reason(client, editor):
    claim = make_claim(status=Status.DRAFT)
    source = make_source(title="Le Monde report")
    response = client.get(admin_url(claim, "change"))
    prefix = inline_prefix(response, Citation)

    data = {
        **form_data(response),
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-0-source": str(source.pk),
        f"{prefix}-0-locator": "paragraph 4",
        "reason": "Le Monde carries it too",
    }
    response = client.post(admin_url(claim, "change"), data)

    assert response.status_code == 302
    citation = claim.citations.get()
    assert citation.source == source
    record = citation.history.latest()
    assert (record.history_user, record.history_change_reason) == (editor, "Le Monde carries it too")


def test_an_editor_adds_a_draft_event(client, editor):
    response = client.get(admin_url(Event, "add"))
    data = {
        **form_data(response),
        "title": "Skirmish near Inekar",
        "slug": "skirmish-near-inekar",
        "event_type": Event.Type.BATTLES,
        "status": Status.DRAFT,
        "start_date": "2022-12-01",
        "start_precision": Event.DatePrecision.MONTH,
        "end_date": "2022-12-31",
        "end_precision": Event.DatePrecision.MONTH,
        "reason": "Mentioned in the aftermath",
    }

    response = client.post(admin_url(Event, "add"), data)

    assert response.status_code == 302
    event = Event.objects.get(slug="skirmish-near-inekar")
    record = event.history.get()
    assert (record.history_user, record.history_change_reason) == (editor, "Mentioned in the aftermath")


def test_an_event_that_ends_before_it_starts_is_refused(client, editor):
    event = make_event(status=Status.DRAFT, start_date=datetime.date(2022, 12, 3), end_date=datetime.date(2022, 12, 10))

    response = post_change(client, event, end_date="2022-12-01")

    assert response.status_code == 200
    assert "The end date cannot be before the start date." in response.context["adminform"].form.errors["end_date"]
    event.refresh_from_db()
    assert event.end_date == datetime.date(2022, 12, 10)


def test_a_claim_with_bounds_reversed_is_refused(client, editor):
    claim = make_claim(status=Status.DRAFT)

    response = post_change(client, claim, qualifier=Claim.Qualifier.BETWEEN, value_low="80", value_high="70")

    assert response.status_code == 200
    assert "The upper bound cannot be below the lower bound." in response.context["adminform"].form.errors["value_high"]


def test_a_claim_about_nothing_is_refused(client, editor):
    claim = make_claim(status=Status.DRAFT)

    response = post_change(client, claim, event="")

    assert response.status_code == 200
    assert "A claim must be about an event or an actor." in response.context["adminform"].form.errors["event"]


def test_a_figure_that_does_not_fit_its_qualifier_is_refused(client, editor):
    claim = make_claim(status=Status.DRAFT)

    response = post_change(client, claim, qualifier=Claim.Qualifier.AT_LEAST, value_low="73", value_high="80")

    assert response.status_code == 200
    assert "“At least” takes a lower bound only." in response.context["adminform"].form.errors["qualifier"]


def test_a_place_with_half_its_coordinates_is_refused(client, editor):
    response = client.get(admin_url(Place, "add"))
    data = {
        **form_data(response),
        "name": "Tadjalalt",
        "slug": "tadjalalt",
        "kind": Place.Kind.VILLAGE,
        "status": Status.DRAFT,
        "latitude": "15.9",
        "coordinate_confidence": Place.CoordinateConfidence.LOW,
    }

    response = client.post(admin_url(Place, "add"), data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["longitude"] == ["Give both the latitude and the longitude, or neither."]
    assert not Place.objects.filter(slug="tadjalalt").exists()


def test_an_actor_related_to_itself_is_refused(client, editor):
    actor = make_actor(status=Status.DRAFT)
    response = client.get(admin_url(actor, "change"))
    prefix = inline_prefix(response, ActorRelation)
    data = {
        **form_data(response),
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-0-kind": ActorRelation.Kind.FIGHTS,
        f"{prefix}-0-object": str(actor.pk),
    }

    response = client.post(admin_url(actor, "change"), data)

    assert response.status_code == 200
    assert "An actor cannot be related to itself." in error_messages(response)
    assert not ActorRelation.objects.exists()


def test_a_duplicate_slug_is_refused(client, editor):
    make_actor(slug="isgs")
    actor = make_actor(slug="isgs-2", status=Status.DRAFT)

    response = post_change(client, actor, slug="isgs")

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["slug"]
    assert Actor.objects.filter(slug="isgs").count() == 1


def test_an_editor_adds_an_event_and_a_claim_about_it_in_one_form(client, editor):
    response = client.get(admin_url(Event, "add"))
    prefix = inline_prefix(response, Claim)
    data = {
        **form_data(response),
        "title": "Battle of Inekar",
        "slug": "battle-of-inekar",
        "event_type": Event.Type.BATTLES,
        "status": Status.DRAFT,
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-0-statement": "JNIM lost 12 fighters at Inekar",
        f"{prefix}-0-slug": "jnim-lost-12-fighters-at-inekar",
        f"{prefix}-0-kind": Claim.Kind.KILLED,
        f"{prefix}-0-wording": "12 fighters",
        f"{prefix}-0-status": Status.DRAFT,
    }

    response = client.post(admin_url(Event, "add"), data)

    assert response.status_code == 302
    assert Claim.objects.get(slug="jnim-lost-12-fighters-at-inekar").event.slug == "battle-of-inekar"
