"""Claims as event and actor pages show them: figures in words, contested figures side by side, numbered sources."""

import html
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from events.models import Actor, Event, Status
from sources.models import Claim
from sources.templatetags.claims import describe_figure
from tests.factories import make_actor, make_citation, make_claim, make_event, make_place, make_source

pytestmark = pytest.mark.django_db

MARKER = "Zqxdraftmarker"
Q = Claim.Qualifier
U = Claim.Unit


def render(snippet, **context):
    return Template("{% load claims %}" + snippet).render(Context(context))


def text_of(markup):
    """The words a reader sees, one space between elements."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", markup)).split())


# Figures in words


@pytest.mark.parametrize(
    "qualifier, low, high, unit, words",
    [
        (Q.EXACT, 100, 100, U.FIGHTERS, "100 fighters"),
        (Q.AT_LEAST, 73, None, U.FIGHTERS, "at least 73 fighters"),
        (Q.ABOUT, 700, 700, U.FIGHTERS, "about 700 fighters"),
        (Q.AT_MOST, None, 5, U.HOUSEHOLDS, "at most 5 households"),
        (Q.BETWEEN, 10, 20, U.PEOPLE, "between 10 and 20 people"),
        (Q.EXACT, 583, 583, U.HOUSEHOLDS, "583 households"),
        (Q.EXACT, 1, 1, U.CIVILIANS, "1 civilian"),
        (Q.EXACT, 1500, 1500, "", "1,500"),
        (Q.UNKNOWN, None, None, U.FIGHTERS, "unknown"),
        (Q.NOT_A_FIGURE, None, None, "", ""),
    ],
)
def test_a_figure_reads_naturally_from_its_structure(qualifier, low, high, unit, words):
    assert describe_figure(qualifier, low, high, unit) == words


def test_the_figure_filter_describes_a_stored_claim():
    claim = make_claim(qualifier=Q.AT_LEAST, value_low=73, unit=U.FIGHTERS, wording="73+")

    assert render("{{ claim|figure }}", claim=claim) == "at least 73 fighters"


# The claims section of an event page


@pytest.fixture
def haroum_battle():
    """The battle of Tadjalalt and Haroum, where each side claims to have killed the other's fighters."""
    jnim = make_actor(slug="jnim", name="Jama'at Nasr al-Islam wal Muslimin", short_name="JNIM")
    isgs = make_actor(slug="isgs", name="Islamic State in the Greater Sahara", short_name="ISGS")
    haroum = make_place(slug="haroum", name="Haroum")
    battle = make_event(
        slug="battles-of-tadjalalt-and-haroum", title="Battles of Tadjalalt and Haroum", places=[haroum]
    )
    wikipedia = make_source(slug="wikipedia", title="December 2022 Ménaka region clashes", publisher="Wikipedia")
    isgs_claim = make_claim(
        slug="isgs-killed-100-jnim",
        event=battle,
        statement="ISGS says it killed 100 JNIM fighters",
        qualifier=Q.EXACT,
        value_low=100,
        unit=U.FIGHTERS,
        wording="a hundred JNIM soldiers",
        party=jnim,
        claimant=isgs,
        assessment=Claim.Assessment.ALLEGED,
        assessment_reason="A partisan figure, not corroborated.",
    )
    make_citation(
        isgs_claim,
        wikipedia,
        locator="Battle, paragraph 2",
        quote="ISGS claimed to have killed a hundred JNIM soldiers.",
    )
    jnim_claim = make_claim(
        slug="jnim-killed-73-isgs",
        event=battle,
        statement="JNIM says it killed over 73 ISGS fighters in Haroum",
        qualifier=Q.AT_LEAST,
        value_low=73,
        unit=U.FIGHTERS,
        wording="over seventy-three ISGS fighters in Haroum alone",
        party=isgs,
        claimant=jnim,
        place=haroum,
        assessment=Claim.Assessment.ALLEGED,
    )
    make_citation(
        jnim_claim,
        wikipedia,
        locator="Battle, paragraph 2",
        quote="JNIM claiming to have killed over seventy-three ISGS fighters in Haroum alone.",
    )
    return {
        "event": battle,
        "jnim": jnim,
        "isgs": isgs,
        "source": wikipedia,
        "isgs_claim": isgs_claim,
        "jnim_claim": jnim_claim,
    }


def event_section(event):
    return render("{% claims_about_event event %}", event=event)


def test_the_event_section_sets_each_sides_figure_side_by_side_with_its_claimant(haroum_battle):
    markup = event_section(haroum_battle["event"])
    text = text_of(markup)

    assert markup.lstrip().startswith("<section") and "<h2" in markup
    assert "People killed" in text
    assert "About JNIM" in text and "About ISGS" in text
    assert "100 fighters" in text and "At least 73 fighters" in text
    assert "<dt>Original wording</dt><dd><q>a hundred JNIM soldiers</q></dd>" in markup
    assert "Claimant ISGS" in text and "Claimant JNIM" in text
    assert "Only at Haroum" in text
    assert "Assessment Alleged" in text and "A partisan figure, not corroborated." in text


