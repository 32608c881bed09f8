"""The public corrections log of events, actors and places."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from events.models import Actor, Event, Participation, Place, Status
from tests.factories import make_actor, make_claim, make_event, make_place, make_source, make_user

pytestmark = pytest.mark.django_db


def save(entry, reason, user=None, **changes):
    for name, value in changes.items():
        setattr(entry, name, value)
    entry._change_reason = reason
    if user is not None:
        entry._history_user = user
    entry.save()


def history_page(client, entry, name):
    response = client.get(reverse(name, args=[entry.slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_log_starts_with_the_first_publication(client):
    event = make_event(title="Battle of Haroum")

    page = history_page(client, event, "event-history")

    assert "<h1>Corrections log: Battle of Haroum</h1>" in page
    assert "First published on <time" in page
    assert "<title>Corrections log: Battle of Haroum — The Ménaka record</title>" in page


def test_a_correction_shows_its_reason_and_what_changed_from_what_to_what(client):
    event = make_event(title="Battle of Harum", start_date=datetime.date(2022, 12, 7))
    save(event, "Spelling of Haroum as in the article", title="Battle of Haroum", start_date=datetime.date(2022, 12, 6),
         end_date=datetime.date(2022, 12, 10))

    page = history_page(client, event, "event-history")

    assert "Corrected on <time" in page
    assert "Editors’ reason: Spelling of Haroum as in the article" in page
    assert '<th scope="row">Title</th>' in page
    assert '<td data-label="Before">Battle of Harum</td>' in page
    assert '<td data-label="After">Battle of Haroum</td>' in page
    assert '<td data-label="Before">7 December 2022</td>' in page
    assert '<td data-label="After">6 December 2022</td>' in page
    assert page.index("Corrected on") < page.index("First published on")


def test_choices_are_shown_by_their_labels_and_links_by_the_entry_they_point_to(client):
    war = make_event(title="JNIM–ISGS war", event_type=Event.Type.CONFLICT)
    event = make_event(title="Clashes", event_type=Event.Type.RIOTS)
    save(event, "Recategorised", event_type=Event.Type.BATTLES, parent=war)

    page = history_page(client, event, "event-history")

    assert '<td data-label="Before">Riots</td>' in page
    assert '<td data-label="After">Battles</td>' in page
    assert '<th scope="row">Part of</th>' in page
    assert '<td data-label="Before"><span class="meta">(empty)</span></td>' in page
    assert f'<td data-label="After"><a href="{war.get_absolute_url()}">JNIM–ISGS war</a></td>' in page


def test_a_link_to_an_unpublished_entry_is_not_named(client):
    hidden = make_place(name="Hidden Region", status=Status.DRAFT)
    village = make_place(name="Haroum")
    save(village, "Placed in its region", parent=hidden)

    page = history_page(client, village, "place-history")

    assert "Hidden Region" not in page
    assert "an entry that is not published" in page


def test_draft_revisions_are_never_shown(client):
    event = make_event(title="Battle of Harum")
    save(event, "Working on a secret theory", status=Status.DRAFT, title="SECRET DRAFT TITLE", summary="SECRET SUMMARY")
    save(event, "Rechecked against the article", title="Battle of Haroum", summary="")
    save(event, "Published the checked version", status=Status.PUBLISHED)

    page = history_page(client, event, "event-history")

    assert "SECRET" not in page
    assert "secret theory" not in page
    assert "Rechecked against the article" not in page
    assert "Published again on <time" in page
    assert "Editors’ reason: Published the checked version" in page
    assert '<td data-label="Before">Battle of Harum</td>' in page
    assert '<td data-label="After">Battle of Haroum</td>' in page
    assert page.count('class="revision"') == 2


def test_editors_are_never_named(client):
    editor = make_user(username="editor-aminata", first_name="Aminata")
    actor = make_actor(name="ISGS")
    save(actor, "Added the short name", user=editor, short_name="ISGS")

    page = history_page(client, actor, "actor-history")

    assert "aminata" not in page.lower()
    assert "Editors’ reason: Added the short name" in page


def test_a_revision_without_a_reason_says_none_recorded(client):
    actor = make_actor(name="ISGS")
    actor.aliases = "EIGS"
    actor.save()

    page = history_page(client, actor, "actor-history")

    assert 'Editors’ reason: <span class="meta">none recorded</span>' in page
    assert '<td data-label="After">EIGS</td>' in page


def test_a_place_log_shows_changed_coordinates(client):
    place = make_place(name="Tessit")
    save(place, "Coordinates from the gazetteer", latitude=Decimal("16.2341"), longitude=Decimal("0.7612"),
         coordinate_confidence=Place.CoordinateConfidence.GOOD)

    page = history_page(client, place, "place-history")

    assert '<td data-label="After">16.23410</td>' in page
    assert "Good: a gazetteer point corroborated within about 2 km" in page
    assert "None: no published coordinates" in page


@pytest.mark.parametrize("name", ["event-history", "actor-history", "place-history"])
def test_the_log_of_an_unpublished_or_unknown_entry_is_not_found(client, admin_client, name):
    maker = {"event-history": make_event, "actor-history": make_actor, "place-history": make_place}[name]
    draft = maker(status=Status.DRAFT)

    assert client.get(reverse(name, args=[draft.slug])).status_code == 404
    assert admin_client.get(reverse(name, args=[draft.slug])).status_code == 404
    assert client.get(reverse(name, args=["no-such-entry"])).status_code == 404


def test_the_entry_page_links_to_its_log(client):
    event = make_event()

    page = client.get(event.get_absolute_url()).content.decode()

    assert f'<a href="{reverse("event-history", args=[event.slug])}">Corrections log</a>' in page


# The shipped record


@pytest.fixture
def menaka_record(db):
    """The shipped article, loaded as a fresh install loads it."""
    call_command("loaddata", "menaka_clashes", verbosity=0)


@pytest.mark.parametrize(
    ("name", "model"), [("event-history", Event), ("actor-history", Actor), ("place-history", Place)]
)
def test_every_shipped_entry_has_a_log_that_starts_with_its_import(client, menaka_record, name, model):
    for slug in model.objects.published().values_list("slug", flat=True):
        page = client.get(reverse(name, args=[slug])).content.decode()
        assert "Entered in this record on" in page, slug
        assert "First published on" not in page, slug  # the sources published it, before the record
        assert "Editors’ reason: Entered from the record’s initial data" in page, slug
        assert "fixture" not in page, slug


# Rows kept with an entry: participants, places, citations


def test_the_log_lists_a_participant_added_and_one_removed(client):
    jnim, isgs = make_actor(name="JNIM"), make_actor(name="ISGS")
    event = make_event(title="Battle of Haroum", participants=[(jnim, Participation.Role.SIDE_A)])
    # As the admin saves: the entry's revision first, then its rows.
    save(event, "ISGS fought here, not JNIM")
    Participation.objects.get(event=event, actor=jnim).delete()
    Participation.objects.create(event=event, actor=isgs, role=Participation.Role.SIDE_B)

    page = history_page(client, event, "event-history")

    assert "Participants: added actor ISGS, role Side B" in page
    assert "Participants: removed actor JNIM, role Side A" in page
    assert "No published field changed" not in page


def test_the_log_lists_a_citation_removed_from_a_claim(client):
    claim = make_claim(statement="ISGS killed 100", sources=[make_source(title="Le Monde")])
    save(claim, "Le Monde does not say so")
    claim.citations.get().delete()

    page = history_page(client, claim, "claim-history")

    assert "Citations: removed source Le Monde" in page


def test_the_log_never_names_an_unpublished_entry_in_a_row(client):
    secret = make_actor(name="Zqx secret militia", status=Status.DRAFT)
    event = make_event()
    save(event, "Another participant")
    Participation.objects.create(event=event, actor=secret, role=Participation.Role.OTHER)

    page = history_page(client, event, "event-history")

    assert "Zqx" not in page
    assert "Participants: added actor an entry that is not published, role Other" in page
