"""The timeline and the map as readers get them."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events import charts
from events.models import Event, Place, Status
from tests.factories import make_event, make_place

pytestmark = pytest.mark.django_db

D = datetime.date
DRAFT_MARKER = "Zzdraftmarker"


def svg_of(response):
    """The page's first inline SVG drawing that is not a legend swatch."""
    html = response.content.decode()
    match = re.search(r"<svg class=\"(?:timeline|place-map)\".*?</svg>", html, re.S)
    assert match, "no chart SVG on the page"
    return match.group(0)


def make_war_and_clashes():
    war = make_event(slug="jnim-isgs-war", title="JNIM–ISGS war", event_type=Event.Type.CONFLICT,
                     start_date=D(2020, 1, 1), end_date=None, date_precision=Event.DatePrecision.YEAR)
    clashes = make_event(slug="december-2022-menaka-region-clashes", title="December 2022 Ménaka region clashes",
                         parent=war, start_date=D(2022, 12, 3), end_date=D(2022, 12, 10))
    make_event(slug="fighting-in-ntillit", title="Fighting in N'Tillit", parent=clashes, start_date=D(2022, 12, 3))
    make_event(slug="truce-expires", title="Truce expires", parent=war,
               start_date=D(2022, 9, 1), date_precision=Event.DatePrecision.MONTH)
    return war, clashes


def test_the_timeline_draws_each_published_event_as_a_bar_linked_to_its_page(client):
    make_war_and_clashes()

    response = client.get(reverse("timeline"))
    svg = svg_of(response)

    assert response.status_code == 200
    for slug, title in [
        ("jnim-isgs-war", "JNIM–ISGS war"),
        ("december-2022-menaka-region-clashes", "December 2022 Ménaka region clashes"),
        ("fighting-in-ntillit", "Fighting in N&#x27;Tillit"),
        ("truce-expires", "Truce expires"),
    ]:
        assert f'href="/events/{slug}/"' in svg
        assert title in svg


def test_the_timeline_says_how_precisely_each_bar_is_dated(client):
    make_war_and_clashes()

    svg = svg_of(client.get(reverse("timeline")))

    assert "<title>Truce expires: September 2022</title>" in svg
    assert "<title>December 2022 Ménaka region clashes: 3–10 December 2022</title>" in svg
    assert "<title>JNIM–ISGS war: from 2020</title>" in svg
    assert 'class="timeline-bar shade-1 precision-month"' in svg


def test_the_timeline_zooms_in_on_the_days_of_the_clashes(client):
    make_war_and_clashes()

    response = client.get(reverse("timeline"))

    assert "Detail: 2 December 2022 to 11 December 2022" in response.content.decode()
    assert response.content.decode().count('<svg class="timeline"') == 2


def test_the_timeline_has_a_text_alternative_listing_the_same_events(client):
    make_war_and_clashes()

    html = client.get(reverse("timeline")).content.decode()
    table = html[html.index("<table"):html.index("</table>")]

    assert '<title id="timeline-overview-title">' in html and '<desc id="timeline-overview-desc">' in html
    assert "<figcaption>" in html
    assert re.search(r"Truce expires</a></th>\s*<td[^>]*>September 2022</td>\s*<td[^>]*>JNIM–ISGS war</td>", table)


def test_events_with_unknown_dates_are_listed_beside_the_timeline_with_any_end_date_known(client):
    make_event(slug="dated", title="A dated clash", start_date=D(2022, 12, 3))
    make_event(slug="skirmishes", title="Skirmishes", start_date=None, end_date=D(2022, 12, 13))
    make_event(slug="undated-overflight", title="Air force overflight", start_date=None, end_date=None)

    response = client.get(reverse("timeline"))
    html = response.content.decode()

    assert "Air force overflight" not in svg_of(response)
    undated = html[html.index("Events with unknown dates"):]
    assert '<a href="/events/undated-overflight/">Air force overflight</a>' in undated
    assert "Skirmishes</a> <span class=\"meta\">(until 13 December 2022)</span>" in undated


def test_drafts_appear_nowhere_on_the_timeline(client):
    war, _ = make_war_and_clashes()
    make_event(slug="draft-dated", title=f"{DRAFT_MARKER} dated", parent=war, status=Status.DRAFT)
    make_event(slug="draft-undated", title=f"{DRAFT_MARKER} undated", start_date=None, end_date=None,
               status=Status.REVIEW)

    html = client.get(reverse("timeline")).content.decode()

    assert DRAFT_MARKER not in html
    assert "draft-dated" not in html and "draft-undated" not in html


def test_a_record_too_big_to_draw_whole_says_how_many_events_are_not_drawn(client, monkeypatch):
    monkeypatch.setattr(charts, "MAX_ROWS", 3)
    make_war_and_clashes()

    html = client.get(reverse("timeline")).content.decode()

    assert "1 dated event nested deeper than those above is not drawn" in html
    assert 'href="/events/fighting-in-ntillit/"' not in html
    assert '<a href="/events/">the list of events</a>' in html