def test_the_event_section_never_adds_partisan_figures_up(haroum_battle):
    text = text_of(event_section(haroum_battle["event"]))

    assert "173" not in text
    assert "never added up" in text


def test_the_event_section_numbers_its_sources_as_footnotes_with_quote_and_locator(haroum_battle):
    markup = event_section(haroum_battle["event"])

    prefix = "claims-battles-of-tadjalalt-and-haroum-note"
    assert re.search(rf'href="#{prefix}-1"[^>]*>\[1\]</a>', markup)
    assert re.search(rf'href="#{prefix}-2"[^>]*>\[2\]</a>', markup)
    notes = markup.split('<ol class="citations">', 1)[1]
    assert f'id="{prefix}-1"' in notes and f'id="{prefix}-2"' in notes
    assert "Battle, paragraph 2" in notes
    assert "ISGS claimed to have killed a hundred JNIM soldiers." in notes
    assert haroum_battle["source"].get_absolute_url() in notes


def test_claims_about_the_same_quantity_are_grouped_and_compared(haroum_battle):
    isgs = haroum_battle["isgs"]
    make_claim(
        event=haroum_battle["event"],
        statement="An observer counts about 60 ISGS dead",
        qualifier=Q.ABOUT,
        value_low=60,
        unit=U.FIGHTERS,
        wording="some sixty",
        party=isgs,
    )

    text = text_of(event_section(haroum_battle["event"]))

    about_isgs = text.split("About ISGS", 1)[1]
    assert "2 claims about the same quantity" in about_isgs
    assert "At least 73 fighters" in about_isgs and "About 60 fighters" in about_isgs


def test_a_claim_without_claimant_is_attributed_to_its_source_or_marked_unattributed(haroum_battle):
    stated = make_claim(
        event=haroum_battle["event"],
        kind=Claim.Kind.DISPLACED,
        statement="583 households displaced",
        wording="583 households",
    )
    make_citation(stated, haroum_battle["source"])
    make_claim(event=haroum_battle["event"], kind=Claim.Kind.WOUNDED, statement="Some were wounded", wording="several")

    text = text_of(event_section(haroum_battle["event"]))

    assert "Claimant Wikipedia , in its own voice" in text
    assert "Claimant unattributed" in text


def test_a_restated_claim_is_shown_as_the_same_allegation(haroum_battle):
    make_claim(
        event=haroum_battle["event"],
        statement="Infobox: 73+ ISGS killed, per JNIM",
        qualifier=Q.AT_LEAST,
        value_low=73,
        unit=U.FIGHTERS,
        wording="73+",
        party=haroum_battle["isgs"],
        claimant=haroum_battle["jnim"],
        restates=haroum_battle["jnim_claim"],
    )

    text = text_of(event_section(haroum_battle["event"]))

    assert "Same allegation as JNIM says it killed over 73 ISGS fighters in Haroum" in text
    assert "Same allegation as Infobox: 73+ ISGS killed, per JNIM" in text


def test_the_same_allegation_is_linked_across_events_but_never_to_an_unpublished_claim(haroum_battle):
    clashes = make_event(title="December 2022 Ménaka region clashes")
    infobox = make_claim(event=clashes, statement="JNIM says it killed 73+ ISGS fighters", wording="73+", restates=None)
    claim = haroum_battle["jnim_claim"]
    claim.restates = infobox
    claim.save()
    make_claim(event=clashes, statement=f"{MARKER} restatement", restates=claim, status=Status.DRAFT)

    markup = event_section(haroum_battle["event"])

    assert (
        f'Same allegation as</dt><dd><a href="{infobox.get_absolute_url()}">JNIM says it killed 73+ ISGS fighters</a>'
        in markup
    )
    assert MARKER not in markup


def test_an_event_without_published_claims_says_so():
    event = make_event()
    make_claim(event=event, statement=f"{MARKER} claim", status=Status.DRAFT)

    text = text_of(event_section(event))

    assert "No published claims about this event yet." in text
    assert MARKER not in text


@pytest.mark.parametrize("hidden", [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])
def test_the_event_section_shows_no_unpublished_claim_source_or_actor(haroum_battle, hidden):
    event = haroum_battle["event"]
    make_claim(event=event, statement=f"{MARKER} claim", wording=MARKER, status=hidden)
    hidden_source = make_source(title=f"{MARKER} source", publisher=MARKER, status=hidden)
    make_citation(haroum_battle["isgs_claim"], hidden_source, quote=MARKER)
    hidden_actor = make_actor(name=f"{MARKER} militia", status=hidden)
    make_claim(event=event, statement="Claimed by a hidden actor", claimant=hidden_actor)
    make_claim(event=event, statement="About a hidden party", party=hidden_actor)

    markup = event_section(event)

    assert MARKER not in markup
    assert "hidden actor" not in markup and "hidden party" not in markup
    assert "ISGS says it killed 100 JNIM fighters" in markup
    assert markup.count('class="note-ref"') == 2


