"""Draft isolation: entries that are not published appear on no public page of events, actors or places."""

import pytest
from django.urls import reverse

from events.models import ActorRelation, EventPlace, Participation, Status
from tests.factories import make_actor, make_event, make_place, make_relation

pytestmark = pytest.mark.django_db

MARKER = "Zqxdraftmarker"


@pytest.fixture(params=[Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])
def record_with_hidden_entries(request):
    """A published event, actor and place, each tied to an unpublished twin whose names carry the marker."""
    hidden = request.param
    region = make_place(slug="menaka-region", name="Ménaka Region")
    actor = make_actor(slug="jnim", name="JNIM")
    parent = make_event(slug="clashes", title="Clashes", places=[region], participants=[(actor, Participation.Role.SIDE_A)])

    hidden_place = make_place(slug="hidden-place", name=f"{MARKER} Village", parent=region, status=hidden)
    hidden_actor = make_actor(slug="hidden-actor", name=f"{MARKER} Militia", aliases=f"{MARKER} alias", status=hidden)
    hidden_event = make_event(
        slug="hidden-event",
        title=f"{MARKER} Raid",
        summary=MARKER,
        parent=parent,
        places=[region],
        participants=[(actor, Participation.Role.SIDE_B)],
        status=hidden,
    )
    EventPlace.objects.create(event=parent, place=hidden_place)
    Participation.objects.create(event=parent, actor=hidden_actor, role=Participation.Role.SIDE_B)
    make_relation(hidden_actor, ActorRelation.Kind.ALLIED_WITH, actor)
    make_relation(actor, ActorRelation.Kind.FIGHTS, hidden_actor)
    return {"event": parent, "actor": actor, "place": region, "hidden": [hidden_event, hidden_actor, hidden_place]}


def public_urls(record):
    return [
        reverse("event-list"),
        reverse("event-list") + "?place=menaka-region",
        reverse("event-list") + "?actor=jnim",
        reverse("event-list") + "?text=Raid",
        record["event"].get_absolute_url(),
        reverse("event-history", args=[record["event"].slug]),
        reverse("actor-list"),
        record["actor"].get_absolute_url(),
        reverse("actor-history", args=[record["actor"].slug]),
        reverse("place-list"),
        record["place"].get_absolute_url(),
        reverse("place-history", args=[record["place"].slug]),
    ]


def test_hidden_entries_appear_on_no_public_page(client, record_with_hidden_entries):
    for url in public_urls(record_with_hidden_entries):
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert MARKER.lower() not in page.lower(), url
        assert "hidden-" not in page, url


def test_hidden_entries_appear_on_no_page_staff_see_either(admin_client, record_with_hidden_entries):
    for url in public_urls(record_with_hidden_entries):
        assert MARKER.lower() not in admin_client.get(url).content.decode().lower(), url


def test_hidden_entries_are_not_counted(client, record_with_hidden_entries):
    assert "1 event, by date" in client.get(reverse("event-list")).content.decode()
    assert "1 actor, by name" in client.get(reverse("actor-list")).content.decode()
    assert "1 place, by name" in client.get(reverse("place-list")).content.decode()


def test_hidden_entries_answer_not_found(client, record_with_hidden_entries):
    for entry in record_with_hidden_entries["hidden"]:
        response = client.get(entry.get_absolute_url())
        assert response.status_code == 404, entry
        assert MARKER not in response.content.decode()


def test_hidden_entries_cannot_be_chosen_as_filters(client, record_with_hidden_entries):
    for name, slug in (("actor", "hidden-actor"), ("place", "hidden-place")):
        response = client.get(reverse("event-list"), {name: slug})
        page = response.content.decode()
        assert f"No published {name} matches “{slug}”." in page
        assert MARKER not in page
