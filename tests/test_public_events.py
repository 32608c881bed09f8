"""The public list of events, its filters, and the event page."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events import filters

from events.models import Event, Participation, Place, Status
from events.views import EventListView
from sources.models import Claim
from tests.factories import make_actor, make_claim, make_event, make_place, make_source

pytestmark = pytest.mark.django_db

EVENTS = reverse("event-list")
D = datetime.date


def listed_titles(response):
    """The titles in the list's table, in the order shown."""
    table = response.content.decode().split("<tbody>", 1)[-1].split("</tbody>", 1)[0]
    return re.findall(r'<th scope="row"><a href="[^"]*">([^<]*)</a></th>', table)


# The list


def test_the_list_shows_published_events_in_date_order(client):
    make_event(title="Battle of Haroum", start_date=D(2022, 12, 7), end_date=D(2022, 12, 10))
    make_event(title="Fighting in N'Tillit", start_date=D(2022, 12, 3))
    make_event(title="Truce expires", start_date=D(2022, 9, 1), precision=Event.DatePrecision.MONTH)
    make_event(title="Undated rumour", start_date=None, end_date=None)
    make_event(title="Skirmishes until 13 December", start_date=None, end_date=D(2022, 12, 13))

    response = client.get(EVENTS)

    assert response.status_code == 200
    assert listed_titles(response) == [
        "Truce expires",
        "Fighting in N&#x27;Tillit",
        "Battle of Haroum",
        "Skirmishes until 13 December",
        "Undated rumour",
    ]
    assert "5 events" in response.content.decode()


def test_the_list_shows_dates_with_their_precision_and_places(client):
    menaka = make_place(name="Ménaka")
    make_event(title="Truce expires", start_date=D(2022, 9, 1), precision=Event.DatePrecision.MONTH, places=[menaka])

    page = client.get(EVENTS).content.decode()

    assert "September 2022" in page
    assert "1 September 2022" not in page
    assert f'<a href="{menaka.get_absolute_url()}">Ménaka</a>' in page


@pytest.mark.parametrize(
    ("start", "end", "precision", "shown"),
    [
        (D(2022, 12, 4), D(2022, 12, 4), "day", "4 December 2022"),
        (D(2022, 12, 3), D(2022, 12, 10), "day", "3–10 December 2022"),
        (D(2022, 11, 28), D(2022, 12, 3), "day", "28 November – 3 December 2022"),
        (D(2022, 12, 28), D(2023, 1, 3), "day", "28 December 2022 – 3 January 2023"),
        (D(2022, 9, 1), D(2022, 9, 30), "month", "September 2022"),
        (D(2022, 9, 1), D(2022, 10, 31), "month", "September–October 2022"),
        (D(2022, 12, 1), D(2023, 1, 31), "month", "December 2022 – January 2023"),
        (D(2020, 1, 1), D(2020, 12, 31), "year", "2020"),
        (D(2020, 1, 1), D(2022, 12, 31), "year", "2020–2022"),
        (D(2022, 12, 5), D(2022, 12, 5), "approximate", "c. 5 December 2022"),
        (D(2022, 12, 3), None, "day", "from 3 December 2022"),
        (D(2020, 1, 1), None, "year", "from 2020"),
        (None, D(2022, 12, 13), "day", "until 13 December 2022"),
        (None, None, "day", "date unknown"),
    ],
)
def test_dates_are_shown_no_more_precisely_than_they_are_known(client, start, end, precision, shown):
    make_event(start_date=start, end_date=end, precision=precision)

    assert f'<td data-label="Date">{shown}</td>' in client.get(EVENTS).content.decode()


def test_the_list_filters_by_type(client):
    make_event(title="A battle", event_type=Event.Type.BATTLES)
    make_event(title="A truce", event_type=Event.Type.STRATEGIC_DEVELOPMENTS)

    response = client.get(EVENTS, {"type": "strategic_developments"})

    assert listed_titles(response) == ["A truce"]


