"""The list filters take a name as typed: an actor, a place or an event by a word of its name, an alias or its slug."""

import html
import re

import pytest
from django.urls import reverse

from events.models import Participation, Place, Status
from tests.factories import make_actor, make_claim, make_event, make_place, make_source

pytestmark = pytest.mark.django_db

EVENTS = reverse("event-list")
CLAIMS = reverse("claim-list")
PLACES = reverse("place-list")


def listed(response):
    """The names in the list's table, in the order shown."""
    table = response.content.decode().split("<tbody>", 1)[-1].split("</tbody>", 1)[0]
    return [html.unescape(name) for name in re.findall(r'<th scope="row"><a href="[^"]*">([^<]*)</a></th>', table)]


def text_of(response):
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", response.content.decode())).split())


def errors_of(response):
    """The form's errors as "Field: message"."""
    return [
        f"{field}: {html.unescape(message)}"
        for field, message in re.findall(r'<li><a href="#[^"]*">([^<]*)</a>: ([^<]*)</li>', response.content.decode())
    ]


@pytest.fixture
def record():
    jnim = make_actor(
        slug="jnim",
        name="Jama'at Nasr al-Islam wal Muslimin",
        short_name="JNIM",
        aliases="Group for the Support of Islam and Muslims\nGSIM",
    )
    isgs = make_actor(slug="isgs", name="Islamic State in the Greater Sahara", short_name="ISGS")
    region = make_place(slug="menaka-region", name="Ménaka Region", kind=Place.Kind.REGION)
    ntillit = make_place(slug="ntillit", name="N'Tillit", alternate_names="Ntillit\nIn Tillit", parent=region)
    clashes = make_event(slug="clashes", title="December 2022 Ménaka region clashes", event_type="conflict")
    fighting = make_event(
        slug="fighting-in-ntillit",
        title="Fighting in N'Tillit",
        parent=clashes,
        places=[ntillit],
        participants=[(jnim, Participation.Role.SIDE_A), (isgs, Participation.Role.SIDE_B)],
    )
    massacre = make_event(
        slug="massacre", title="Massacre at Idarfan", parent=clashes, participants=[(isgs, Participation.Role.PERPETRATOR)]
    )
    make_claim(event=fighting, statement="JNIM says it won", claimant=jnim, party=isgs)
    make_claim(event=massacre, statement="Seventy civilians killed", claimant=isgs)
    return {"jnim": jnim, "isgs": isgs, "region": region, "ntillit": ntillit, "clashes": clashes}


@pytest.mark.parametrize("typed", ["jnim", "JNIM", "muslimin", "Nasr al-Islam", "GSIM", "support of islam"])
def test_an_actor_is_found_by_its_slug_short_name_a_word_of_its_name_or_an_alias(client, record, typed):
    response = client.get(EVENTS, {"actor": typed})

    assert response.status_code == 200
    assert listed(response) == ["Fighting in N'Tillit"]
    assert "Filtered by Actor: Jama'at Nasr al-Islam wal Muslimin (JNIM)" in text_of(response)


@pytest.mark.parametrize("typed", ["ntillit", "N'Tillit", "In Tillit", "Menaka", "ménaka region", "MENAKA-REGION"])
def test_a_place_is_found_by_its_slug_a_spelling_or_a_word_of_its_name_accents_aside(client, record, typed):
    response = client.get(EVENTS, {"place": typed})

    assert response.status_code == 200
    assert listed(response) == ["Fighting in N'Tillit"]


@pytest.mark.parametrize("typed", ["clashes", "December 2022 Ménaka region clashes", "menaka region clashes"])
def test_an_event_is_found_by_its_slug_or_words_of_its_title(client, record, typed):
    parts = client.get(EVENTS, {"part_of": typed})
    claims = client.get(CLAIMS, {"event": "Idarfan"})

    assert listed(parts) == ["Fighting in N'Tillit", "Massacre at Idarfan"]
    assert listed(claims) == ["Seventy civilians killed"]


def test_the_claim_filters_find_claimant_and_party_by_name(client, record):
    assert listed(client.get(CLAIMS, {"claimant": "Islamic State"})) == ["Seventy civilians killed"]
    assert listed(client.get(CLAIMS, {"party": "isgs"})) == ["JNIM says it won"]
    assert listed(client.get(CLAIMS, {"about": "Greater Sahara"})) == ["JNIM says it won"]


def test_several_matches_filter_by_any_of_them_and_the_page_names_them(client, record):
    militia = make_actor(name="Tuareg militia")
    community = make_actor(name="Tuareg community", aliases="Kel Tamasheq")
    make_event(title="Raid", participants=[(militia, Participation.Role.PERPETRATOR)])
    make_event(title="Flight", participants=[(community, Participation.Role.OTHER)])

    response = client.get(EVENTS, {"actor": "tuareg"})

    assert listed(response) == ["Flight", "Raid"]
    assert "Filtered by Actor: Tuareg community or Tuareg militia" in text_of(response)


