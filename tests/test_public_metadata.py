"""What machines read of the public site: canonical links, Open Graph, JSON-LD, the sitemap and robots.txt."""

import json
import re
import xml.etree.ElementTree as ElementTree

import pytest
from django.core.management import call_command
from django.urls import reverse

from events.models import Actor, Event, Place, Status
from sources.models import Claim, Source
from sources.public import public_claims
from tests.factories import make_actor, make_claim, make_event, make_place, make_source

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MARKER = "zqxdraftmarker"


@pytest.fixture
def article():
    call_command("loaddata", "menaka_clashes", verbosity=0)


def json_ld(content):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    return [json.loads(block) for block in blocks]


def meta(content, attribute, name):
    found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', content)
    return found.group(1) if found else None


@pytest.mark.parametrize(
    "address",
    ["/", "/events/", "/claims/", "/about/", "/search/?q=Haroum", "/events/battles-of-tadjalalt-and-haroum/", "/actors/jnim/"],
)
def test_every_page_has_a_canonical_link_open_graph_and_a_description(client, article, address):
    content = client.get(address).content.decode()
    path = address.split("?")[0]

    assert f'<link rel="canonical" href="http://testserver{path}">' in content
    title = re.search(r"<title>(.*?) — The Ménaka record</title>", content).group(1)
    assert meta(content, "property", "og:title") == title
    assert meta(content, "property", "og:url") == f"http://testserver{path}"
    assert meta(content, "property", "og:description") == meta(content, "name", "description")
    assert len(meta(content, "name", "description")) > 40


def test_a_page_not_found_names_no_canonical_address(client):
    content = client.get("/events/no-such-event/").content.decode()
    assert 'rel="canonical"' not in content


def test_an_event_page_describes_the_event_in_json_ld(client, article):
    content = client.get(reverse("event-detail", args=["fighting-in-ntillit"])).content.decode()

    (event,) = json_ld(content)
    assert event["@type"] == "Event"
    assert event["name"] == Event.objects.get(slug="fighting-in-ntillit").title
    assert event["startDate"] == "2022-12-03"
    assert [place["name"] for place in event["location"]] == ["N'Tillit"]


def test_an_event_known_only_to_the_month_gives_only_the_month(client):
    make_event(slug="truce-expires", start_date="2022-09-01", end_date="2022-09-30", precision="month")
    (event,) = json_ld(client.get(reverse("event-detail", args=["truce-expires"])).content.decode())
    assert (event["startDate"], event["endDate"]) == ("2022-09", "2022-09")


def test_a_place_with_coordinates_carries_them(client):
    village = make_place(name="Tessit", latitude="15.0100", longitude="0.6300", coordinate_confidence="good")
    make_event(slug="raid", places=[village])
    (event,) = json_ld(client.get(reverse("event-detail", args=["raid"])).content.decode())
    assert event["location"][0]["geo"] == {"@type": "GeoCoordinates", "latitude": 15.01, "longitude": 0.63}


def test_a_claim_page_is_a_claim_review_naming_the_claimant_as_the_author_of_the_claim(client, article):
    for claim in public_claims().select_related("claimant"):
        (review,) = json_ld(client.get(claim.get_absolute_url()).content.decode())
        assert review["@type"] == "ClaimReview"
        assert review["claimReviewed"] == claim.statement
        assert review["itemReviewed"]["text"] == claim.wording
        if claim.claimant is not None:
            assert review["itemReviewed"]["author"]["name"] == claim.claimant.name
        else:
            assert "author" not in review["itemReviewed"]
        assert review["reviewRating"]["alternateName"] == claim.get_assessment_display()
        assert 1 <= review["reviewRating"]["ratingValue"] <= 5


def test_the_isgs_claim_reads_as_isgs_saying_it(client, article):
    (review,) = json_ld(client.get("/claims/tadjalalt-haroum-killed-jnim-per-isgs/").content.decode())
    assert review["itemReviewed"]["author"]["name"] == "Islamic State in the Greater Sahara"
    assert review["reviewRating"]["alternateName"] == "Contested"