# The claims section of an actor page


def test_the_actor_section_lists_claims_it_makes_and_claims_about_it(haroum_battle):
    jnim = haroum_battle["jnim"]
    iyad = make_actor(slug="iyad-ag-ghali", name="Iyad ag Ghali", kind=Actor.Kind.PERSON)
    make_claim(
        event=haroum_battle["event"],
        kind=Claim.Kind.COMMANDER,
        statement="Iyad ag Ghali commanded JNIM",
        qualifier=Q.NOT_A_FIGURE,
        unit="",
        wording="Iyad ag Ghali",
        actor=iyad,
        party=jnim,
    )

    text = text_of(render("{% claims_about_actor actor %}", actor=jnim))

    made, about = text.split("Claims JNIM makes", 1)[1].split("Claims about JNIM", 1)
    assert "JNIM says it killed over 73 ISGS fighters in Haroum" in made
    assert "ISGS says it killed 100 JNIM fighters" not in made
    assert "ISGS says it killed 100 JNIM fighters" in about
    assert "Iyad ag Ghali commanded JNIM" in about
    assert "Event Battles of Tadjalalt and Haroum" in text

    person_text = text_of(render("{% claims_about_actor actor %}", actor=iyad))
    assert "No published claims are attributed to Iyad ag Ghali." in person_text
    assert "Iyad ag Ghali commanded JNIM" in person_text


def test_the_actor_section_shows_no_unpublished_claim(haroum_battle):
    jnim = haroum_battle["jnim"]
    make_claim(event=haroum_battle["event"], statement=f"{MARKER} made", claimant=jnim, status=Status.DRAFT)
    make_claim(event=haroum_battle["event"], statement=f"{MARKER} about", party=jnim, status=Status.REVIEW)
    hidden_event = make_event(title=f"{MARKER} event", status=Status.DRAFT)
    make_claim(event=hidden_event, statement="About a hidden event", claimant=jnim)

    markup = render("{% claims_about_actor actor %}", actor=jnim)

    assert MARKER not in markup and "hidden event" not in markup


# Query counts


def add_claims(event, party, claimant, count):
    sources = [make_source() for _ in range(3)]
    for number in range(count):
        claim = make_claim(event=event, party=party, claimant=claimant, kind=Claim.Kind.values[number % 5])
        for source in sources[: 1 + number % 3]:
            make_citation(claim, source, locator=f"Paragraph {number}")


def queries_to_render(snippet, **context):
    with CaptureQueriesContext(connection) as queries:
        render(snippet, **context)
    return len(queries)


def test_the_event_section_makes_as_many_queries_for_many_claims_as_for_few(haroum_battle):
    event = haroum_battle["event"]
    few = queries_to_render("{% claims_about_event event %}", event=event)

    add_claims(event, haroum_battle["jnim"], haroum_battle["isgs"], 40)
    many = queries_to_render("{% claims_about_event event %}", event=event)

    # Claims, their citations, the claims restating them, the claims superseding them.
    assert few == many <= 5


def test_the_actor_section_makes_as_many_queries_for_many_claims_as_for_few(haroum_battle):
    jnim = haroum_battle["jnim"]
    few = queries_to_render("{% claims_about_actor actor %}", actor=jnim)

    add_claims(haroum_battle["event"], jnim, haroum_battle["isgs"], 20)
    add_claims(make_event(), haroum_battle["isgs"], jnim, 20)
    many = queries_to_render("{% claims_about_actor actor %}", actor=jnim)

    # Each of the two sections: its claims, their count, their citations, the claims restating them.
    assert few == many <= 10


# The shipped record


def test_the_shipped_battle_of_tadjalalt_and_haroum_sets_each_sides_claim_side_by_side(db):
    call_command("loaddata", "menaka_clashes", verbosity=0)
    battle = Event.objects.get(slug="battles-of-tadjalalt-and-haroum")

    text = text_of(event_section(battle))

    killed = text.split("People killed", 1)[1]
    about_isgs = killed.split("About ISGS", 1)[1].split("About JNIM", 1)[0]
    about_jnim = killed.split("About JNIM", 1)[1]
    assert "More than 73 fighters" in about_isgs and "Claimant JNIM" in about_isgs and "Only at Haroum" in about_isgs
    assert "100 fighters" in about_jnim and "Claimant ISGS" in about_jnim
    assert "over seventy-three ISGS fighters in Haroum alone" in text and "a hundred JNIM soldiers" in text
    assert "Same allegation as" in text
    assert "Sources cited" in text and "Battle, paragraph 2" in text
    assert "173" not in text
