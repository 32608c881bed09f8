"""The /data/ files: the field's shapes, GeoJSON, the record's tables and the data package."""

import csv
import datetime
import io
import json
import re

import frictionless
import geojson
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial.page_cache import record_changed
from events.models import Event, Participation, Place, Status
from sources.models import Claim
from tests.factories import make_actor, make_citation, make_claim, make_event, make_place, make_source

pytestmark = pytest.mark.django_db

MARKER = "Zqxdraftmarker"
Role = Participation.Role

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip
UCDP_COLUMNS = [
    "id", "year", "type_of_violence", "conflict_name", "dyad_name", "side_a", "side_b", "source_article",
    "source_original", "where_prec", "where_coordinates", "adm_1", "adm_2", "latitude", "longitude", "country",
    "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best",
    "low", "high",
]  # fmt: skip
UCDP_EXTRA_COLUMNS = ["number_of_sources", "source_office", "where_description", "geom_wkt"]
CSV_FILES = ["acled.csv", "ucdp-ged.csv", "events.csv", "claims.csv", "actors.csv", "places.csv", "sources.csv"]
ALL_FILES = [*CSV_FILES, "events.geojson", "places.geojson", "datapackage.json"]


def download(client, name, params=None):
    response = client.get(f"/data/{name}", params or {})
    assert response.status_code == 200, response.status_code
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body.decode("utf-8")


def table(client, name, params=None):
    response, text = download(client, name, params)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return reader.fieldnames, list(reader)


def rows_by(client, name, key, params=None):
    return {row[key]: row for row in table(client, name, params)[1]}


@pytest.fixture
def article(db):
    call_command("loaddata", "menaka_clashes", verbosity=0)


# Columns


@pytest.mark.parametrize(
    "name, columns",
    [
        ("acled.csv", ACLED_COLUMNS),
        ("ucdp-ged.csv", UCDP_COLUMNS + UCDP_EXTRA_COLUMNS),
        ("actors.csv", ["actor", "url", "name", "short_name", "aliases", "kind", "description", "relations"]),
        (
            "places.csv",
            ["place", "url", "name", "alternate_names", "kind", "parent", "latitude", "longitude",
             "coordinate_confidence", "coordinate_source_url", "coordinate_note", "description"],
        ),  # fmt: skip
        (
            "sources.csv",
            ["source", "url", "title", "kind", "publisher", "author", "publication_date", "source_url",
             "access_date", "archive_url", "language", "notes"],
        ),  # fmt: skip
    ],
)
def test_each_file_has_its_shapes_column_names_in_order(client, article, name, columns):
    header, rows = table(client, name)

    assert header == columns
    assert rows


def list_file(client, url):
    return b"".join(client.get(url).streaming_content).decode()


def test_the_data_copies_of_the_lists_files_have_the_lists_columns(client, article):
    assert download(client, "claims.csv")[1] == list_file(client, "/claims.csv")
    # The events list's file knows nothing of claims: the data copy adds the two grades the claims give.
    listed = list(csv.reader(io.StringIO(list_file(client, "/events.csv"))))
    copied = list(csv.reader(io.StringIO(download(client, "events.csv")[1])))
    assert [row[:-2] for row in copied] == listed
    assert copied[0][-2:] == ["grade_occurred", "grade_perpetrator"]
    graded = {row[0]: row[-2:] for row in copied[1:]}
    assert graded["idarfan-alabadje-massacres"] == ["alleged", "alleged"]
    assert graded["malian-air-force-overflight"] == ["alleged", ""]
    assert graded["fighting-in-ntillit"] == ["", ""]


# The article's contested figures and the rules


def test_acled_leaves_fatalities_empty_when_only_the_fighting_parties_give_figures_and_notes_them_all(client, article):
    haroum = rows_by(client, "acled.csv", "event_id_cnty")["battles-of-tadjalalt-and-haroum"]

    assert haroum["fatalities"] == ""
    assert "ISGS (a party to the fighting): 100 fighters of JNIM, “a hundred JNIM soldiers”, contested" in haroum["notes"]
    assert (
        "JNIM (a party to the fighting): more than 73 fighters of ISGS, “over seventy-three ISGS fighters in Haroum alone”"
        in haroum["notes"]
    )
    assert "173" not in haroum["notes"]
    assert (haroum["actor1"], haroum["actor2"], haroum["inter1"], haroum["inter2"], haroum["interaction"]) == (
        "JNIM", "ISGS", "2", "2", "22",
    )  # fmt: skip
    assert (haroum["event_date"], haroum["year"], haroum["time_precision"]) == ("2022-12-07", "2022", "1")


