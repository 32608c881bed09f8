"""The lists are built in cheaper ways than Django's own: entries' addresses from one reverse() per URL name
(editorial.entry_urls), filter fields rendered once per way they look ({% filter_fields %}), rows built in
Python ({% claim_rows %}, {% event_rows %}, {% actor_rows %}, {% place_rows %}, {% source_rows %}), counts kept under the view and its query string
(editorial.counts.CountedByAddress). A reader sees what the templates showed before, in either language,
wherever the site is served from, whatever was asked before.

The page cache is off, so that each request renders its page.
"""

import datetime
import html
import re
from decimal import Decimal

import pytest
from django.test import Client, override_settings
from django.urls import NoReverseMatch, get_script_prefix, reverse, set_script_prefix
from django.utils import translation

from editorial.curation import Status
from editorial.entry_urls import entry_url
from events.models import Place
from sources.models import Claim, Source
from tests.factories import make_actor, make_citation, make_claim, make_event, make_place, make_source

pytestmark = pytest.mark.django_db

CLAIMS = "/claims/"
EVENTS = "/events/"


@pytest.fixture
def reader():
    with override_settings(PAGE_CACHE_ENABLED=False):
        yield Client()


def content(response):
    assert response.status_code == 200
    return response.content.decode()


def links(response):
    return set(re.findall(r'href="([^"]*)"', content(response)))


def served_under(reader, prefix, path, **request):
    """The page as a WSGI server gives it to a site served under prefix (the test client sets no script prefix)."""
    before = get_script_prefix()
    set_script_prefix(prefix)
    try:
        return reader.get(path, SCRIPT_NAME=prefix, **request)
    finally:
        set_script_prefix(before)


def text_of(response):
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", content(response))).split())


def test_the_lists_link_to_entries_in_the_readers_language_and_under_the_sites_address(reader):
    party, claimant, source = make_actor(), make_actor(), make_source()
    place = make_place()
    claim = make_claim(event=make_event(places=[place]), party=party, claimant=claimant, sources=[source])
    entries = [f"claims/{claim.slug}/", f"events/{claim.event.slug}/", f"actors/{party.slug}/",
               f"actors/{claimant.slug}/", f"sources/{source.slug}/"]

    assert {f"/{entry}" for entry in entries} <= links(reader.get(CLAIMS))
    assert {f"/fr/{entry}" for entry in entries} <= links(reader.get(f"/fr{CLAIMS}"))
    assert {f"/record/fr/{entry}" for entry in entries} <= links(served_under(reader, "/record", f"/fr{CLAIMS}"))
    assert f"/record/places/{place.slug}/" in links(served_under(reader, "/record", EVENTS))
    # The filters' suggestion lists too, though the fields' HTML is kept (an unfiltered list's is the same for all).
    assert 'data-suggest="/record/suggest/actors/"' in content(served_under(reader, "/record", CLAIMS))
    assert 'data-suggest="/suggest/actors/"' in content(reader.get(CLAIMS))
    # What was served in French or under a prefix before leaves nothing behind.
    english = links(reader.get(CLAIMS))
    assert {f"/{entry}" for entry in entries} <= english
    assert not {f"/fr/{entry}" for entry in entries} & english
    assert not [link for link in english if link.startswith("/record/")]
    assert f"/places/{place.slug}/" in links(reader.get(EVENTS))


def test_the_actor_place_and_source_lists_link_in_the_readers_language_and_under_the_sites_address(reader):
    region = make_place(kind=Place.Kind.REGION)
    village = make_place(parent=region)
    actor, source = make_actor(), make_source()
    lists = {
        "/actors/": [f"actors/{actor.slug}/"],
        "/places/": [f"places/{village.slug}/", f"places/{region.slug}/"],
        "/sources/": [f"sources/{source.slug}/"],
    }

    for path, entries in lists.items():
        assert {f"/record/fr/{entry}" for entry in entries} <= links(served_under(reader, "/record", f"/fr{path}"))
        english = links(reader.get(path))
        assert {f"/{entry}" for entry in entries} <= english
        assert not {f"/fr/{entry}" for entry in entries} & english
        assert not [link for link in english if link.startswith("/record/")]


def test_the_apis_addresses_name_the_host_and_the_sites_address_each_request_came_to(reader):
    place = make_place()
    event = make_event(places=[place])

    def addresses(response):
        row = response.json()["results"][0]
        return row["api_url"], row["page_url"], row["places"][0]["place"]["api_url"]

    assert addresses(reader.get("/api/events/")) == (
        f"http://testserver/api/events/{event.slug}/",
        f"http://testserver/events/{event.slug}/",
        f"http://testserver/api/places/{place.slug}/",
    )
    assert addresses(served_under(reader, "/record", "/api/events/", HTTP_HOST="localhost", secure=True)) == (
        f"https://localhost/record/api/events/{event.slug}/",
        f"https://localhost/record/events/{event.slug}/",
        f"https://localhost/record/api/places/{place.slug}/",
    )
    assert addresses(reader.get("/api/events/"))[0] == f"http://testserver/api/events/{event.slug}/"