def test_the_list_filters_by_actor(client):
    jnim = make_actor(slug="jnim", name="JNIM")
    isgs = make_actor(slug="isgs", name="ISGS")
    make_event(title="JNIM attacks", participants=[(jnim, Participation.Role.SIDE_A)])
    make_event(title="Both fight", participants=[(jnim, Participation.Role.SIDE_A), (isgs, Participation.Role.SIDE_B)])
    make_event(title="ISGS attacks", participants=[(isgs, Participation.Role.PERPETRATOR)])

    response = client.get(EVENTS, {"actor": "jnim"})

    assert sorted(listed_titles(response)) == ["Both fight", "JNIM attacks"]


def test_an_event_with_an_actor_in_two_roles_is_listed_once(client):
    jnim = make_actor(slug="jnim")
    make_event(title="Split roles", participants=[(jnim, Participation.Role.SIDE_A), (jnim, Participation.Role.PERPETRATOR)])

    assert listed_titles(client.get(EVENTS, {"actor": "jnim"})) == ["Split roles"]


def test_the_place_filter_includes_places_within_the_place(client):
    region = make_place(slug="menaka-region", name="Ménaka Region", kind=Place.Kind.REGION)
    village = make_place(name="Haroum", parent=region)
    elsewhere = make_place(name="Gao")
    make_event(title="In the region", places=[region])
    make_event(title="In a village of the region", places=[village])
    make_event(title="Elsewhere", places=[elsewhere])

    response = client.get(EVENTS, {"place": "menaka-region"})

    assert sorted(listed_titles(response)) == ["In a village of the region", "In the region"]


def test_the_text_filter_searches_titles_and_summaries(client):
    make_event(title="Capture of the Fitili base")
    make_event(title="Massacres", summary="Killings reported after the fighting at Fitili.")
    make_event(title="Battle of Haroum")

    response = client.get(EVENTS, {"text": "fitili"})

    assert sorted(listed_titles(response)) == ["Capture of the Fitili base", "Massacres"]


def test_the_date_range_keeps_events_that_overlap_it(client):
    make_event(title="Before", start_date=D(2022, 11, 1), end_date=D(2022, 11, 30))
    make_event(title="Overlapping the start", start_date=D(2022, 12, 1), end_date=D(2022, 12, 4))
    make_event(title="Inside", start_date=D(2022, 12, 7), end_date=D(2022, 12, 10))
    make_event(title="Overlapping the end", start_date=D(2022, 12, 12), end_date=D(2022, 12, 20))
    make_event(title="After", start_date=D(2023, 1, 5))
    make_event(title="Undated", start_date=None, end_date=None)
    make_event(title="Start unknown, ends inside", start_date=None, end_date=D(2022, 12, 13))
    make_event(title="Starts inside, end unknown", start_date=D(2022, 12, 3), end_date=None)

    response = client.get(EVENTS, {"start": "2022-12-03", "end": "2022-12-13"})

    assert listed_titles(response) == [
        "Overlapping the start",
        "Starts inside, end unknown",
        "Inside",
        "Overlapping the end",
        "Start unknown, ends inside",
    ]


def test_an_open_ended_date_range_filters_on_one_side(client):
    make_event(title="Old", start_date=D(2020, 1, 1))
    make_event(title="New", start_date=D(2022, 12, 3))

    assert listed_titles(client.get(EVENTS, {"start": "2022-01-01"})) == ["New"]
    assert listed_titles(client.get(EVENTS, {"end": "2021-12-31"})) == ["Old"]


