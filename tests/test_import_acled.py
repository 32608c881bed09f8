"""``import_records --format acled``: ACLED-shaped events, each with its actors, its place and its fatalities as a claim."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from editorial.curation import Status
from events.models import Actor, Event, Participation, Place
from sources.models import Claim, Source
from tests.import_helpers import RECORD_MODELS, alice, counts, csv_text, refused_import, run_import, write  # noqa: F401
from tests.test_public_exports import content_of

pytestmark = pytest.mark.django_db

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
    "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
]
Role = Participation.Role


def acled_row(**cells):
    row = {
        "year": "2022", "time_precision": "1", "disorder_type": "Political violence", "iso": "466",
        "region": "Western Africa", "country": "Mali", "source_scale": "International", "timestamp": "1671000000",
    }
    row.update(cells)
    return [row.get(column, "") for column in ACLED_COLUMNS]


def good_rows():
    return [
        acled_row(
            event_id_cnty="MLI1001", event_date="2022-12-07", event_type="Battles", sub_event_type="Armed clash",
            actor1="JNIM: Group for Support of Islam and Muslims", inter1="2", actor2="Islamic State (Greater Sahara)",
            inter2="2", interaction="22", admin1="Gao", admin2="Ansongo", admin3="Tessit", location="Tadjalalt",
            latitude="15.3101", longitude="0.8710", geo_precision="1", source="Le Monde",
            notes="On 7 December 2022, JNIM and IS Sahel clashed near Tadjalalt.", fatalities="12",
        ),
        acled_row(
            event_id_cnty="MLI1002", event_date="05 December 2022", event_type="Violence against civilians",
            sub_event_type="Attack", actor1="Islamic State (Greater Sahara)", inter1="2", actor2="Civilians (Mali)",
            assoc_actor_2="Tuareg Ethnic Group (Mali); Civilians (Mali)", inter2="7", admin1="Menaka", admin2="Menaka",
            admin3="Inekar", location="Inekar", latitude="15.9500", longitude="3.1500", geo_precision="2",
            source="Le Monde", notes="Civilians were killed in Inekar.", fatalities="0",
        ),
        acled_row(
            event_id_cnty="MLI1003", event_date="2022-12-15", time_precision="3", event_type="Explosions/Remote violence",
            sub_event_type="Shelling/artillery/missile attack", actor1="Military Forces of Mali (2021-)",
            inter1="State forces", admin1="Gao", location="Gao Region", source="Menastream; Twitter",
            notes="Shelling reported in the Gao region.", fatalities="",
        ),
    ]


@pytest.fixture
def record():
    """The article's places and actors, which a file of the same clashes should find rather than repeat."""
    call_command("loaddata", "menaka_clashes", verbosity=0)


def test_a_good_file_makes_events_with_actors_places_and_a_sourced_fatalities_claim(tmp_path, alice, record):
    path = write(tmp_path, "acled.csv", csv_text(ACLED_COLUMNS, good_rows()))

    run_import(path, "acled", alice)

    clash = Event.objects.get(slug="mli1001")
    assert (clash.title, clash.event_type, clash.sub_event_type) == ("Armed clash at Tadjalalt (7 December 2022)", "battles", "armed_clash")
    assert (clash.start_date, clash.end_date) == (datetime.date(2022, 12, 7),) * 2
    assert (clash.start_precision, clash.end_precision, clash.date_meaning) == ("day", "day", "lasted")
    assert clash.summary == "On 7 December 2022, JNIM and IS Sahel clashed near Tadjalalt."
    assert clash.status == Status.REVIEW
    sides = {(p.actor.slug, p.role) for p in clash.participations.all()}
    assert sides == {("jnim", Role.SIDE_A), ("islamic-state-greater-sahara", Role.SIDE_B)}
    new_actor = Actor.objects.get(slug="islamic-state-greater-sahara")
    assert (new_actor.name, new_actor.kind, new_actor.status) == ("Islamic State (Greater Sahara)", "armed_group", Status.REVIEW)
    # Tadjalalt, Tessit, Ansongo Cercle and Gao Region are the article's; Tadjalalt keeps its (unknown) coordinates.
    assert [place.slug for place in clash.places.all()] == ["tadjalalt"]
    assert Place.objects.get(slug="tadjalalt").latitude is None

    fatalities = Claim.objects.get(slug="mli1001-fatalities")
    assert (fatalities.kind, fatalities.qualifier, fatalities.value_low, fatalities.value_high, fatalities.unit) == (
        "killed", "exact", 12, 12, "people"
    )
    assert fatalities.wording == "fatalities: 12\nnotes: On 7 December 2022, JNIM and IS Sahel clashed near Tadjalalt."
    assert fatalities.claimant is None
    assert fatalities.event == clash and fatalities.status == Status.REVIEW
    citation = fatalities.citations.get()
    assert (citation.source.title, citation.source.kind, citation.locator) == ("Le Monde", "other", "ACLED event MLI1001")