def test_acled_fatalities_take_the_lowest_figure_of_a_claimant_outside_the_fighting(client, article):
    rows = rows_by(client, "acled.csv", "event_id_cnty")

    clashes = rows["december-2022-menaka-region-clashes"]
    assert clashes["fatalities"] == "70"
    assert "in the source's own voice: at least 70 civilians of Civilians, “70+ civilians killed”, alleged" in clashes["notes"]
    assert "ISGS (a party to the fighting): 100 fighters of JNIM, “100”, contested" in clashes["notes"]
    assert "JNIM (a party to the fighting): more than 73 fighters of ISGS, “73+”, contested" in clashes["notes"]
    massacres = rows["idarfan-alabadje-massacres"]
    assert (massacres["fatalities"], massacres["civilian_targeting"], massacres["interaction"]) == ("70", "Civilian targeting", "27")
    assert rows["capture-of-fitili-base"]["fatalities"] == ""


def test_ucdp_low_best_high_follow_the_rule_and_source_original_names_every_claimant(client, article):
    rows = rows_by(client, "ucdp-ged.csv", "id")

    haroum = rows["battles-of-tadjalalt-and-haroum"]
    assert (haroum["low"], haroum["best"], haroum["high"]) == ("", "", "")
    assert haroum["source_original"] == "JNIM: more than 73 fighters; ISGS: 100 fighters"
    clashes = rows["december-2022-menaka-region-clashes"]
    assert (clashes["low"], clashes["best"], clashes["high"], clashes["deaths_civilians"]) == ("70", "70", "70", "70")
    assert (clashes["deaths_a"], clashes["deaths_b"]) == ("", "")
    assert clashes["source_original"] == "in the source's own voice: at least 70 civilians; JNIM: more than 73 fighters; ISGS: 100 fighters"
    assert (clashes["type_of_violence"], clashes["conflict_name"], clashes["dyad_name"]) == ("2", "JNIM–ISGS war", "JNIM - ISGS")
    assert rows["idarfan-alabadje-massacres"]["type_of_violence"] == "3"


def test_an_independent_figure_fills_the_numbers_and_a_partisan_one_never_does(client):
    jnim, isgs = make_actor(short_name="JNIM"), make_actor(short_name="ISGS")
    commander = make_actor(name="Iyad ag Ghali", kind="person")
    commander.relations_from.create(kind="commands", object=jnim)
    observers = make_actor(name="Observers", kind="other")
    battle = make_event(slug="battle", participants=[(jnim, Role.SIDE_A), (isgs, Role.SIDE_B)])
    make_claim(event=battle, party=isgs, claimant=jnim, value_low=300, wording="300")
    make_claim(event=battle, party=isgs, claimant=commander, value_low=5, wording="5")
    make_claim(event=battle, party=jnim, claimant=observers, qualifier="between", value_low=20, value_high=40, wording="20 to 40")
    make_claim(event=battle, party=isgs, claimant=observers, qualifier="at_least", value_low=12, wording="12+")
    make_claim(event=battle, party=isgs, qualifier="about", value_low=9, assessment="discounted", wording="~9")

    acled = rows_by(client, "acled.csv", "event_id_cnty")["battle"]
    ucdp = rows_by(client, "ucdp-ged.csv", "id")["battle"]

    assert acled["fatalities"] == "12"
    assert (ucdp["low"], ucdp["best"], ucdp["high"]) == ("12", "12", "40")
    assert (ucdp["deaths_a"], ucdp["deaths_b"]) == ("20", "12")
    # The commander of a side is a party to the fighting too: his 5 fills nothing.
    assert "Iyad ag Ghali (a party to the fighting): 5 people of ISGS" in acled["notes"]
    assert "“~9”, discounted" in acled["notes"]


