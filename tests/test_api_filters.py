"""The API's list filters: the HTML lists' parameters, their results, and a 400 naming each bad one."""

import datetime

import pytest

from events.models import Actor, Event, Participation, Place, Status
from sources.models import Claim, Source
from tests.factories import make_actor, make_claim, make_event, make_place, make_source

pytestmark = pytest.mark.django_db

D = datetime.date


def slugs(client, url, query=None):
    response = client.get(url, query or {})
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def errors(client, url, query):
    response = client.get(url, query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    return response.json()


# Events: the parameters of /events/


@pytest.fixture
def events():
    region = make_place(slug="gao-region", name="Gao Region", kind=Place.Kind.REGION)
    haroum = make_place(slug="haroum", name="Haroum", parent=region)
    jnim, isgs = make_actor(slug="jnim", name="JNIM"), make_actor(slug="isgs", name="ISGS")
    make_event(
        slug="battle-of-haroum",
        title="Battle of Haroum",
        summary="Fighting near the river.",
        start_date=D(2022, 12, 7),
        end_date=D(2022, 12, 10),
        places=[haroum],
        participants=[(jnim, Participation.Role.SIDE_A), (isgs, Participation.Role.SIDE_B)],
    )
    make_event(
        slug="truce",
        title="Truce",
        event_type=Event.Type.STRATEGIC_DEVELOPMENTS,
        start_date=D(2022, 5, 1),
        end_date=D(2022, 5, 31),
        participants=[(isgs, Participation.Role.SIDE_A)],
    )
    make_event(slug="undated", title="Undated rumour", start_date=None, end_date=None, places=[region])


@pytest.mark.parametrize(
    "query, expected",
    [
        ({}, ["truce", "battle-of-haroum", "undated"]),
        ({"start": "2022-12-08"}, ["battle-of-haroum"]),
        ({"end": "2022-06-01"}, ["truce"]),
        ({"start": "2022-05-15", "end": "2022-05-20"}, ["truce"]),
        ({"type": "strategic_developments"}, ["truce"]),
        ({"actor": "jnim"}, ["battle-of-haroum"]),
        ({"actor": "isgs"}, ["truce", "battle-of-haroum"]),
        ({"place": "gao-region"}, ["battle-of-haroum", "undated"]),
        ({"place": "haroum"}, ["battle-of-haroum"]),
        ({"text": "river"}, ["battle-of-haroum"]),
        ({"text": "rumour", "type": "battles"}, ["undated"]),
    ],
)
def test_the_event_list_takes_the_html_lists_filters(client, events, query, expected):
    assert slugs(client, "/api/events/", query) == expected


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"start": "7 December 2022"}, {"start": ["Enter a valid date."]}),
        ({"end": "2022-02-30"}, {"end": ["Enter a valid date."]}),
        ({"type": "massacre"}, {"type": ["Select a valid choice. massacre is not one of the available choices."]}),
        ({"start": "2022-12-10", "end": "2022-12-01"}, {"end": ["The end of the date range cannot be before its start."]}),
        (
            {"start": "soon", "type": "massacre"},
            {"start": ["Enter a valid date."], "type": ["Select a valid choice. massacre is not one of the available choices."]},
        ),
    ],
)
def test_a_bad_event_filter_is_a_400_naming_the_parameter(client, events, query, expected):
    assert errors(client, "/api/events/", query) == expected


def test_an_unknown_parameter_is_ignored_as_on_the_html_list(client, events):
    assert slugs(client, "/api/events/", {"colour": "red", "format": "xml"}) == slugs(client, "/api/events/")


def test_a_draft_place_or_actor_finds_nothing_as_a_filter(client, events):
    village = make_place(slug="draft-village", status=Status.DRAFT)
    militia = make_actor(slug="draft-militia", status=Status.DRAFT)
    make_event(slug="raid", places=[village], participants=[(militia, Participation.Role.SIDE_A)])

    for query in ({"place": "draft-village"}, {"actor": "draft-militia"}):
        response = client.get("/api/events/", query)
        # Refused as an unknown choice, or (with text filters) matching no published participation or place.
        assert response.status_code == 400 or response.json()["results"] == [], query


# Claims: the parameters of /claims/