def test_an_attack_on_civilians_has_a_perpetrator_a_target_and_a_new_located_place(tmp_path, alice, record):
    path = write(tmp_path, "acled.csv", csv_text(ACLED_COLUMNS, good_rows()))

    run_import(path, "acled", alice)

    attack = Event.objects.get(slug="mli1002")
    assert attack.event_type == "violence_against_civilians" and attack.start_date == datetime.date(2022, 12, 5)
    roles = {(p.actor.name, p.role, p.note) for p in attack.participations.all()}
    assert roles == {
        ("Islamic State (Greater Sahara)", Role.PERPETRATOR, ""),
        ("Civilians (Mali)", Role.TARGET, ""),
        ("Tuareg Ethnic Group (Mali)", Role.TARGET, "Associated with Civilians (Mali) (ACLED assoc_actor_2)."),
    }
    inekar = attack.places.get()
    # The location is the commune the file names as admin3, inside a new Menaka cercle, inside the article's Ménaka Region.
    assert (inekar.name, inekar.kind, inekar.parent.name, inekar.parent.kind) == ("Inekar", "commune", "Menaka", "cercle")
    assert inekar.parent.parent.slug == "menaka-region"
    assert (inekar.latitude, inekar.longitude) == (Decimal("15.95"), Decimal("3.15"))
    assert inekar.coordinate_confidence == Place.CoordinateConfidence.LOW
    assert "geo_precision 2 (the event was near this place, or in its area)" in inekar.coordinate_note
    assert Claim.objects.get(slug="mli1002-fatalities").value_low == 0
    # One source per distinct source column, shared by the rows that name it.
    assert Source.objects.filter(title="Le Monde").count() == 1


def test_a_month_precise_event_spans_its_month_and_a_missing_figure_makes_no_claim(tmp_path, alice, record):
    path = write(tmp_path, "acled.csv", csv_text(ACLED_COLUMNS, good_rows()))

    run_import(path, "acled", alice)

    shelling = Event.objects.get(slug="mli1003")
    assert (shelling.start_date, shelling.end_date, shelling.start_precision, shelling.end_precision) == (
        datetime.date(2022, 12, 1), datetime.date(2022, 12, 31), "month", "month"
    )
    assert shelling.date_meaning == "within"
    assert (shelling.event_type, shelling.sub_event_type) == ("explosions_remote_violence", "other")
    assert shelling.summary.endswith("ACLED sub-event type: Shelling/artillery/missile attack.")
    assert [place.slug for place in shelling.places.all()] == ["gao-region"]
    assert Actor.objects.get(name="Military Forces of Mali (2021-)").kind == "state_force"
    assert not Claim.objects.filter(event=shelling).exists()


def test_a_file_with_bad_rows_in_the_middle_loads_nothing_and_names_every_bad_row(tmp_path, alice, record):
    first, second, third = good_rows()
    bad = [
        acled_row(event_id_cnty="MLI2001", event_date="the 7th", year="2022", event_type="Battles",
                  sub_event_type="Armed clash", actor1="JNIM", location="Haroum", fatalities="many", source="Le Monde"),
        acled_row(event_id_cnty="MLI2002", event_date="2022-12-08", year="2021", event_type="Battles",
                  sub_event_type="Peaceful protest", actor1="JNIM", location="Haroum", latitude="15.2"),
        acled_row(event_id_cnty="MLI2003", event_date="2022-12-08", event_type="Battles", sub_event_type="Armed clash",
                  actor1="JNIM", inter1="9", location="Haroum", fatalities="3"),
        acled_row(event_id_cnty="MLI1001", event_date="2022-12-08", event_type="Riots", sub_event_type="Mob violence",
                  actor1="JNIM", location="Haroum", latitude="95", longitude="1.2", geo_precision="5"),
    ]
    path = write(tmp_path, "acled.csv", csv_text(ACLED_COLUMNS, [first, *bad, second, third]))
    before = counts()

    error, printed = refused_import(path, "acled", alice)

    assert error == "Nothing was imported: acled.csv has 4 bad rows."
    assert printed.splitlines() == [
        "acled.csv: line 3, column event_date: “the 7th” is not a date (write 2022-12-05 or 05 December 2022)",
        "acled.csv: line 3, column fatalities: “many” is not a number of people",
        "acled.csv: line 4, column year: the year 2021 is not the year of the event date 2022-12-08",
        "acled.csv: line 4, column sub_event_type: “Peaceful protest” is not one of ACLED's sub-event types of Battles",
        "acled.csv: line 4, column longitude: coordinates come in pairs: give both, or neither",
        "acled.csv: line 5, column source: a figure needs the source that gives it",
        "acled.csv: line 6, column event_id_cnty: the event “MLI1001” is already on line 2",
    ]
    assert counts() == before