def test_a_toll_revised_by_its_claimant_counts_as_revised_and_a_draft_revision_not_at_all(client):
    jnim, isgs = make_actor(short_name="JNIM"), make_actor(short_name="ISGS")
    observers = make_actor(name="Observers", kind="other")
    battle = make_event(slug="battle", participants=[(jnim, Role.SIDE_A), (isgs, Role.SIDE_B)])
    first = make_claim(event=battle, party=isgs, claimant=observers, value_low=40, wording="40 dead")
    make_claim(event=battle, party=isgs, claimant=observers, value_low=70, wording="70 dead", supersedes=first)
    rows = rows_by(client, "ucdp-ged.csv", "id")["battle"]
    assert (rows["low"], rows["best"], rows["high"]) == ("70", "70", "70")
    assert rows_by(client, "acled.csv", "event_id_cnty")["battle"]["fatalities"] == "70"

    Claim.objects.filter(supersedes=first).update(status=Status.DRAFT)
    record_changed()
    rows = rows_by(client, "ucdp-ged.csv", "id")["battle"]
    assert (rows["low"], rows["best"], rows["high"]) == ("40", "40", "40")


def occurred(event, assessment, **fields):
    return make_claim(event=event, kind=Claim.Kind.OCCURRED, qualifier="", value_low=None, unit="", wording="It happened",
                      assessment=assessment, **fields)  # fmt: skip


def test_every_file_grades_an_event_by_the_claims_no_public_claim_supersedes_wherever_that_claim_is(client):
    village = make_place(latitude=15, longitude=1, coordinate_confidence="good")
    raid, other = make_event(slug="raid", places=[village]), make_event(slug="other", places=[village])
    # Corroborated, then superseded by a claim filed under another event: the raid's grade is what stands.
    occurred(other, "contested", supersedes=occurred(raid, "corroborated"))
    occurred(raid, "alleged")
    # A draft that would supersede the alleged claim does not count until it is published.
    draft = occurred(other, "discounted", status=Status.DRAFT)

    def grades():
        events = rows_by(client, "events.csv", "event_id")["raid"]
        acled = rows_by(client, "acled.csv", "event_id_cnty")["raid"]
        [feature] = [f for f in json.loads(download(client, "events.geojson")[1])["features"] if f["properties"]["event"] == "raid"]
        in_notes = re.search(r"Grades: it happened: (\w+)", acled["notes"])
        assert feature["properties"]["grade_occurred"] == (events["grade_occurred"] or None)
        assert (in_notes[1] if in_notes else "") == events["grade_occurred"]
        return events["grade_occurred"], rows_by(client, "events.csv", "event_id")["other"]["grade_occurred"]

    assert grades() == ("alleged", "contested")

    Claim.objects.filter(pk=draft.pk).update(status=Status.PUBLISHED, supersedes=Claim.objects.get(assessment="alleged"))
    record_changed()
    assert grades() == ("", "contested")


def test_acled_timestamp_is_the_whole_second_of_the_events_latest_change(client):
    event = make_event(slug="raid")
    latest = datetime.datetime(2026, 12, 2, 3, 19, 59, 999999, tzinfo=datetime.timezone.utc)
    event.history.update(history_date=latest - datetime.timedelta(days=3))
    event.history.filter(pk=event.history.latest().pk).update(history_date=latest)

    assert rows_by(client, "acled.csv", "event_id_cnty")["raid"]["timestamp"] == str(int(latest.timestamp())) == "1796181599"


def test_wars_that_contain_events_are_not_rows_of_the_event_datasets(client, article):
    acled = rows_by(client, "acled.csv", "event_id_cnty")
    ucdp = rows_by(client, "ucdp-ged.csv", "id")

    assert "jnim-isgs-war" not in acled and "mali-war" not in ucdp
    assert len(acled) == len(ucdp) == Event.objects.published().exclude(event_type="conflict").count()


