"""/figures/: for each question (event, kind, party affected), every claimed figure side by side, never added up."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Status
from sources.models import Claim
from tests.factories import make_actor, make_claim, make_event

pytestmark = pytest.mark.django_db

MARKER = "Zqxdraftmarker"


def questions(client, **params):
    """Each question on the page as (heading, [(figure, claimant, wording, assessment), ...])."""
    response = client.get(reverse("figures"), params)
    assert response.status_code == 200
    content = response.content.decode()
    found = []
    for section in re.findall(r'<section class="figure-question".*?</section>', content, re.S):
        heading = text(re.search(r"<h2[^>]*>(.*?)</h2>", section, re.S).group(1))
        rows = []
        for row in re.findall(r"<tr>(.*?)</tr>", section.split("<tbody>")[1], re.S):
            cells = [text(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            rows.append(tuple(cells[:4]))
        found.append((heading, rows))
    return found


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).replace("&#x27;", "'").strip()


@pytest.fixture
def article():
    call_command("loaddata", "menaka_clashes", verbosity=0)


def test_the_haroum_battles_show_each_sides_claim_with_its_claimant(client, article):
    by_heading = dict(questions(client))

    assert by_heading["Killed: JNIM in Battles of Tadjalalt and Haroum"] == [
        ("100 fighters", "ISGS", "a hundred JNIM soldiers", "Contested")
    ]
    assert by_heading["Killed: ISGS in Battles of Tadjalalt and Haroum"] == [
        ("More than 73 fighters (place: Haroum)", "JNIM", "over seventy-three ISGS fighters in Haroum alone", "Contested")
    ]


def test_the_civilian_deaths_show_the_infoboxs_figure_and_the_militia_commanders_allegation(client, article):
    by_heading = dict(questions(client))

    assert by_heading["Killed: Civilians in December 2022 Ménaka region clashes"] == [
        ("At least 70 civilians", "Wikipedia, in its own voice", "70+ civilians killed", "Alleged")
    ]
    assert by_heading["Killed: Civilians in Alleged massacres in Idarfan and Alabadje"] == [
        ("About 70 people", "al-Mahmoud", "around 70 people", "Alleged")
    ]


def test_a_source_speaking_in_its_own_voice_is_named_as_such(client, article):
    by_heading = dict(questions(client))
    ((_, claimant, _, _),) = by_heading["Displaced in Fighting begins in N'Tillit"]
    assert claimant == "Wikipedia, in its own voice"


def test_only_figures_are_listed(client, article):
    headings = [heading for heading, _ in questions(client)]
    assert not [heading for heading in headings if heading.startswith(("Commander", "Outcome", "Occurred"))]
    figures = Claim.objects.filter(kind__in=["killed", "wounded", "displaced", "strength", "distance"], event__isnull=False)
    assert len(headings) == figures.exclude(qualifier="").values("event", "kind", "party").distinct().count()


def test_figures_for_the_same_question_stand_side_by_side_and_are_never_added_up(client):
    battle = make_event(title="Battle of Tessit")
    army = make_actor(name="Malian army", short_name="FAMa")
    make_claim(event=battle, party=army, claimant=make_actor(short_name="ISGS"), value_low=100, wording="100")
    make_claim(event=battle, party=army, claimant=army, value_low=40, wording="forty")

    ((heading, rows),) = questions(client)

    assert heading == "Killed: FAMa in Battle of Tessit"
    assert [(figure, claimant) for figure, claimant, _, _ in rows] == [("40 people", "FAMa"), ("100 people", "ISGS")]
    content = client.get(reverse("figures")).content.decode()
    # No element starts with the sum (slugs, ids and revision numbers may contain "140" anywhere else).
    assert not re.search(r">\s*140\b", content)
    assert "2 figures, side by side, not added up" in content


def test_the_claim_lists_filters_apply(client, article):
    assert {heading.split(":")[0].split(" in ")[0] for heading, _ in questions(client, kind="strength")} == {"Strength"}
    assert {heading.split(" in ", 1)[1] for heading, _ in questions(client, event="battles-of-tadjalalt-and-haroum")} == {
        "Battles of Tadjalalt and Haroum"
    }
    by_party = [heading for heading, _ in questions(client, party="jnim")]
    assert by_party and all(": JNIM in " in heading for heading in by_party)


def test_a_bad_filter_is_a_form_error_on_the_page(client, article):
    response = client.get(reverse("figures"), {"kind": "rumours"})
    assert response.status_code == 200
    assert "These filters could not be applied" in response.content.decode()


@pytest.mark.parametrize("hidden", [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])
def test_no_draft_reaches_the_figures(client, hidden):
    battle = make_event(title="Battle")
    make_claim(event=battle, wording=f"{MARKER} figure", status=hidden)
    make_claim(event=battle, claimant=make_actor(name=f"{MARKER} militia", status=hidden), wording="12")
    make_claim(event=make_event(title=f"{MARKER} raid", status=hidden), wording="5")
    make_claim(event=battle, party=make_actor(name=f"{MARKER} party", status=hidden), wording="7")

    content = client.get(reverse("figures")).content.decode()

    assert MARKER not in content


def grow(n):
    for i in range(n):
        event = make_event(title=f"Raid {i}")
        party = make_actor(name=f"Party {i}")
        for claimant in (make_actor(name=f"Claimant {i}"), make_actor(name=f"Other claimant {i}")):
            make_claim(event=event, party=party, claimant=claimant)


def test_queries_do_not_grow_with_the_record(client):
    grow(2)
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("figures"))
    grow(25)
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("figures"))
    assert len(large) == len(small)
    assert "Page 1 of 2" in client.get(reverse("figures")).content.decode()


# The same questions, compact, on event and actor pages


def compact_rows(client, url):
    """Each row of a page's "Figures claimed" table as (question, [figure, claimed by, assessment] texts)."""
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    section = re.search(r'<section class="compact-figures".*?</section>', content, re.S)
    if section is None:
        return []
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", section.group(0).split("<tbody>")[1], re.S):
        question = text(re.search(r'<th scope="row">(.*?)</th>', row, re.S).group(1))
        figures = [text(item) for item in re.findall(r"<li>(.*?)</li>", row, re.S)]
        rows.append((question, figures))
    return rows


