"""Draft isolation in the API: an unpublished entry is in no answer, not even embedded in a published one."""

import pytest

from events.models import ActorRelation, EventPlace, Participation, Status
from tests.factories import make_actor, make_citation, make_claim, make_event, make_place, make_relation, make_source

pytestmark = pytest.mark.django_db

MARKER = "Zqxdraftmarker"
LISTS = ["events", "actors", "places", "sources", "claims"]


@pytest.fixture(params=[Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])
def record(request):
    """Published entries, each tied to unpublished ones whose names and slugs carry the marker."""
    hidden = request.param
    region = make_place(slug="menaka-region", name="Ménaka Region")
    jnim = make_actor(slug="jnim", name="JNIM")
    wikipedia = make_source(slug="wikipedia", title="Wikipedia")

    hidden_war = make_event(slug="hidden-war", title=f"{MARKER} War", status=hidden)
    hidden_place = make_place(slug="hidden-place", name=f"{MARKER} Village", status=hidden)
    hidden_actor = make_actor(slug="hidden-actor", name=f"{MARKER} Militia", short_name=MARKER, status=hidden)
    hidden_source = make_source(slug="hidden-source", title=f"{MARKER} Report", url="https://example.org/hidden", status=hidden)

    battle = make_event(
        slug="battle",
        title="Battle",
        parent=hidden_war,
        places=[region, hidden_place],
        participants=[(jnim, Participation.Role.SIDE_A), (hidden_actor, Participation.Role.SIDE_B)],
    )
    make_place(slug="village", name="Village", parent=hidden_place)
    make_relation(jnim, ActorRelation.Kind.FIGHTS, hidden_actor, note=MARKER)
    make_relation(hidden_actor, ActorRelation.Kind.ALLIED_WITH, jnim, note=MARKER)

    published_claim = make_claim(slug="killed", event=battle, party=jnim, claimant=jnim, sources=[wikipedia])
    make_citation(published_claim, hidden_source, quote=MARKER)
    hidden_claim = make_claim(slug="hidden-claim", statement=f"{MARKER} claim", event=battle, status=hidden)
    make_claim(slug="restates-hidden", event=battle, restates=hidden_claim, wording="ten")
    make_claim(slug="hidden-restatement", statement=MARKER, event=battle, restates=published_claim, status=hidden)
    # Published claims that name an unpublished entry are not public at all (sources.public).
    make_claim(slug="hidden-about-draft-event", statement=f"{MARKER} 1", event=hidden_war)
    make_claim(slug="hidden-by-draft-claimant", statement=f"{MARKER} 2", event=battle, claimant=hidden_actor)
    make_claim(slug="hidden-about-draft-place", statement=f"{MARKER} 3", event=battle, place=hidden_place)
    make_claim(slug="hidden-about-draft-actor", statement=f"{MARKER} 4", actor=hidden_actor, kind="commander", qualifier="")
    EventPlace.objects.create(event=hidden_war, place=region)
    return [hidden_war, hidden_place, hidden_actor, hidden_source, hidden_claim]


def list_urls():
    return [f"/api/{name}/" for name in LISTS] + [
        "/api/events/?actor=jnim",
        "/api/events/?place=menaka-region",
        "/api/events/?text=War",
        "/api/claims/?event=battle",
        "/api/claims/?claimant=jnim",
        "/api/claims/?q=Zqxdraftmarker",
        "/api/actors/?q=Zqxdraftmarker",
        "/api/places/?q=Zqxdraftmarker",
        "/api/places/?within=menaka-region",
        "/api/sources/?q=Zqxdraftmarker",
        "/api/",
    ]


def assert_hides_the_drafts(response, url):
    text = response.content.decode()
    assert MARKER.lower() not in text.lower(), url
    assert "hidden-" not in text, url
    assert "example.org/hidden" not in text, url


def test_no_list_and_no_entry_shows_or_embeds_an_unpublished_entry(client, record):
    detail_urls = []
    for url in list_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        assert_hides_the_drafts(response, url)
        detail_urls += [row["api_url"] for row in response.json().get("results", [])]

    assert len(set(detail_urls)) == 7  # battle, jnim, menaka-region, village, wikipedia, killed, restates-hidden
    for url in set(detail_urls):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_hides_the_drafts(response, url)


def test_the_published_entries_stay_with_their_published_parts(client, record):
    battle = client.get("/api/events/battle/").json()
    claim = client.get("/api/claims/killed/").json()

    assert battle["part_of"] is None
    assert [p["place"]["slug"] for p in battle["places"]] == ["menaka-region"]
    assert [p["actor"]["slug"] for p in battle["participants"]] == ["jnim"]
    assert client.get("/api/actors/jnim/").json()["relations"] == []
    assert client.get("/api/places/village/").json()["parent"] is None
    assert [c["source"]["slug"] for c in claim["citations"]] == ["wikipedia"]
    assert claim["restated_by"] == []
    assert client.get("/api/claims/restates-hidden/").json()["same_allegation_as"] is None


def test_an_unpublished_entry_is_not_found_at_its_address(client, record):
    for entry in record:
        name = type(entry)._meta.verbose_name_plural.replace(" ", "")
        url = f"/api/{name}/{entry.slug}/"
        response = client.get(url)
        assert response.status_code == 404, url
        assert_hides_the_drafts(response, url)
    for slug in ("hidden-about-draft-event", "hidden-by-draft-claimant", "hidden-about-draft-place"):
        assert client.get(f"/api/claims/{slug}/").status_code == 404


def test_staff_signed_in_on_the_site_see_no_more_than_the_public(admin_client, record):
    for url in list_urls() + ["/api/events/hidden-war/", "/api/claims/hidden-claim/"]:
        assert_hides_the_drafts(admin_client.get(url), url)
    assert admin_client.get("/api/events/hidden-war/").status_code == 404
