"""The public list of claims, where a researcher compares figures, and the page of one claim."""

import datetime
import html
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Status
from sources.filters import CLAIM_ORDERINGS, ClaimOrdering
from sources.models import Claim
from sources.public import in_reading_order, public_claims_of_few
from sources.views import ClaimListView
from tests.factories import make_actor, make_citation, make_claim, make_event, make_place, make_source, make_user

pytestmark = pytest.mark.django_db

CLAIMS = reverse("claim-list")
MARKER = "Zqxdraftmarker"
D = datetime.date
Q = Claim.Qualifier
U = Claim.Unit


def text_of(response):
    """The words a reader sees, one space between elements."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", response.content.decode())).split())


def listed_statements(response):
    table = response.content.decode().split("<tbody>", 1)[-1].split("</tbody>", 1)[0]
    return [html.unescape(s) for s in re.findall(r'<th scope="row"><a href="[^"]*">([^<]*)</a></th>', table)]


@pytest.fixture
def haroum():
    """The battles of Tadjalalt and Haroum: each side's claim about the other's dead; an unattributed displacement."""
    jnim = make_actor(slug="jnim", name="Jama'at Nasr al-Islam wal Muslimin", short_name="JNIM")
    isgs = make_actor(slug="isgs", name="Islamic State in the Greater Sahara", short_name="ISGS")
    haroum = make_place(slug="haroum", name="Haroum")
    battle = make_event(
        slug="haroum-battle",
        title="Battles of Tadjalalt and Haroum",
        start_date=D(2022, 12, 7),
        end_date=D(2022, 12, 10),
    )
    ntillit = make_event(slug="ntillit-fighting", title="Fighting at N'Tillit", start_date=D(2022, 12, 3))
    wikipedia = make_source(slug="wikipedia", title="December 2022 Ménaka region clashes", publisher="Wikipedia")
    hundred = make_claim(
        slug="isgs-killed-100",
        event=battle,
        statement="ISGS says it killed 100 JNIM fighters",
        value_low=100,
        unit=U.FIGHTERS,
        wording="100",
        party=jnim,
        claimant=isgs,
        assessment=Claim.Assessment.ALLEGED,
        assessment_reason="Partisan and uncorroborated.",
    )
    make_citation(hundred, wikipedia, locator="Infobox: Casualties1")
    restated = make_claim(
        slug="isgs-killed-a-hundred",
        event=battle,
        statement="ISGS claims to have killed a hundred JNIM soldiers",
        value_low=100,
        unit=U.FIGHTERS,
        wording="a hundred JNIM soldiers",
        party=jnim,
        claimant=isgs,
        restates=hundred,
    )
    make_citation(
        restated,
        wikipedia,
        locator="Battle, paragraph 2",
        quote="Conversely, ISGS claimed to have killed a hundred JNIM soldiers.",
    )
    seventy_three = make_claim(
        slug="jnim-killed-73",
        event=battle,
        statement="JNIM says it killed over 73 ISGS fighters in Haroum",
        qualifier=Q.AT_LEAST,
        value_low=73,
        unit=U.FIGHTERS,
        wording="over seventy-three ISGS fighters in Haroum alone",
        party=isgs,
        claimant=jnim,
        place=haroum,
    )
    make_citation(seventy_three, wikipedia, locator="Battle, paragraph 2")
    displaced = make_claim(
        slug="ntillit-displaced",
        event=ntillit,
        kind=Claim.Kind.DISPLACED,
        statement="583 households were displaced from N'Tillit",
        value_low=583,
        unit=U.HOUSEHOLDS,
        wording="583 households",
        assessment=Claim.Assessment.REPORTED,
    )
    make_citation(displaced, wikipedia, locator="Battle, paragraph 1")
    return {
        "jnim": jnim,
        "isgs": isgs,
        "battle": battle,
        "source": wikipedia,
        "hundred": hundred,
        "restated": restated,
        "seventy_three": seventy_three,
        "displaced": displaced,
    }


# The list


def test_the_list_shows_every_published_claim_as_a_table_to_compare_figures(client, haroum):
    response = client.get(CLAIMS)

    assert response.status_code == 200
    markup = response.content.decode()
    assert "<caption>4 claims</caption>" in markup
    headings = re.findall(r'<th scope="col">(?:<a [^>]*>)?([^<]*)', markup.split("<thead>", 1)[1].split("</thead>")[0])
    assert headings == [
        "Statement", "Event", "Kind", "Party", "Figure", "Original wording", "Claimant", "Assessment", "Sources"
    ]
    text = text_of(response)
    assert (
        "ISGS says it killed 100 JNIM fighters Battles of Tadjalalt and Haroum Killed JNIM 100 fighters 100 ISGS "
        "Alleged Wikipedia (Infobox: Casualties1)" in text
    )
    assert "At least 73 fighters over seventy-three ISGS fighters in Haroum alone JNIM" in text
    assert "583 households 583 households Wikipedia , in its own voice" in text


def test_the_list_is_in_event_order_then_by_the_party_it_is_about(client, haroum):
    assert listed_statements(client.get(CLAIMS)) == [
        "583 households were displaced from N'Tillit",
        "JNIM says it killed over 73 ISGS fighters in Haroum",
        "ISGS says it killed 100 JNIM fighters",
        "ISGS claims to have killed a hundred JNIM soldiers",
    ]


@pytest.mark.parametrize(
    "params, statements",
    [
        ({"kind": "displaced"}, ["583 households were displaced from N'Tillit"]),
        ({"claimant": "jnim"}, ["JNIM says it killed over 73 ISGS fighters in Haroum"]),
        (
            {"party": "jnim"},
            ["ISGS says it killed 100 JNIM fighters", "ISGS claims to have killed a hundred JNIM soldiers"],
        ),
        ({"assessment": "alleged"}, ["ISGS says it killed 100 JNIM fighters"]),
        ({"event": "ntillit-fighting"}, ["583 households were displaced from N'Tillit"]),
        ({"q": "seventy-three"}, ["JNIM says it killed over 73 ISGS fighters in Haroum"]),
        ({"q": "uncorroborated"}, ["ISGS says it killed 100 JNIM fighters"]),
        (
            {"kind": "killed", "claimant": "isgs", "party": "jnim", "event": "haroum-battle"},
            ["ISGS says it killed 100 JNIM fighters", "ISGS claims to have killed a hundred JNIM soldiers"],
        ),
        ({"kind": "killed", "claimant": "jnim", "party": "jnim"}, []),
    ],
)
def test_the_filters_narrow_the_list(client, haroum, params, statements):
    response = client.get(CLAIMS, params)

    assert response.status_code == 200
    assert listed_statements(response) == statements
    if not statements:
        assert "No published claims match these filters." in text_of(response)


def test_the_filters_take_typed_names_of_published_entries_only(client, haroum):
    make_actor(name="Malian Armed Forces")
    hidden_actor = make_actor(name=f"{MARKER} militia", status=Status.DRAFT)
    hidden_event = make_event(title=f"{MARKER} event", status=Status.DRAFT)
    make_claim(claimant=hidden_actor, party=hidden_actor)
    make_claim(event=hidden_event)

    page = client.get(CLAIMS).content.decode()
    for field in ("claimant", "party", "event"):
        assert f'<input type="text" name="{field}"' in page
    assert MARKER not in page and "Malian Armed Forces" not in page

    assert listed_statements(client.get(CLAIMS, {"claimant": "JNIM"})) == [
        "JNIM says it killed over 73 ISGS fighters in Haroum"
    ]
    assert listed_statements(client.get(CLAIMS, {"event": "N'Tillit"})) == ["583 households were displaced from N'Tillit"]
    for field in ("claimant", "party"):
        response = client.get(CLAIMS, {field: MARKER})
        assert f"No published actor matches “{MARKER}”." in text_of(response)
        assert listed_statements(response) == []
    assert f"No published event matches “{MARKER}”." in text_of(client.get(CLAIMS, {"event": MARKER}))


def test_every_filter_field_is_labelled(client, haroum):
    markup = client.get(CLAIMS).content.decode()

    for field in ["q", "kind", "claimant", "party", "assessment", "event"]:
        assert f'<label for="id_{field}">' in markup


@pytest.mark.parametrize(
    "query",
    [
        "kind=beheaded",
        "claimant=no-such-actor",
        "party=%00",
        "event=" + "x" * 5000,
        "assessment=1&assessment=alleged&assessment=bogus",
        "q=" + "%00",
        "q=" + "y" * 5000,
        "claimant=jnim&claimant=isgs&kind=killed&kind=killed",
        "event[]=1&page=1",
    ],
)
def test_any_query_string_gives_a_page_never_a_server_error(client, haroum, query):
    response = client.get(f"{CLAIMS}?{query}")

    assert response.status_code == 200


def test_invalid_filters_are_reported_on_the_page_and_hide_the_list(client, haroum):
    response = client.get(CLAIMS, {"kind": "beheaded", "claimant": "no-such-actor"})

    text = text_of(response)
    assert response.status_code == 200
    assert "These filters could not be applied" in text
    assert "Select a valid choice. beheaded is not one of the available choices." in text
    assert listed_statements(response) == []
    assert "No claims are shown until the filters above are corrected." in text


def test_figures_only_keeps_the_claims_that_give_a_figure(client, haroum):
    make_claim(event=haroum["battle"], kind=Claim.Kind.OUTCOME, statement="JNIM held Haroum", qualifier=Q.NOT_A_FIGURE,
               value_low=None, value_high=None, unit="", wording="held")
    make_claim(event=haroum["battle"], kind=Claim.Kind.KILLED, statement="Nobody knows the toll", qualifier=Q.UNKNOWN,
               value_low=None, value_high=None, unit="", wording="unknown")

    everything = listed_statements(client.get(CLAIMS))
    figures = listed_statements(client.get(CLAIMS + "?figures=on"))

    assert "JNIM held Haroum" in everything and "JNIM held Haroum" not in figures
    assert "Nobody knows the toll" in figures  # "unknown" answers how many
    assert len(figures) == len(everything) - 1
    assert "not a figure" not in client.get(CLAIMS + "?figures=on").content.decode()


@pytest.mark.parametrize(
    ("order", "statements"),
    [
        ("figure", ["JNIM says it killed over 73 ISGS fighters in Haroum", "ISGS says it killed 100 JNIM fighters",
                    "ISGS claims to have killed a hundred JNIM soldiers", "583 households were displaced from N'Tillit"]),
        ("-figure", ["583 households were displaced from N'Tillit", "ISGS says it killed 100 JNIM fighters",
                     "ISGS claims to have killed a hundred JNIM soldiers", "JNIM says it killed over 73 ISGS fighters in Haroum"]),
        ("claimant", ["ISGS says it killed 100 JNIM fighters", "ISGS claims to have killed a hundred JNIM soldiers",
                      "JNIM says it killed over 73 ISGS fighters in Haroum", "583 households were displaced from N'Tillit"]),
        ("assessment", ["ISGS claims to have killed a hundred JNIM soldiers", "JNIM says it killed over 73 ISGS fighters in Haroum",
                        "583 households were displaced from N'Tillit", "ISGS says it killed 100 JNIM fighters"]),
        ("event", ["583 households were displaced from N'Tillit", "ISGS says it killed 100 JNIM fighters",
                   "ISGS claims to have killed a hundred JNIM soldiers", "JNIM says it killed over 73 ISGS fighters in Haroum"]),
    ],
)
def test_a_reader_sorts_the_list_by_a_column(client, haroum, order, statements):
    response = client.get(CLAIMS + f"?order={order}")

    assert listed_statements(response) == statements
    column = order.lstrip("-")
    page = response.content.decode()
    assert re.search(rf'<th scope="col" aria-sort="(a|de)scending"><a href="\?order=-?{column}"', page)


def test_the_column_headings_sort_and_keep_the_filters(client, haroum):
    page = client.get(CLAIMS + "?kind=killed&order=claimant&page=1").content.decode()

    assert 'aria-sort="ascending"><a href="?kind=killed&amp;order=-claimant">Claimant' in page
    assert '<th scope="col"><a href="?kind=killed&amp;order=figure">Figure' in page


@pytest.mark.parametrize("order", ["bogus", "statement", "-", "claimant,bogus", "pk"])
def test_an_unknown_sort_order_is_a_form_error_on_the_page(client, haroum, order):
    response = client.get(CLAIMS + f"?order={order}")

    assert response.status_code == 200
    assert "These filters could not be applied" in text_of(response)
    assert "Sort by" in text_of(response).split("These filters could not be applied", 1)[1]
    assert listed_statements(response) == []


def test_a_draft_claimant_cannot_be_chosen_even_by_its_slug(client, haroum):
    hidden = make_actor(slug="hidden-militia", status=Status.DRAFT)
    make_claim(claimant=hidden)

    response = client.get(CLAIMS, {"claimant": "hidden-militia"})

    assert "No published actor matches “hidden-militia”." in text_of(response)
    assert listed_statements(response) == []


def test_the_list_is_paginated_and_keeps_the_filters_in_its_page_links(client, haroum):
    for number in range(60):
        make_claim(event=haroum["battle"], kind=Claim.Kind.WOUNDED, statement=f"Wounded claim {number:02d}")

    first = client.get(CLAIMS, {"kind": "wounded"})
    second = client.get(CLAIMS, {"kind": "wounded", "page": "2"})

    assert len(listed_statements(first)) == 50
    assert 'href="?kind=wounded&amp;page=2"' in first.content.decode()
    assert len(listed_statements(second)) == 10
    assert 'href="?kind=wounded&amp;page=1"' in second.content.decode()
    for page in ["3", "99999999999999999999", "last-but-one", "-2"]:
        assert client.get(CLAIMS, {"kind": "wounded", "page": page}).status_code == 404, page
    assert client.get(CLAIMS, {"kind": "wounded", "page": "last"}).status_code == 200


@pytest.mark.parametrize("order", ["", "kind", "assessment", "event"])
def test_a_page_past_the_middle_is_read_from_the_end_with_the_claims_read_from_the_start(client, monkeypatch, order):
    jnim, isgs = make_actor(slug="jnim", name="JNIM"), make_actor(slug="isgs", name="ISGS")
    # Events on the same day with the same title, claims of the same kind by the same claimant: the order
    # falls back on the claims' slugs. Three claims about no event come after those about events.
    same_day = [make_event(title="Clash", start_date=D(2022, 12, 3)) for _ in range(2)]
    for number, event in enumerate([*same_day, make_event(title="Clash", start_date=None), *same_day]):
        make_claim(event=event, claimant=jnim, slug=f"tied-{9 - number}", statement=f"About an event {number}")
    make_claim(event=same_day[0], claimant=isgs, kind=Claim.Kind.WOUNDED, statement="Wounded", assessment=Claim.Assessment.CONTESTED)
    make_claim(event=same_day[1], statement="Unattributed")
    for number in range(3):
        make_claim(actor=jnim, kind=Claim.Kind.STRENGTH, slug=f"tied-strength-{3 - number}", statement=f"About no event {number}")
    make_claim(event=same_day[0], statement="Draft", status=Status.DRAFT)
    query = {"order": order} if order else {}
    read_from_the_start = listed_statements(client.get(CLAIMS, query))
    assert len(read_from_the_start) == 10 and "Draft" not in read_from_the_start

    monkeypatch.setattr(ClaimListView, "paginate_by", 2)
    pages, read_from_the_end = [], []
    for number in range(1, 6):
        with CaptureQueriesContext(connection) as queries:
            pages.append(listed_statements(client.get(CLAIMS, {**query, "page": number})))
        keys = [q["sql"] for q in queries if q["sql"].startswith('SELECT "sources_claim"."id" AS "pk" FROM')]
        read_from_the_end.append([" DESC" in key for key in keys])

    assert pages == [read_from_the_start[start : start + 2] for start in range(0, 10, 2)]
    # Each part is read forwards up to its middle and from its end after it. In the reading order, seven claims
    # about events, then three about none; by event, six about dated events, one undated, three about none; by
    # kind or assessment, the ten claims in one sorted query.
    assert read_from_the_end == {
        "": [[False], [False], [True], [True, False], [True]],
        "event": [[False], [False], [True], [False, False], [True]],
        "kind": [[False], [False], [False], [True], [True]],
        "assessment": [[False], [False], [False], [True], [True]],
    }[order]


@pytest.mark.parametrize("order", [*CLAIM_ORDERINGS, *(f"-{name}" for name in CLAIM_ORDERINGS)])
def test_every_order_lists_the_claims_page_after_page_as_its_definition_sorts_them(client, monkeypatch, order):
    """The list reads the order by event in parts (dated events, undated, none): every order gives the same claims
    in the same order as the one sorted query CLAIM_ORDERINGS defines, with ties, unknown dates, figures and
    claimants."""
    jnim, isgs = make_actor(slug="jnim", name="JNIM"), make_actor(slug="isgs", name="ISGS")
    events = [
        make_event(title="Clash", start_date=D(2022, 12, 3)),
        make_event(title="Ambush", start_date=D(2022, 12, 3)),
        make_event(title="Raid", start_date=D(2022, 11, 1)),
        make_event(title="Clash", start_date=None),
        make_event(title="Ambush", start_date=None),
    ]
    claims = [
        (events[0], jnim, Claim.Kind.KILLED, Claim.Assessment.REPORTED, 73),
        (events[0], isgs, Claim.Kind.KILLED, Claim.Assessment.CONTESTED, 100),
        (events[1], None, Claim.Kind.WOUNDED, Claim.Assessment.REPORTED, 10),
        (events[1], jnim, Claim.Kind.KILLED, Claim.Assessment.CORROBORATED, None),
        (events[2], isgs, Claim.Kind.DISPLACED, Claim.Assessment.ALLEGED, 583),
        (events[3], None, Claim.Kind.KILLED, Claim.Assessment.REPORTED, 10),
        (events[3], jnim, Claim.Kind.OUTCOME, Claim.Assessment.DISCOUNTED, None),
        (None, isgs, Claim.Kind.STRENGTH, Claim.Assessment.REPORTED, 700),
        (None, None, Claim.Kind.STRENGTH, Claim.Assessment.REPORTED, 700),
        (events[4], isgs, Claim.Kind.KILLED, Claim.Assessment.REPORTED, 10),
    ]
    for number, (event, claimant, kind, assessment, value) in enumerate(claims):
        figure = {"value_low": value, "value_high": value} if value else {"qualifier": "", "value_low": None, "value_high": None}
        about = {"event": event} if event else {"actor": jnim}
        make_claim(
            slug=f"ordered-{9 - number}", statement=f"Claim {number}", claimant=claimant, kind=kind, assessment=assessment,
            **about, **figure,
        )  # fmt: skip
    make_claim(event=events[0], statement="Draft", status=Status.DRAFT)
    by_definition = ClaimOrdering().filter(in_reading_order(public_claims_of_few()), [order])

    monkeypatch.setattr(ClaimListView, "paginate_by", 2)
    pages = [client.get(CLAIMS, {"order": order, "page": number}) for number in range(1, 6)]
    listed = [statement for page in pages for statement in listed_statements(page)]

    assert listed == list(by_definition.values_list("statement", flat=True))
    assert len(listed) == 10


@pytest.mark.parametrize("hidden", [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])
def test_no_unpublished_entry_appears_in_the_list_or_its_counts(client, haroum, hidden):
    make_claim(event=haroum["battle"], statement=f"{MARKER} claim", wording=MARKER, status=hidden)
    make_claim(event=make_event(title=f"{MARKER} event", status=hidden), statement="Claim about a hidden event")
    make_claim(
        event=haroum["battle"], statement="Claim about a hidden place", place=make_place(name=MARKER, status=hidden)
    )
    hidden_source = make_source(title=f"{MARKER} source", publisher=MARKER, status=hidden)
    make_citation(haroum["hundred"], hidden_source, locator=MARKER)

    for params in [{}, {"q": "hidden"}, {"event": "haroum-battle"}]:
        response = client.get(CLAIMS, params)
        assert MARKER not in response.content.decode()
        assert "hidden" not in text_of(response)
    assert "<caption>4 claims</caption>" in client.get(CLAIMS).content.decode()


# The claim page


def test_the_claim_page_shows_the_claim_in_full(client, haroum):
    response = client.get(haroum["seventy_three"].get_absolute_url())

    assert response.status_code == 200
    markup = response.content.decode()
    text = text_of(response)
    assert "<h1>JNIM says it killed over 73 ISGS fighters in Haroum</h1>" in markup
    assert "Kind Killed" in text
    assert "Figure At least 73 fighters (at least; lower bound 73; unit: fighters)" in text
    assert "Original wording over seventy-three ISGS fighters in Haroum alone" in text
    assert "Claimant JNIM" in text
    assert "Party affected Islamic State in the Greater Sahara" in text
    assert "Event Battles of Tadjalalt and Haroum (7–10 December 2022)" in text
    assert "Only at Haroum" in text
    assert "Assessment Reported" in text
    assert "<title>JNIM says it killed over 73 ISGS fighters in Haroum (claim) — The Ménaka record</title>" in markup


def test_the_claim_page_numbers_its_citations_with_quote_and_locator(client, haroum):
    make_citation(
        haroum["restated"], make_source(title="Le Monde report", publisher="Le Monde"), quote="Cent combattants."
    )

    response = client.get(haroum["restated"].get_absolute_url())

    citations = response.content.decode().split('<ol class="citations"', 1)[1].split("</ol>", 1)[0]
    assert citations.count("<li") == 2
    assert 'id="note-1"' in citations and 'id="note-2"' in citations
    assert "Battle, paragraph 2" in citations
    assert "Conversely, ISGS claimed to have killed a hundred JNIM soldiers." in citations
    assert "Cent combattants." in citations


def test_the_claim_page_shows_the_same_allegation_in_both_directions(client, haroum):
    restating = text_of(client.get(haroum["restated"].get_absolute_url()))
    restated = text_of(client.get(haroum["hundred"].get_absolute_url()))

    assert (
        "The same allegation, in other words ISGS says it killed 100 JNIM fighters (per ISGS) : 100 (this claim restates it)"
        in restating
    )
    assert (
        "ISGS claims to have killed a hundred JNIM soldiers (per ISGS) : a hundred JNIM soldiers (restates this claim)"
        in restated
    )


def test_the_claim_page_sets_other_claims_about_the_same_quantity_side_by_side(client, haroum):
    make_claim(
        event=haroum["battle"],
        statement="A local source counts about 40 JNIM dead",
        qualifier=Q.ABOUT,
        value_low=40,
        unit=U.FIGHTERS,
        wording="une quarantaine",
        party=haroum["jnim"],
    )
    make_claim(event=haroum["battle"], statement="Other party's dead", party=haroum["isgs"])

    response = client.get(haroum["hundred"].get_absolute_url())

    text = text_of(response)
    table = text.split("Other claims about the same quantity", 1)[1]
    assert "This claim and 2 others about the same quantity" in table
    assert "ISGS says it killed 100 JNIM fighters (this claim) 100 fighters 100 ISGS Alleged" in table
    assert "A local source counts about 40 JNIM dead About 40 fighters une quarantaine unattributed Reported" in table
    assert "ISGS claims to have killed a hundred JNIM soldiers" in table
    assert "Other party's dead" not in table
    assert "not added up" in text


def test_the_claim_page_shows_no_unpublished_related_entry(client, haroum):
    make_claim(event=haroum["battle"], statement=f"{MARKER} same quantity", party=haroum["jnim"], status=Status.DRAFT)
    make_claim(
        event=haroum["battle"], statement=f"{MARKER} restatement", restates=haroum["hundred"], status=Status.REVIEW
    )
    make_citation(haroum["hundred"], make_source(title=MARKER, status=Status.DRAFT), quote=MARKER)

    response = client.get(haroum["hundred"].get_absolute_url())

    assert response.status_code == 200
    assert MARKER not in response.content.decode()


@pytest.mark.parametrize("hidden", [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])
def test_an_unpublished_claim_or_a_claim_about_an_unpublished_event_is_not_found(client, hidden):
    draft = make_claim(statement=MARKER, status=hidden)
    on_hidden_event = make_claim(event=make_event(title=MARKER, status=hidden))

    for claim in (draft, on_hidden_event):
        response = client.get(claim.get_absolute_url())
        assert response.status_code == 404
        assert MARKER not in response.content.decode()


def test_staff_preview_an_unpublished_claim_without_its_unpublished_relations(client):
    hidden_event = make_event(title=f"{MARKER} event", status=Status.DRAFT)
    claim = make_claim(
        event=hidden_event,
        statement="A claim in review",
        claimant=make_actor(name=MARKER, status=Status.DRAFT),
        status=Status.REVIEW,
    )
    client.force_login(make_user(is_staff=True))

    response = client.get(claim.get_absolute_url())

    assert response.status_code == 200
    text = text_of(response)
    assert "Preview: not published (status: In review)" in text
    assert "A claim in review" in text
    assert MARKER not in response.content.decode()
    assert "Event none named" in text


def test_the_claim_history_page_answers_for_published_claims_only(client, haroum):
    draft = make_claim(status=Status.DRAFT)

    on_a_draft_event = make_claim(event=make_event(status=Status.DRAFT))

    assert client.get(reverse("claim-history", args=[haroum["hundred"].slug])).status_code == 200
    assert client.get(reverse("claim-history", args=[draft.slug])).status_code == 404
    assert client.get(reverse("claim-history", args=[on_a_draft_event.slug])).status_code == 404
    assert (
        f'href="{reverse("claim-history", args=[haroum["hundred"].slug])}"'
        in client.get(haroum["hundred"].get_absolute_url()).content.decode()
    )


# Query counts


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_claim_pages_make_as_many_queries_for_much_data_as_for_little(client, haroum):
    urls = [
        CLAIMS,
        CLAIMS + "?kind=killed&claimant=isgs&party=jnim&event=haroum-battle&q=killed",
        CLAIMS + "?kind=nonsense",
        CLAIMS + "?figures=on&order=-assessment",
        haroum["hundred"].get_absolute_url(),
    ]
    few = [queries_for(client, url) for url in urls]

    sources = [make_source() for _ in range(4)]
    for number in range(45):
        claim = make_claim(
            event=haroum["battle"],
            statement=f"ISGS killed {number}",
            party=haroum["jnim"],
            claimant=make_actor(),
            restates=haroum["hundred"] if number % 2 else None,
        )
        for source in sources[: 1 + number % 4]:
            make_citation(claim, source)
    many = [queries_for(client, url) for url in urls]

    assert few == many


# The shipped record


def test_a_researcher_compares_the_shipped_casualty_claims_about_jnim(client):
    call_command("loaddata", "menaka_clashes", verbosity=0)

    response = client.get(CLAIMS, {"kind": "killed", "party": "jnim"})

    text = text_of(response)
    assert response.status_code == 200
    statements = listed_statements(response)
    assert len(statements) == 2
    assert "100 fighters 100 ISGS" in text
    assert "100 fighters a hundred JNIM soldiers ISGS" in text
