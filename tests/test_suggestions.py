"""The suggestions the filters' text fields offer as a reader types: published entries only, the best match first."""

import pytest
from django.urls import reverse

from events.models import Place, Status
from tests.factories import make_actor, make_event, make_place

pytestmark = pytest.mark.django_db

MARKER = "Zqxdraftmarker"


def suggested(client, kind, text):
    response = client.get(reverse(f"suggest-{kind}"), {"q": text})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()["results"]


def test_a_whole_short_name_comes_before_names_that_merely_mention_it(client):
    make_actor(slug="anonymous-tuareg-source", name="Anonymous Tuareg source", aliases="Source close to JNIM")
    make_actor(slug="jnim-splinter", name="JNIM splinter faction")
    make_actor(slug="jnim", name="Jama'at Nasr al-Islam wal Muslimin", short_name="JNIM")

    assert suggested(client, "actors", "JNIM") == [
        {"value": "jnim", "label": "Jama'at Nasr al-Islam wal Muslimin (JNIM)"},
        {"value": "jnim-splinter", "label": "JNIM splinter faction"},
        {"value": "anonymous-tuareg-source", "label": "Anonymous Tuareg source"},
    ]


def test_names_are_suggested_from_the_start_of_any_word_accents_aside(client):
    make_place(slug="menaka", name="Ménaka", kind=Place.Kind.TOWN)
    make_place(slug="menaka-region", name="Ménaka Region", kind=Place.Kind.REGION)
    make_place(slug="ntillit", name="N'Tillit", alternate_names="Ntillit")

    assert [s["value"] for s in suggested(client, "places", "men")] == ["menaka", "menaka-region"]
    assert suggested(client, "places", "REG") == [{"value": "menaka-region", "label": "Ménaka Region (region)"}]
    assert [s["value"] for s in suggested(client, "places", "ntil")] == ["ntillit"]


def test_events_are_suggested_with_their_dates(client):
    make_event(slug="haroum", title="Battle of Haroum")

    assert suggested(client, "events", "haro") == [{"value": "haroum", "label": "Battle of Haroum (3 December 2022)"}]


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])
def test_an_entry_the_public_may_not_see_is_never_suggested(client, status):
    make_actor(name=f"{MARKER} militia", status=status)
    make_place(name=f"{MARKER} village", status=status)
    make_event(title=f"{MARKER} raid", status=status)

    for kind in ("actors", "places", "events"):
        response = client.get(reverse(f"suggest-{kind}"), {"q": MARKER[:5]})
        assert response.json() == {"results": []}
        assert MARKER not in response.content.decode()


def test_at_most_ten_entries_are_suggested(client):
    for number in range(15):
        make_place(name=f"Wadi {number:02}")

    assert len(suggested(client, "places", "wadi")) == 10


@pytest.mark.parametrize("text", ["", " ", "-", "'", "%", "_", "a\x00b", "\x00", "x" * 5000, "🙂", "<script>", "' OR 1=1 --"])
def test_any_input_gets_a_json_answer_and_never_a_server_error(client, text):
    make_actor(name="Group")

    for kind in ("actors", "places", "events"):
        results = suggested(client, kind, text)
        assert isinstance(results, list)


def test_a_wildcard_matches_only_itself(client):
    make_actor(name="Group")

    assert suggested(client, "actors", "%") == [] and suggested(client, "actors", "_") == []


def test_only_get_is_answered(client):
    assert client.post(reverse("suggest-actors"), {"q": "jn"}).status_code == 405
