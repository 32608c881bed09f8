"""The public CSV files of claims and events: what a researcher downloads from the lists."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Event, Participation, Status
from sources.models import Claim, Source
from tests.factories import make_actor, make_citation, make_claim, make_event, make_place, make_source

pytestmark = pytest.mark.django_db

CLAIMS_CSV = reverse("claim-export")
EVENTS_CSV = reverse("event-export")
MARKER = "Zqxdraftmarker"
D = datetime.date
Role = Participation.Role

CLAIM_COLUMNS = [
    "claim", "url", "statement", "event", "event_title", "event_start", "event_end", "event_start_precision",
    "event_end_precision", "event_date_meaning", "kind",
    "party", "actor", "place", "qualifier", "value_low", "value_high", "unit", "original_wording", "claimant", "assessment",
    "assessment_reason", "same_allegation_as", "sources", "source_urls", "magnitude", "stated_on",
    "stated_on_precision", "as_of", "as_of_precision", "supersedes", "superseded_by",
]
EVENT_COLUMNS = [
    "event_id", "url", "title", "event_date_start", "event_date_end", "start_precision", "end_precision", "date_meaning",
    "event_type",
    "sub_event_type", "part_of", "actor1", "actor2", "other_actors", "locations", "notes",
]


def content_of(response):
    """The text of a page, or of a file streamed in pieces."""
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8")
    return response.content.decode("utf-8")


def csv_rows(response):
    """The file as a spreadsheet reads it: the header, then one dict per row."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    reader = csv.DictReader(io.StringIO(content_of(response), newline=""))
    return reader.fieldnames, list(reader)


def rows_of(response):
    return csv_rows(response)[1]


def column(response, name):
    return [row[name] for row in rows_of(response)]


@pytest.fixture
def haroum():
    """The battles of Tadjalalt and Haroum: each side's claim about the other's dead, one restated in other words."""
    jnim = make_actor(slug="jnim", name="Jama'at Nasr al-Islam wal Muslimin", short_name="JNIM")
    isgs = make_actor(slug="isgs", name="Islamic State in the Greater Sahara", short_name="ISGS")
    clashes = make_event(
        slug="menaka-clashes",
        title="Ménaka region clashes",
        event_type=Event.Type.CONFLICT,
        start_date=D(2022, 12, 3),
        end_date=D(2022, 12, 13),
    )
    haroum_village = make_place(slug="haroum", name="Haroum")
    battle = make_event(
        slug="haroum-battle",
        title="Battles of Tadjalalt and Haroum",
        summary="Clashes resumed in Tadjalalt and Haroum.",
        sub_event_type=Event.SubType.ARMED_CLASH,
        start_date=D(2022, 12, 7),
        end_date=D(2022, 12, 10),
        parent=clashes,
        places=[make_place(slug="tadjalalt", name="Tadjalalt"), haroum_village],
        participants=[(jnim, Role.SIDE_A), (isgs, Role.SIDE_B)],
    )
    ntillit = make_event(slug="ntillit-fighting", title="Fighting at N'Tillit", start_date=D(2022, 12, 3))
    wikipedia = make_source(
        slug="wikipedia",
        title="December 2022 Ménaka region clashes",
        publisher="Wikipedia",
        url="https://en.wikipedia.org/wiki/December_2022_M%C3%A9naka_region_clashes",
    )
    interview = make_source(slug="interview", title="An interview without a link", kind=Source.Kind.INTERVIEW)
    seventy_three = make_claim(
        slug="jnim-killed-73",
        event=battle,
        statement="JNIM says it killed over 73 ISGS fighters in Haroum",
        qualifier=Claim.Qualifier.AT_LEAST,
        value_low=73,
        unit=Claim.Unit.FIGHTERS,
        wording="over seventy-three ISGS fighters in Haroum alone",
        party=isgs,
        place=haroum_village,
        claimant=jnim,
        assessment=Claim.Assessment.CONTESTED,
        assessment_reason="A belligerent's claim about its enemy's losses.",
        sources=[wikipedia, interview],
    )
    hundred = make_claim(
        slug="isgs-killed-100",
        event=battle,
        statement="ISGS says it killed 100 JNIM fighters",
        value_low=100,
        unit=Claim.Unit.FIGHTERS,
        wording="100",
        party=jnim,
        claimant=isgs,
        sources=[wikipedia],
    )
    restated = make_claim(
        slug="isgs-killed-a-hundred",
        event=battle,
        statement="ISGS claims to have killed a hundred JNIM soldiers",
        value_low=100,
        unit=Claim.Unit.FIGHTERS,
        wording="a hundred JNIM soldiers",
        party=jnim,
        claimant=isgs,
        restates=hundred,
        sources=[wikipedia],
    )
    displaced = make_claim(
        slug="ntillit-displaced",
        event=ntillit,
        kind=Claim.Kind.DISPLACED,
        statement="583 households were displaced from N'Tillit",
        value_low=583,
        unit=Claim.Unit.HOUSEHOLDS,
        wording="583 households",
        sources=[wikipedia],
    )
    return {
        "jnim": jnim,
        "isgs": isgs,
        "clashes": clashes,
        "battle": battle,
        "ntillit": ntillit,
        "wikipedia": wikipedia,
        "seventy_three": seventy_three,
        "hundred": hundred,
        "restated": restated,
        "displaced": displaced,
    }