def test_an_entrys_address_is_what_reverse_gives():
    for language, prefix in [("en", "/"), ("fr", "/"), ("fr", "/record/"), ("en", "/record/")]:
        with translation.override(language):
            translation_prefix = "/fr" if language == "fr" else ""
            before = get_script_prefix()
            set_script_prefix(prefix)
            try:
                for name in ("event-detail", "claim-detail", "actor-detail", "place-detail", "source-detail"):
                    assert entry_url(name, "some-slug_2") == reverse(name, args=["some-slug_2"])
                assert entry_url("claim-detail", "x").startswith(f"{prefix.rstrip('/')}{translation_prefix}/claims/")
            finally:
                set_script_prefix(before)
    with pytest.raises(NoReverseMatch):
        entry_url("claim-detail", "not a slug")


def test_the_menu_follows_the_language_and_the_script_prefix(reader):
    menu = ["/", "/events/", "/claims/", "/about/", "/changes.atom"]
    assert set(menu) <= links(reader.get(EVENTS))
    assert {"/fr/", "/fr/events/", "/fr/claims/", "/fr/about/", "/changes.atom"} <= links(reader.get(f"/fr{EVENTS}"))
    assert {"/record/fr/events/", "/record/changes.atom"} <= links(served_under(reader, "/record", f"/fr{EVENTS}"))
    assert set(menu) <= links(reader.get(EVENTS))


def test_the_filter_fields_show_each_readers_own_values_and_errors(reader):
    make_claim(statement="Fighters killed near Haroum")
    assert 'value="Haroum"' not in content(reader.get(CLAIMS))

    assert 'value="Haroum"' in content(reader.get(CLAIMS, {"q": "Haroum"}))
    mistaken = text_of(reader.get(CLAIMS, {"claimant": "nobody-of-that-name"}))
    assert mistaken.count("No published actor matches “nobody-of-that-name”.") == 2  # the summary and the field
    french = content(reader.get(f"/fr{CLAIMS}", {"q": "Haroum"}))
    assert ">Texte</label>" in french and 'value="Haroum"' in french
    assert "Aucune fiche publiée" in text_of(reader.get(f"/fr{CLAIMS}", {"claimant": "nobody-of-that-name"}))
    again = content(reader.get(CLAIMS))
    assert 'value="Haroum"' not in again and "nobody-of-that-name" not in again and ">Text</label>" in again


def test_the_rows_escape_what_editors_typed(reader):
    place = make_place(name="Ménaka <Nord> & Sud")
    event = make_event(title='<i>Raid</i> on "Tin-Biden"', places=[place])
    party = make_actor(name="A&B <group>")
    make_claim(event=event, party=party, statement="<em>Fifty</em> & more", wording="<b>50</b> 'dead'",
               sources=[make_source(publisher="<Radio> & Co")])

    claims = content(reader.get(CLAIMS))
    for typed in ("&lt;em&gt;Fifty&lt;/em&gt; &amp; more", "&lt;b&gt;50&lt;/b&gt; &#x27;dead&#x27;",
                  "&lt;i&gt;Raid&lt;/i&gt; on &quot;Tin-Biden&quot;", "A&amp;B &lt;group&gt;", "&lt;Radio&gt; &amp; Co"):
        assert typed in claims
    assert "<em>Fifty" not in claims and "<b>50" not in claims and "<i>Raid" not in claims
    events = content(reader.get(EVENTS))
    assert "&lt;i&gt;Raid&lt;/i&gt; on &quot;Tin-Biden&quot;" in events and "Ménaka &lt;Nord&gt; &amp; Sud" in events


def test_the_rows_say_kinds_and_types_in_the_readers_language(reader):
    make_claim(kind=Claim.Kind.KILLED)

    assert "Tués" in text_of(reader.get(f"/fr{CLAIMS}"))
    assert "Batailles" in text_of(reader.get(f"/fr{EVENTS}"))
    assert "Killed" in text_of(reader.get(CLAIMS)) and "Tués" not in text_of(reader.get(CLAIMS))
    assert "Battles" in text_of(reader.get(EVENTS))


def test_a_lists_count_is_the_same_on_every_page_and_in_any_order_of_its_filters(reader):
    for _ in range(30):
        make_event()
    make_event(title="A riot", event_type="riots")

    assert "31 events, 1 to 25 shown" in text_of(reader.get(EVENTS))
    assert "31 events, 26 to 31 shown" in text_of(reader.get(EVENTS, {"page": 2}))
    assert "1 event, by date" in text_of(reader.get(f"{EVENTS}?type=riots&start=2022-01-01"))
    assert "1 event, by date" in text_of(reader.get(f"{EVENTS}?start=2022-01-01&type=riots&page=1"))
    assert "30 events, 1 to 25 shown" in text_of(reader.get(f"{EVENTS}?type=battles"))


