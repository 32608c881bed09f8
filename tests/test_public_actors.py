"""The public list of actors and the actor page."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from events.models import Actor, ActorRelation, Participation, Status
from sources.models import Claim
from tests.factories import make_actor, make_claim, make_event, make_relation

pytestmark = pytest.mark.django_db


def test_the_list_shows_published_actors_with_kind_and_aliases(client):
    make_actor(name="Islamic State in the Greater Sahara", short_name="ISGS", aliases="Islamic State Sahel Province\nEIGS")
    make_actor(name="Iyad ag Ghali", kind=Actor.Kind.PERSON)

    response = client.get(reverse("actor-list"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Actors — The Ménaka record</title>" in page
    assert "2 actors, by name" in page
    assert "Islamic State in the Greater Sahara (ISGS)</a></th>" in page
    assert "Islamic State Sahel Province; EIGS" in page
    assert '<td data-label="Kind">Person</td>' in page


def test_the_list_shows_fifty_actors_a_page_by_name(client):
    for number in range(51):
        make_actor(name=f"Actor {number:02d}")

    first = client.get(reverse("actor-list")).content.decode()
    second = client.get(reverse("actor-list"), {"page": "2"}).content.decode()

    assert "Actor 49" in first and "Actor 50" not in first
    assert 'href="?page=2"' in first
    assert "Actor 50" in second and "Actor 49" not in second


def test_the_actor_page_shows_kind_short_name_aliases_and_description(client):
    jnim = make_actor(
        slug="jnim",
        name="Jama'at Nasr al-Islam wal Muslimin",
        short_name="JNIM",
        aliases="Group for the Support of Islam and Muslims\nGSIM",
        description="An al-Qaeda-linked coalition.",
    )

    response = client.get(jnim.get_absolute_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Jama&#x27;at Nasr al-Islam wal Muslimin</h1>" in page
    assert "<dd>Armed group</dd>" in page
    assert "<dd>JNIM</dd>" in page
    assert "<li>Group for the Support of Islam and Muslims</li><li>GSIM</li>" in page
    assert "An al-Qaeda-linked coalition." in page
    assert "<title>Jama&#x27;at Nasr al-Islam wal Muslimin (JNIM) — The Ménaka record</title>" in page


def test_the_actor_page_shows_relations_both_ways_but_only_to_published_actors(client):
    jnim = make_actor(name="JNIM", slug="jnim")
    ghali = make_actor(name="Iyad ag Ghali", kind=Actor.Kind.PERSON)
    al_qaeda = make_actor(name="al-Qaeda")
    hidden = make_actor(name="Secret Ally", status=Status.DRAFT)
    make_relation(ghali, ActorRelation.Kind.COMMANDS, jnim)
    make_relation(jnim, ActorRelation.Kind.AFFILIATED_WITH, al_qaeda, note="since 2017")
    make_relation(jnim, ActorRelation.Kind.ALLIED_WITH, hidden)

    page = client.get(jnim.get_absolute_url()).content.decode()

    assert f'<a href="{ghali.get_absolute_url()}">Iyad ag Ghali</a> commands JNIM' in page
    affiliation = f'JNIM is affiliated with <a href="{al_qaeda.get_absolute_url()}">al-Qaeda</a>'
    assert f'{affiliation} <span class="meta">(since 2017)</span>' in page
    assert "Secret Ally" not in page
    assert "was allied with" not in page


def test_the_actor_page_lists_the_published_events_it_took_part_in_by_date(client):
    isgs = make_actor(name="ISGS")
    make_event(
        title="Battle of Haroum", start_date=datetime.date(2022, 12, 7), participants=[(isgs, Participation.Role.SIDE_B)]
    )
    make_event(
        title="March offensive",
        start_date=datetime.date(2022, 3, 1),
        precision="month",
        participants=[(isgs, Participation.Role.SIDE_A)],
    )
    make_event(title="Draft Skirmish", status=Status.DRAFT, participants=[(isgs, Participation.Role.SIDE_A)])

    page = client.get(isgs.get_absolute_url()).content.decode()

    assert page.index("March offensive") < page.index("Battle of Haroum")
    assert '<td data-label="Date">March 2022</td>' in page
    assert '<td data-label="Role">Side B</td>' in page
    assert "Draft Skirmish" not in page


def test_an_actor_in_no_event_says_so(client):
    le_monde = make_actor(name="Le Monde", kind=Actor.Kind.MEDIA_OUTLET)

    page = client.get(le_monde.get_absolute_url()).content.decode()

    assert "The record names Le Monde as a participant in no published event." in page


def test_the_actor_page_shows_the_claims_it_makes_and_the_claims_about_it(client):
    jnim = make_actor(name="JNIM", slug="jnim")
    isgs = make_actor(name="ISGS", slug="isgs")
    event = make_event()
    make_claim(
        event=event,
        claimant=isgs,
        party=jnim,
        statement="ISGS says it killed 100 JNIM fighters",
        value_low=100,
        wording="100",
    )
    make_claim(
        event=event,
        claimant=jnim,
        party=isgs,
        statement="JNIM says it killed 73 ISGS fighters",
        qualifier=Claim.Qualifier.AT_LEAST,
        value_low=73,
        wording="73+",
    )

    page = client.get(jnim.get_absolute_url()).content.decode()

    assert "ISGS says it killed 100 JNIM fighters" in page
    assert "JNIM says it killed 73 ISGS fighters" in page


def test_a_draft_actor_is_not_found_by_the_public_but_previewed_by_staff(client, admin_client):
    draft = make_actor(name="Draft Militia", status=Status.DRAFT)

    assert client.get(draft.get_absolute_url()).status_code == 404
    preview = admin_client.get(draft.get_absolute_url()).content.decode()
    assert "<h1>Draft Militia</h1>" in preview
    assert "Preview: not published (status: Draft)" in preview


def test_an_unknown_actor_is_not_found(client):
    assert client.get(reverse("actor-detail", args=["nobody"])).status_code == 404


# The shipped record


@pytest.fixture
def menaka_record(db):
    """The shipped article, loaded as a fresh install loads it."""
    call_command("loaddata", "menaka_clashes", verbosity=0)


def test_the_jnim_page_shows_its_commander_and_its_claims(client, menaka_record):
    page = client.get(reverse("actor-detail", args=["jnim"])).content.decode()

    assert '<a href="/actors/iyad-ag-ghali/">Iyad ag Ghali</a> commands JNIM' in page
    assert '<a href="/events/december-2022-menaka-region-clashes/">December 2022 Ménaka region clashes</a>' in page
    assert "More than 73 fighters" in page