# The claims file


def test_the_claims_file_is_a_utf8_csv_download_with_a_header_row(client, haroum):
    response = client.get(CLAIMS_CSV)

    header, rows = csv_rows(response)
    assert response["Content-Disposition"] == 'attachment; filename="menaka-claims.csv"'
    assert header == CLAIM_COLUMNS
    assert len(rows) == 4


def test_a_claim_row_gives_the_figure_as_claimed_with_its_claimant_and_sources(client, haroum):
    row = {row["claim"]: row for row in rows_of(client.get(CLAIMS_CSV))}["jnim-killed-73"]

    assert row == {
        "claim": "jnim-killed-73",
        "url": "http://testserver/claims/jnim-killed-73/",
        "statement": "JNIM says it killed over 73 ISGS fighters in Haroum",
        "event": "haroum-battle",
        "event_title": "Battles of Tadjalalt and Haroum",
        "event_start": "2022-12-07",
        "event_end": "2022-12-10",
        "event_start_precision": "day",
        "event_end_precision": "day",
        "event_date_meaning": "lasted",
        "kind": "killed",
        "party": "ISGS",
        "actor": "",
        "place": "Haroum",
        "qualifier": "at_least",
        "value_low": "73",
        "value_high": "",
        "unit": "fighters",
        "original_wording": "over seventy-three ISGS fighters in Haroum alone",
        "claimant": "JNIM",
        "assessment": "contested",
        "assessment_reason": "A belligerent's claim about its enemy's losses.",
        "same_allegation_as": "",
        "sources": "An interview without a link | December 2022 Ménaka region clashes",
        "source_urls": "https://en.wikipedia.org/wiki/December_2022_M%C3%A9naka_region_clashes",
        "magnitude": "",
        "stated_on": "",
        "stated_on_precision": "",
        "as_of": "",
        "as_of_precision": "",
        "supersedes": "",
        "superseded_by": "",
    }


def test_an_unattributed_claim_has_no_claimant_and_a_restatement_names_the_claim_it_restates(client, haroum):
    rows = {row["claim"]: row for row in rows_of(client.get(CLAIMS_CSV))}

    assert rows["ntillit-displaced"]["claimant"] == ""
    assert rows["ntillit-displaced"]["party"] == ""
    assert rows["isgs-killed-a-hundred"]["same_allegation_as"] == "isgs-killed-100"
    assert rows["isgs-killed-100"]["same_allegation_as"] == ""


def test_the_claims_file_lists_the_claims_in_the_lists_order_one_row_each_never_added_up(client, haroum):
    rows = rows_of(client.get(CLAIMS_CSV))

    assert [row["claim"] for row in rows] == [
        "ntillit-displaced",
        "jnim-killed-73",
        "isgs-killed-100",
        "isgs-killed-a-hundred",
    ]
    assert [row["value_low"] for row in rows] == ["583", "73", "100", "100"]
    assert "200" not in {cell for row in rows for cell in row.values()}


