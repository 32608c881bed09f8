"""The public list of places and the place page: coordinates only with their confidence."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from events.models import Place, Status
from tests.factories import make_event, make_place

pytestmark = pytest.mark.django_db

Confidence = Place.CoordinateConfidence


def test_the_list_shows_places_with_kind_parent_and_location(client):
    region = make_place(name="Ménaka Region", kind=Place.Kind.REGION)
    make_place(
        name="Tessit",
        kind=Place.Kind.MILITARY_BASE,
        parent=region,
        latitude=Decimal("16.23"),
        longitude=Decimal("0.76"),
        coordinate_confidence=Confidence.GOOD,
    )
    make_place(name="Fitili", parent=region)

    page = client.get(reverse("place-list")).content.decode()

    assert "3 places, by name" in page
    assert '<td data-label="Kind">Military base</td>' in page
    assert f'<td data-label="Within"><a href="{region.get_absolute_url()}">Ménaka Region</a></td>' in page
    assert "16.23° N, 0.76° E" in page
    assert '<td data-label="Location">Location not published</td>' in page


def test_the_list_shows_fifty_places_a_page_by_name(client):
    for number in range(51):
        make_place(name=f"Place {number:02d}")

    first = client.get(reverse("place-list")).content.decode()
    second = client.get(reverse("place-list"), {"page": "2"}).content.decode()

    assert "Place 49" in first and "Place 50" not in first
    assert 'href="?page=2"' in first
    assert "Place 50" in second and "Place 49" not in second


def test_the_place_page_shows_kind_parent_spellings_and_description(client):
    region = make_place(name="Gao Region", kind=Place.Kind.REGION)
    village = make_place(name="N'Tillit", parent=region, alternate_names="Ntillit\nN'Tilit", description="A rural village.")

    page = client.get(village.get_absolute_url()).content.decode()

    assert "<h1>N&#x27;Tillit</h1>" in page
    assert "<dd>Village</dd>" in page
    assert f'<dd><a href="{region.get_absolute_url()}">Gao Region</a></dd>' in page
    assert "<li>Ntillit</li><li>N&#x27;Tilit</li>" in page
    assert "A rural village." in page


def test_a_good_point_is_shown_with_its_confidence_and_source(client):
    tessit = make_place(
        name="Tessit",
        latitude=Decimal("16.23410"),
        longitude=Decimal("-0.76120"),
        coordinate_confidence=Confidence.GOOD,
        coordinate_source_url="https://example.org/gazetteer/tessit",
        coordinate_note="GeoNames point.",
    )

    page = client.get(tessit.get_absolute_url()).content.decode()

    assert "16.2341° N, 0.7612° W" in page
    assert "Good: a gazetteer point corroborated within about 2 km." in page
    assert '<a href="https://example.org/gazetteer/tessit">https://example.org/gazetteer/tessit</a>' in page
    assert "GeoNames point." in page


def test_a_low_confidence_point_is_never_shown_as_exact(client):
    fitili = make_place(
        name="Fitili", latitude=Decimal("15.61234"), longitude=Decimal("1.23456"), coordinate_confidence=Confidence.LOW
    )

    page = client.get(fitili.get_absolute_url()).content.decode()

    assert "around 15.6° N, 1.2° E" in page
    assert "15.61234" not in page
    assert "Low: one weak source, or possibly another feature of that name." in page
    assert "it is not an exact location" in page
    list_page = client.get(reverse("place-list")).content.decode()
    assert "around 15.6° N, 1.2° E <span class=\"meta\">(low confidence, approximate)</span>" in list_page
    assert "15.61234" not in list_page


def test_a_representative_point_says_it_stands_for_an_area(client):
    region = make_place(
        name="Ménaka Region",
        kind=Place.Kind.REGION,
        latitude=Decimal("15.9"),
        longitude=Decimal("2.4"),
        coordinate_confidence=Confidence.REPRESENTATIVE,
    )

    page = client.get(region.get_absolute_url()).content.decode()

    assert "15.9° N, 2.4° E" in page
    assert "The point stands for the whole area, not one spot in it." in page


def test_a_place_without_coordinates_says_location_not_published(client):
    haroum = make_place(name="Haroum")

    page = client.get(haroum.get_absolute_url()).content.decode()

    assert "Location not published: no published source gives coordinates for this place." in page
    assert "Confidence" not in page


def test_the_place_page_lists_published_child_places_and_events_there(client):
    region = make_place(name="Ménaka Region", kind=Place.Kind.REGION)
    make_place(name="Haroum", parent=region)
    make_place(name="Hidden Hamlet", parent=region, status=Status.DRAFT)
    make_event(title="Regional offensive", places=[region])
    make_event(title="Draft raid", places=[region], status=Status.DRAFT)

    page = client.get(region.get_absolute_url()).content.decode()

    assert "Places within Ménaka Region" in page
    assert ">Haroum</a>" in page
    assert "Hidden Hamlet" not in page
    assert ">Regional offensive</a>" in page
    assert "Draft raid" not in page


def test_a_draft_parent_is_not_shown(client):
    hidden = make_place(name="Hidden Region", status=Status.DRAFT)
    village = make_place(name="Haroum", parent=hidden)

    assert "Hidden Region" not in client.get(village.get_absolute_url()).content.decode()
    assert "Hidden Region" not in client.get(reverse("place-list")).content.decode()


def test_a_draft_place_is_not_found_by_the_public_but_previewed_by_staff(client, admin_client):
    draft = make_place(name="Draft Village", status=Status.WITHDRAWN)

    assert client.get(draft.get_absolute_url()).status_code == 404
    preview = admin_client.get(draft.get_absolute_url()).content.decode()
    assert "Preview: not published (status: Withdrawn)" in preview


def test_an_unknown_place_is_not_found(client):
    assert client.get(reverse("place-detail", args=["atlantis"])).status_code == 404


# The shipped record


@pytest.fixture
def menaka_record(db):
    """The shipped article, loaded as a fresh install loads it."""
    call_command("loaddata", "menaka_clashes", verbosity=0)


def test_fitili_is_shown_with_low_confidence_never_as_an_exact_point(client, menaka_record):
    page = client.get(reverse("place-detail", args=["fitili"])).content.decode()

    assert "around 15.1° N, 0.3° E" in page
    assert "15.0551" not in page
    assert "Low: one weak source, or possibly another feature of that name." in page
    assert '<a href="https://www.geonames.org/2457522">' in page


def test_ntillit_has_its_spellings_and_no_published_location(client, menaka_record):
    page = client.get(reverse("place-detail", args=["ntillit"])).content.decode()

    assert "<li>Ntillit</li>" in page
    assert "Location not published" in page
    assert '<a href="/events/fighting-in-ntillit/">Fighting begins in N&#x27;Tillit</a>' in page
