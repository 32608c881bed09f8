"""The admin lists: the columns editors work from, search, filters, and a query count that does not grow."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Actor, Event, Participation, Place, Status
from sources.models import Claim, Source
from tests.admin_helpers import admin_url, make_editor, make_reviewer
from tests.factories import make_actor, make_citation, make_claim, make_event, make_place, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = make_editor(username="edna")
    client.force_login(user)
    return user


def listing(client, model, **params):
    response = client.get(admin_url(model, "changelist"), params)
    assert response.status_code == 200
    return response.content.decode()


def changed_by(user, entry):
    entry._history_user = user
    entry._change_reason = "Checked"
    entry.save()


def test_the_event_list_shows_dates_type_status_and_who_changed_it_last(client, editor):
    event = make_event(
        title="Capture of the Fitili base",
        start_date=datetime.date(2022, 12, 5),
        event_type=Event.Type.STRATEGIC_DEVELOPMENTS,
        status=Status.REVIEW,
    )
    changed_by(make_reviewer(username="rita"), event)

    content = listing(client, Event)

    assert "Capture of the Fitili base" in content
    assert "Dec. 5, 2022" in content
    assert "Strategic developments" in content
    assert "In review" in content
    assert '<td class="field-changed_by">rita</td>' in content


def test_events_are_found_by_participant_name(client, editor):
    isgs = make_actor(name="Islamic State in the Greater Sahara")
    make_event(title="Battle of Haroum", participants=[(isgs, Participation.Role.SIDE_B)])
    make_event(title="Mali War")

    content = listing(client, Event, q="Greater Sahara")

    assert "Battle of Haroum" in content
    assert "Mali War" not in content


def test_events_are_filtered_by_status_type_actor_and_place(client, editor):
    jnim, menaka = make_actor(name="JNIM"), make_place(name="Ménaka")
    make_event(title="Fighting at N'Tillit", participants=[(jnim, Participation.Role.SIDE_A)], places=[menaka])
    make_event(title="May 2022 truce", event_type=Event.Type.STRATEGIC_DEVELOPMENTS, status=Status.DRAFT)

    assert "May 2022 truce" not in listing(client, Event, status__exact=Status.PUBLISHED)
    assert "Fighting at N'Tillit" not in listing(client, Event, event_type__exact=Event.Type.STRATEGIC_DEVELOPMENTS)
    by_actor = listing(client, Event, participants__id__exact=jnim.pk)
    assert "Fighting at N&#x27;Tillit" in by_actor and "May 2022 truce" not in by_actor
    by_place = listing(client, Event, places__id__exact=menaka.pk)
    assert "Fighting at N&#x27;Tillit" in by_place and "May 2022 truce" not in by_place


def test_events_are_narrowed_by_date(client, editor):
    make_event(title="Battle of Tadjalalt", start_date=datetime.date(2022, 12, 6))
    make_event(title="March 2022 offensive", start_date=datetime.date(2022, 3, 8))

    content = listing(client, Event, start_date__year=2022, start_date__month=12)

    assert "Battle of Tadjalalt" in content
    assert "March 2022 offensive" not in content


def test_actors_are_found_by_alias_and_filtered_by_kind(client, editor):
    make_actor(name="Islamic State in the Greater Sahara", aliases="ISGS\nEIGS\nIslamic State Sahel Province")
    make_actor(name="Fahad Ag al-Mahmoud", kind=Actor.Kind.PERSON)

    found = listing(client, Actor, q="EIGS")
    assert "Islamic State in the Greater Sahara" in found
    assert "Fahad Ag al-Mahmoud" not in found
    people = listing(client, Actor, kind__exact=Actor.Kind.PERSON)
    assert "Fahad Ag al-Mahmoud" in people
    assert "Islamic State in the Greater Sahara" not in people


def test_places_are_found_by_alternate_spelling_and_filtered_by_status(client, editor):
    make_place(name="N'Tillit", alternate_names="Ntillit\nTin-Tillit")
    make_place(name="Haroum", status=Status.DRAFT)

    assert "N&#x27;Tillit" in listing(client, Place, q="Ntillit")
    drafts = listing(client, Place, status__exact=Status.DRAFT)
    assert "Haroum" in drafts
    assert "N&#x27;Tillit" not in drafts


def test_sources_are_found_by_publisher_and_filtered_by_kind(client, editor):
    make_source(title="Au Mali, les civils pris en étau", publisher="Le Monde", kind=Source.Kind.NEWS_ARTICLE)
    make_source(title="December 2022 Ménaka region clashes", publisher="Wikipedia", kind=Source.Kind.ENCYCLOPEDIA)

    found = listing(client, Source, q="Le Monde")
    assert "Au Mali, les civils pris en étau" in found
    assert "December 2022 Ménaka region clashes" not in found
    assert "Au Mali" not in listing(client, Source, kind__exact=Source.Kind.ENCYCLOPEDIA)


def test_the_claim_list_shows_the_claimant_and_the_wording(client, editor):
    isgs = make_actor(name="ISGS")
    make_claim(statement="ISGS killed 100 JNIM fighters", claimant=isgs, wording="100 (per ISGS)")
    make_claim(statement="Around 70 civilians were killed", wording="around 70")

    content = listing(client, Claim)

    assert '<td class="field-claimant_or_voice">ISGS</td>' in content
    assert "100 (per ISGS)" in content
    assert '<td class="field-claimant_or_voice">(the source&#x27;s own voice)</td>' in content


def test_claims_are_found_by_original_wording_and_by_quote(client, editor):
    claim = make_claim(statement="JNIM killed at least 73 ISGS fighters", wording="73+")
    make_citation(claim, make_source(), quote="over seventy-three Islamic State fighters in Haroum alone")
    make_claim(statement="ISGS had about 700 fighters", wording="~700")

    assert "JNIM killed at least 73 ISGS fighters" in listing(client, Claim, q="73+")
    by_quote = listing(client, Claim, q="seventy-three")
    assert "JNIM killed at least 73 ISGS fighters" in by_quote
    assert "ISGS had about 700 fighters" not in by_quote


def test_claims_are_filtered_by_assessment_and_claimant(client, editor):
    isgs = make_actor(name="ISGS")
    make_claim(statement="ISGS killed 100 JNIM fighters", claimant=isgs, assessment=Claim.Assessment.CONTESTED)
    make_claim(statement="Fighting lasted a week", assessment=Claim.Assessment.CORROBORATED)

    contested = listing(client, Claim, assessment__exact=Claim.Assessment.CONTESTED)
    assert "ISGS killed 100 JNIM fighters" in contested
    assert "Fighting lasted a week" not in contested
    by_isgs = listing(client, Claim, claimant__id__exact=isgs.pk)
    assert "ISGS killed 100 JNIM fighters" in by_isgs
    assert "Fighting lasted a week" not in by_isgs


@pytest.mark.parametrize("model, make", [(Event, make_event), (Claim, make_claim), (Place, make_place)])
def test_a_list_costs_the_same_number_of_queries_for_few_rows_as_for_many(client, editor, model, make):
    parent = make_place() if model is Place else None
    extra = {"parent": parent} if parent else {}
    make(**extra)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            listing(client, model)
        return len(queries)

    few = count_queries()
    for _ in range(5):
        make(**extra)
    assert count_queries() == few