def test_the_claims_file_holds_every_claim_not_one_page(client, haroum):
    for number in range(60):
        make_claim(event=haroum["battle"], kind=Claim.Kind.WOUNDED, statement=f"Wounded claim {number:02d}")

    assert len(rows_of(client.get(CLAIMS_CSV, {"kind": "wounded"}))) == 60
    assert len(rows_of(client.get(CLAIMS_CSV, {"kind": "wounded", "page": "99"}))) == 60


@pytest.mark.parametrize(
    "params, slugs",
    [
        ({"kind": "displaced"}, ["ntillit-displaced"]),
        ({"claimant": "jnim"}, ["jnim-killed-73"]),
        ({"party": "jnim"}, ["isgs-killed-100", "isgs-killed-a-hundred"]),
        ({"assessment": "contested"}, ["jnim-killed-73"]),
        ({"event": "ntillit-fighting"}, ["ntillit-displaced"]),
        ({"q": "seventy-three"}, ["jnim-killed-73"]),
        (
            {"kind": "killed", "claimant": "isgs", "event": "haroum-battle"},
            ["isgs-killed-100", "isgs-killed-a-hundred"],
        ),
        ({"kind": "killed", "claimant": "jnim", "party": "jnim"}, []),
    ],
)
def test_the_claims_file_honours_the_lists_filters(client, haroum, params, slugs):
    header, rows = csv_rows(client.get(CLAIMS_CSV, params))

    assert header == CLAIM_COLUMNS
    assert [row["claim"] for row in rows] == slugs


@pytest.mark.parametrize("query", ["kind=beheaded", "claimant=no-such-actor", "event=" + "x" * 5000, "q=%00"])
def test_invalid_claim_filters_give_the_claims_page_with_its_errors_not_a_file(client, haroum, query):
    response = client.get(f"{CLAIMS_CSV}?{query}", follow=True)

    page = response.content.decode()
    assert response.redirect_chain[0][0].startswith(reverse("claim-list") + "?")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "Content-Disposition" not in response
    assert "<h1>Claims</h1>" in page
    assert "These filters could not be applied" in page
    assert "No claims are shown until the filters above are corrected." in page
    assert "Download these claims as CSV" not in page


# The events file


def test_the_events_file_is_a_utf8_csv_download_in_acleds_column_names_without_fatalities(client, haroum):
    response = client.get(EVENTS_CSV)

    header, rows = csv_rows(response)
    assert response["Content-Disposition"] == 'attachment; filename="menaka-events.csv"'
    assert header == EVENT_COLUMNS
    assert "fatalities" not in header
    assert [row["event_id"] for row in rows] == ["ntillit-fighting", "menaka-clashes", "haroum-battle"]


def test_an_event_row_gives_its_dates_at_their_precision_its_sides_and_its_places(client, haroum):
    row = {row["event_id"]: row for row in rows_of(client.get(EVENTS_CSV))}["haroum-battle"]

    assert row == {
        "event_id": "haroum-battle",
        "url": "http://testserver/events/haroum-battle/",
        "title": "Battles of Tadjalalt and Haroum",
        "event_date_start": "2022-12-07",
        "event_date_end": "2022-12-10",
        "start_precision": "day",
        "end_precision": "day",
        "date_meaning": "lasted",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "part_of": "menaka-clashes",
        "actor1": "JNIM",
        "actor2": "ISGS",
        "other_actors": "",
        "locations": "Haroum | Tadjalalt",
        "notes": "Clashes resumed in Tadjalalt and Haroum.",
    }