def test_an_empty_record_gets_a_timeline_page_that_says_so(client):
    make_event(slug="draft", status=Status.DRAFT)

    response = client.get(reverse("timeline"))

    assert response.status_code == 200
    assert "No published event has a known date yet." in response.content.decode()


def located(slug, name, latitude, longitude, confidence, **fields):
    return make_place(slug=slug, name=name, latitude=Decimal(latitude), longitude=Decimal(longitude),
                      coordinate_confidence=confidence, **fields)


def make_places():
    located("menaka", "Ménaka", "15.91667", "2.40000", Place.CoordinateConfidence.GOOD, kind=Place.Kind.TOWN)
    located("gao-region", "Gao Region", "17.09861", "0.35139", Place.CoordinateConfidence.REPRESENTATIVE,
            kind=Place.Kind.REGION)
    located("fitili", "Fitili", "15.05510", "0.25980", Place.CoordinateConfidence.LOW,
            kind=Place.Kind.MILITARY_BASE)
    make_place(slug="haroum", name="Haroum")


def test_the_map_draws_each_located_place_with_its_confidence_and_a_link(client):
    make_places()

    response = client.get(reverse("map"))
    svg = svg_of(response)

    assert response.status_code == 200
    for slug, name, confidence in [
        ("menaka", "Ménaka", "good"), ("gao-region", "Gao Region", "representative"), ("fitili", "Fitili", "low"),
    ]:
        assert f'<a href="/places/{slug}/" class="map-point point-{confidence}">' in svg
        assert f">{name}</text>" in svg
    assert "<title>Fitili: around 15.1° N, 0.3° E; confidence: low</title>" in svg


def test_the_map_explains_its_symbols_in_a_legend(client):
    make_places()

    html = client.get(reverse("map")).content.decode()
    legend = html[html.index("How to read the points"):]

    assert "Good: a gazetteer point corroborated within about 2 km" in legend
    assert "Representative: a conventional point for an area" in legend
    assert "Low: one weak source, or possibly another feature of that name" in legend


def test_places_without_coordinates_are_listed_beside_the_map_not_drawn(client):
    make_places()

    response = client.get(reverse("map"))
    html = response.content.decode()
    aside = html[html.index('<aside class="map-aside"'):html.index("</aside>")]

    assert "Haroum" not in svg_of(response)
    assert "Location not published" in aside
    assert '<a href="/places/haroum/">Haroum</a>' in aside
    assert "Ménaka" not in aside


def test_the_map_has_a_table_of_the_places_with_coordinates_and_confidence(client):
    make_places()

    html = client.get(reverse("map")).content.decode()
    table = html[html.index("<table"):html.index("</table>")]

    assert re.search(r"Ménaka</a></th>\s*<td[^>]*>Town</td>\s*<td[^>]*>15.91667° N, 2.4° E</td>\s*"
                     r"<td[^>]*>Good: a gazetteer point", table)
    assert "Haroum" not in table


def test_drafts_appear_nowhere_on_the_map(client):
    make_places()
    located("draft-located", f"{DRAFT_MARKER} base", "15.5", "1.5", Place.CoordinateConfidence.GOOD,
            status=Status.DRAFT)
    make_place(slug="draft-unlocated", name=f"{DRAFT_MARKER} village", status=Status.WITHDRAWN)

    html = client.get(reverse("map")).content.decode()

    assert DRAFT_MARKER not in html
    assert "draft-located" not in html and "draft-unlocated" not in html


def test_a_map_without_located_places_still_lists_the_others(client):
    make_place(slug="haroum", name="Haroum")

    html = client.get(reverse("map")).content.decode()

    assert "No published place has coordinates yet." in html
    assert '<a href="/places/haroum/">Haroum</a>' in html


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url_name", ["timeline", "map"])
def test_the_number_of_queries_does_not_grow_with_the_record(client, url_name):
    make_war_and_clashes()
    make_places()
    small = count_queries(client, reverse(url_name))

    war = Event.objects.get(slug="jnim-isgs-war")
    for number in range(40):
        parent = make_event(title=f"Clash {number}", parent=war, start_date=D(2021, 1, 1) + datetime.timedelta(days=number * 9))
        make_event(title=f"Part of clash {number}", parent=parent, start_date=parent.start_date)
        make_event(title=f"Undated {number}", start_date=None, end_date=None)
        located(f"village-{number}", f"Village {number}", f"{15 + number / 20:.5f}", f"{number / 20:.5f}",
                Place.CoordinateConfidence.LOW)
        make_place(name=f"Unlocated {number}")
    large = count_queries(client, reverse(url_name))

    assert large == small
