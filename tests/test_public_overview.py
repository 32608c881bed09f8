"""The overview: the article rebuilt from the record, its infobox generated from claims."""

import datetime
import html
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Actor, Event, Participation, Place, Status
from sources.models import Claim
from tests.factories import make_actor, make_citation, make_claim, make_event, make_place, make_source

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("overview")
MARKER = "Zqxdraftmarker"
D = datetime.date
Q = Claim.Qualifier
U = Claim.Unit
K = Claim.Kind


def words(markup):
    """The words a reader sees, one space between elements."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", markup)).split())


def text_of(response):
    return words(response.content.decode())


def infobox_of(response):
    return words(response.content.decode().split('<aside class="infobox"', 1)[1].split("</aside>", 1)[0])


def make_menaka_clashes():
    """The article's main event built the way the conventions store it, with an infobox claim for each row."""
    jnim = make_actor(slug="jnim", name="Jama'at Nasr al-Islam wal Muslimin", short_name="JNIM")
    isgs = make_actor(slug="isgs", name="Islamic State in the Greater Sahara", short_name="ISGS")
    iyad = make_actor(slug="iyad-ag-ghali", name="Iyad ag Ghali", kind=Actor.Kind.PERSON)
    civilians = make_actor(slug="civilians", name="Civilians", kind=Actor.Kind.CIVILIANS)
    mahmoud = make_actor(slug="fahad-ag-al-mahmoud", name="Fahad Ag al-Mahmoud", kind=Actor.Kind.PERSON)
    mali = make_place(slug="mali", name="Mali", kind=Place.Kind.COUNTRY)
    gao = make_place(slug="gao-region", name="Gao Region", kind=Place.Kind.REGION, parent=mali)
    villages = [
        make_place(slug=slug, name=name, parent=gao)
        for slug, name in [("tadjalalt", "Tadjalalt"), ("haroum", "Haroum"), ("ntillit", "N'Tillit")]
    ]
    mali_war = make_event(
        slug="mali-war", title="Mali War", event_type=Event.Type.CONFLICT, start_date=None, end_date=None
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
    main = make_event(
        slug="december-2022-menaka-region-clashes",
        title="December 2022 Ménaka region clashes",
        summary="Militants of ISGS and JNIM clashed in eastern Mali, at the river between Tadjalalt and Haroum.",
        parent=war,
        start_date=D(2022, 12, 3),
        end_date=D(2022, 12, 10),
        places=[*villages, gao, mali],
        participants=[(jnim, Participation.Role.SIDE_A), (isgs, Participation.Role.SIDE_B)],
    )
    make_event(
        slug="truce",
        title="JNIM and ISGS agree to a truce",
        parent=war,
        start_date=D(2022, 5, 1),
        end_date=D(2022, 5, 31),
        precision=Event.DatePrecision.MONTH,
    )
    make_event(slug="later-war-event", title="A later clash of the war", parent=war, start_date=D(2023, 2, 1))
    make_event(slug="fighting-at-ntillit", title="Fighting at N'Tillit", parent=main, start_date=D(2022, 12, 3))
    battle = make_event(
        slug="battles-of-tadjalalt-and-haroum",
        title="Battles of Tadjalalt and Haroum",
        parent=main,
        start_date=D(2022, 12, 7),
        end_date=D(2022, 12, 10),
    )
    wikipedia = make_source(
        slug="wikipedia", title="December 2022 Ménaka region clashes", publisher="Wikipedia", language="en"
    )

    def infobox_claim(row, **fields):
        claim = make_claim(event=main, **fields)
        make_citation(claim, wikipedia, locator=f"Infobox: {row}")
        return claim

    not_a_figure = {"qualifier": Q.NOT_A_FIGURE, "unit": ""}
    unknown = {"qualifier": Q.UNKNOWN, "wording": "Unknown"}
    infobox_claim(
        "Result",
        kind=K.OUTCOME,
        statement="JNIM captured the ISGS base in Fitili",
        wording="JNIM captures ISGS base in Fitili",
        **not_a_figure,
    )
    infobox_claim(
        "Commander1",
        kind=K.COMMANDER,
        statement="Iyad ag Ghali commanded JNIM",
        wording="Iyad ag Ghali",
        party=jnim,
        actor=iyad,
        **not_a_figure,
    )
    infobox_claim(
        "Commander2", kind=K.COMMANDER, statement="ISGS's commander is unknown", party=isgs, unit="", **unknown
    )
    infobox_claim(
        "Strength1",
        kind=K.STRENGTH,
        statement="JNIM fought with about 700",
        qualifier=Q.ABOUT,
        value_low=700,
        unit=U.FIGHTERS,
        wording="~700",
        party=jnim,
    )
    infobox_claim(
        "Strength2", kind=K.STRENGTH, statement="ISGS's strength is unknown", party=isgs, unit=U.FIGHTERS, **unknown
    )
    hundred = infobox_claim(
        "Casualties1",
        statement="ISGS says it killed 100 JNIM fighters",
        value_low=100,
        unit=U.FIGHTERS,
        wording="100",
        party=jnim,
        claimant=isgs,
    )
    seventy_three = infobox_claim(
        "Casualties2",
        statement="JNIM says it killed 73+ ISGS fighters",
        qualifier=Q.AT_LEAST,
        value_low=73,
        unit=U.FIGHTERS,
        wording="73+",
        party=isgs,
        claimant=jnim,
    )
    infobox_claim(
        "Casualties3",
        statement="Over 70 civilians were killed",
        qualifier=Q.AT_LEAST,
        value_low=70,
        unit=U.CIVILIANS,
        wording="70+ civilians killed",
        party=civilians,
        claimant=mahmoud,
    )
    make_claim(
        event=main,
        statement="ISGS says it killed a hundred JNIM soldiers",
        value_low=100,
        unit=U.FIGHTERS,
        wording="a hundred JNIM soldiers",
        party=jnim,
        claimant=isgs,
        restates=hundred,
    )
    make_claim(
        event=battle,
        statement="JNIM says it killed over 73 ISGS fighters in Haroum",
        qualifier=Q.AT_LEAST,
        value_low=73,
        unit=U.FIGHTERS,
        wording="over seventy-three ISGS fighters in Haroum alone",
        party=isgs,
        claimant=jnim,
        restates=seventy_three,
    )
    return {"main": main, "war": war, "jnim": jnim, "isgs": isgs, "source": wikipedia}


def test_the_infobox_is_built_from_the_records_with_each_figure_and_its_claimant(client):
    make_menaka_clashes()

    response = client.get(OVERVIEW)

    assert response.status_code == 200
    infobox = infobox_of(response)
    assert "Date 3–10 December 2022" in infobox
    assert "Place Haroum , N'Tillit , Tadjalalt , Gao Region , Mali" in infobox
    assert "Part of JNIM–ISGS war , within Mali War" in infobox
    assert "Result JNIM captures ISGS base in Fitili" in infobox
    assert "Jama'at Nasr al-Islam wal Muslimin Islamic State in the Greater Sahara" in infobox
    assert "Commanders and leaders Iyad ag Ghali Unknown" in infobox
    assert "Strength ~700 Unknown" in infobox
    assert "Casualties and losses 100 (per ISGS) 73+ (per JNIM)" in infobox
    assert "Other casualties 70+ civilians killed (per Fahad Ag al-Mahmoud)" in infobox


def test_each_infobox_figure_links_to_its_claim(client):
    make_menaka_clashes()

    markup = client.get(OVERVIEW).content.decode()

    hundred = Claim.objects.get(wording="100")
    assert f'<a href="{hundred.get_absolute_url()}">100 (per ISGS)</a>' in markup


def test_the_infobox_shows_an_allegation_once_even_when_it_is_restated(client):
    make_menaka_clashes()

    infobox = infobox_of(client.get(OVERVIEW))

    assert "a hundred JNIM soldiers" not in infobox
    assert infobox.count("100 (per ISGS)") == 1


def test_the_overview_tells_the_lead_the_prelude_and_the_battle_as_linked_chronologies(client):
    make_menaka_clashes()

    response = client.get(OVERVIEW)
    text = text_of(response)
    markup = response.content.decode()

    assert "<h1>December 2022 Ménaka region clashes</h1>" in markup
    assert "Militants of ISGS and JNIM clashed in eastern Mali" in text
    prelude = text.split("Prelude", 1)[1].split("Battle", 1)[0]
    assert "May 2022 JNIM and ISGS agree to a truce" in prelude
    assert "A later clash of the war" not in text
    battle = text.split("Battle ", 1)[1]
    assert battle.index("Fighting at N'Tillit") < battle.index("Battles of Tadjalalt and Haroum")
    assert '<a href="/events/battles-of-tadjalalt-and-haroum/">Battles of Tadjalalt and Haroum</a>' in markup


def test_the_overview_shows_the_main_events_claims_side_by_side(client):
    make_menaka_clashes()

    text = text_of(client.get(OVERVIEW))

    claims = text.split("What is claimed", 1)[1]
    assert "About JNIM" in claims and "About ISGS" in claims
    assert "Infobox: Casualties1" in claims


def test_the_overview_says_when_the_record_last_changed(client):
    record = make_menaka_clashes()
    main = record["main"]
    main.summary += " Edited."
    main.save()
    latest = main.history.latest("history_date").history_date

    markup = client.get(OVERVIEW).content.decode()

    assert f'<time datetime="{latest:%Y-%m-%d}">{latest:%-d %B %Y}</time>' in markup


def test_the_overview_has_a_title_and_description_from_the_record(client):
    make_menaka_clashes()

    markup = client.get(OVERVIEW).content.decode()

    assert "<title>December 2022 Ménaka region clashes — The Ménaka record</title>" in markup
    assert '<meta name="description" content="Militants of ISGS and JNIM clashed in eastern Mali' in markup


@pytest.mark.parametrize("status", [None, Status.DRAFT, Status.WITHDRAWN])
def test_without_a_published_main_event_the_overview_says_the_record_is_empty(client, status):
    if status is not None:
        make_event(slug="december-2022-menaka-region-clashes", title=f"{MARKER} clashes", status=status)

    response = client.get(OVERVIEW)

    assert response.status_code == 200
    assert "The record is empty for now" in text_of(response)
    assert MARKER not in response.content.decode()


def test_no_unpublished_entry_reaches_the_overview(client):
    record = make_menaka_clashes()
    main, war = record["main"], record["war"]
    hidden_actor = make_actor(name=f"{MARKER} militia", status=Status.DRAFT)
    Participation.objects.create(event=main, actor=hidden_actor, role=Participation.Role.SIDE_A)
    make_claim(
        event=main,
        kind=K.KILLED,
        statement=f"{MARKER} killed",
        wording=MARKER,
        party=record["jnim"],
        status=Status.DRAFT,
    )
    make_claim(
        event=main, kind=K.STRENGTH, statement="Strength per a hidden claimant", wording="999", claimant=hidden_actor
    )
    hidden_source = make_source(title=f"{MARKER} source", status=Status.REVIEW)
    make_citation(Claim.objects.get(wording="100"), hidden_source, quote=MARKER)
    make_event(title=f"{MARKER} battle", parent=main, status=Status.DRAFT)
    make_event(title=f"{MARKER} prelude", parent=war, start_date=D(2022, 6, 1), status=Status.WITHDRAWN)
    make_place(name=f"{MARKER} village", status=Status.DRAFT).event_places.create(event=main)

    markup = client.get(OVERVIEW).content.decode()

    assert MARKER not in markup
    # The hidden claim's figure, as a figure would read (ids and revision numbers may contain "999").
    assert not re.search(r">\s*999\b", markup)
    assert "100 (per ISGS)" in markup


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_overview_makes_as_many_queries_for_a_large_record_as_for_a_small_one(client):
    record = make_menaka_clashes()
    few = queries_for(client, OVERVIEW)

    main, war = record["main"], record["war"]
    sources = [make_source() for _ in range(5)]
    for number in range(30):
        make_event(parent=war, start_date=D(2021, 1, 1) + datetime.timedelta(days=number))
        child = make_event(parent=main, start_date=D(2022, 12, 3), places=[make_place()])
        claim = make_claim(
            event=main,
            kind=[K.KILLED, K.STRENGTH, K.COMMANDER][number % 3],
            party=make_actor(),
            claimant=record["isgs"],
        )
        make_claim(event=child, claimant=record["jnim"])
        for source in sources[: 1 + number % 5]:
            make_citation(claim, source)
        main.event_places.create(place=make_place())
        main.participations.create(actor=make_actor(), role=Participation.Role.SIDE_B)
    many = queries_for(client, OVERVIEW)

    assert few == many


# The shipped record


@pytest.fixture
def shipped_record(db):
    call_command("loaddata", "menaka_clashes", verbosity=0)


def test_the_shipped_record_rebuilds_the_articles_infobox(client, shipped_record):
    response = client.get(OVERVIEW)

    infobox = infobox_of(response)
    assert "December 2022 Ménaka region clashes" in text_of(response)
    assert "Date 3–10 December 2022" in infobox
    assert "Jama'at Nasr al-Islam wal Muslimin Islamic State in the Greater Sahara" in infobox
    assert "Commanders and leaders Iyad ag Ghali Unknown" in infobox
    assert "Strength ~700" in infobox
    assert "Casualties and losses 100 (per ISGS) 73+ (per JNIM)" in infobox
    assert "70+ civilians killed" in infobox
    assert "JNIM captures ISGS base in Fitili" in infobox
    assert "Battles in Tadjalalt and Haroum end in status quo ante bellum" in infobox


def test_the_infobox_lists_the_places_in_the_articles_order_with_the_villages_it_does_not_name(client, shipped_record):
    infobox = infobox_of(client.get(OVERVIEW)).replace(" ,", ",")

    # The article: "Tadjalalt, Haroum, N'Tillit, and surrounding villages, Gao Region, Mali"; the river
    # between the two towns, from its lead, has no place in that order and follows the ones listed.
    assert (
        "Place Tadjalalt, Haroum, N'Tillit, River between Tadjalalt and Haroum, and surrounding villages, "
        "Gao Region, Mali" in infobox
    )


def test_the_shipped_record_tells_the_prelude_and_the_battle(client, shipped_record):
    text = text_of(client.get(OVERVIEW))

    prelude = text.split("Prelude", 1)[1].split("Battle", 1)[0]
    assert "May 2022" in prelude and "September 2022" in prelude
    battle = text.split(" Battle ", 1)[1].split("What is claimed", 1)[0]
    assert "Tadjalalt and Haroum" in battle
    assert "3 December 2022" in battle