def test_a_whole_name_is_preferred_to_names_that_contain_it(client, record):
    make_actor(slug="jnim-splinter", name="JNIM splinter group")

    response = client.get(EVENTS, {"actor": "jnim"})

    chosen = text_of(response).split("Filtered by", 1)[1].split("From", 1)[0]
    assert chosen.strip() == "Actor: Jama'at Nasr al-Islam wal Muslimin (JNIM)"


@pytest.mark.parametrize(
    ("url", "field", "label", "noun"),
    [
        (EVENTS, "actor", "Actor", "actor"),
        (EVENTS, "place", "Place", "place"),
        (EVENTS, "part_of", "Part of", "event"),
        (CLAIMS, "claimant", "Claimant", "actor"),
        (CLAIMS, "party", "About the party", "actor"),
        (CLAIMS, "event", "Event", "event"),
        (PLACES, "within", "Within", "place"),
    ],
)
def test_an_unknown_name_is_a_form_error_on_a_page_that_lists_nothing(client, record, url, field, label, noun):
    response = client.get(url, {field: "Atlantis"})

    assert response.status_code == 200
    assert "These filters could not be applied" in text_of(response)
    assert errors_of(response) == [f"{label}: No published {noun} matches “Atlantis”."]
    assert listed(response) == []


def test_a_name_with_percent_signs_is_an_error_on_the_page_and_in_the_api(client, record):
    response = client.get(EVENTS, {"actor": "%s %(x)s 100%"})
    assert errors_of(response) == ["Actor: No published actor matches “%s %(x)s 100%”."]

    response = client.get("/api/events/", {"actor": "%s %(x)s 100%"})
    assert response.status_code == 400
    assert response.json() == {"actor": ["No published actor matches “%s %(x)s 100%”."]}


def test_a_draft_is_never_found_by_its_name_or_slug(client, record):
    make_actor(slug="draft-militia", name="Zqxdraft militia", status=Status.DRAFT)
    make_event(slug="draft-event", title="Zqxdraft raid", status=Status.DRAFT, parent=record["clashes"])

    for query in ({"actor": "draft-militia"}, {"actor": "Zqxdraft"}, {"part_of": "draft-event"}):
        response = client.get(EVENTS, query)
        assert "No published" in text_of(response), query
        after_the_filters = response.content.decode().split('<form class="filters"', 1)[1].split("</form>", 1)[1]
        assert "Zqxdraft" not in after_the_filters


def test_a_word_that_matches_too_many_entries_asks_for_more_of_the_name(client, record):
    for number in range(21):
        make_place(name=f"Village {number}")

    response = client.get(EVENTS, {"place": "village"})

    assert errors_of(response) == ["Place: More than 20 published places match “village”: type more of the name."]
    assert listed(response) == []


def test_the_filter_form_lists_no_entries_and_asks_the_site_for_suggestions(client, record):
    events_page = client.get(EVENTS).content.decode()
    claims_page = client.get(CLAIMS).content.decode()

    events_form = events_page.split('<form class="filters"', 1)[1].split("</form>", 1)[0]
    assert events_page.count("<select") == 1 and claims_page.count("<select") == 3  # type; kind, assessment, sort by
    assert "Jama" not in events_form and "Tillit" not in events_form and "Ménaka" not in events_form
    for page, field, suggestions in (
        (events_page, "actor", "actors"),
        (events_page, "place", "places"),
        (events_page, "part_of", "events"),
        (claims_page, "claimant", "actors"),
        (claims_page, "event", "events"),
    ):
        assert re.search(f'<input type="text" name="{field}"[^>]* data-suggest="/suggest/{suggestions}/">', page), field
    assert '<script src="/static/js/suggest.js" defer></script>' in events_page


def test_the_typed_name_is_shown_back_in_its_field(client, record):
    page = client.get(EVENTS, {"actor": "Nasr <al-Islam>"}).content.decode()

    assert 'value="Nasr &lt;al-Islam&gt;"' in page


def test_the_claims_of_one_source_are_listed_from_its_page(client, record):
    source = make_source(slug="le-monde", title="Le Monde report")
    make_claim(event=record["clashes"], statement="Cited by Le Monde", sources=[source])

    response = client.get(CLAIMS, {"source": "le-monde"})

    assert listed(response) == ["Cited by Le Monde"]
    assert "Filtered by Source: Le Monde report" in text_of(response)
    unknown = client.get(CLAIMS, {"source": "no-such-source"})
    assert errors_of(unknown) == ["Source: Select a valid choice. That choice is not one of the available choices."]


def test_the_place_list_shows_the_places_within_one(client, record):
    response = client.get(PLACES, {"within": "Menaka"})

    assert listed(response) == ["N'Tillit"]