def test_the_actor_filter_lists_no_actors_and_finds_only_published_events_of_published_actors(client):
    make_event(title="Shown", participants=[(make_actor(name="Takes Part"), Participation.Role.SIDE_A)])
    make_actor(name="Only Comments")
    make_event(
        title="Draft battle", status=Status.DRAFT, participants=[(make_actor(name="Only In A Draft"), Participation.Role.SIDE_A)]
    )
    make_event(participants=[(make_actor(name="Draft Group", status=Status.DRAFT), Participation.Role.SIDE_A)])

    page = client.get(EVENTS).content.decode()
    assert page.count("<select") == 1, "only the type is a drop-down"
    assert "Takes Part" not in page and "Only Comments" not in page

    assert listed_titles(client.get(EVENTS, {"actor": "takes part"})) == ["Shown"]
    in_a_draft = client.get(EVENTS, {"actor": "Only In A Draft"})
    assert listed_titles(in_a_draft) == [] and "Draft battle" not in in_a_draft.content.decode()
    assert "No published actor matches “Draft Group”." in client.get(EVENTS, {"actor": "Draft Group"}).content.decode()


# Invalid input: a page with the form's errors, or a 404; never a server error


@pytest.mark.parametrize(
    ("query", "field_label", "message"),
    [
        ({"start": "2022-13-45"}, "From", "Enter a valid date."),
        ({"end": "yesterday"}, "To", "Enter a valid date."),
        ({"start": "12/03/2022"}, "From", "Enter a valid date."),
        ({"type": "picnic"}, "Type", "Select a valid choice."),
        ({"actor": "no-such-actor"}, "Actor", "No published actor matches “no-such-actor”."),
        ({"place": "atlantis"}, "Place", "No published place matches “atlantis”."),
        ({"start": "2022-12-10", "end": "2022-12-03"}, "To", "The end of the date range cannot be before its start."),
        ({"text": "Fitili\x00"}, "Text", "Null characters are not allowed."),
        ({"actor": "jnim\x00"}, "Actor", "Null characters are not allowed."),
    ],
)
def test_invalid_filters_are_shown_as_form_errors_and_list_nothing(client, query, field_label, message):
    make_event(title="Battle of Haroum")

    response = client.get(EVENTS, query)

    page = response.content.decode()
    assert response.status_code == 200
    assert "These filters could not be applied" in page
    assert f">{field_label}</a>: {message}" in page
    assert listed_titles(response) == []
    assert "No events are listed until the filters above are corrected." in page


def test_the_date_fields_show_back_only_real_dates(client):
    page = client.get(EVENTS, {"start": "2022-12-3", "end": "2022-13-45"}).content.decode()

    assert '<input type="date" name="start" value="2022-12-03"' in page
    assert '<input type="date" name="end" aria-invalid="true"' in page
    # Only the language switch carries the address's query on, to the same page with the same errors in French.
    assert "2022-13-45" not in page.replace('href="/fr/events/?start=2022-12-3&amp;end=2022-13-45"', "")


@pytest.mark.parametrize("page_number", ["999999", "abc", "0", "-1", "2"])
def test_a_page_number_past_the_end_or_not_a_number_is_not_found(client, page_number):
    make_event()

    response = client.get(EVENTS, {"page": page_number})

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_the_last_page_can_be_asked_for_by_name(client):
    for day in range(1, 28):
        make_event(title=f"Day {day:02}", start_date=D(2022, 12, day))

    response = client.get(EVENTS, {"page": "last"})

    assert response.status_code == 200
    assert listed_titles(response) == ["Day 26", "Day 27"]


def test_repeated_parameters_use_the_last_value_without_an_error(client):
    make_event(title="A battle", event_type=Event.Type.BATTLES)
    make_event(title="A riot", event_type=Event.Type.RIOTS)

    response = client.get(EVENTS + "?type=battles&type=riots&page=1&page=1&text=a&text=riot")

    assert response.status_code == 200
    assert listed_titles(response) == ["A riot"]


def test_unknown_parameters_are_ignored(client):
    make_event(title="A battle")

    response = client.get(EVENTS, {"sort": "drop table", "utm_source": "x"})

    assert response.status_code == 200
    assert listed_titles(response) == ["A battle"]


# Pagination