def test_json_ld_cannot_be_broken_out_of_by_an_editors_text(client):
    make_event(slug="tricky", title="</script><script>alert(1)</script>")
    content = client.get(reverse("event-detail", args=["tricky"])).content.decode()
    assert "<script>alert(1)" not in content
    assert json_ld(content)[0]["name"] == "</script><script>alert(1)</script>"


def test_a_claim_about_a_draft_names_no_draft_in_a_staff_preview(admin_client):
    claimant = make_actor(name=f"{MARKER} militia", status=Status.DRAFT)
    claim = make_claim(claimant=claimant, status=Status.DRAFT)
    content = admin_client.get(claim.get_absolute_url()).content.decode()
    assert MARKER not in json.dumps(json_ld(content))


def sitemap_addresses(client):
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    addresses = []
    for section in index.iter(f"{SITEMAP}loc"):
        urlset = ElementTree.fromstring(client.get(section.text.replace("http://testserver", "")).content)
        for url in urlset.iter(f"{SITEMAP}url"):
            addresses.append((url.find(f"{SITEMAP}loc").text, url.find(f"{SITEMAP}lastmod").text))
    return addresses


def test_the_sitemap_lists_every_published_entry_with_its_last_change(client, article):
    addresses = dict(sitemap_addresses(client))

    expected = set()
    for rows in (Event.objects.published(), Actor.objects.published(), Place.objects.published(), Source.objects.published(), public_claims()):
        expected |= {f"http://testserver{entry.get_absolute_url()}" for entry in rows}
        expected |= {f"http://testserver/fr{entry.get_absolute_url()}" for entry in rows}
    assert set(addresses) == expected
    haroum = Event.objects.get(slug="battles-of-tadjalalt-and-haroum")
    assert addresses[f"http://testserver{haroum.get_absolute_url()}"] == haroum.history.latest().history_date.date().isoformat()


def test_each_address_in_the_sitemap_names_its_other_language(client):
    make_event(slug="public-event")
    urlset = ElementTree.fromstring(client.get("/sitemap-events.xml").content)

    english = next(url for url in urlset.iter(f"{SITEMAP}url") if url.find(f"{SITEMAP}loc").text.endswith("/events/public-event/"))
    alternates = {link.get("hreflang"): link.get("href") for link in english.iter("{http://www.w3.org/1999/xhtml}link")}

    assert alternates == {
        "en": "http://testserver/events/public-event/",
        "fr": "http://testserver/fr/events/public-event/",
        "x-default": "http://testserver/events/public-event/",
    }


def test_the_sitemap_lists_no_draft(client):
    make_event(slug=f"{MARKER}-event", status=Status.DRAFT)
    make_actor(slug=f"{MARKER}-actor", status=Status.REVIEW)
    make_place(slug=f"{MARKER}-place", status=Status.WITHDRAWN)
    make_source(slug=f"{MARKER}-source", status=Status.DRAFT)
    make_claim(slug=f"{MARKER}-claim", status=Status.DRAFT)
    make_claim(slug="about-a-draft", event=make_event(slug=f"{MARKER}-secret", status=Status.DRAFT))
    make_event(slug="public-event")

    addresses = [address for address, _ in sitemap_addresses(client)]

    assert "http://testserver/events/public-event/" in addresses
    assert not [address for address in addresses if MARKER in address or "about-a-draft" in address]


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /fr/admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_the_about_page_defines_the_five_grades_and_names_the_licence(client):
    content = client.get(reverse("about")).content.decode()
    for grade in Claim.Assessment.labels:
        assert f"<dt>{grade}</dt>" in content
    assert "CC BY-SA 4.0" in content and "https://creativecommons.org/licenses/by-sa/4.0/" in content
    assert "never adds partisan figures up" in content
    assert 'href="/about/"' in client.get("/").content.decode()
