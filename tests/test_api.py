"""The JSON API over the article's data: every list and every detail, with what each embeds."""

import pytest
from django.core.management import call_command

from tests.factories import make_claim

pytestmark = pytest.mark.django_db

LISTS = ["events", "actors", "places", "sources", "claims"]


@pytest.fixture
def article(db):
    call_command("loaddata", "menaka_clashes", verbosity=0)


def everything(client, url):
    """Every row of a list, following its next links."""
    rows = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        rows.extend(response.json()["results"])
        url = response.json()["next"]
    return rows


def by_slug(rows):
    return {row["slug"]: row for row in rows}


def test_every_list_answers_json_and_every_entry_answers_at_its_own_address(client, article):
    counts = {}
    for name in LISTS:
        first = client.get(f"/api/{name}/")
        assert first.status_code == 200
        assert first["Content-Type"] == "application/json"
        assert set(first.json()) == {"next", "previous", "results"}
        rows = everything(client, f"/api/{name}/")
        counts[name] = len(rows)
        for row in rows:
            assert row["api_url"] == f"http://testserver/api/{name}/{row['slug']}/"
            assert row["page_url"] == f"http://testserver/{name}/{row['slug']}/"
            response = client.get(row["api_url"])
            assert response.status_code == 200, row["api_url"]
            assert response.json() == row

    assert counts == {"events": 15, "actors": 13, "places": 18, "sources": 2, "claims": 25}


def test_isgs_claim_of_a_hundred_carries_its_figure_claimant_party_and_citation(client, article):
    claim = client.get("/api/claims/clashes-killed-jnim-per-isgs/").json()

    assert claim["statement"] == "ISGS claims to have killed 100 JNIM fighters."
    assert claim["kind"] == "killed"
    assert (claim["qualifier"], claim["value_low"], claim["value_high"], claim["unit"]) == ("exact", 100, 100, "fighters")
    assert claim["original_wording"] == "100"
    assert claim["claimant"] == {
        "slug": "isgs",
        "name": "Islamic State in the Greater Sahara",
        "short_name": "ISGS",
        "api_url": "http://testserver/api/actors/isgs/",
    }
    assert claim["party"]["slug"] == "jnim"
    assert claim["event"] == {
        "slug": "december-2022-menaka-region-clashes",
        "title": "December 2022 Ménaka region clashes",
        "api_url": "http://testserver/api/events/december-2022-menaka-region-clashes/",
    }
    assert claim["assessment"] == "contested"
    assert "gives no independent count" in claim["assessment_reason"]
    [citation] = claim["citations"]
    assert citation["source"]["slug"] == "wikipedia-december-2022-menaka-region-clashes"
    assert citation["source"]["url"] == "https://en.wikipedia.org/wiki/December_2022_M%C3%A9naka_region_clashes"
    assert citation["locator"]


def test_a_claim_links_the_claims_that_state_the_same_allegation(client, article):
    infobox = client.get("/api/claims/clashes-killed-jnim-per-isgs/").json()
    prose = client.get("/api/claims/tadjalalt-haroum-killed-jnim-per-isgs/").json()

    assert prose["original_wording"] == "a hundred JNIM soldiers"
    assert prose["same_allegation_as"]["slug"] == "clashes-killed-jnim-per-isgs"
    assert [claim["slug"] for claim in infobox["restated_by"]] == ["tadjalalt-haroum-killed-jnim-per-isgs"]
    assert infobox["same_allegation_as"] is None


def test_claims_without_a_figure_have_no_bounds(client, article):
    claims = everything(client, "/api/claims/")
    commanders = [claim for claim in claims if claim["kind"] == "commander"]

    assert commanders
    for claim in commanders:
        assert claim["value_low"] is None and claim["value_high"] is None
        assert claim["original_wording"]