def test_a_location_without_a_point_takes_its_regions_point_and_says_so(client, article):
    acled = rows_by(client, "acled.csv", "event_id_cnty")["fighting-in-ntillit"]
    ucdp = rows_by(client, "ucdp-ged.csv", "id")["fighting-in-ntillit"]

    assert (acled["location"], acled["admin1"], acled["admin2"], acled["country"]) == ("N'Tillit", "Gao Region", "Gao Cercle", "Mali")
    assert (acled["latitude"], acled["longitude"], acled["geo_precision"]) == ("17.09861", "0.35139", "3")
    assert (ucdp["where_coordinates"], ucdp["where_prec"], ucdp["geom_wkt"]) == ("Gao Region", "4", "POINT (0.35139 17.09861)")
    fitili = rows_by(client, "acled.csv", "event_id_cnty")["capture-of-fitili-base"]
    assert (fitili["location"], fitili["geo_precision"]) == ("Fitili", "1")


# GeoJSON


def test_the_geojson_files_are_valid_feature_collections_in_longitude_latitude_order(client, article):
    for name in ("events.geojson", "places.geojson"):
        response, text = download(client, name)
        assert response["Content-Type"] == "application/geo+json"
        collection = geojson.loads(text)
        assert collection.is_valid, collection.errors()
        assert collection["type"] == "FeatureCollection"

    places = {feature["id"]: feature for feature in json.loads(download(client, "places.geojson")[1])["features"]}
    fitili = Place.objects.get(slug="fitili")
    assert places["fitili"]["geometry"]["coordinates"] == [float(fitili.longitude), float(fitili.latitude)]
    assert places["fitili"]["geometry"]["coordinates"] == [0.2598, 15.0551]
    assert places["fitili"]["properties"]["coordinate_confidence"] == "low"


def test_entries_without_points_are_left_out_of_the_geojson_and_counted(client, article):
    events = json.loads(download(client, "events.geojson")[1])
    places = json.loads(download(client, "places.geojson")[1])

    located = Place.objects.published().filter(latitude__isnull=False).count()
    assert len(places["features"]) == located
    assert places["places_without_coordinates"] == Place.objects.published().count() - located
    ids = {feature["id"] for feature in events["features"]}
    assert "capture-of-fitili-base@fitili" in ids
    assert not any(feature_id.startswith("battles-of-tadjalalt-and-haroum@") for feature_id in ids)
    located_events = {feature["properties"]["event"] for feature in events["features"]}
    assert events["events_without_coordinates"] == Event.objects.published().count() - len(located_events)
    fitili = next(feature for feature in events["features"] if feature["id"] == "capture-of-fitili-base@fitili")
    assert fitili["properties"]["coordinate_confidence"] == "low"


# The data package


def test_the_data_package_is_valid_against_the_served_files(client, article, tmp_path):
    _, text = download(client, "datapackage.json")
    package = json.loads(text)
    (tmp_path / "datapackage.json").write_text(text, encoding="utf-8")
    for name in CSV_FILES:
        (tmp_path / name).write_text(download(client, name)[1], encoding="utf-8")

    report = frictionless.validate(str(tmp_path / "datapackage.json"))

    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert [resource["path"] for resource in package["resources"]] == CSV_FILES
    assert package["licenses"] == [
        {
            "name": "CC-BY-SA-4.0",
            "path": "https://creativecommons.org/licenses/by-sa/4.0/",
            "title": "Creative Commons Attribution-ShareAlike 4.0 International",
        }
    ]
    acled = next(resource for resource in package["resources"] if resource["name"] == "acled")
    assert [field["name"] for field in acled["schema"]["fields"]] == ACLED_COLUMNS
    fatalities = next(field for field in acled["schema"]["fields"] if field["name"] == "fatalities")
    assert fatalities["type"] == "integer"
    assert "lowest number of dead claimed by anyone who is not a party to the fighting" in fatalities["description"]


def test_every_file_names_the_records_version_and_a_change_gives_a_new_one(client, article):
    version = json.loads(download(client, "datapackage.json")[1])["version"]
    assert re.fullmatch(r"\d{8}T\d{6}\.\d{6}Z", version)
    for name in ALL_FILES:
        response, _ = download(client, name)
        stem, extension = name.rsplit(".", 1)
        assert response["Content-Disposition"] == f'attachment; filename="menaka-{stem}-{version}.{extension}"'
        assert response["Last-Modified"]

    event = Event.objects.get(slug="fighting-in-ntillit")
    event.summary += " Corrected."
    event._change_reason = "A correction"
    event.save()

    newer = json.loads(download(client, "datapackage.json")[1])["version"]
    assert newer > version
    assert newer in download(client, "acled.csv")[0]["Content-Disposition"]