def test_every_bad_row_is_reported_even_after_an_earlier_one(tmp_path, alice, record):
    bad = [
        acled_row(event_id_cnty="MLI2003", event_date="2022-12-08", event_type="Battles", sub_event_type="Armed clash",
                  actor1="JNIM", inter1="9", location="Haroum"),
        acled_row(event_id_cnty="MLI2004", event_date="2022-12-08", event_type="Riots", sub_event_type="Mob violence",
                  actor1="JNIM", location="Haroum", latitude="95", longitude="1.2", geo_precision="5"),
        acled_row(event_id_cnty="MLI2005", event_date="2022-12-08", event_type="Battles", sub_event_type="Armed clash",
                  location=""),
    ]
    path = write(tmp_path, "acled.csv", csv_text(ACLED_COLUMNS, [good_rows()[0], *bad]))

    _, printed = refused_import(path, "acled", alice)

    assert printed.splitlines() == [
        "acled.csv: line 3, column inter1: “9” is not one of ACLED's actor types (1 to 8)",
        "acled.csv: line 4, column latitude: 95.00000 is out of range (-90 to 90)",
        "acled.csv: line 4, column geo_precision: “5” is not an ACLED geo precision (1, 2 or 3)",
        "acled.csv: line 5, column location: every event needs its location",
        "acled.csv: line 5, column actor1: every event needs its first actor",
    ]
    assert not Event.objects.filter(slug="mli1001").exists()


def test_importing_the_same_file_twice_changes_nothing_the_second_time(tmp_path, alice, record):
    path = write(tmp_path, "acled.csv", csv_text(ACLED_COLUMNS, good_rows()))
    run_import(path, "acled", alice)
    after_first = counts()

    output = run_import(path, "acled", alice)

    assert counts() == after_first
    assert "nothing was changed" in output
    assert "create" not in output


def test_a_changed_row_updates_its_event_and_claim_and_adds_what_is_new(tmp_path, alice, record):
    run_import(write(tmp_path, "acled.csv", csv_text(ACLED_COLUMNS, good_rows())), "acled", alice)
    rows = good_rows()
    rows[0][ACLED_COLUMNS.index("fatalities")] = "15"
    rows[0][ACLED_COLUMNS.index("assoc_actor_2")] = "Tuareg rebels"
    path = write(tmp_path, "acled-corrected.csv", csv_text(ACLED_COLUMNS, rows))

    output = run_import(path, "acled", alice)

    assert "change event “mli1001”: participant Tuareg rebels (Side B) added" in output
    assert "change claim “mli1001-fatalities”: statement; lower bound; upper bound; original wording" in output
    claim = Claim.objects.get(slug="mli1001-fatalities")
    assert claim.value_low == 15
    assert claim.history.first().history_change_reason == "Updated from acled-corrected.csv by alice"
    assert Event.objects.get(slug="mli1001").participations.filter(actor__slug="tuareg-rebels").exists()


def test_every_imported_row_has_one_revision_naming_the_file_and_the_user(tmp_path, alice, record):
    before = {model: set(model.objects.values_list("pk", flat=True)) for model in RECORD_MODELS}
    path = write(tmp_path, "acled.csv", csv_text(ACLED_COLUMNS, good_rows()))

    run_import(path, "acled", alice)

    imported = 0
    for model, old in before.items():
        for row in model.objects.exclude(pk__in=old):
            records = list(model.history.filter(id=row.pk))
            assert [(r.history_type, r.history_user, r.history_change_reason) for r in records] == [
                ("+", alice, "Imported from acled.csv by alice")
            ], row
            imported += 1
    # 12 entries, 6 participations, 3 event places, 2 citations.
    assert imported == 23


def test_a_dry_run_says_what_it_would_create_and_writes_nothing(tmp_path, alice, record):
    path = write(tmp_path, "acled.csv", csv_text(ACLED_COLUMNS, good_rows()))
    before = counts()

    output = run_import(path, "acled", alice, "--dry-run")

    assert counts() == before
    assert "create event “mli1001”" in output
    assert "create actor “islamic-state-greater-sahara”" in output
    assert "create place “inekar”" in output
    assert output.endswith("acled.csv: 12 to create, 0 to change, 0 to leave alone. Dry run: nothing was written.\n")


def test_nothing_imported_is_public(client, tmp_path, alice, record):
    run_import(write(tmp_path, "acled.csv", csv_text(ACLED_COLUMNS, good_rows())), "acled", alice)

    assert "Armed clash at Tadjalalt" not in client.get(reverse("event-list")).content.decode()
    assert client.get(reverse("event-detail", args=["mli1001"])).status_code == 404
    assert "mli1001" not in content_of(client.get(reverse("claim-export")))
    assert "mli1001" not in content_of(client.get(reverse("event-export")))
    assert "Islamic State (Greater Sahara)" not in client.get(reverse("actor-list")).content.decode()
    assert "Inekar" not in client.get(reverse("place-list")).content.decode()