def test_an_events_other_actors_carry_their_role_and_a_month_stays_a_month(client):
    jnim, civilians = make_actor(short_name="JNIM"), make_actor(name="Civilians", kind="civilians")
    air_force = make_actor(name="Malian air force", kind="state_force")
    make_event(
        slug="alleged-massacres",
        event_type=Event.Type.VIOLENCE_AGAINST_CIVILIANS,
        start_date=D(2022, 9, 1),
        end_date=D(2022, 9, 30),
        precision=Event.DatePrecision.MONTH,
        participants=[(civilians, Role.TARGET), (air_force, Role.OTHER), (jnim, Role.PERPETRATOR)],
    )

    [row] = rows_of(client.get(EVENTS_CSV))

    assert row["event_type"] == "Violence against civilians"
    assert row["sub_event_type"] == ""
    assert (row["start_precision"], row["end_precision"]) == ("month", "month")
    assert row["event_date_start"] == "2022-09-01"
    assert (row["actor1"], row["actor2"]) == ("", "")
    assert row["other_actors"] == "JNIM (perpetrator) | Civilians (target) | Malian air force (other)"


@pytest.mark.parametrize(
    "params, event_ids",
    [
        ({"type": "conflict"}, ["menaka-clashes"]),
        ({"actor": "jnim"}, ["haroum-battle"]),
        ({"place": "haroum"}, ["haroum-battle"]),
        ({"start": "2022-12-05", "end": "2022-12-31"}, ["menaka-clashes", "haroum-battle"]),
        ({"text": "resumed"}, ["haroum-battle"]),
        ({"text": "nothing like it"}, []),
    ],
)
def test_the_events_file_honours_the_lists_filters(client, haroum, params, event_ids):
    header, rows = csv_rows(client.get(EVENTS_CSV, params))

    assert header == EVENT_COLUMNS
    assert [row["event_id"] for row in rows] == event_ids


@pytest.mark.parametrize(
    "query", ["start=2022-13-45", "type=picnic", "actor=nobody", "start=2022-12-10&end=2022-12-03"]
)
def test_invalid_event_filters_give_the_events_page_with_its_errors_not_a_file(client, haroum, query):
    response = client.get(f"{EVENTS_CSV}?{query}", follow=True)

    page = response.content.decode()
    assert response.redirect_chain[0][0].startswith(reverse("event-list") + "?")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "Content-Disposition" not in response
    assert "<h1>Events</h1>" in page
    assert "These filters could not be applied" in page
    assert "No events are listed until the filters above are corrected." in page


# Published only


@pytest.mark.parametrize("hidden", [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])
def test_no_unpublished_entry_appears_in_either_file(client, haroum, hidden):
    hidden_actor = make_actor(name=f"{MARKER} militia", short_name=MARKER, status=hidden)
    hidden_event = make_event(
        slug=f"{MARKER.lower()}-event",
        title=f"{MARKER} event",
        summary=MARKER,
        status=hidden,
        participants=[(haroum["jnim"], Role.SIDE_A)],
    )
    make_event(slug="child-of-an-unpublished-event", parent=hidden_event)
    make_claim(event=hidden_event, statement="A claim about a hidden event")
    make_claim(event=haroum["battle"], slug=f"{MARKER.lower()}-claim", statement=MARKER, wording=MARKER, status=hidden)
    make_claim(event=haroum["battle"], statement="A claim by a hidden claimant", claimant=hidden_actor)
    make_claim(event=haroum["battle"], statement="A claim about a hidden place", place=make_place(status=hidden))
    make_claim(
        event=haroum["battle"],
        statement="A claim restating an unpublished claim",
        restates=make_claim(event=haroum["battle"], slug=f"{MARKER.lower()}-restated", status=hidden),
    )
    hidden_source = make_source(title=f"{MARKER} source", url=f"https://example.org/{MARKER}", status=hidden)
    make_citation(haroum["hundred"], hidden_source)
    haroum["battle"].participations.create(actor=hidden_actor, role=Role.OTHER)
    haroum["battle"].event_places.create(place=make_place(name=f"{MARKER} village", status=hidden))

    for params in [{}, {"q": "hidden"}, {"event": "haroum-battle"}, {"text": "event"}]:
        for url in (CLAIMS_CSV, EVENTS_CSV):
            response = client.get(url, params)
            assert response.status_code == 200
            content = content_of(response)
            assert MARKER not in content and MARKER.lower() not in content
            assert "hidden" not in content
    claims = {row["claim"]: row for row in rows_of(client.get(CLAIMS_CSV))}
    assert claims["isgs-killed-100"]["sources"] == "December 2022 Ménaka region clashes"
    assert [row["same_allegation_as"] for row in claims.values()].count("") == 4
    events = {row["event_id"]: row for row in rows_of(client.get(EVENTS_CSV))}
    assert events["child-of-an-unpublished-event"]["part_of"] == ""