# Published only


@pytest.mark.parametrize("hidden", [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])
def test_no_unpublished_entry_appears_in_any_file(client, article, hidden):
    jnim = make_actor(slug="draft-test-jnim", short_name="JNIMX")
    hidden_actor = make_actor(name=f"{MARKER} militia", short_name=MARKER, status=hidden)
    hidden_place = make_place(name=f"{MARKER} village", latitude=15, longitude=1, coordinate_confidence="good", status=hidden)
    hidden_event = make_event(title=f"{MARKER} event", summary=MARKER, status=hidden, places=[hidden_place])
    make_event(title="Child of a hidden event", parent=hidden_event, participants=[(hidden_actor, Role.SIDE_A)])
    battle = Event.objects.get(slug="battles-of-tadjalalt-and-haroum")
    battle.participations.create(actor=hidden_actor, role=Role.SIDE_B)
    battle.event_places.create(place=hidden_place)
    make_claim(event=battle, statement=MARKER, wording=MARKER, status=hidden)
    make_claim(event=battle, claimant=hidden_actor, wording="claimed by a hidden actor")
    make_claim(event=battle, claimant=jnim, party=hidden_actor, wording="about a hidden actor")
    make_citation(Claim.objects.get(slug="clashes-killed-jnim-per-isgs"), make_source(title=f"{MARKER} source", publisher=MARKER, status=hidden))
    hidden_actor.relations_from.create(kind="part_of", object=jnim)

    for name in ALL_FILES:
        for params in ({}, {"text": "battle"}):
            text = download(client, name, params)[1]
            assert MARKER not in text and MARKER.lower() not in text, name
            assert "hidden actor" not in text, name


# Filters


@pytest.mark.parametrize("name", ["acled.csv", "ucdp-ged.csv", "events.csv"])
def test_the_event_files_honour_the_event_lists_filters(client, article, name):
    key = {"acled.csv": "event_id_cnty", "ucdp-ged.csv": "id", "events.csv": "event_id"}[name]

    assert set(rows_by(client, name, key, {"text": "massacres"})) == {"idarfan-alabadje-massacres"}
    in_december = set(rows_by(client, name, key, {"start": "2022-12-07", "end": "2022-12-07", "type": "battles"}))
    assert "battles-of-tadjalalt-and-haroum" in in_december
    assert "fighting-in-ntillit" not in in_december


def test_the_events_geojson_and_the_claims_file_honour_their_lists_filters(client, article):
    events = json.loads(download(client, "events.geojson", {"text": "Fitili"})[1])
    claims = rows_by(client, "claims.csv", "claim", {"kind": "displaced"})

    # The massacres' summary names Fitili too, but none of their places has a point.
    assert {feature["properties"]["event"] for feature in events["features"]} == {"capture-of-fitili-base"}
    assert events["events_without_coordinates"] == 1
    assert set(claims) == {"ntillit-households-displaced"}


@pytest.mark.parametrize(
    "name, query, heading",
    [
        ("acled.csv", "start=2022-13-45", "<h1>Events</h1>"),
        ("ucdp-ged.csv", "type=picnic", "<h1>Events</h1>"),
        ("events.geojson", "start=2022-12-10&end=2022-12-03", "<h1>Events</h1>"),
        ("events.csv", "type=picnic", "<h1>Events</h1>"),
        ("claims.csv", "kind=beheaded", "<h1>Claims</h1>"),
    ],
)
def test_invalid_filters_give_the_lists_errors_not_a_file(client, article, name, query, heading):
    response = client.get(f"/data/{name}?{query}", follow=True)

    assert response.status_code == 200
    assert "Content-Disposition" not in response
    page = response.content.decode()
    assert heading in page
    assert "These filters could not be applied" in page


def test_an_unknown_file_is_not_found(client):
    assert client.get("/data/secrets.csv").status_code == 404


# Formula injection