@pytest.fixture
def claims():
    jnim, isgs = make_actor(slug="jnim", name="JNIM"), make_actor(slug="isgs", name="ISGS")
    battle = make_event(slug="battle")
    make_claim(
        slug="isgs-says-100",
        event=battle,
        claimant=isgs,
        party=jnim,
        value_low=100,
        wording="100",
        assessment=Claim.Assessment.CONTESTED,
        statement="ISGS killed 100 JNIM fighters.",
    )
    make_claim(
        slug="jnim-says-73",
        event=battle,
        claimant=jnim,
        party=isgs,
        qualifier=Claim.Qualifier.AT_LEAST,
        value_low=73,
        wording="73+",
        statement="JNIM killed at least 73 ISGS fighters.",
    )
    make_claim(slug="commander", kind=Claim.Kind.COMMANDER, actor=jnim, qualifier="", wording="Iyad ag Ghali")


@pytest.mark.parametrize(
    "query, expected",
    [
        ({}, ["isgs-says-100", "jnim-says-73", "commander"]),
        ({"kind": "killed"}, ["isgs-says-100", "jnim-says-73"]),
        ({"claimant": "isgs"}, ["isgs-says-100"]),
        ({"party": "isgs"}, ["jnim-says-73"]),
        ({"assessment": "contested"}, ["isgs-says-100"]),
        ({"event": "battle"}, ["isgs-says-100", "jnim-says-73"]),
        ({"q": "73+"}, ["jnim-says-73"]),
        ({"q": "Ghali", "kind": "commander"}, ["commander"]),
    ],
)
def test_the_claim_list_takes_the_html_lists_filters(client, claims, query, expected):
    assert slugs(client, "/api/claims/", query) == expected


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"kind": "rumour"}, {"kind": ["Select a valid choice. rumour is not one of the available choices."]}),
        ({"assessment": "true"}, {"assessment": ["Select a valid choice. true is not one of the available choices."]}),
        ({"q": "x" * 201}, {"q": ["Ensure this value has at most 200 characters (it has 201)."]}),
    ],
)
def test_a_bad_claim_filter_is_a_400_naming_the_parameter(client, claims, query, expected):
    assert errors(client, "/api/claims/", query) == expected


# Actors, places and sources: filters of their own


def test_actors_filter_by_words_in_names_or_aliases_and_by_kind(client):
    make_actor(slug="jnim", name="Jama'at Nasr al-Islam wal Muslimin", short_name="JNIM", aliases="GSIM\nNusrat al-Islam")
    make_actor(slug="isgs", name="Islamic State in the Greater Sahara", short_name="ISGS")
    make_actor(slug="le-monde", name="Le Monde", kind=Actor.Kind.MEDIA_OUTLET)

    assert slugs(client, "/api/actors/", {"q": "gsim"}) == ["jnim"]
    assert slugs(client, "/api/actors/", {"q": "isgs"}) == ["isgs"]
    assert slugs(client, "/api/actors/", {"kind": "media_outlet"}) == ["le-monde"]
    assert errors(client, "/api/actors/", {"kind": "gang"}) == {
        "kind": ["Select a valid choice. gang is not one of the available choices."]
    }


def test_places_filter_by_words_in_names_or_spellings_by_kind_and_by_the_place_they_are_within(client):
    region = make_place(slug="gao-region", name="Gao Region", kind=Place.Kind.REGION)
    make_place(slug="ntillit", name="N'Tillit", alternate_names="Ntillit\nIntilit", parent=region)
    make_place(slug="haroum", name="Haroum", parent=region)
    make_place(slug="hidden", name="Hidden", status=Status.DRAFT)

    assert slugs(client, "/api/places/", {"q": "intilit"}) == ["ntillit"]
    assert slugs(client, "/api/places/", {"kind": "region"}) == ["gao-region"]
    assert slugs(client, "/api/places/", {"within": "gao-region"}) == ["haroum", "ntillit"]
    assert slugs(client, "/api/places/", {"within": "Gao"}) == ["haroum", "ntillit"]
    for within in ("nowhere", "hidden"):
        assert errors(client, "/api/places/", {"within": within}) == {
            "within": [f"No published place matches “{within}”."]
        }


def test_sources_filter_by_words_in_title_publisher_or_author_and_by_kind(client):
    make_source(slug="le-monde-report", title="Au Mali, des combats", publisher="Le Monde")
    make_source(slug="wikipedia", title="December 2022 Ménaka region clashes", kind=Source.Kind.ENCYCLOPEDIA)

    assert slugs(client, "/api/sources/", {"q": "le monde"}) == ["le-monde-report"]
    assert slugs(client, "/api/sources/", {"kind": "encyclopedia"}) == ["wikipedia"]
    assert errors(client, "/api/sources/", {"kind": "blog"}) == {
        "kind": ["Select a valid choice. blog is not one of the available choices."]
    }