def rows_of(response):
    """Each row of the list's table, as the words a reader sees in each of its cells."""
    body = content(response).split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [
        [" ".join(html.unescape(re.sub(r"<[^>]*>", " ", cell)).split()) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def test_the_actor_place_and_source_rows_say_each_cell_in_the_readers_language_escaped(reader):
    make_actor(name="A&B <group>", aliases="Alpha\nBeta <b>")
    make_actor(name="Zed")
    region = make_place(
        name="Ménaka <Nord>", kind=Place.Kind.REGION, latitude=Decimal("15.91"), longitude=Decimal("2.40"),
        coordinate_confidence=Place.CoordinateConfidence.REPRESENTATIVE,
    )
    make_place(
        name="Haroum", parent=region, latitude=Decimal("15.26"), longitude=Decimal("-0.52"),
        coordinate_confidence=Place.CoordinateConfidence.LOW,
    )
    make_place(name="Tin-Biden", parent=make_place(name="Draft area", status=Status.DRAFT))
    make_source(title="<Radio> report", author="A & B", publication_date=datetime.date(2022, 12, 4))
    make_source(title="Communiqué", publisher="Ministry", kind=Source.Kind.REPORT)

    assert rows_of(reader.get("/actors/")) == [["A&B <group>", "Armed group", "Alpha; Beta <b>"], ["Zed", "Armed group", "—"]]
    assert rows_of(reader.get("/fr/actors/"))[0] == ["A&B <group>", "Groupe armé", "Alpha; Beta <b>"]
    assert rows_of(reader.get("/places/")) == [
        ["Haroum", "Village", "Ménaka <Nord>", "around 15.3° N, 0.5° W (low confidence, approximate)"],
        ["Ménaka <Nord>", "Region", "—", "15.91° N, 2.4° E (a representative point for an area)"],
        ["Tin-Biden", "Village", "—", "Location not published"],
    ]
    assert rows_of(reader.get("/fr/places/"))[0] == [
        "Haroum", "Village", "Ménaka <Nord>", "vers 15,3° N, 0,5° O (confiance faible, approximatif)"
    ]
    assert rows_of(reader.get("/sources/")) == [
        ["<Radio> report", "not known", "A & B", "4 December 2022", "News article", "0"],
        ["Communiqué", "Ministry", "not known", "not known", "Report", "0"],
    ]
    assert rows_of(reader.get("/fr/sources/"))[0] == ["<Radio> report", "inconnu", "A & B", "4 décembre 2022", "Article de presse", "0"]
    for page in ("/actors/", "/places/", "/sources/"):
        typed = content(reader.get(page))
        assert "<group>" not in typed and "<Nord>" not in typed and "<Radio>" not in typed and "<b>" not in typed
    assert "Draft area" not in content(reader.get("/places/"))


def test_the_claim_rows_say_each_cell_in_the_readers_language_in_either_order(reader):
    jnim = make_actor(name="Jama'at Nusrat al-Islam wal-Muslimin", short_name="JNIM")
    isgs = make_actor(name="Islamic State Sahel <Province>")
    raid = make_event(title="Raid on Haroum", start_date=datetime.date(2022, 12, 5))
    announced = make_claim(
        event=raid, party=isgs, claimant=jnim, statement="JNIM says it killed ISGS fighters",
        qualifier=Claim.Qualifier.MORE_THAN, value_low=73, value_high=None, unit=Claim.Unit.FIGHTERS,
        wording="73+", assessment=Claim.Assessment.CONTESTED,
    )  # fmt: skip
    make_citation(announced, make_source(title="Broadcast", publisher="Radio <Ménaka>"), locator="02:10")
    make_citation(announced, make_source(title="A draft source", status=Status.DRAFT))
    make_citation(announced, make_source(title="A report", publisher=""))
    make_claim(
        actor=jnim, kind=Claim.Kind.COMMANDER, statement="Who leads JNIM", qualifier=Claim.Qualifier.NOT_A_FIGURE,
        unit="", wording="its emir", sources=[make_source(title="Profile", publisher="Observer")],
    )  # fmt: skip

    about_the_raid = [
        "JNIM says it killed ISGS fighters", "Raid on Haroum", "Killed", "Islamic State Sahel <Province>",
        "More than 73 fighters", "73+", "JNIM", "Contested", "A report ; Radio <Ménaka> (02:10)",
    ]  # fmt: skip
    about_no_event = [
        "Who leads JNIM", "—", "Commander", "—", "not a figure", "its emir", "Observer , in its own voice", "Reported", "Observer",
    ]  # fmt: skip
    assert rows_of(reader.get(CLAIMS)) == [about_the_raid, about_no_event]
    assert rows_of(reader.get(CLAIMS, {"order": "-kind"})) == [about_the_raid, about_no_event]
    assert rows_of(reader.get(CLAIMS, {"order": "kind"})) == [about_no_event, about_the_raid]
    assert rows_of(reader.get(f"/fr{CLAIMS}"))[0][2:5] == ["Tués", "Islamic State Sahel <Province>", "Plus de 73 combattants"]
    assert rows_of(reader.get(f"/fr{CLAIMS}"))[0][7] == "Contestée"
    typed = content(reader.get(CLAIMS))
    assert "<Province>" not in typed and "<Ménaka>" not in typed and "A draft source" not in typed
    assert f'href="{jnim.get_absolute_url()}">JNIM</a>' in typed