def test_an_event_page_shows_one_row_per_question_with_its_figures_side_by_side(client):
    battle = make_event(slug="tessit", title="Battle of Tessit")
    army = make_actor(name="Malian army", short_name="FAMa")
    isgs = make_actor(short_name="ISGS")
    make_claim(event=battle, party=army, claimant=isgs, value_low=100, wording="100", assessment="alleged")
    make_claim(event=battle, party=army, claimant=army, value_low=40, wording="forty", assessment="reported")
    make_claim(event=battle, kind=Claim.Kind.OUTCOME, qualifier="", value_low=None, value_high=None, unit="",
               wording="FAMa held the camp", statement="FAMa held the camp")
    make_claim(event=battle, party=army, claimant=make_actor(short_name=MARKER), value_low=7, status=Status.DRAFT)

    rows = compact_rows(client, battle.get_absolute_url())

    assert rows == [
        ("Killed: FAMa", ["40 people claimed by FAMa Reported", "100 people claimed by ISGS Alleged"])
    ]
    content = client.get(battle.get_absolute_url()).content.decode()
    # No element starts with the sum (the page's revision number and slugs may contain "140").
    assert not re.search(r">\s*140\b", content) and MARKER not in content
    assert 'href="/figures/?event=tessit"' in content


def test_an_actor_page_shows_the_figures_about_it_with_the_event_of_each_question(client, article):
    rows = dict(compact_rows(client, reverse("actor-detail", args=["jnim"])))

    assert rows["Killed: JNIM in Battles of Tadjalalt and Haroum, 7–10 December 2022"] == [
        "100 fighters claimed by ISGS Contested"
    ]
    assert "Strength: JNIM in December 2022 Ménaka region clashes, 3–10 December 2022" in rows


def test_a_page_with_no_figure_shows_no_figures_table(client):
    battle = make_event()
    make_claim(event=battle, kind=Claim.Kind.OUTCOME, qualifier="", value_low=None, value_high=None, unit="", wording="won")

    assert compact_rows(client, battle.get_absolute_url()) == []
    assert "Figures claimed" not in client.get(battle.get_absolute_url()).content.decode()
