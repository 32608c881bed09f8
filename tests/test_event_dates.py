"""An event's dates say whether it lasted from start to end or happened sometime between them, each end at its
own precision: refused by the database when incoherent, shown in words, drawn and exported as what they say."""

import csv
import datetime
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from events.models import Event
from events.templatetags.record import event_dates

from .factories import make_event

D = datetime.date
OVERFLIGHT = "malian-air-force-overflight"
BATTLES = "battles-of-tadjalalt-and-haroum"
UNDATED = "return-to-border-positions"


@pytest.fixture
def article(db):
    call_command("loaddata", "menaka_clashes", verbosity=0)


def data_rows(client, name, key):
    response = client.get(f"/data/{name}")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return {row[key]: row for row in csv.DictReader(io.StringIO(body.decode("utf-8"), newline=""))}


# The database refuses dates that say nothing coherent, whatever writes them.

@pytest.mark.parametrize("fields", [
    {"start_date": None, "start_precision": "day", "end_date": None, "end_precision": ""},
    {"start_date": D(2022, 12, 7), "start_precision": "", "end_date": None, "end_precision": ""},
    {"start_date": D(2022, 12, 7), "start_precision": "day", "end_date": None, "end_precision": "month"},
    {"start_date": D(2022, 12, 7), "start_precision": "day", "end_date": D(2022, 12, 10), "end_precision": ""},
    {"start_date": D(2022, 12, 7), "start_precision": "week", "end_date": None, "end_precision": ""},
    {"start_date": D(2022, 12, 7), "start_precision": "day", "end_date": None, "end_precision": "", "date_meaning": "vague"},
])
@pytest.mark.django_db
def test_the_database_refuses_a_precision_without_its_date_a_date_without_its_precision_or_an_unknown_choice(fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.create(slug="incoherent", title="Incoherent dates", event_type=Event.Type.BATTLES, **fields)

    assert not Event.objects.filter(slug="incoherent").exists()


@pytest.mark.django_db
def test_an_editor_is_told_which_end_lacks_its_precision_and_which_has_one_without_a_date():
    event = Event(slug="half-dated", title="Half dated", event_type=Event.Type.BATTLES,
                  start_date=D(2022, 12, 7), end_precision="day")

    with pytest.raises(ValidationError) as refused:
        event.full_clean()

    assert refused.value.message_dict["start_precision"] == ["Say how precisely the start date is known."]
    assert refused.value.message_dict["end_precision"] == ["The end date is unknown: leave its precision empty too."]


# The migration gives each known end the one precision there was, and an unknown date none.

@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_each_known_end_the_old_precision_and_an_unknown_date_none():
    executor = MigrationExecutor(connection)
    before, after = [("events", "0004_timeline_and_map_indexes")], [
        ("events", "0005_date_meaning_and_precision_of_each_end")
    ]
    try:
        executor.migrate(before)
        old_event = executor.loader.project_state(before).apps.get_model("events", "Event")
        old_event.objects.create(slug="truce", title="Truce", event_type="strategic_developments",
                                 start_date=D(2022, 5, 1), end_date=D(2022, 5, 31), date_precision="month")
        old_event.objects.create(slug="war", title="War", event_type="conflict", start_date=D(2020, 1, 1),
                                 date_precision="year")
        old_event.objects.create(slug="undated", title="Undated", event_type="conflict", date_precision="day")

        executor = MigrationExecutor(connection)
        executor.migrate(after)
        new_event = executor.loader.project_state(after).apps.get_model("events", "Event")
        carried = {
            event.slug: (event.start_precision, event.end_precision, event.date_meaning)
            for event in new_event.objects.all()
        }

        assert carried == {
            "truce": ("month", "month", "lasted"),
            "war": ("year", "", "lasted"),
            "undated": ("", "", "lasted"),
        }
    finally:
        # Back to the latest migrations whatever happened, so that the tests after this one find them.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


# What the pages say.

@pytest.mark.parametrize("fields, words", [
    ({"start_date": D(2022, 12, 7), "end_date": D(2022, 12, 10)}, "7–10 December 2022"),
    ({"start_date": D(2022, 12, 7), "end_date": D(2022, 12, 10), "date_meaning": "within"},
     "sometime between 7 and 10 December 2022"),
    ({"start_date": D(2022, 12, 1), "end_date": D(2022, 12, 31), "precision": "month"}, "December 2022"),
    ({"start_date": D(2022, 9, 1), "end_date": D(2022, 9, 30), "precision": "month", "date_meaning": "within"},
     "sometime in September 2022"),
    ({"start_date": D(2022, 9, 1), "end_date": D(2022, 12, 10), "start_precision": "month", "end_precision": "day"},
     "September 2022 – 10 December 2022"),
    ({"start_date": D(2022, 12, 3), "end_date": None, "date_meaning": "within"}, "on or after 3 December 2022"),
    ({"start_date": None, "end_date": D(2022, 12, 13)}, "until 13 December 2022"),
    ({"start_date": None, "end_date": None}, "date unknown"),
])
@pytest.mark.django_db
def test_the_dates_read_as_what_they_say(fields, words):
    assert event_dates(make_event(**fields)) == words


def test_the_overflight_is_shown_as_sometime_within_the_battle_not_as_lasting_four_days(client, article):
    page = client.get(reverse("event-detail", args=[OVERFLIGHT])).content.decode()
    timeline = client.get(reverse("timeline")).content.decode()

    assert "<dd>sometime between 7 and 10 December 2022</dd>" in page
    assert "7–10 December 2022" not in page
    overflight_bar = timeline.split(f'href="/events/{OVERFLIGHT}/" class="timeline-bar', 1)[1].split(">", 1)[0]
    assert " within" in overflight_bar
    battles_bar = timeline.split(f'href="/events/{BATTLES}/" class="timeline-bar', 1)[1].split(">", 1)[0]
    assert " within" not in battles_bar
    assert "Alleged overflight of the battlefield by a Malian air force jet: sometime between 7 and 10 December 2022" in timeline


def test_the_overflight_is_exported_as_sometime_within_four_days_and_the_battles_as_lasting_them(client, article):
    ucdp, acled = data_rows(client, "ucdp-ged.csv", "id"), data_rows(client, "acled.csv", "event_id_cnty")

    assert (ucdp[OVERFLIGHT]["date_start"], ucdp[OVERFLIGHT]["date_end"], ucdp[OVERFLIGHT]["date_prec"]) == (
        "2022-12-07", "2022-12-10", "2"
    )
    assert acled[OVERFLIGHT]["time_precision"] == "2"
    assert ucdp[BATTLES]["date_prec"] == "1"
    assert acled[BATTLES]["time_precision"] == "1"


def test_the_api_geojson_and_events_file_say_what_the_dates_mean(client, article):
    api = client.get(f"/api/events/{OVERFLIGHT}/").json()
    geojson = json.loads(b"".join(client.get("/data/events.geojson").streaming_content))
    events = data_rows(client, "events.csv", "event_id")

    assert (api["start_precision"], api["end_precision"], api["date_meaning"]) == ("day", "day", "within")
    # The overflight's places have no published point; Fitili has one.
    feature = next(f for f in geojson["features"] if f["properties"]["event"] == "capture-of-fitili-base")
    assert (feature["properties"]["start_precision"], feature["properties"]["date_meaning"]) == ("day", "lasted")
    assert events[OVERFLIGHT]["date_meaning"] == "within"


def test_undated_events_export_no_precision(client, article):
    ucdp, acled = data_rows(client, "ucdp-ged.csv", "id"), data_rows(client, "acled.csv", "event_id_cnty")
    api = client.get(f"/api/events/{UNDATED}/").json()

    assert (ucdp[UNDATED]["date_start"], ucdp[UNDATED]["date_prec"]) == ("", "")
    assert (acled[UNDATED]["event_date"], acled[UNDATED]["time_precision"]) == ("", "")
    # Known only by its end ("continued until 13 December"): no start for a code to qualify.
    assert ucdp["skirmishes-until-december-13"]["date_prec"] == ""
    assert acled["skirmishes-until-december-13"]["time_precision"] == ""
    assert (api["start_precision"], api["end_precision"]) == (None, None)


@pytest.mark.django_db
def test_a_window_known_only_to_the_month_is_coded_as_within_a_month(client):
    make_event(slug="expiry", event_type=Event.Type.STRATEGIC_DEVELOPMENTS, start_date=D(2022, 9, 1),
               end_date=D(2022, 9, 30), precision="month", date_meaning="within")
    make_event(slug="a-week", start_date=D(2022, 12, 1), end_date=D(2022, 12, 7), date_meaning="within")

    ucdp, acled = data_rows(client, "ucdp-ged.csv", "id"), data_rows(client, "acled.csv", "event_id_cnty")

    assert (ucdp["expiry"]["date_prec"], acled["expiry"]["time_precision"]) == ("4", "3")
    assert (ucdp["a-week"]["date_prec"], acled["a-week"]["time_precision"]) == ("3", "2")