# Formula injection


def test_free_text_that_a_spreadsheet_would_run_as_a_formula_is_kept_as_text(client):
    event = make_event(title='=HYPERLINK("https://example.org","Haroum")', summary="@SUM(1+1)")
    make_claim(
        event=event,
        statement="+70 civilians",
        wording="-70",
        assessment_reason="\t=1+1",
        party=make_actor(short_name="=JNIM"),
        value_low=70,
        sources=[make_source(title="=Le Monde")],
    )

    [claim] = rows_of(client.get(CLAIMS_CSV))
    [event_row] = rows_of(client.get(EVENTS_CSV))

    assert claim["statement"] == "'+70 civilians"
    assert claim["original_wording"] == "'-70"
    assert claim["assessment_reason"] == "'\t=1+1"
    assert claim["event_title"] == '\'=HYPERLINK("https://example.org","Haroum")'
    assert claim["party"] == "'=JNIM"
    assert claim["sources"] == "'=Le Monde"
    assert (claim["value_low"], claim["value_high"]) == ("70", "70")
    assert event_row["title"] == '\'=HYPERLINK("https://example.org","Haroum")'
    assert event_row["notes"] == "'@SUM(1+1)"


def test_text_that_merely_contains_a_formula_character_is_left_as_written(client):
    make_claim(statement="At least 73 ISGS fighters", wording="73+", assessment_reason="Per JNIM - unverified.")

    [claim] = rows_of(client.get(CLAIMS_CSV))

    assert claim["original_wording"] == "73+"
    assert claim["statement"] == "At least 73 ISGS fighters"
    assert claim["assessment_reason"] == "Per JNIM - unverified."


# Query counts


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        assert response.status_code == 200
        content_of(response)
    return len(queries)


def add_record(size):
    sources = [make_source(url=f"https://example.org/source-{number}") for number in range(3)]
    parent = make_event(event_type=Event.Type.CONFLICT)
    for number in range(size):
        jnim, isgs, place = make_actor(), make_actor(), make_place()
        event = make_event(
            parent=parent,
            places=[place, make_place(parent=place)],
            participants=[(jnim, Role.SIDE_A), (isgs, Role.SIDE_B), (make_actor(), Role.TARGET)],
        )
        first = make_claim(event=event, party=jnim, claimant=isgs, sources=sources[: 1 + number % 3])
        make_claim(event=event, party=jnim, claimant=isgs, restates=first, sources=sources[:1])


def test_the_exports_make_as_many_queries_for_much_data_as_for_little(client):
    urls = [
        CLAIMS_CSV,
        CLAIMS_CSV + "?kind=killed&q=Claim",
        EVENTS_CSV,
        EVENTS_CSV + "?type=battles&start=2022-01-01&end=2022-12-31",
    ]
    add_record(2)
    few = [queries_for(client, url) for url in urls]

    add_record(18)
    many = [queries_for(client, url) for url in urls]

    assert len(rows_of(client.get(CLAIMS_CSV))) == 40
    assert few == many


# Links from the lists


def test_the_claims_list_links_to_the_file_with_its_filters_but_not_its_page(client, haroum):
    for number in range(60):
        make_claim(event=haroum["battle"], kind=Claim.Kind.WOUNDED, statement=f"Wounded claim {number:02d}")

    unfiltered = client.get(reverse("claim-list")).content.decode()
    second_page = client.get(reverse("claim-list"), {"kind": "wounded", "page": "2"}).content.decode()

    assert '<a href="/claims.csv" type="text/csv">Download these claims as CSV</a>' in unfiltered
    assert '<a href="/claims.csv?kind=wounded" type="text/csv">Download these claims as CSV</a>' in second_page


