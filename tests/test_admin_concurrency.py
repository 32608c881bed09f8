"""No lost edits: when two people edit the same entry, the second save is refused and their input kept."""

import pytest
from django.test import Client

from events.models import Participation, Status
from sources.models import Citation
from tests.admin_helpers import admin_url, error_messages, form_data, inline_prefix, make_editor
from tests.factories import make_actor, make_claim, make_event, make_source

pytestmark = pytest.mark.django_db

SOMEONE_ELSE = "Someone else changed this {} since you opened it"


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def ali_and_bea():
    return logged_in(make_editor(username="ali")), logged_in(make_editor(username="bea"))


def open_form(client, obj):
    response = client.get(admin_url(obj, "change"))
    return response, form_data(response)


def test_the_second_of_two_saves_of_an_event_is_refused_and_the_first_kept(ali_and_bea):
    ali, bea = ali_and_bea
    event = make_event(title="Battle of Haroum", summary="", status=Status.DRAFT)
    _, ali_form = open_form(ali, event)
    _, bea_form = open_form(bea, event)
    revisions_before = event.history.count()

    assert ali.post(admin_url(event, "change"), {**ali_form, "title": "Battle of Haroum and Tadjalalt"}).status_code == 302
    response = bea.post(admin_url(event, "change"), {**bea_form, "summary": "JNIM attacked ISGS positions"})

    assert response.status_code == 200
    errors = error_messages(response)
    assert errors[0].startswith(SOMEONE_ELSE.format("event"))
    assert any(line.startswith("Saved by ali on ") for line in errors)
    assert "Title: Battle of Haroum → Battle of Haroum and Tadjalalt" in errors
    assert response.context["adminform"].form["summary"].value() == "JNIM attacked ISGS positions"
    event.refresh_from_db()
    assert (event.title, event.summary) == ("Battle of Haroum and Tadjalalt", "")
    assert event.history.count() == revisions_before + 1


def test_after_seeing_what_changed_the_second_editor_saves_over_it(ali_and_bea):
    ali, bea = ali_and_bea
    event = make_event(title="Battle of Haroum", status=Status.DRAFT)
    _, ali_form = open_form(ali, event)
    _, bea_form = open_form(bea, event)
    ali.post(admin_url(event, "change"), {**ali_form, "title": "Battle of Haroum and Tadjalalt"})
    refused = bea.post(admin_url(event, "change"), {**bea_form, "summary": "JNIM attacked ISGS positions"})

    response = bea.post(admin_url(event, "change"), {**form_data(refused), "title": "Battle of Haroum and Tadjalalt"})

    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.summary) == ("Battle of Haroum and Tadjalalt", "JNIM attacked ISGS positions")


def test_the_second_of_two_saves_of_a_citation_is_refused_and_the_first_kept(ali_and_bea):
    ali, bea = ali_and_bea
    claim = make_claim(status=Status.DRAFT)
    citation = Citation.objects.create(claim=claim, source=make_source(), locator="Infobox: Casualties1")
    response, ali_form = open_form(ali, claim)
    _, bea_form = open_form(bea, claim)
    prefix = inline_prefix(response, Citation)
    claim_revisions, citation_revisions = claim.history.count(), citation.history.count()

    ali.post(admin_url(claim, "change"), {**ali_form, f"{prefix}-0-locator": "Infobox: Casualties2"})
    response = bea.post(admin_url(claim, "change"), {**bea_form, f"{prefix}-0-locator": "Battle, paragraph 2"})

    assert response.status_code == 200
    errors = error_messages(response)
    assert errors[0].startswith(SOMEONE_ELSE.format("claim"))
    assert any(line.startswith("Citations: changed, now ") and "Infobox: Casualties2" in line for line in errors)
    assert b'value="Battle, paragraph 2"' in response.content
    citation.refresh_from_db()
    assert citation.locator == "Infobox: Casualties2"
    assert claim.history.count() == claim_revisions + 1
    assert citation.history.count() == citation_revisions + 1


def test_a_participant_added_meanwhile_refuses_a_save_of_the_event(ali_and_bea):
    ali, bea = ali_and_bea
    isgs = make_actor(name="ISGS")
    event = make_event(title="Battle of Tadjalalt", status=Status.DRAFT)
    response, ali_form = open_form(ali, event)
    _, bea_form = open_form(bea, event)
    prefix = inline_prefix(response, Participation)

    ali.post(
        admin_url(event, "change"),
        {**ali_form, f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-0-actor": str(isgs.pk), f"{prefix}-0-role": "side_b"},
    )
    response = bea.post(admin_url(event, "change"), {**bea_form, "title": "Battle of Tadjalelt"})

    assert "Participants: added actor ISGS, role Side B" in error_messages(response)
    event.refresh_from_db()
    assert event.title == "Battle of Tadjalalt"
    assert event.participations.get().actor == isgs


def test_a_form_without_its_edit_token_is_refused(ali_and_bea):
    ali, _ = ali_and_bea
    event = make_event(title="Battle of Haroum", status=Status.DRAFT)
    _, form = open_form(ali, event)
    del form["edit_token"]

    response = ali.post(admin_url(event, "change"), {**form, "title": "Something else"})

    assert response.status_code == 200
    assert error_messages(response)[0].startswith("This form does not say which revision of the event it was opened on.")
    event.refresh_from_db()
    assert event.title == "Battle of Haroum"


def test_a_participant_removed_meanwhile_refuses_a_change_to_it_without_an_error_page(ali_and_bea):
    ali, bea = ali_and_bea
    jnim = make_actor(name="JNIM")
    event = make_event(status=Status.DRAFT, participants=[(jnim, Participation.Role.SIDE_A)])
    response, ali_form = open_form(ali, event)
    _, bea_form = open_form(bea, event)
    prefix = inline_prefix(response, Participation)

    ali.post(admin_url(event, "change"), {**ali_form, f"{prefix}-0-DELETE": "on"})
    response = bea.post(admin_url(event, "change"), {**bea_form, f"{prefix}-0-note": "attacked first"})

    assert response.status_code == 200
    assert "Participants: removed actor JNIM, role Side A" in error_messages(response)
    assert not event.participations.exists()