def test_an_event_carries_its_dates_places_participants_with_roles_and_parent(client, article):
    event = client.get("/api/events/idarfan-alabadje-massacres/").json()

    assert event["event_type"] == "violence_against_civilians"
    assert (event["start_date"], event["end_date"]) == ("2022-12-05", "2022-12-05")
    assert (event["start_precision"], event["end_precision"], event["date_meaning"]) == ("day", "day", "lasted")
    assert event["part_of"]["slug"] == "december-2022-menaka-region-clashes"
    participants = {(p["actor"]["slug"], p["role"], p["note"]) for p in event["participants"]}
    assert participants == {("civilians", "target", ""), ("jnim", "perpetrator", "Alleged by Fahad Ag al-Mahmoud.")}
    assert {p["place"]["slug"] for p in event["places"]} >= {"idarfan", "alabadje"}


def test_an_event_says_how_precise_its_dates_are_and_which_are_unknown(client, article):
    events = by_slug(everything(client, "/api/events/"))

    assert events["truce-expires-september-2022"]["start_precision"] == "month"
    assert events["truce-expires-september-2022"]["date_meaning"] == "within"
    assert events["skirmishes-until-december-13"]["start_date"] is None
    assert events["skirmishes-until-december-13"]["start_precision"] is None
    assert events["skirmishes-until-december-13"]["end_precision"] == "day"
    assert events["malian-air-force-overflight"]["date_meaning"] == "within"
    assert (events["mali-war"]["start_precision"], events["mali-war"]["end_precision"]) == (None, None)
    assert events["skirmishes-until-december-13"]["end_date"] == "2022-12-13"
    assert events["mali-war"]["part_of"] is None


def test_an_events_places_carry_their_coordinates_and_confidence(client, article):
    places = {p["place"]["slug"]: p for p in client.get("/api/events/jnim-isgs-war/").json()["places"]}

    assert places["mali"] == {
        "place": {"slug": "mali", "name": "Mali", "api_url": "http://testserver/api/places/mali/"},
        "position": None,
        "latitude": 17.0,
        "longitude": -4.0,
        "coordinate_confidence": "representative",
    }


def test_a_place_carries_its_parent_coordinates_and_confidence(client, article):
    tessit = client.get("/api/places/tessit/").json()
    tadjalalt = client.get("/api/places/tadjalalt/").json()

    assert tessit["parent"]["slug"] == "ansongo-cercle"
    assert (tessit["latitude"], tessit["longitude"], tessit["coordinate_confidence"]) == (15.22626, 0.29338, "low")
    assert "Tessett" in tessit["alternate_names"]
    assert (tadjalalt["latitude"], tadjalalt["longitude"], tadjalalt["coordinate_confidence"]) == (None, None, "none")
    assert tadjalalt["alternate_names"] == ["Tadjalate"]


def test_an_actor_carries_its_kind_and_relations_both_ways(client, article):
    jnim = client.get("/api/actors/jnim/").json()

    assert jnim["short_name"] == "JNIM"
    assert jnim["kind"] == "armed_group"
    relations = {(r["subject"]["slug"], r["kind"], r["object"]["slug"]) for r in jnim["relations"]}
    assert relations == {
        ("jnim", "affiliated_with", "al-qaeda"),
        ("jnim", "allied_with", "isgs"),
        ("jnim", "fights", "isgs"),
        ("iyad-ag-ghali", "commands", "jnim"),
    }


def test_a_source_carries_its_citation_fields(client, article):
    source = client.get("/api/sources/wikipedia-december-2022-menaka-region-clashes/").json()

    assert source["kind"] == "encyclopedia"
    assert source["publisher"] == "Wikipedia"
    assert source["url"].startswith("https://en.wikipedia.org/")


def test_an_unknown_slug_is_not_found_as_json(client, article):
    for name in LISTS:
        response = client.get(f"/api/{name}/no-such-entry/")

        assert response.status_code == 404
        assert response.json() == {"detail": "No published entry has this slug."}


def test_the_api_root_lists_the_five_lists(client):
    response = client.get("/api/")

    assert response.status_code == 200
    assert set(response.json()) == set(LISTS)


def test_the_api_is_read_only(client):
    make_claim(slug="clashes-killed-jnim-per-isgs")
    for url in ("/api/events/", "/api/claims/clashes-killed-jnim-per-isgs/"):
        for method in (client.post, client.put, client.patch, client.delete):
            assert method(url, {}).status_code == 405


def test_the_site_links_to_the_api(client):
    page = client.get("/").content.decode()

    assert 'href="/api/docs/"' in page