def test_the_events_list_links_to_the_file_with_its_filters_and_says_where_the_figures_are(client, haroum):
    page = client.get(reverse("event-list"), {"actor": "jnim", "start": "2022-12-01"}).content.decode()

    assert (
        '<a href="/events.csv?actor=jnim&amp;start=2022-12-01" type="text/csv">Download these events as CSV</a>'
        " (no casualty figures: every figure is a claim, with who claims it, in "
        '<a href="/claims.csv" type="text/csv">claims.csv</a>)'
    ) in page


# The shipped record


@pytest.fixture
def menaka_record(db):
    call_command("loaddata", "menaka_clashes", verbosity=0)


def test_the_shipped_claims_file_gives_isgs_claim_of_100_jnim_dead_as_isgs_words_it(client, menaka_record):
    wikipedia_url = Source.objects.get(title="December 2022 Ménaka region clashes").url
    rows = {row["claim"]: row for row in rows_of(client.get(CLAIMS_CSV))}

    row = rows["clashes-killed-jnim-per-isgs"]
    assert row["original_wording"] == "100"
    assert row["claimant"] == "ISGS"
    assert row["party"] == "JNIM"
    assert (row["qualifier"], row["value_low"], row["value_high"], row["unit"]) == ("exact", "100", "100", "fighters")
    assert row["event"] == "december-2022-menaka-region-clashes"
    assert row["event_title"] == "December 2022 Ménaka region clashes"
    assert row["sources"] == "December 2022 Ménaka region clashes"
    assert row["source_urls"] == wikipedia_url
    assert rows["tadjalalt-haroum-killed-jnim-per-isgs"]["same_allegation_as"] == "clashes-killed-jnim-per-isgs"


def test_the_shipped_claims_file_names_the_commander_a_claim_is_about(client, menaka_record):
    rows = {row["claim"]: row for row in rows_of(client.get(CLAIMS_CSV))}

    assert (rows["clashes-commander-jnim"]["actor"], rows["clashes-commander-jnim"]["party"]) == ("Iyad ag Ghali", "JNIM")
    assert (rows["clashes-commander-isgs-unknown"]["actor"], rows["clashes-commander-isgs-unknown"]["qualifier"]) == (
        "", "unknown",
    )


def test_the_shipped_files_hold_exactly_what_the_lists_count(client, menaka_record):
    claims_caption = client.get(reverse("claim-list")).content.decode().split("<caption>", 1)[1].split(" ", 1)[0]
    events_caption = client.get(reverse("event-list")).content.decode().split("<caption>", 1)[1].split(" ", 1)[0]

    assert len(rows_of(client.get(CLAIMS_CSV))) == int(claims_caption)
    assert len(rows_of(client.get(EVENTS_CSV))) == int(events_caption)


def test_the_shipped_events_file_gives_the_clashes_sides_and_the_massacres_alleged_perpetrator(client, menaka_record):
    rows = {row["event_id"]: row for row in rows_of(client.get(EVENTS_CSV))}

    clashes = rows["december-2022-menaka-region-clashes"]
    assert (clashes["actor1"], clashes["actor2"]) == ("JNIM", "ISGS")
    assert (clashes["event_date_start"], clashes["event_date_end"], clashes["start_precision"]) == (
        "2022-12-03",
        "2022-12-10",
        "day",
    )
    assert clashes["part_of"] == "jnim-isgs-war"
    assert clashes["event_type"] == "Battles"
    assert rows["idarfan-alabadje-massacres"]["other_actors"] == "JNIM (perpetrator) | Civilians (target)"
    assert rows["truce-expires-september-2022"]["start_precision"] == "month"
    assert rows["truce-expires-september-2022"]["date_meaning"] == "within"
    assert rows["malian-air-force-overflight"]["date_meaning"] == "within"
    assert (rows["mali-war"]["start_precision"], rows["mali-war"]["end_precision"]) == ("", "")