def test_the_list_is_paginated_and_page_links_keep_the_filters(client):
    for day in range(1, 31):
        make_event(title=f"Battle {day:02}", start_date=D(2022, 11, day), event_type=Event.Type.BATTLES)
    make_event(title="A riot", event_type=Event.Type.RIOTS)

    first = client.get(EVENTS, {"type": "battles"})
    second = client.get(EVENTS, {"type": "battles", "page": "2"})

    first_page = first.content.decode()
    assert len(listed_titles(first)) == 25
    assert "30 events, 1 to 25 shown" in first_page
    assert "Page 1 of 2" in first_page
    assert 'href="?type=battles&amp;page=2" rel="next">Next page</a>' in first_page
    assert listed_titles(second) == [f"Battle {day}" for day in range(26, 31)]
    assert 'href="?type=battles&amp;page=1" rel="prev">Previous page</a>' in second.content.decode()


# How the list reads its rows


def listed_with_keys_query(client, query):
    """The titles listed, the SQL that chose them, and SQLite's plan for it (None on PostgreSQL, which plans with
    statistics)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(EVENTS, query)
    sql = next(q["sql"] for q in queries if q["sql"].startswith('SELECT "events_event"."id" AS "pk"') and "LIMIT" in q["sql"])
    plan = None
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            plan = " / ".join(row[3] for row in cursor.fetchall())
    return listed_titles(response), sql, plan


def make_events_of(actor, count):
    for day in range(1, count + 1):
        make_event(title=f"Raid {day:02}", start_date=D(2022, 12, day), participants=[(actor, Participation.Role.SIDE_A)])


def test_an_actors_few_events_are_read_by_key_in_date_order_and_never_a_draft(client):
    jnim = make_actor(slug="jnim")
    make_events_of(jnim, 3)
    make_event(title="Draft raid", status=Status.DRAFT, start_date=D(2022, 12, 2), participants=[(jnim, Participation.Role.SIDE_A)])
    make_event(title="Another group's raid", start_date=D(2022, 12, 2))

    titles, sql, plan = listed_with_keys_query(client, {"actor": "jnim"})

    assert titles == ["Raid 01", "Raid 02", "Raid 03"]
    if connection.vendor == "sqlite":
        # Not a walk through every published event in date order, checking each against the actor.
        assert "SEARCH events_event USING INTEGER PRIMARY KEY" in plan and "event_status_chronology_idx" not in plan
    else:
        assert '"events_event"."status" = ' in sql and '+"events_event"' not in sql


def test_an_actor_with_many_events_has_its_first_found_in_date_order_along_the_list(client, monkeypatch):
    monkeypatch.setattr(filters, "FEW_EVENTS", 2)
    jnim = make_actor(slug="jnim")
    make_events_of(jnim, 3)
    make_event(title="Draft raid", status=Status.DRAFT, start_date=D(2022, 12, 2), participants=[(jnim, Participation.Role.SIDE_A)])

    titles, sql, plan = listed_with_keys_query(client, {"actor": "jnim"})

    assert titles == ["Raid 01", "Raid 02", "Raid 03"]
    assert '+"events_event"' not in sql
    if connection.vendor == "sqlite":
        assert "event_status_chronology_idx" in plan


def test_a_page_is_read_by_its_keys_first(client):
    for day in range(1, 29):
        make_event(title=f"Day {day:02}", start_date=D(2022, 12, day))
    make_event(title="Draft day", status=Status.DRAFT, start_date=D(2022, 12, 27))

    with CaptureQueriesContext(connection) as queries:
        response = client.get(EVENTS, {"page": "2"})

    assert listed_titles(response) == ["Day 26", "Day 27", "Day 28"]
    selects = [q["sql"] for q in queries if q["sql"].startswith('SELECT "events_event"."id"')]
    keys, rows = selects[-2:]
    assert keys.startswith('SELECT "events_event"."id" AS "pk" FROM') and "LIMIT 3" in keys
    assert '"events_event"."summary"' not in rows and "LIMIT" not in rows


def listed_slugs(response):
    return re.findall(r'<th scope="row"><a href="/events/([^/"]+)/">', response.content.decode())


@pytest.mark.parametrize("query", [{}, {"actor": "jnim"}])
def test_a_page_past_the_middle_is_read_from_the_end_with_the_rows_read_from_the_start(client, monkeypatch, query):
    monkeypatch.setattr(EventListView, "paginate_by", 2)
    jnim = make_actor(slug="jnim")
    # Dates that tie and dates not known, titles that tie: the order falls back on the end, the title, the key.
    days = [D(2022, 12, 3), None, D(2022, 12, 3), D(2022, 1, 1), None, D(2022, 12, 5), D(2022, 12, 3)]
    made = [
        make_event(title=f"Clash {n % 2}", start_date=day, participants=[(jnim, Participation.Role.SIDE_A)])
        for n, day in enumerate(days)
    ]
    made.append(make_event(title="Draft clash", status=Status.DRAFT, participants=[(jnim, Participation.Role.SIDE_A)]))
    in_order = sorted(made[:-1], key=lambda event: (event.start_date is None, event.start_date or D.min, event.title, event.pk))

    pages = []
    for number in range(1, 5):
        with CaptureQueriesContext(connection) as queries:
            pages.append(listed_slugs(client.get(EVENTS, {**query, "page": number})))
        keys = [q["sql"] for q in queries if q["sql"].startswith('SELECT "events_event"."id" AS "pk"')][-1]
        # Pages 3 and 4 of 4 are nearer the end: read in the reverse order, skipping the rows after them.
        assert (" DESC" in keys) == (number > 2), number

    assert pages == [[event.slug for event in in_order[start : start + 2]] for start in range(0, 7, 2)]


# The event page


def make_the_clashes():
    mali_war = make_event(
        slug="mali-war", title="Mali War", event_type=Event.Type.CONFLICT, start_date=D(2012, 1, 16), end_date=None
    )
    war = make_event(
        slug="jnim-isgs-war",
        title="JNIM–ISGS war",
        event_type=Event.Type.CONFLICT,
        parent=mali_war,
        start_date=D(2020, 1, 1),
        end_date=None,
        precision=Event.DatePrecision.YEAR,
    )
    jnim = make_actor(slug="jnim", name="Jama'at Nasr al-Islam wal Muslimin", short_name="JNIM")
    isgs = make_actor(slug="isgs", name="Islamic State in the Greater Sahara", short_name="ISGS")
    haroum = make_place(slug="haroum", name="Haroum")
    clashes = make_event(
        slug="december-2022-menaka-region-clashes",
        title="December 2022 Ménaka region clashes",
        parent=war,
        start_date=D(2022, 12, 3),
        end_date=D(2022, 12, 10),
        summary="Militants of ISGS and JNIM clashed in eastern Mali.",
        outcome="JNIM captures ISGS base in Fitili",
        places=[haroum],
        participants=[(jnim, Participation.Role.SIDE_A), (isgs, Participation.Role.SIDE_B)],
    )
    make_event(
        slug="battle-of-haroum",
        title="Battles of Tadjalalt and Haroum",
        parent=clashes,
        start_date=D(2022, 12, 7),
        end_date=D(2022, 12, 10),
    )
    return clashes, jnim, isgs


def test_the_event_page_shows_dates_type_places_and_outcome(client):
    clashes, _, _ = make_the_clashes()

    response = client.get(clashes.get_absolute_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>December 2022 Ménaka region clashes</h1>" in page
    assert "3–10 December 2022" in page
    assert "<dd>Battles</dd>" in page
    assert '<a href="/places/haroum/">Haroum</a>' in page
    assert "JNIM captures ISGS base in Fitili" in page
    assert "<title>December 2022 Ménaka region clashes — The Ménaka record</title>" in page
    description = "3–10 December 2022: Militants of ISGS and JNIM clashed in eastern Mali."
    assert f'<meta name="description" content="{description}">' in page


def test_the_event_page_shows_a_month_as_a_month(client):
    truce = make_event(title="Truce expires", start_date=D(2022, 9, 1), precision=Event.DatePrecision.MONTH)

    page = client.get(truce.get_absolute_url()).content.decode()

    assert "September 2022" in page
    assert "1 September 2022" not in page


@pytest.mark.parametrize(
    ("precision", "note"),
    [
        ("month", "(known only to the month)"),
        ("year", "(known only to the year)"),
        ("approximate", "(approximate: the dates are estimates)"),
    ],
)
def test_the_event_page_says_how_precisely_the_dates_are_known(client, precision, note):
    event = make_event(precision=precision)

    assert note in client.get(event.get_absolute_url()).content.decode()


def test_the_event_page_lists_participants_by_side(client):
    clashes, _, _ = make_the_clashes()
    civilians = make_actor(name="Civilians of Idarfan", kind="civilians")
    Participation.objects.create(event=clashes, actor=civilians, role=Participation.Role.TARGET, note="alleged")

    page = client.get(clashes.get_absolute_url()).content.decode()

    side_a = page.index("<dt>Side A</dt>")
    side_b = page.index("<dt>Side B</dt>")
    target = page.index("<dt>Target</dt>")
    assert side_a < page.index("Jama&#x27;at Nasr al-Islam wal Muslimin (JNIM)") < side_b
    assert side_b < page.index("Islamic State in the Greater Sahara (ISGS)") < target
    assert target < page.index("Civilians of Idarfan</a> <span class=\"meta\">(alleged)</span>")


def test_the_event_page_shows_the_chain_of_events_it_is_part_of_and_the_events_within_it(client):
    clashes, _, _ = make_the_clashes()

    page = client.get(clashes.get_absolute_url()).content.decode()

    breadcrumbs = page.split('<nav class="breadcrumbs" aria-label="Part of">', 1)[1].split("</nav>", 1)[0]
    assert breadcrumbs.index("Mali War") < breadcrumbs.index("JNIM–ISGS war") < breadcrumbs.index("December 2022")
    assert '<dt>Part of</dt>\n  <dd><a href="/events/jnim-isgs-war/">JNIM–ISGS war</a></dd>' in page
    assert "Events within this one" in page
    assert '<a href="/events/battle-of-haroum/">Battles of Tadjalalt and Haroum</a>' in page
    assert "7–10 December 2022" in page


def test_the_event_page_shows_its_claims_side_by_side_with_their_claimants(client):
    clashes, jnim, isgs = make_the_clashes()
    wikipedia = make_source(title="December 2022 Ménaka region clashes", publisher="Wikipedia")
    make_claim(
        event=clashes,
        party=jnim,
        claimant=isgs,
        kind=Claim.Kind.KILLED,
        value_low=100,
        unit=Claim.Unit.FIGHTERS,
        wording="100",
        statement="ISGS says it killed 100 JNIM fighters",
        sources=[wikipedia],
    )
    make_claim(
        event=clashes,
        party=isgs,
        claimant=jnim,
        kind=Claim.Kind.KILLED,
        qualifier=Claim.Qualifier.AT_LEAST,
        value_low=73,
        unit=Claim.Unit.FIGHTERS,
        wording="73+",
        statement="JNIM says it killed 73+ ISGS fighters",
        sources=[wikipedia],
    )

    page = client.get(clashes.get_absolute_url()).content.decode()

    assert "ISGS says it killed 100 JNIM fighters" in page
    assert "JNIM says it killed 73+ ISGS fighters" in page
    assert "At least 73 fighters" in page


def test_a_draft_event_is_not_found_by_the_public(client):
    draft = make_event(title="Draft Battle", status=Status.DRAFT)

    response = client.get(draft.get_absolute_url())

    assert response.status_code == 404
    assert "Draft Battle" not in response.content.decode()


def test_staff_preview_a_draft_event_with_a_banner(admin_client):
    draft = make_event(title="Draft Battle", status=Status.REVIEW)

    page = admin_client.get(draft.get_absolute_url()).content.decode()

    assert "<h1>Draft Battle</h1>" in page
    assert "Preview: not published (status: In review)" in page
    assert "Corrections log" not in page


def test_the_preview_of_a_draft_event_shows_the_claims_that_go_with_it(admin_client, client):
    draft = make_event(title="Draft Battle", status=Status.REVIEW)
    make_claim(event=draft, statement="ISGS says it killed 40", status=Status.REVIEW)
    make_claim(event=draft, statement="A published claim about it")
    make_claim(event=draft, statement="A withdrawn claim", status=Status.WITHDRAWN)
    make_claim(event=draft, statement="Claimed by a draft", claimant=make_actor(name="Zqxdraft militia", status=Status.DRAFT))

    page = admin_client.get(draft.get_absolute_url()).content.decode()

    assert "ISGS says it killed 40" in page and "In review: not public yet" in page
    assert "A published claim about it" in page
    assert "A withdrawn claim" not in page and "Zqxdraft" not in page
    assert "No published claims about this event yet" not in page
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_published_event_shows_no_preview_banner_to_staff(admin_client):
    event = make_event(title="Published Battle")

    page = admin_client.get(event.get_absolute_url()).content.decode()

    assert "Preview: not published" not in page
    assert f'<a href="{event.get_absolute_url()}history/">Corrections log</a>' in page


def test_an_unknown_event_is_not_found(client):
    response = client.get(reverse("event-detail", args=["no-such-event"]))

    assert response.status_code == 404


# The shipped record


@pytest.fixture
def menaka_record(db):
    """The shipped article, loaded as a fresh install loads it."""
    call_command("loaddata", "menaka_clashes", verbosity=0)


def test_the_ntillit_page_shows_the_households_displaced_and_an_open_end(client, menaka_record):
    page = client.get(reverse("event-detail", args=["fighting-in-ntillit"])).content.decode()

    assert "583 households" in page
    assert "<dd>from 3 December 2022</dd>" in page


def test_the_clashes_page_sets_the_two_sides_casualty_claims_side_by_side(client, menaka_record):
    page = client.get(reverse("event-detail", args=["december-2022-menaka-region-clashes"])).content.decode()

    assert "<dd>3–10 December 2022</dd>" in page
    assert "100 fighters" in page
    assert "More than 73 fighters" in page
    side_a, side_b = page.index("<dt>Side A</dt>"), page.index("<dt>Side B</dt>")
    assert side_a < page.index("Jama&#x27;at Nasr al-Islam wal Muslimin (JNIM)") < side_b
    assert side_b < page.index("Islamic State in the Greater Sahara (ISGS)")
    assert '<a href="/events/jnim-isgs-war/">JNIM–ISGS war</a>' in page
    assert '<a href="/events/battles-of-tadjalalt-and-haroum/">Battles of Tadjalalt and Haroum</a>' in page


def test_the_truce_expiry_is_dated_to_the_month_only(client, menaka_record):
    page = client.get(reverse("event-detail", args=["truce-expires-september-2022"])).content.decode()

    assert "<dd>sometime in September 2022 <span" in page
    assert "1 September 2022" not in page


def test_a_reader_finds_the_december_fighting_by_actor_and_date(client, menaka_record):
    response = client.get(EVENTS, {"actor": "jnim", "start": "2022-12-01", "end": "2022-12-31"})

    titles = listed_titles(response)
    assert titles[0] == "December 2022 Ménaka region clashes"
    assert "Battles of Tadjalalt and Haroum" in titles
    assert "Low-intensity skirmishes continue until 13 December" in titles
    assert "The JNIM–ISGS truce expires" not in titles