def test_free_text_a_spreadsheet_would_run_stays_text_in_every_shape(client):
    actor = make_actor(short_name="=cmd|' /C calc'!A0")
    make_event(slug="formula", title="=HYPERLINK(1)", summary="@SUM(1)", participants=[(actor, Role.SIDE_A)])

    assert rows_by(client, "acled.csv", "event_id_cnty")["formula"]["actor1"] == "'=cmd|' /C calc'!A0"
    assert rows_by(client, "acled.csv", "event_id_cnty")["formula"]["notes"] == "'@SUM(1)"
    assert rows_by(client, "ucdp-ged.csv", "id")["formula"]["side_a"] == "'=cmd|' /C calc'!A0"
    assert rows_by(client, "actors.csv", "actor")[actor.slug]["short_name"] == "'=cmd|' /C calc'!A0"


# The page


def test_the_data_page_lists_every_file_with_its_codebook_rules_licence_and_version(client, article):
    page = client.get("/data/").content.decode()

    for name in ALL_FILES:
        assert f'href="/data/{name}"' in page
    for column in ACLED_COLUMNS + UCDP_COLUMNS:
        assert f"<code>{column}</code>" in page
    assert "Empty when only parties to the fighting give a figure" in page
    assert 'href="https://creativecommons.org/licenses/by-sa/4.0/"' in page
    assert "Creative Commons Attribution-ShareAlike 4.0 International" in page
    assert "December 2022 Ménaka region clashes" in page
    version = json.loads(download(client, "datapackage.json")[1])["version"]
    assert f"version <code>{version}</code>" in page
    assert '<a href="/data/">Data files</a>' in client.get("/").content.decode()


# Query counts


def queries_for(client, name):
    with CaptureQueriesContext(connection) as queries:
        download(client, name)
    return len(queries)


def add_events(count):
    source = make_source()
    region = make_place(kind="region", latitude=16, longitude=2, coordinate_confidence="representative")
    parent = make_event(event_type=Event.Type.CONFLICT)
    for _ in range(count):
        jnim, isgs = make_actor(), make_actor()
        event = make_event(
            parent=parent,
            places=[make_place(parent=region), region],
            participants=[(jnim, Role.SIDE_A), (isgs, Role.SIDE_B)],
        )
        make_claim(event=event, party=jnim, claimant=isgs, sources=[source])
        make_claim(event=event, party=isgs, sources=[source])


def test_every_file_makes_as_many_queries_for_much_data_as_for_little(client, settings):
    add_events(3)
    few = [queries_for(client, name) for name in ALL_FILES]

    add_events(30)
    many = [queries_for(client, name) for name in ALL_FILES]

    assert few == many


def test_a_file_larger_than_a_chunk_makes_a_bounded_number_of_queries_per_chunk(client, monkeypatch):
    import events.exports

    monkeypatch.setattr(events.exports, "ROWS_PER_CHUNK", 4)
    add_events(4)
    one_chunk = {name: queries_for(client, name) for name in ALL_FILES}

    add_events(8)
    three_chunks = {name: queries_for(client, name) for name in ALL_FILES}

    # Each further chunk asks each related table once: at most 8 queries (ACLED's participants, places, claims,
    # the claims among them a public claim supersedes, citations, last changes, parent events, places not read
    # before: here each event's village, its region being known), whatever the chunk holds.
    for name in ALL_FILES:
        assert one_chunk[name] <= three_chunks[name] <= one_chunk[name] + 2 * 8, name
    assert three_chunks["acled.csv"] > one_chunk["acled.csv"]


def test_a_file_that_forgets_between_chunks_what_earlier_chunks_read_writes_the_same_rows(client, article, monkeypatch):
    import events.exports

    add_events(6)
    remembering = {name: download(client, name)[1] for name in ALL_FILES}

    # Every chunk of two rows finds the places, parent events and date codes of the one before forgotten, and
    # reads them again: regions, wars and the article's own nesting must come out as they did.
    monkeypatch.setattr(events.exports, "ROWS_PER_CHUNK", 2)
    monkeypatch.setattr(events.exports, "KEPT_BETWEEN_CHUNKS", 1)
    forgetting = {name: download(client, name)[1] for name in ALL_FILES}

    assert forgetting == remembering
    assert "part of: december-2022-menaka-region-clashes" in remembering["acled.csv"]
